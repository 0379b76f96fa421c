#include "terminal.hpp"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>

namespace accord::cli {
namespace {

// True for a code point a terminal acts on or that reorders or breaks the
// line it is shown in (see terminal_safe).
bool hostile(UChar32 c) {
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F) || c == 0x2028 ||
         c == 0x2029 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// The length of the Style code at the start of TEXT (ESC [ N m), or 0.
std::size_t style_code(std::string_view text) {
  static constexpr std::array<std::string_view, 7> k_codes = {
      "\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[36m"};
  for (std::string_view code : k_codes) {
    if (text.substr(0, code.size()) == code) return code.size();
  }
  return 0;
}

std::string escaped(std::string_view text, bool keep_style) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto n = static_cast<int32_t>(text.size());
  std::string out;
  out.reserve(text.size());
  int32_t i = 0;
  while (i < n) {
    if (keep_style && s[i] == 0x1B) {
      if (std::size_t code = style_code(text.substr(static_cast<std::size_t>(i)))) {
        out.append(text.substr(static_cast<std::size_t>(i), code));
        i += static_cast<int32_t>(code);
        continue;
      }
    }
    int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      for (int32_t k = start; k < i; ++k) out += fmt::format("\\x{:02x}", s[k]);
    } else if (!hostile(c)) {
      out.append(text.data() + start, static_cast<std::size_t>(i - start));
    } else if (c < 0x80) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += fmt::format("\\u{:04x}", c);
    }
  }
  return out;
}

}  // namespace

std::string json_text(const nlohmann::ordered_json& value) {
  return value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string terminal_safe(std::string_view text) { return escaped(text, false); }

std::string terminal_text(std::string_view text, const Style& style) {
  return escaped(text, style.enabled());
}

void print_text(std::string_view text, const Style& style) { print(terminal_text(text, style)); }

}  // namespace accord::cli
