// The document model: a Markdown file as Hugo reads it, split into front
// matter and sections of blocks. Parsed with cmark-gfm; source lines kept.
#pragma once

#include <accord/error.hpp>
#include <accord/front_matter.hpp>
#include <accord/text.hpp>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

namespace accord {

enum class BlockKind {
  paragraph,
  list_item,
  table,
  html,       // raw HTML block, e.g. <br>
  shortcode,  // a paragraph made only of Hugo shortcodes
  code,
  quote,
  thematic_break,
};

// "paragraph", "list_item", …
std::string_view to_string(BlockKind kind);

struct Block {
  BlockKind kind = BlockKind::paragraph;
  int line = 0;        // 1-based, first source line
  int end_line = 0;    // last source line
  int depth = 0;       // list nesting depth; 0 outside lists
  std::string source;  // the raw source lines, joined with '\n'
  // Plain text: markup, HTML and shortcodes removed, white space collapsed,
  // NFC. Empty for code, HTML and thematic breaks, which are not prose.
  std::string text;
  std::vector<std::string> urls;  // link and image destinations, in order
  // Each link and image: its destination and its visible text (alt text for
  // an image), normalised as TEXT is; in the order of URLS, one for each.
  struct Link {
    std::string url;
    std::string text;
  };
  std::vector<Link> links;
};

// inferred: a line taken as a heading in a document with too few real ones
// (a bold line, a numbered line or paragraph, a line underlined after a
// blank line, the line after a heading that is only a number); see
// parse_document.
enum class HeadingKind { none, atx, setext, shortcode, inferred };

// "none", "atx", "setext", "shortcode" or "inferred".
std::string_view to_string(HeadingKind kind);

struct Section {
  HeadingKind heading = HeadingKind::none;  // none: the preamble
  std::string number;     // "1", "1.2", "IV", "3" for "§ 3"; empty when unnumbered
  std::string title;      // heading text without the number, trimmed
  std::string raw_title;  // heading text exactly as written
  std::string shortcode;  // shortcode name for HeadingKind::shortcode
  int level = 0;          // 1–6; 0 for the preamble
  int line = 0;           // heading line (first block's line for the preamble)
  int end_line = 0;       // last line of the last block (or the heading line)
  std::vector<Block> blocks;

  bool is_preamble() const { return heading == HeadingKind::none; }
};

// Splits a heading's text into a number and a title: "1. Intro" → {"1",
// "Intro"}; " 8. Possible changes. " → {"8", "Possible changes"}; "§ 3 Scope",
// "IV. Scope", "Article 4 Scope", "Artikkel 4. Ulatus"; "Cookie Policy" has no
// number. A trailing '.' or ':' of the title is dropped.
struct HeadingTitle {
  std::string number;
  std::string title;
};
HeadingTitle split_heading_title(std::string_view heading);

inline constexpr std::size_t k_max_sections = 50000;
inline constexpr int k_max_nesting_depth = 200;

struct DocumentOptions {
  // Shortcodes that are headings. The level is the name's trailing digit
  // (title4 → 4), else a `level` argument, else 2.
  std::vector<std::string> heading_shortcodes = {"title1", "title2", "title3", "title4",
                                                 "title5", "title6", "heading"};
};

struct Document {
  std::string file;  // as given by the caller
  std::string text;  // decoded text (UTF-8, LF)
  FrontMatter front_matter;
  std::vector<Section> sections;  // the preamble first, when it has blocks

  // Sections with a heading (everything but the preamble).
  std::size_t titled_section_count() const;
};

// Parses decoded text (see decode_text). Fails with FILE:LINE on bad front
// matter and on the limits above; Markdown itself never fails to parse.
// A document with too few real headings (fewer titled headings than half
// the lines that look like headings, and at least three of those) gets
// inferred ones: a paragraph that is one bold line ("**1. Who we are**"), a
// paragraph opening with a bold numbered title ("**4. Fees.** You pay…"),
// a one-line numbered item followed by prose ("1. Who we are"), a paragraph
// opening with a clause number ("1.2 The Services. …"), a short line
// underlined after a blank line ("Scope" then "-----"), and a heading that
// is only a number takes its title from the short line after it.
tl::expected<Document, Failure> parse_document(std::string text, const std::string& file,
                                               const DocumentOptions& options = {});

// Parsed pieces of documents, kept so that parsing many versions of one
// document (a history walk) costs only for the parts that changed. A body
// whose Markdown carries no state from one block to the next (no fenced code,
// no HTML blocks that may hold blank lines, no link reference definitions or
// footnotes) is cut before every `#` or `{{` line that follows a blank line:
// such a line always starts a top-level block, so each piece parses on its
// own exactly as inside the whole. Pieces are looked up by their text.
// Memory is bounded (MAX_BYTES of piece text, about 3x that in all). Not
// thread-safe: one cache per thread.
class ParseCache {
 public:
  explicit ParseCache(std::size_t max_bytes = std::size_t{16} << 20);
  ~ParseCache();
  ParseCache(ParseCache&&) noexcept;
  ParseCache& operator=(ParseCache&&) noexcept;
  ParseCache(const ParseCache&) = delete;
  ParseCache& operator=(const ParseCache&) = delete;

  struct Stats {
    std::size_t hits = 0;    // pieces found in the cache
    std::size_t misses = 0;  // pieces parsed
    std::size_t whole = 0;   // documents parsed whole (not cut into pieces)
  };
  const Stats& stats() const;

 private:
  friend tl::expected<Document, Failure> parse_document(std::string, const std::string&,
                                                        const DocumentOptions&, ParseCache&);
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// parse_document through CACHE: the same result, failures included.
tl::expected<Document, Failure> parse_document(std::string text, const std::string& file,
                                               const DocumentOptions& options, ParseCache& cache);

// Reads, decodes and parses FILE. Throws Error on any failure.
Document read_document(const std::string& file, const DocumentOptions& options = {},
                       std::size_t max_size = k_default_max_file_size);

}  // namespace accord
