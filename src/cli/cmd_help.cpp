// accord help [COMMAND] and accord version.
#include "cmd_help.hpp"

#include <fmt/format.h>

#include <accord/versions.hpp>
#include <memory>

#include "build_info.hpp"
#include "cli.hpp"
#include "suggest.hpp"

namespace accord::cli {

std::string version_text() {
  std::string libraries;
  for (const auto& l : library_versions()) {
    if (!libraries.empty()) libraries += ", ";
    libraries += l.name + " " + l.version;
  }
  return fmt::format("accord {} (commit {}, {})\n{}", ACCORD_VERSION, k_build_commit, k_build_type,
                     libraries);
}

std::string help_text(const CLI::App& command) {
  // As App::help() builds it, without its delegation to the subcommand
  // parsed (which, for `accord help`, is help itself).
  std::string name = command.get_name();
  for (const CLI::App* p = command.get_parent(); p; p = p->get_parent())
    name = p->get_name() + " " + name;
  return command.get_formatter()->make_help(&command, name, CLI::AppFormatMode::Normal);
}

void add_see_also(CLI::App& command) {
  std::string footer = command.get_footer();
  if (!footer.empty()) footer += "\n\n";
  command.footer(footer +
                 fmt::format("See 'man accord-{0}' or 'accord help {0}'.", command.get_name()));
}

Command help_command() {
  return {"help", "Print the help of accord, or of COMMAND (the same as --help)",
          [](CLI::App& app, const GlobalOptions&) {
            auto name = std::make_shared<std::string>();
            app.add_option("COMMAND", *name, "The command to explain (default: all of them)");
            app.footer(
                "Examples:\n"
                "  accord help          # the commands, global options and exit codes\n"
                "  accord help check    # the same as 'accord check --help'");
            return [&app, name] {
              const CLI::App& root = *app.get_parent();
              if (name->empty()) {
                print(help_text(root));
                return static_cast<int>(k_exit_ok);
              }
              for (const CLI::App* sub : root.get_subcommands({})) {
                if (sub->get_name() == *name && !sub->get_group().empty()) {
                  print(help_text(*sub));
                  return static_cast<int>(k_exit_ok);
                }
              }
              return unknown_word_error("command", *name, command_names(root), "accord help");
            };
          }};
}

Command version_command() {
  return {"version", "Print the version of accord and of the libraries it uses",
          [](CLI::App& app, const GlobalOptions&) {
            app.footer(
                "The first line: accord's version, the commit it was built from and the build\n"
                "type; the second: libgit2, ICU, hunspell and cmark-gfm. 'accord --version'\n"
                "prints the same.\n\n"
                "Examples:\n"
                "  accord version");
            return [] {
              print(version_text() + "\n");
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace accord::cli
