#include "cli.hpp"
namespace accord::cli {
Command pairs_command() { return {"pairs", "x", [](CLI::App&, const GlobalOptions&) { return std::function<int()>([] { return 0; }); }}; }
}
