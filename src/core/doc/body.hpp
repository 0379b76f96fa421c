// The body parser's steps, shared by parse_document (document.cpp) and the
// ParseCache (parse_cache.cpp), which parses a body piece by piece.
#pragma once

#include <accord/document.hpp>
#include <accord/front_matter.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace accord::doc {

// What parse_body finds: the blocks, and the sections of the headings
// (without blocks yet), both in line order.
struct ParsedBody {
  std::vector<Block> blocks;
  std::vector<Section> sections;
};

// Thrown by parse_body at a limit (list nesting, block count), with the
// failure naming FILE and the line.
struct BodyLimit {
  Failure failure;
};

// The headings and blocks of MARKDOWN, a document's body with the front
// matter's lines left blank so that cmark's line numbers are the file's.
// Block sources come from ORIGINAL, the same lines before heading
// shortcodes are blanked for the second parse. Throws BodyLimit.
ParsedBody parse_body(std::string markdown, std::string_view original, const std::string& file,
                      const DocumentOptions& options);

// The body's Markdown: the front matter's lines left blank.
std::string body_markdown(const std::string& text, const FrontMatterSplit& split);

// Adds BODY's sections, with their blocks, to DOC; fails past k_max_sections.
tl::expected<void, Failure> assemble(ParsedBody& body, Document& doc);

// parse_document once the front matter is split off.
tl::expected<Document, Failure> parse_whole(std::string text, const std::string& file,
                                            const DocumentOptions& options, FrontMatterSplit split);

}  // namespace accord::doc
