#include "fuzz_support.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace accord::fuzz {

std::string_view as_text(const uint8_t* data, size_t size) {
  if (size == 0) return {};
  return {reinterpret_cast<const char*>(data), size};
}

std::pair<std::string_view, std::string_view> split_input(std::string_view input) {
  auto nul = input.find('\0');
  if (nul == std::string_view::npos) {
    return {input.substr(0, input.size() / 2), input.substr(input.size() / 2)};
  }
  return {input.substr(0, nul), input.substr(nul + 1)};
}

std::string join_inputs(std::string_view a, std::string_view b) {
  std::string out(a);
  out += '\0';
  out += b;
  return out;
}

void require(bool cond, const char* what) {
  if (cond) return;
  std::fprintf(stderr, "accord fuzz: broken contract: %s\n", what);
  std::fflush(stderr);
  std::abort();
}

int line_count(std::string_view text) {
  return 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace accord::fuzz
