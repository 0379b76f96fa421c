#include "cli.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <accord/error.hpp>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cmd_help.hpp"
#include "suggest.hpp"

namespace accord::cli {

Style::Style(const GlobalOptions& options, std::FILE* stream) {
  if (options.color == "always") {
    m_enabled = true;
  } else if (options.color == "never") {
    m_enabled = false;
  } else {
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    m_enabled = isatty(fileno(stream)) != 0 && !(no_color && *no_color) &&
                !(term && std::string_view(term) == "dumb");
  }
}

std::string Style::wrap(std::string_view code, std::string_view s) const {
  if (!m_enabled) return std::string(s);
  return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
}

void print(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      check_command(),    align_command(),   diff_command(), notice_command(),  notes_command(),
      sections_command(), pairs_command(),   log_command(),  show_command(),    blame_command(),
      report_command(),   publish_command(), help_command(), version_command(), generate_command()};
  return table;
}

namespace {

constexpr const char* k_footer = R"(Exit codes:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  usage or input error (bad file, bad repository, bad option)
  3  internal error (a bug in accord; please report it)

Examples:
  accord check                 # every translation pair of the site here
  accord check --format github # annotations for GitHub Actions
  accord align content/privacy.en.md content/privacy.et.md
  accord diff v1 v2 content/privacy.en.md   # substantial or editorial, per section
  accord publish content/privacy.en.md --published 2026-04-09   # tag it, with the notice kept
  accord notes --from v1 --to v2   # release notes: changes, translation status, dates
  accord sections content/privacy.et.md
  accord sections content/privacy.et.md --format json
  accord pairs                 # translation pairs of the Hugo site here
  accord pairs path/to/site --format json

See 'man accord' and 'accord help COMMAND' for every command and option.)";

}  // namespace

void keep_until_exit(std::shared_ptr<const void> object) {
  // Never deleted, so never destroyed: see cli.hpp.
  static auto* kept = new std::vector<std::shared_ptr<const void>>();
  kept->push_back(std::move(object));
}

int run(int argc, char** argv) {
  CLI::App app{"accord: keeps multilingual policy documents honest.", "accord"};
  app.footer(k_footer);
  app.require_subcommand(1);
  app.fallthrough();
  app.set_version_flag("--version", version_text());
  GlobalOptions global;
  app.add_option("--color", global.color,
                 "Colour output: auto (TTY only, NO_COLOR respected), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_option("--max-file-size", global.max_file_size,
                 "Largest document accepted, in bytes (suffixes K, M, G)")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();

  std::function<int()> action;
  for (const Command& command : commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    auto act = command.setup(*sub, global);
    sub->callback([&action, act] { action = act; });
    add_see_also(*sub);
  }
  if (auto unknown = check_command_word(app, argc, argv)) return *unknown;

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      app.exit(e);
      return k_exit_ok;
    }
    if (auto unknown = check_unknown_option(app, argc, argv)) return *unknown;
    std::cerr << "accord: error: " << e.what() << "; see 'accord --help'\n";
    return k_exit_input;
  }

  try {
    return action ? action() : k_exit_input;
  } catch (const Error& e) {
    std::fflush(stdout);
    std::cerr << "accord: error: " << e.what() << '\n';
    return k_exit_input;
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::cerr << "accord: internal error: " << e.what() << "; please report this\n";
    return k_exit_internal;
  }
}

}  // namespace accord::cli
