// The Markdown and shortcode reader: bytes → decode_text → parse_document →
// the `accord sections --format json` rendering; parse_document through a
// ParseCache must agree with it exactly.
#include <accord/document.hpp>
#include <accord/error.hpp>
#include <accord/report.hpp>
#include <accord/text.hpp>
#include <string>

#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

namespace {

using accord::fuzz::require;

void check_failure(const accord::Failure& failure) {
  require(failure.file == "fuzz.md", "a failure names the file");
  require(!failure.what.empty(), "a failure says what is wrong");
}

void check_document(const accord::Document& doc) {
  const int lines = accord::fuzz::line_count(doc.text);
  require(doc.titled_section_count() <= accord::k_max_sections, "at most k_max_sections");
  int previous = 0;
  for (const auto& section : doc.sections) {
    require(section.line >= 1 && section.line <= lines, "a section's line is in the file");
    require(section.end_line >= section.line && section.end_line <= lines,
            "a section ends in the file, not before it starts");
    require(section.line >= previous, "sections are in file order");
    previous = section.line;
    require(section.is_preamble() ? section.level == 0 : section.level >= 1 && section.level <= 6,
            "heading levels are 1-6");
    for (const auto& block : section.blocks) {
      require(block.line >= section.line && block.end_line <= section.end_line,
              "a block lies inside its section");
      require(block.end_line >= block.line, "a block ends after it starts");
      require(block.depth >= 0 && block.depth <= accord::k_max_nesting_depth,
              "list depth within the limit");
    }
  }
}

}  // namespace

int accord_fuzz_document(const uint8_t* data, size_t size) {
  try {
    auto text = accord::decode_text(accord::fuzz::as_text(data, size), "fuzz.md");
    if (!text) {
      check_failure(text.error());
      return 0;
    }
    require(text->find('\r') == std::string::npos, "decoded text has no CR");
    require(text->find('\0') == std::string::npos, "decoded text has no NUL");
    auto doc = accord::parse_document(*text, "fuzz.md");
    // Differential: the cached parse (cut into pieces, then served from the
    // cache) must say exactly what the whole parse says.
    accord::ParseCache cache;
    for (int pass = 0; pass < 2; ++pass) {
      auto piecewise = accord::parse_document(*text, "fuzz.md", {}, cache);
      require(piecewise.has_value() == doc.has_value(), "the cached parse fails alike");
      if (!doc) {
        require(piecewise.error().to_string() == doc.error().to_string(),
                "the cached parse fails with the same message");
      } else {
        require(
            accord::to_json(*piecewise) == accord::to_json(*doc) && piecewise->text == doc->text,
            "the cached parse gives the same document");
      }
    }
    if (!doc) {
      check_failure(doc.error());
      return 0;
    }
    require(doc->text == *text, "the document keeps its text");
    check_document(*doc);
    // Throws nlohmann::json::type_error on invalid UTF-8 in any string, which
    // `accord sections --format json` would report as an internal error.
    std::string json = accord::to_json(*doc).dump();
    require(!json.empty(), "the JSON is not empty");
  } catch (const accord::Error&) {
  }
  return 0;
}
