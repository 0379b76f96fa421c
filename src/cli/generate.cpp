// accord __generate DIR: the man pages and completions. Everything here is
// read from the CLI11 apps that --help prints, so a new command or option
// appears in both at once.
#include "generate.hpp"

#include <fmt/format.h>

#include <accord/atomic_file.hpp>
#include <accord/error.hpp>
#include <cctype>
#include <filesystem>
#include <memory>
#include <system_error>

#include "cli.hpp"

namespace accord::cli {
namespace {

std::vector<const CLI::App*> visible_commands(const CLI::App& root) {
  std::vector<const CLI::App*> out;
  for (const CLI::App* sub : root.get_subcommands({}))
    if (!sub->get_group().empty()) out.push_back(sub);
  return out;
}

std::vector<std::string> typed_names(const CLI::Option& option) {
  std::vector<std::string> names;
  for (const auto& n : option.get_snames()) names.push_back("-" + n);
  for (const auto& n : option.get_lnames()) names.push_back("--" + n);
  return names;
}

// Flags (add_flag, --help) expect no value.
bool takes_value(const CLI::Option& option) { return option.get_items_expected_max() > 0; }

// The values an IsMember check allows ("{text,json}" in the type name).
std::vector<std::string> choices(const CLI::Option& option) {
  std::string type = option.get_type_name();
  auto open = type.find(":{");
  if (open == std::string::npos) return {};
  auto close = type.find('}', open);
  if (close == std::string::npos) return {};
  std::vector<std::string> out;
  std::string list = type.substr(open + 2, close - open - 2);
  for (std::size_t start = 0; start <= list.size();) {
    auto comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    if (comma > start) out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// The placeholder for an option's value: its type name without the checks
// ("TEXT", "UINT").
std::string value_name(const CLI::Option& option) {
  std::string type = option.get_type_name();
  return type.substr(0, type.find(':'));
}

// Options that go before or after every command.
std::vector<const CLI::Option*> global_options(const CLI::App& root) {
  std::vector<const CLI::Option*> out;
  for (const CLI::Option* o : root.get_options())
    if (o->nonpositional() && o != root.get_help_ptr() &&
        o->get_lnames() != std::vector<std::string>{"version"})
      out.push_back(o);
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::vector<std::string> split(std::string_view text, std::string_view separator) {
  std::vector<std::string> out;
  for (std::size_t start = 0;;) {
    auto at = text.find(separator, start);
    out.emplace_back(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) break;
    start = at + separator.size();
  }
  return out;
}

// ---- roff ----

// TEXT as roff text: backslashes and minus signs escaped, characters beyond
// ASCII as \[uXXXX], a control character at the start of a line defused.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    line_start = c == '\n';
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if (c >= 0x80) {
      int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
      char32_t cp = c & (0x3F >> extra);
      for (int k = 0; k < extra && i + 1 < text.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F);
      out += fmt::format("\\[u{:04X}]", static_cast<unsigned>(cp));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string strip_indent(std::string line) {
  std::size_t n = 0;
  while (n < 2 && n < line.size() && line[n] == ' ') ++n;
  return line.substr(n);
}

// A footer paragraph as roff: indented lines kept as they are, the rest
// filled.
std::string roff_paragraph(const std::string& paragraph) {
  auto lines = split(paragraph, "\n");
  bool literal = false;
  for (const auto& l : lines)
    if (!l.empty() && l.front() == ' ') literal = true;
  std::string out = ".PP\n";
  if (!literal) return out + roff(paragraph) + "\n";
  out += ".nf\n";
  for (const auto& l : lines) out += roff(l) + "\n";
  return out + ".fi\n";
}

struct FooterParts {
  std::string description;  // roff
  std::string exit_status;  // roff, empty when the footer has none
  std::string examples;     // roff
};

FooterParts footer_parts(const CLI::App& app) {
  FooterParts parts;
  for (const auto& paragraph : split(app.get_footer(), "\n\n")) {
    if (paragraph.empty() || paragraph.rfind("See 'man ", 0) == 0) continue;
    if (paragraph.rfind("Exit codes:", 0) == 0) {
      auto rest = paragraph.substr(std::string_view("Exit codes:").size());
      if (!rest.empty() && rest.front() == '\n') {
        parts.exit_status += ".nf\n";
        for (const auto& l : split(rest.substr(1), "\n"))
          parts.exit_status += roff(strip_indent(l)) + "\n";
        parts.exit_status += ".fi\n";
      } else {
        parts.exit_status += roff(rest.substr(rest.find_first_not_of(' '))) + "\n";
      }
    } else if (paragraph.rfind("Examples:\n", 0) == 0) {
      parts.examples += ".nf\n";
      for (const auto& l : split(paragraph.substr(10), "\n"))
        parts.examples += roff(strip_indent(l)) + "\n";
      parts.examples += ".fi\n";
    } else {
      parts.description += roff_paragraph(paragraph);
    }
  }
  return parts;
}

std::string option_item(const CLI::Option& o) {
  std::string out = ".TP\n";
  if (o.get_positional()) {
    out += "\\fI" + roff(o.get_name(true)) + "\\fR\n";
  } else {
    std::vector<std::string> names;
    for (const auto& n : typed_names(o)) names.push_back("\\fB" + roff(n) + "\\fR");
    out += join(names, ", ");
    if (takes_value(o)) out += " \\fI" + roff(value_name(o)) + "\\fR";
    out += "\n";
  }
  std::string text = o.get_description();
  if (!text.empty() && text.back() != '.') text += '.';
  auto allowed = choices(o);
  if (!allowed.empty()) text += " One of: " + join(allowed, ", ") + ".";
  if (!o.get_default_str().empty()) text += " Default: " + o.get_default_str() + ".";
  if (o.get_required()) text += " Required.";
  return out + roff(text) + "\n";
}

std::string synopsis(const CLI::App& app, const std::string& name) {
  std::string out = ".B " + roff(name) + "\n";
  std::string args = "[\\fIOPTIONS\\fR]";
  for (const CLI::Option* o : app.get_options()) {
    if (!o->get_positional()) continue;
    std::string p = "\\fI" + roff(o->get_name(true)) + "\\fR";
    if (o->get_expected_max() > 1) p += "...";
    args += " " + (o->get_required() ? p : "[" + p + "]");
  }
  return out + args + "\n";
}

constexpr const char* k_default_exit_status =
    "0 success (for commands with \\fB\\-\\-fail\\-on\\fR: nothing at or above it); 1 findings "
    "at or above \\fB\\-\\-fail\\-on\\fR; 2 usage or input error; 3 internal error (a bug in "
    "accord).\n";

// Text for completion scripts: one line, at most the first sentence.
std::string short_text(std::string text) {
  for (auto& c : text)
    if (c == '\n') c = ' ';
  auto stop = text.find(". ");
  if (stop != std::string::npos) text.resize(stop);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::string quote_sh(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string quote_fish(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::vector<std::string> all_option_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* o : app.get_options())
    for (const auto& n : typed_names(*o)) out.push_back(n);
  return out;
}

bool has_positional(const CLI::App& app) {
  for (const CLI::Option* o : app.get_options())
    if (o->get_positional()) return true;
  return false;
}

std::vector<std::string> names_of(const std::vector<const CLI::App*>& apps) {
  std::vector<std::string> out;
  for (const CLI::App* a : apps) out.push_back(a->get_name());
  return out;
}

void write(const std::filesystem::path& path, const std::string& text) {
  AtomicFile file(path.string());
  file.write(text);
  file.commit();
}

}  // namespace

std::string man_page(const CLI::App& root) {
  auto commands = visible_commands(root);
  std::string out = fmt::format(
      ".\\\" Generated by 'accord __generate' from accord's command table; do not edit.\n"
      ".TH ACCORD 1 \"\" \"accord {}\" \"accord manual\"\n.SH NAME\naccord \\- {}\n",
      ACCORD_VERSION, roff(root.get_description().substr(root.get_description().find(':') + 2)));
  out +=
      ".SH SYNOPSIS\n.B accord\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] "
      "[\\fIARGUMENTS\\fR]\n";
  FooterParts parts = footer_parts(root);
  out += ".SH DESCRIPTION\n" + roff(root.get_description()) + "\n" + parts.description;
  out += ".SH COMMANDS\n";
  for (const CLI::App* c : commands)
    out += ".TP\n\\fB" + roff(c->get_name()) + "\\fR\n" + roff(c->get_description()) +
           "; see \\fBaccord\\-" + roff(c->get_name()) + "\\fR(1).\n";
  out += ".SH OPTIONS\nThe global options go before or after the command.\n";
  for (const CLI::Option* o : root.get_options()) out += option_item(*o);
  out +=
      ".SH EXIT STATUS\n" + (parts.exit_status.empty() ? k_default_exit_status : parts.exit_status);
  if (!parts.examples.empty()) out += ".SH EXAMPLES\n" + parts.examples;
  out +=
      ".SH ENVIRONMENT\n.TP\n.B NO_COLOR\nWhen set and not empty, no colour unless "
      "\\fB\\-\\-color always\\fR.\n";
  out += ".SH SEE ALSO\n";
  std::vector<std::string> pages;
  for (const CLI::App* c : commands)
    pages.push_back("\\fBaccord\\-" + roff(c->get_name()) + "\\fR(1)");
  pages.push_back("\\fBgit\\fR(1)");
  return out + join(pages, ",\n") + "\n";
}

std::string man_page(const CLI::App& root, const CLI::App& command) {
  std::string name = "accord-" + command.get_name();
  std::string title = "ACCORD-";
  for (char c : command.get_name())
    title += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string out = fmt::format(
      ".\\\" Generated by 'accord __generate' from accord's command table; do not edit.\n"
      ".TH {} 1 \"\" \"accord {}\" \"accord manual\"\n.SH NAME\n{} \\- {}\n",
      roff(title), ACCORD_VERSION, roff(name), roff(command.get_description()));
  out += ".SH SYNOPSIS\n" + synopsis(command, "accord " + command.get_name());
  FooterParts parts = footer_parts(command);
  out += ".SH DESCRIPTION\n" + roff(command.get_description()) + ".\n" + parts.description;
  out += ".SH OPTIONS\n";
  for (const CLI::Option* o : command.get_options())
    if (o->get_positional()) out += option_item(*o);
  for (const CLI::Option* o : command.get_options())
    if (!o->get_positional()) out += option_item(*o);
  std::vector<std::string> globals;
  for (const CLI::Option* o : global_options(root))
    globals.push_back("\\fB" + roff(typed_names(*o).back()) + "\\fR");
  out += ".PP\nThe global options (" + join(globals, ", ") +
         ") work here too; see \\fBaccord\\fR(1).\n";
  out +=
      ".SH EXIT STATUS\n" + (parts.exit_status.empty() ? k_default_exit_status : parts.exit_status);
  if (!parts.examples.empty()) out += ".SH EXAMPLES\n" + parts.examples;
  out += ".SH SEE ALSO\n\\fBaccord\\fR(1)";
  for (const CLI::App* c : visible_commands(root))
    if (c != &command) out += ",\n\\fBaccord\\-" + roff(c->get_name()) + "\\fR(1)";
  return out + "\n";
}

std::string bash_completion(const CLI::App& root) {
  auto commands = visible_commands(root);
  std::string command_list = join(names_of(commands), " ");
  std::vector<std::string> global_names;
  std::string value_cases;  // case "$command:$prev"
  auto add_values = [&](const std::string& scope, const CLI::Option& o) {
    if (!takes_value(o) || !o.nonpositional()) return;
    std::vector<std::string> patterns;
    for (const auto& n : typed_names(o)) patterns.push_back(scope + ":" + n);
    auto allowed = choices(o);
    std::string reply = allowed.empty()
                            ? "compgen -f -- \"$cur\""
                            : "compgen -W " + quote_sh(join(allowed, " ")) + " -- \"$cur\"";
    value_cases += "    " + join(patterns, " | ") + ")\n      COMPREPLY=($(" + reply +
                   "))\n      return\n      ;;\n";
  };
  std::string skip_values;
  for (const CLI::Option* o : global_options(root)) {
    add_values("*", *o);
    for (const auto& n : typed_names(*o)) {
      global_names.push_back(n);
      if (takes_value(*o)) skip_values += (skip_values.empty() ? "" : " | ") + n;
    }
  }
  std::string option_cases =
      "    '')\n      options=" + quote_sh(join(all_option_names(root), " ")) + "\n      ;;\n";
  std::string word_cases;
  for (const CLI::App* c : commands) {
    for (const CLI::Option* o : c->get_options()) add_values(c->get_name(), *o);
    option_cases += "    " + c->get_name() + ")\n      options=" +
                    quote_sh(join(all_option_names(*c), " ") + " " + join(global_names, " ")) +
                    "\n      ;;\n";
    if (c->get_name() == "help") {
      word_cases += "    help)\n      COMPREPLY=($(compgen -W " + quote_sh(command_list) +
                    " -- \"$cur\"))\n      ;;\n";
    } else if (has_positional(*c)) {
      word_cases +=
          "    " + c->get_name() + ")\n      COMPREPLY=($(compgen -f -- \"$cur\"))\n      ;;\n";
    }
  }
  return fmt::format(
      R"(# bash completion for accord. Generated by 'accord __generate' from accord's
# command table; do not edit.
_accord() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev= command= options= i
  if ((COMP_CWORD > 0)); then prev=${{COMP_WORDS[COMP_CWORD - 1]}}; fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${{COMP_WORDS[i]}} in
      {}) ((i++)) ;;
      -*) ;;
      *)
        command=${{COMP_WORDS[i]}}
        break
        ;;
    esac
  done
  COMPREPLY=()
  case $command:$prev in
{}  esac
  if [[ $cur == -* ]]; then
    case $command in
{}    esac
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi
  case $command in
    '')
      COMPREPLY=($(compgen -W {} -- "$cur"))
      ;;
{}  esac
}}
complete -o filenames -F _accord accord
)",
      skip_values.empty() ? "--" : skip_values, value_cases, option_cases, quote_sh(command_list),
      word_cases);
}

namespace {

// One _arguments spec per name of O: '--format[Output format]:TEXT:(text json)'.
std::string zsh_specs(const CLI::Option& o) {
  std::string description;
  for (char c : short_text(o.get_description())) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') description += '\\';
    description += c;
  }
  std::string action;
  if (takes_value(o)) {
    auto allowed = choices(o);
    action =
        ":" + value_name(o) + ":" + (allowed.empty() ? "_files" : "(" + join(allowed, " ") + ")");
  }
  std::string out;
  for (const auto& n : typed_names(o))
    out += " \\\n    " + quote_sh(n + "[" + description + "]" + action);
  return out;
}

}  // namespace

std::string zsh_completion(const CLI::App& root) {
  auto commands = visible_commands(root);
  std::string described;
  for (const CLI::App* c : commands) {
    std::string d = c->get_name() + ":" + short_text(c->get_description());
    described += "    " + quote_sh(d) + "\n";
  }
  std::string root_specs;
  for (const CLI::Option* o : root.get_options()) root_specs += zsh_specs(*o);
  std::string global_specs;
  for (const CLI::Option* o : global_options(root)) global_specs += zsh_specs(*o);
  std::string cases;
  for (const CLI::App* c : commands) {
    std::string specs;
    for (const CLI::Option* o : c->get_options())
      if (!o->get_positional()) specs += zsh_specs(*o);
    specs += global_specs;
    if (c->get_name() == "help") {
      specs += " \\\n    " + quote_sh("1:command:(" + join(names_of(commands), " ") + ")");
    } else if (has_positional(*c)) {
      specs += " \\\n    '*:file:_files'";
    }
    cases += "        " + c->get_name() + ")\n          _arguments" + specs + "\n          ;;\n";
  }
  return fmt::format(
      R"(#compdef accord
# zsh completion for accord. Generated by 'accord __generate' from accord's
# command table; do not edit.

_accord() {{
  local curcontext=$curcontext state line
  local -a commands
  commands=(
{}  )
  _arguments -C{} \
    '1: :->command' \
    '*:: :->args'
  case $state in
    command)
      _describe -t commands 'accord command' commands
      ;;
    args)
      case $words[1] in
{}      esac
      ;;
  esac
}}

_accord "$@"
)",
      described, root_specs, cases);
}

std::string fish_completion(const CLI::App& root) {
  auto commands = visible_commands(root);
  std::string out =
      "# fish completion for accord. Generated by 'accord __generate' from accord's\n"
      "# command table; do not edit.\n"
      "complete -c accord -f\n";
  auto option_line = [](const std::string& condition, const CLI::Option& o) {
    std::string line = "complete -c accord" + condition;
    for (const auto& n : o.get_snames()) line += " -s " + n;
    for (const auto& n : o.get_lnames()) line += " -l " + n;
    if (takes_value(o)) {
      auto allowed = choices(o);
      line += allowed.empty() ? " -r -F" : " -x -a " + quote_fish(join(allowed, " "));
    }
    return line + " -d " + quote_fish(short_text(o.get_description())) + "\n";
  };
  for (const CLI::App* c : commands)
    out += "complete -c accord -n __fish_use_subcommand -a " + c->get_name() + " -d " +
           quote_fish(short_text(c->get_description())) + "\n";
  for (const CLI::Option* o : root.get_options()) {
    bool global = false;
    for (const CLI::Option* g : global_options(root)) global = global || g == o;
    out += option_line(global ? "" : " -n __fish_use_subcommand", *o);
  }
  for (const CLI::App* c : commands) {
    std::string condition = " -n '__fish_seen_subcommand_from " + c->get_name() + "'";
    for (const CLI::Option* o : c->get_options())
      if (!o->get_positional()) out += option_line(condition, *o);
    if (c->get_name() == "help") {
      out += "complete -c accord" + condition + " -a " + quote_fish(join(names_of(commands), " ")) +
             "\n";
    } else if (has_positional(*c)) {
      out += "complete -c accord" + condition + " -F\n";
    }
  }
  return out;
}

void generate_docs(const CLI::App& root, const std::string& dir) {
  namespace fs = std::filesystem;
  fs::path base(dir);
  std::error_code ec;
  for (const char* sub : {"man1", "completions"}) {
    fs::create_directories(base / sub, ec);
    if (ec)
      throw Error((base / sub).string(), 0, "cannot create the folder: " + ec.message(),
                  "check the build folder's permissions");
  }
  write(base / "man1/accord.1", man_page(root));
  for (const CLI::App* c : visible_commands(root))
    write(base / "man1" / ("accord-" + c->get_name() + ".1"), man_page(root, *c));
  write(base / "completions/accord", bash_completion(root));
  write(base / "completions/_accord", zsh_completion(root));
  write(base / "completions/accord.fish", fish_completion(root));
}

Command generate_command() {
  return {"__generate", "Write the man pages and shell completions into DIR (run by the build)",
          [](CLI::App& app, const GlobalOptions&) {
            app.group("");  // hidden from --help, the man pages and completions
            auto dir = std::make_shared<std::string>();
            app.add_option("DIR", *dir, "Output folder")->required();
            return [&app, dir] {
              generate_docs(*app.get_parent(), *dir);
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace accord::cli
