#include "cli.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <accord/error.hpp>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cmd_help.hpp"
#include "suggest.hpp"
#include "terminal.hpp"

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

std::optional<std::size_t> parse_size(std::string_view text) {
  constexpr std::uint64_t k_max = 4ull << 30;
  std::size_t i = 0;
  std::uint64_t n = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    n = n * 10 + static_cast<std::uint64_t>(text[i] - '0');
    if (n > k_max) return std::nullopt;  // before it can overflow
  }
  if (i == 0) return std::nullopt;  // no digits: empty, a sign, a word
  std::string unit;
  for (char c : text.substr(i))
    unit += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  struct Unit {
    const char* name;
    std::uint64_t factor;
  };
  static constexpr Unit k_units[] = {{"", 1},
                                     {"b", 1},
                                     {"k", 1ull << 10},
                                     {"kb", 1ull << 10},
                                     {"ki", 1ull << 10},
                                     {"kib", 1ull << 10},
                                     {"m", 1ull << 20},
                                     {"mb", 1ull << 20},
                                     {"mi", 1ull << 20},
                                     {"mib", 1ull << 20},
                                     {"g", 1ull << 30},
                                     {"gb", 1ull << 30},
                                     {"gi", 1ull << 30},
                                     {"gib", 1ull << 30}};
  std::uint64_t factor = 0;
  for (const Unit& u : k_units) {
    if (unit == u.name) factor = u.factor;
  }
  if (factor == 0 || n == 0 || n > k_max / factor) return std::nullopt;
  return static_cast<std::size_t>(n * factor);
}

namespace {

// Throws CLI::ValidationError for an option given an empty value ('' from a
// script whose variable was unset): no option of accord means "not given"
// or anything else by an empty string, so it is a usage error, not a
// silent default.
void refuse_empty_values(const CLI::App& app) {
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_type_size() == 0) continue;  // a flag
    for (const std::string& value : option->results()) {
      if (value.empty()) {
        throw CLI::ValidationError(option->get_name(),
                                   "the value is empty; give a value or leave the option out");
      }
    }
  }
  for (const CLI::App* sub : app.get_subcommands()) refuse_empty_values(*sub);
}

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
  app.add_option_function<std::string>(
         "--max-file-size",
         [&global](const std::string& value) {
           auto size = parse_size(value);
           if (!size) {
             throw CLI::ValidationError(
                 "--max-file-size", "'" + value + "' is not a size from 1 byte to 4G (a whole " +
                                        "number of bytes, or with a suffix K, M or G)");
           }
           global.max_file_size = *size;
         },
         "Largest document accepted, in bytes (suffixes K, M, G; 1 to 4G)")
      ->default_str("16M");

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
    refuse_empty_values(app);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      app.exit(e);
      return k_exit_ok;
    }
    if (auto unknown = check_unknown_option(app, argc, argv)) return *unknown;
    std::cerr << "accord: error: " << terminal_safe(e.what()) << "; see 'accord --help'\n";
    return k_exit_input;
  }

  try {
    return action ? action() : k_exit_input;
  } catch (const Error& e) {
    std::fflush(stdout);
    std::cerr << "accord: error: " << terminal_safe(e.what()) << '\n';
    return k_exit_input;
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::cerr << "accord: internal error: " << terminal_safe(e.what()) << "; please report this\n";
    return k_exit_internal;
  }
}

}  // namespace accord::cli
