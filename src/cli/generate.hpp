// The man pages and shell completions, made from the command table itself
// (`accord __generate DIR`, run by the build) so that they cannot drift from
// --help.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace accord::cli {

// Writes into DIR, from ROOT (the accord app with every command set up):
// man1/accord.1 and man1/accord-NAME.1 per visible command (roff, man
// macros), completions/accord (bash), completions/_accord (zsh) and
// completions/accord.fish (fish). Creates the folders; each file is replaced
// atomically. Throws Error when a file cannot be written.
void generate_docs(const CLI::App& root, const std::string& dir);

// ROOT's man page and the page of COMMAND, a visible subcommand of ROOT.
std::string man_page(const CLI::App& root);
std::string man_page(const CLI::App& root, const CLI::App& command);
// The three completion scripts for ROOT.
std::string bash_completion(const CLI::App& root);
std::string zsh_completion(const CLI::App& root);
std::string fish_completion(const CLI::App& root);

}  // namespace accord::cli
