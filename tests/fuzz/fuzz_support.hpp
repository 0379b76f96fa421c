// Helpers shared by the fuzz targets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace accord::fuzz {

// The input's bytes as a string_view (no copy; lives as long as DATA).
std::string_view as_text(const uint8_t* data, size_t size);

// Splits one input into two at its first NUL byte (documents never hold one:
// decode_text rejects it), or in the middle when there is none. Both views
// point into INPUT.
std::pair<std::string_view, std::string_view> split_input(std::string_view input);

// The inverse of split_input for inputs without a NUL: A, a NUL, B.
std::string join_inputs(std::string_view a, std::string_view b);

// When COND is false, prints "accord fuzz: broken contract: WHAT" to stderr
// and aborts: a core function broke a promise its header makes.
void require(bool cond, const char* what);

// Number of lines in decoded text (LF line ends): 1 + the number of '\n'.
int line_count(std::string_view text);

}  // namespace accord::fuzz
