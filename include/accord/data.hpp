// Structured data (YAML, TOML, JSON) read into JSON under limits that keep
// hostile input cheap: the one loader behind front matter, the Hugo config
// and accord.toml.
#pragma once

#include <accord/error.hpp>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

namespace accord {

enum class DataFormat { yaml, toml, json };

// At most this many values after YAML alias expansion (a YAML "billion
// laughs" is a few hundred bytes that expand to billions of values)…
inline constexpr std::size_t k_max_data_values = 100000;
// …and nested at most this deep.
inline constexpr int k_max_data_depth = 100;

// Where the text comes from, for the messages: FILE:LINE: MALFORMED: why; FIX
// for a parse error, FILE:LINE: WHAT expands to more than … for a limit.
struct DataSource {
  std::string file;
  int first_line = 1;     // line of the file where the text starts
  std::string what;       // "front matter", "Hugo config"
  std::string malformed;  // "malformed YAML front matter", "malformed Hugo config"
  std::string fix;        // "fix the YAML between the '---' lines", "fix the YAML"
};

// A map of keys, in file order, with each key's line.
struct DataMap {
  nlohmann::ordered_json value = nlohmann::ordered_json::object();
  std::vector<int> key_lines;  // one per top-level key of VALUE
};

// Parses TEXT as a map of keys (empty text, or YAML's null, is an empty
// map). YAML plain scalars get their resolved type (null, bool, integer,
// float), quoted ones stay text; TOML dates become ISO 8601 strings. Fails
// with FILE:LINE on malformed text, a duplicate key at any depth, a top level
// that is not a map, more than k_max_data_values values (counted as aliases
// expand) or nesting deeper than k_max_data_depth; never copies more than the
// limit allows.
tl::expected<DataMap, Failure> parse_data(std::string_view text, DataFormat format,
                                          const DataSource& source);

}  // namespace accord
