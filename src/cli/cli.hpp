// What the commands share: exit codes, output formats, colour, and the
// command table. Only src/cli knows CLI11, colours and exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace accord::cli {

// The documented exit codes (docs/cli.md, --help).
enum ExitCode : int {
  k_exit_ok = 0,        // nothing at or above --fail-on
  k_exit_findings = 1,  // findings at or above --fail-on
  k_exit_input = 2,     // usage or input error
  k_exit_internal = 3,  // a bug in accord
};

// Options every command has.
struct GlobalOptions {
  std::string color = "auto";  // auto|always|never
  std::size_t max_file_size = 16u * 1024u * 1024u;
};

// ANSI styling that is on only when stdout is a terminal, NO_COLOR is unset
// and TERM is not "dumb", unless --color says otherwise.
class Style {
 public:
  Style(const GlobalOptions& options, std::FILE* stream);
  std::string bold(std::string_view s) const { return wrap("1", s); }
  std::string red(std::string_view s) const { return wrap("31", s); }
  std::string yellow(std::string_view s) const { return wrap("33", s); }
  std::string green(std::string_view s) const { return wrap("32", s); }
  std::string cyan(std::string_view s) const { return wrap("36", s); }
  std::string dim(std::string_view s) const { return wrap("2", s); }
  bool enabled() const { return m_enabled; }

 private:
  std::string wrap(std::string_view code, std::string_view s) const;
  bool m_enabled = false;
};

// One subcommand: registers its options on the CLI11 subcommand and returns
// the action to run after parsing. The action returns an exit code.
struct Command {
  const char* name;
  const char* summary;
  std::function<std::function<int()>(CLI::App&, const GlobalOptions&)> setup;
};

// One factory per command file.
Command sections_command();
Command pairs_command();
Command check_command();
Command align_command();
Command diff_command();
Command notice_command();
Command notes_command();
Command log_command();
Command show_command();
Command blame_command();
Command report_command();
Command publish_command();

// The command table, in --help order.
const std::vector<Command>& commands();

// Writes text to stdout exactly (no locale, no translation of newlines).
void print(std::string_view text);

// Parses and runs argv; the one place that catches. Returns the exit code.
int run(int argc, char** argv);

}  // namespace accord::cli
