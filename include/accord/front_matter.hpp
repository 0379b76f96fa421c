// Hugo front matter: YAML (---), TOML (+++) or JSON ({…}) at the top of a
// Markdown file, parsed with yaml-cpp, toml++ and nlohmann-json.
#pragma once

#include <accord/data.hpp>
#include <accord/error.hpp>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

namespace accord {

enum class FrontMatterFormat { none, yaml, toml, json };

// "none", "yaml", "toml" or "json".
std::string_view to_string(FrontMatterFormat format);

// One top-level key, in file order, with its value as JSON (YAML plain
// scalars keep their resolved type; TOML dates become ISO 8601 strings).
struct FrontMatterEntry {
  std::string key;
  nlohmann::ordered_json value;
  int line = 0;  // 1-based line of the key in the file
};

struct FrontMatter {
  FrontMatterFormat format = FrontMatterFormat::none;
  int line = 0;      // line of the opening delimiter; 0 when there is none
  int end_line = 0;  // line of the closing delimiter
  std::vector<FrontMatterEntry> entries;

  // The entry for key, or nullptr. The pointer lives as long as this object.
  const FrontMatterEntry* find(std::string_view key) const;
};

// Limits that keep hostile front matter from exhausting memory or stack.
// The limits of every data file accord reads (see data.hpp).
inline constexpr std::size_t k_max_front_matter_nodes = k_max_data_values;  // after alias expansion
inline constexpr int k_max_front_matter_depth = k_max_data_depth;

// Front matter and where the Markdown body starts.
struct FrontMatterSplit {
  FrontMatter front_matter;
  std::size_t body_offset = 0;  // byte offset of the body in the text
  int body_line = 1;            // 1-based line number of body_offset
};

// Splits decoded text (see decode_text) into front matter and body and
// parses the front matter. Fails with FILE:LINE on an unterminated block,
// malformed YAML/TOML/JSON, a duplicate key (Hugo rejects them too), a
// top level that is not a map, or a limit above.
tl::expected<FrontMatterSplit, Failure> parse_front_matter(std::string_view text,
                                                           const std::string& file);

}  // namespace accord
