// accord: keeps multilingual policy documents honest. Everything happens in
// the core library; this file only hands argv to the command table.
#include "cli.hpp"

int main(int argc, char** argv) { return accord::cli::run(argc, argv); }
