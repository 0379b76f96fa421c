// What the commands share: exit codes, output formats, colour, and the
// command table. Only src/cli knows CLI11, colours and exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
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
Command help_command();      // cmd_help.cpp
Command version_command();   // cmd_help.cpp
Command generate_command();  // generate.cpp: hidden, run by the build

// A --max-file-size value: digits, then nothing or "b" (bytes), or K, M or G
// (binary: 1K = 1024; "KB", "KiB", "ki" too, any case), from 1 byte to 4G.
// nullopt for anything else: empty, a sign, 0, more than 4G, a number that
// would overflow, an unknown suffix.
std::optional<std::size_t> parse_size(std::string_view text);

// The command table, in --help order.
const std::vector<Command>& commands();

// Writes text to stdout exactly (no locale, no translation of newlines).
void print(std::string_view text);

// Hands OBJECT to the process: it lives until exit and is never destroyed.
// For the few large structures a command builds once, such as the hunspell
// dictionaries and a repository with its object cache: freeing their
// millions of small allocations one by one took a fifth of `accord check`'s
// time on a long history, and the operating system takes the memory back at
// exit at once (as git does). The objects stay reachable, so LeakSanitizer
// does not report them; the core's tests still destroy them.
// Main thread only.
void keep_until_exit(std::shared_ptr<const void> object);
template <class T, class... Args>
T& make_until_exit(Args&&... args) {
  auto object = std::make_shared<T>(std::forward<Args>(args)...);
  T& out = *object;
  keep_until_exit(std::move(object));
  return out;
}

// Parses and runs argv; the one place that catches. Returns the exit code.
int run(int argc, char** argv);

}  // namespace accord::cli
