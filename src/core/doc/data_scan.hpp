// Inside src/core/doc: the raw scan of JSON text that data.cpp and
// front_matter.cpp share.
#pragma once

#include <accord/data.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord::detail {

// The end of the first JSON value of TEXT (the brace or bracket that closes
// it), and on the way the top-level keys' lines; fails at its line on a
// duplicate key as written (nlohmann-json would silently merge them) or
// nesting deeper than k_max_data_depth.
struct JsonScan {
  std::size_t end = std::string_view::npos;  // one past the closing brace
  std::vector<std::pair<std::string, int>> top_keys;
};
tl::expected<JsonScan, Failure> scan_json(std::string_view text, const DataSource& source);

// 1-based line of byte BYTE of TEXT.
int line_at(std::string_view text, std::size_t byte);

}  // namespace accord::detail
