// to_valid_utf8 (text.hpp).
#include <unicode/utf8.h>

#include <accord/text.hpp>
#include <cstdint>

namespace accord {

std::string to_valid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  auto n = static_cast<int32_t>(bytes.size());
  std::string out;
  out.reserve(bytes.size());
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);  // ICU 60+: skips exactly one maximal subpart when ill-formed
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(bytes.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

}  // namespace accord
