// ParseCache: a history's versions parsed piece by piece, each piece once.
#include <accord/document.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "doc/body.hpp"

namespace accord {

using doc::assemble;
using doc::body_markdown;
using doc::BodyLimit;
using doc::parse_body;
using doc::parse_whole;
using doc::ParsedBody;

namespace {

// Whether MARKDOWN may be cut into pieces (see ParseCache): nothing in it
// carries parser state across a blank line or from one block to another.
bool cuttable(std::string_view markdown) {
  for (std::string_view open :
       {std::string_view("```"), std::string_view("~~~"), std::string_view("]:"),
        std::string_view("<!"), std::string_view("<?"), std::string_view("\r"),
        std::string_view("\0", 1)}) {
    if (markdown.find(open) != std::string_view::npos) return false;
  }
  // HTML blocks of kind 1 end at their closing tag, not at a blank line.
  for (std::size_t p = markdown.find('<'); p != std::string_view::npos;
       p = markdown.find('<', p + 1)) {
    std::string name;
    for (std::size_t i = p + 1; i < markdown.size() && name.size() < 8; ++i) {
      char c = markdown[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c < 'a' || c > 'z') break;
      name += c;
    }
    for (std::string_view tag : {"script", "pre", "style", "textarea"}) {
      if (std::string_view(name).starts_with(tag)) return false;
    }
  }
  return true;
}

struct Piece {
  std::size_t offset = 0;  // byte offset in the Markdown
  int first_line = 1;      // its first line's number in the Markdown
};

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// Where MARKDOWN may be cut: its start, and every line that begins with `#`
// or `{{` right after a blank line (spaces and tabs only). After a blank
// line, a line in column 0 closes lists, quotes, tables, paragraphs and the
// HTML blocks cuttable() allows, so it starts a top-level block. A heading
// shortcode's line is blanked for the second parse, though, and an indented
// code block or list item before it would then go on past it when the next
// line that is not blank is indented; no cut there.
std::vector<Piece> cut_points(std::string_view markdown) {
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos < markdown.size();) {
    std::size_t end = markdown.find('\n', pos);
    if (end == std::string_view::npos) end = markdown.size();
    lines.push_back(markdown.substr(pos, end - pos));
    pos = end + 1;
  }
  std::vector<Piece> out{Piece{}};
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string_view text = lines[i];
    if (!is_blank(lines[i - 1]) || !(text.starts_with('#') || text.starts_with("{{"))) continue;
    if (text.starts_with("{{")) {
      std::size_t next = i + 1;
      while (next < lines.size() && is_blank(lines[next])) ++next;
      if (next < lines.size() && (lines[next][0] == ' ' || lines[next][0] == '\t')) continue;
    }
    out.push_back(
        Piece{static_cast<std::size_t>(text.data() - markdown.data()), static_cast<int>(i) + 1});
  }
  return out;
}

}  // namespace

struct ParseCache::Impl {
  std::size_t max_bytes = 0;
  std::optional<std::vector<std::string>> shortcodes;  // the options the pieces were parsed with
  // Two generations: lookups promote from the old one; when the new one is
  // full, the old one is dropped and the new one becomes old.
  std::unordered_map<std::string, std::shared_ptr<const ParsedBody>> fresh;
  std::unordered_map<std::string, std::shared_ptr<const ParsedBody>> old;
  std::size_t fresh_bytes = 0;
  Stats stats;

  void use_options(const DocumentOptions& options) {
    if (shortcodes && *shortcodes == options.heading_shortcodes) return;
    fresh.clear();
    old.clear();
    fresh_bytes = 0;
    shortcodes = options.heading_shortcodes;
  }

  void insert(std::string key, std::shared_ptr<const ParsedBody> walk) {
    if (fresh_bytes + key.size() > max_bytes / 2) {
      old = std::move(fresh);
      fresh.clear();
      fresh_bytes = 0;
    }
    fresh_bytes += key.size();
    fresh.emplace(std::move(key), std::move(walk));
  }

  std::shared_ptr<const ParsedBody> find(const std::string& key) {
    if (auto it = fresh.find(key); it != fresh.end()) return it->second;
    auto it = old.find(key);
    if (it == old.end()) return nullptr;
    auto walk = it->second;
    old.erase(it);
    insert(key, walk);
    return walk;
  }
};

ParseCache::ParseCache(std::size_t max_bytes) : m_impl(std::make_unique<Impl>()) {
  m_impl->max_bytes = max_bytes;
}
ParseCache::~ParseCache() = default;
ParseCache::ParseCache(ParseCache&&) noexcept = default;
ParseCache& ParseCache::operator=(ParseCache&&) noexcept = default;
const ParseCache::Stats& ParseCache::stats() const { return m_impl->stats; }

tl::expected<Document, Failure> parse_document(std::string text, const std::string& file,
                                               const DocumentOptions& options, ParseCache& cache) {
  ParseCache::Impl& impl = *cache.m_impl;
  auto split = parse_front_matter(text, file);
  if (!split) return tl::unexpected(split.error());
  std::string markdown = body_markdown(text, *split);
  if (!cuttable(markdown)) {
    ++impl.stats.whole;
    return parse_whole(std::move(text), file, options, std::move(*split));
  }
  impl.use_options(options);

  ParsedBody walk;
  std::vector<Piece> pieces = cut_points(markdown);
  try {
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      std::size_t end = i + 1 < pieces.size() ? pieces[i + 1].offset : markdown.size();
      std::string key = markdown.substr(pieces[i].offset, end - pieces[i].offset);
      std::shared_ptr<const ParsedBody> part = impl.find(key);
      if (part) {
        ++impl.stats.hits;
      } else {
        ++impl.stats.misses;
        std::string body = key;
        part = std::make_shared<const ParsedBody>(parse_body(std::move(body), key, file, options));
        impl.insert(std::move(key), part);
      }
      std::size_t blocks = walk.blocks.size();
      std::size_t sections = walk.sections.size();
      walk.blocks.insert(walk.blocks.end(), part->blocks.begin(), part->blocks.end());
      walk.sections.insert(walk.sections.end(), part->sections.begin(), part->sections.end());
      if (walk.blocks.size() > k_max_sections * 20)
        throw BodyLimit{};  // the whole parse says where
      const int by = pieces[i].first_line - 1;
      for (std::size_t b = blocks; b < walk.blocks.size(); ++b) {
        walk.blocks[b].line += by;
        walk.blocks[b].end_line += by;
      }
      for (std::size_t h = sections; h < walk.sections.size(); ++h) {
        walk.sections[h].line += by;
        walk.sections[h].end_line += by;
      }
    }
  } catch (const BodyLimit&) {
    // A limit: the whole parse gives the failure with the file's line.
    ++impl.stats.whole;
    return parse_whole(std::move(text), file, options, std::move(*split));
  }

  Document doc;
  doc.file = file;
  doc.front_matter = std::move(split->front_matter);
  doc.text = std::move(text);
  if (auto ok = assemble(walk, doc); !ok) return tl::unexpected(ok.error());
  return doc;
}

}  // namespace accord
