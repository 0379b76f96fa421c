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

// TEXT with every {{% … %}} and {{< … >}} removed.
std::string strip_shortcodes(std::string_view text);

}  // namespace accord
