#include "suggest.hpp"

#include <algorithm>
#include <iostream>
#include <utility>

#include "cli.hpp"

namespace accord::cli {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic programme: the swap looks two rows back.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

namespace {

std::string_view undashed(std::string_view s) {
  while (!s.empty() && s.front() == '-') s.remove_prefix(1);
  return s;
}

// The names of OPTION as typed: "--format", "-h".
std::vector<std::string> typed_names(const CLI::Option& option) {
  std::vector<std::string> names;
  for (const auto& n : option.get_lnames()) names.push_back("--" + n);
  for (const auto& n : option.get_snames()) names.push_back("-" + n);
  return names;
}

// The option of APP named NAME ("--format"), or null.
const CLI::Option* find_option(const CLI::App& app, std::string_view name) {
  for (const CLI::Option* o : app.get_options()) {
    auto names = typed_names(*o);
    if (std::find(names.begin(), names.end(), name) != names.end()) return o;
  }
  return nullptr;
}

// Flags (add_flag, --help) expect no value.
bool takes_value(const CLI::Option& option) { return option.get_items_expected_max() > 0; }

// The index in ARGV of the command word, skipping APP's options before it
// (and the values of those that take one); argc when there is none. Sets
// *UNSURE when an option before it is not one of APP's: whether that one
// takes a value, and so which word is the command, is unknown.
int command_index(const CLI::App& app, int argc, char** argv, bool* unsure = nullptr) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") return i + 1 < argc ? i + 1 : argc;
    if (arg.size() > 1 && arg.front() == '-') {
      const CLI::Option* o = find_option(app, arg.substr(0, arg.find('=')));
      if (!o && unsure) *unsure = true;
      if (o && takes_value(*o) && arg.find('=') == std::string_view::npos) ++i;
      continue;
    }
    return i;
  }
  return argc;
}

}  // namespace

std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  std::string_view bare = undashed(word);
  std::size_t limit = std::clamp<std::size_t>(bare.size() / 3, 1, 2);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    if (c == word) return std::nullopt;
    // Dashes are part of the name, but "-format" for "--format" is one edit.
    std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

int unknown_word_error(std::string_view kind, std::string_view word,
                       const std::vector<std::string>& candidates, std::string_view see) {
  std::fflush(stdout);
  std::cerr << "accord: error: unknown " << kind << " '" << word << "'; ";
  if (auto near = nearest(word, candidates)) {
    std::cerr << "did you mean '" << *near << "'?\n";
  } else {
    std::cerr << "see '" << see << "'\n";
  }
  return k_exit_input;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({}))
    if (!sub->get_group().empty()) names.push_back(sub->get_name());
  return names;
}

std::optional<int> check_command_word(const CLI::App& app, int argc, char** argv) {
  bool unsure = false;
  int i = command_index(app, argc, argv, &unsure);
  // An unknown option first: check_unknown_option reports it.
  if (i >= argc || unsure) return std::nullopt;
  std::string_view word = argv[i];
  for (const CLI::App* sub : app.get_subcommands({}))
    if (sub->get_name() == word) return std::nullopt;
  return unknown_word_error("command", word, command_names(app), "accord help");
}

std::optional<int> check_unknown_option(const CLI::App& app, int argc, char** argv) {
  int i = command_index(app, argc, argv);
  const CLI::App* command = nullptr;
  if (i < argc)
    for (const CLI::App* sub : std::as_const(app).get_subcommands({}))
      if (sub->get_name() == argv[i]) command = sub;
  // Before the command only the global options count.
  auto known = [&](std::string_view name) -> const CLI::Option* {
    if (const CLI::Option* o = command ? find_option(*command, name) : nullptr) return o;
    return find_option(app, name);
  };
  for (int j = 1; j < argc; ++j) {
    std::string_view arg = argv[j];
    if (j == i) continue;
    if (arg == "--") break;
    if (arg.size() < 2 || arg.front() != '-') continue;
    std::string_view name = arg.substr(0, arg.find('='));
    const CLI::Option* o = j > i ? known(name) : find_option(app, name);
    if (o) {
      if (takes_value(*o) && name.size() == arg.size()) ++j;
      continue;
    }
    std::vector<std::string> candidates;
    if (command && j > i)
      for (const CLI::Option* c : command->get_options())
        for (auto& n : typed_names(*c)) candidates.push_back(n);
    for (const CLI::Option* c : app.get_options())
      for (auto& n : typed_names(*c)) candidates.push_back(n);
    std::string see = command && j > i ? "accord help " + command->get_name() : "accord help";
    return unknown_word_error("option", name, candidates, see);
  }
  return std::nullopt;
}

}  // namespace accord::cli
