// Front matter: bytes → decode_text → parse_front_matter (YAML, TOML, JSON),
// each value rendered as JSON the way `accord sections --format json` does.
#include <accord/error.hpp>
#include <accord/front_matter.hpp>
#include <accord/text.hpp>
#include <string>

#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

int accord_fuzz_front_matter(const uint8_t* data, size_t size) {
  using accord::fuzz::require;
  try {
    auto text = accord::decode_text(accord::fuzz::as_text(data, size), "fuzz.md");
    if (!text) return 0;
    auto split = accord::parse_front_matter(*text, "fuzz.md");
    if (!split) {
      require(split.error().file == "fuzz.md", "a failure names the file");
      require(!split.error().what.empty(), "a failure says what is wrong");
      return 0;
    }
    require(split->body_offset <= text->size(), "the body starts inside the text");
    if (split->body_offset < text->size()) {
      std::string_view head = std::string_view(*text).substr(0, split->body_offset);
      require(split->body_line == accord::fuzz::line_count(head),
              "body_line is the line of body_offset");
    }
    const auto& fm = split->front_matter;
    if (fm.format == accord::FrontMatterFormat::none) {
      require(fm.entries.empty() && split->body_offset == 0, "no front matter, no entries");
    } else {
      require(fm.line >= 1 && fm.end_line >= fm.line && fm.end_line < split->body_line + 1,
              "front matter lines lie before the body");
    }
    for (const auto& entry : fm.entries) {
      require(entry.line >= fm.line && entry.line <= fm.end_line,
              "a key's line is inside the front matter");
      require(fm.find(entry.key) != nullptr, "find() finds every key");
      // Throws nlohmann::json::type_error on invalid UTF-8.
      std::string json = entry.value.dump();
      require(!json.empty(), "a value renders");
    }
  } catch (const accord::Error&) {
  }
  return 0;
}
