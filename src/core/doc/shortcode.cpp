#include "doc/shortcode.hpp"

#include <accord/text.hpp>
#include <algorithm>
#include <charconv>

namespace accord {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

struct Argument {
  std::string name;  // empty for a positional argument
  std::string value;
};

// Splits shortcode arguments: bare words, "quoted \" strings", `raw strings`,
// and name=value with either kind of value. Returns nullopt when a quote is
// left open.
std::optional<std::vector<Argument>> split_arguments(std::string_view s) {
  std::vector<Argument> args;
  std::size_t i = 0;
  while (true) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size()) break;
    Argument arg;
    std::size_t start = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != '"' && s[i] != '`') ++i;
    if (i < s.size() && s[i] == '=' && i > start) {
      arg.name = std::string(s.substr(start, i - start));
      ++i;
      start = i;
    }
    if (i < s.size() && (s[i] == '"' || s[i] == '`') && i == start) {
      char quote = s[i++];
      while (i < s.size() && s[i] != quote) {
        if (quote == '"' && s[i] == '\\' && i + 1 < s.size()) ++i;
        arg.value += s[i++];
      }
      if (i >= s.size()) return std::nullopt;
      ++i;
    } else {
      while (i < s.size() && !is_space(s[i])) ++i;
      arg.value = std::string(s.substr(start, i - start));
    }
    args.push_back(std::move(arg));
  }
  return args;
}

}  // namespace

std::optional<std::vector<ShortcodeArgument>> split_shortcode_arguments(std::string_view inside) {
  auto args = split_arguments(inside);
  if (!args) return std::nullopt;
  std::vector<ShortcodeArgument> out;
  out.reserve(args->size());
  for (auto& a : *args) out.push_back({std::move(a.name), std::move(a.value)});
  return out;
}

std::optional<ShortcodeHeading> parse_heading_shortcode(std::string_view line,
                                                        const std::vector<std::string>& names) {
  while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
  while (!line.empty() && (is_space(line.back()) || line.back() == '\r')) line.remove_suffix(1);
  if (line.size() < 6 || line.substr(0, 2) != "{{") return std::nullopt;
  char open = line[2];
  if (open != '%' && open != '<') return std::nullopt;
  char close = open == '%' ? '%' : '>';
  if (line[line.size() - 3] != close || line.substr(line.size() - 2) != "}}") return std::nullopt;
  std::string_view inner = line.substr(3, line.size() - 6);
  // One shortcode only: a second "{{" means this line holds more.
  if (inner.find("{{") != inner.npos || inner.find("}}") != inner.npos) return std::nullopt;
  auto args = split_arguments(inner);
  if (!args || args->empty() || !(*args)[0].name.empty()) return std::nullopt;
  ShortcodeHeading out;
  out.name = (*args)[0].value;
  if (std::find(names.begin(), names.end(), out.name) == names.end()) return std::nullopt;
  if (!out.name.empty() && out.name.back() >= '1' && out.name.back() <= '6') {
    out.level = out.name.back() - '0';
  }
  bool have_title = false;
  for (std::size_t k = 1; k < args->size(); ++k) {
    const auto& arg = (*args)[k];
    int number = 0;
    auto [ptr, ec] = std::from_chars(arg.value.data(), arg.value.data() + arg.value.size(), number);
    bool numeric = ec == std::errc() && ptr == arg.value.data() + arg.value.size();
    if (arg.name == "level" ||
        (arg.name.empty() && numeric && !have_title && out.name == "heading")) {
      if (numeric && number >= 1 && number <= 6) out.level = number;
    } else if ((arg.name == "title" || arg.name.empty()) && !have_title) {
      out.title = arg.value;
      have_title = true;
    }
  }
  return out;
}

std::string strip_shortcodes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 3, "{{%") == 0 || text.compare(i, 3, "{{<") == 0) {
      const char* closer = text[i + 2] == '%' ? "%}}" : ">}}";
      auto end = text.find(closer, i + 3);
      if (end != text.npos) {
        out += ' ';
        i = end + 3;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace accord
