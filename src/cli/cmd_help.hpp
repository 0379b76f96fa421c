// accord help [COMMAND], accord version and --version, and the footer line
// that points every command's --help to its man page.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace accord::cli {

// "accord 0.2.0 (commit 821be49abcde, RelWithDebInfo)" and a second line
// with the versions of libgit2, ICU, hunspell and cmark-gfm; no final
// newline. The commit is "unknown" when accord was not built from git.
std::string version_text();

// What `accord --help` (COMMAND the root app) or `accord NAME --help`
// (COMMAND the subcommand NAME) prints, exactly.
std::string help_text(const CLI::App& command);

// Appends "See 'man accord-NAME' or 'accord help NAME'." to COMMAND's footer.
void add_see_also(CLI::App& command);

}  // namespace accord::cli
