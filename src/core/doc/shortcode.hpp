// Hugo shortcodes: {{% name args %}} and {{< name args >}}.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

struct ShortcodeHeading {
  std::string name;
  std::string title;
  int level = 2;
};

// When LINE is nothing but one heading shortcode (a name in NAMES), its name,
// title (first quoted positional argument, or title="…") and level (the
// name's trailing digit, else a level argument, else 2).
std::optional<ShortcodeHeading> parse_heading_shortcode(std::string_view line,
                                                        const std::vector<std::string>& names);

// One argument of a shortcode call: NAME is empty for a positional one.
struct ShortcodeArgument {
  std::string name;
  std::string value;
};

// The words of a shortcode call's inside ("param \"email\"", "figure
// src=\"/a.png\" caption=`x`"): bare words, "quoted" and `raw` strings,
// name=value. The first is the shortcode's name. Nullopt when a quote is left
// open.
std::optional<std::vector<ShortcodeArgument>> split_shortcode_arguments(std::string_view inside);

// TEXT with every {{% … %}} and {{< … >}} removed.
std::string strip_shortcodes(std::string_view text);

}  // namespace accord
