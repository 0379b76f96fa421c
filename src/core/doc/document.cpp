// Markdown → sections of blocks, with cmark-gfm. Hugo shortcode headings are
// found on the lines of top-level paragraphs (so never inside code), then
// blanked and the text parsed again, which splits paragraphs exactly where a
// rendered heading would.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <fmt/format.h>

#include <accord/document.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "doc/body.hpp"
#include "doc/shortcode.hpp"
#include "util/handle.hpp"

namespace accord {
namespace {

using Node = Handle<cmark_node, cmark_node_free>;
using Parser = Handle<cmark_parser, cmark_parser_free>;
using Iter = Handle<cmark_iter, cmark_iter_free>;

Node parse_markdown(std::string_view markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  Parser parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  if (!parser) throw std::bad_alloc();
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  Node root(cmark_parser_finish(parser.get()));
  if (!root) throw std::bad_alloc();
  return root;
}

std::string_view type_string(cmark_node* node) {
  const char* s = cmark_node_get_type_string(node);
  return s ? s : "";
}

// Plain text of a subtree: text and code literals, breaks as spaces, link
// destinations collected on the side (with each link's own text when LINKS
// is given); inline HTML dropped.
void collect_text(cmark_node* root, std::string& text, std::vector<std::string>& urls,
                  std::vector<Block::Link>* links = nullptr) {
  Iter iter(cmark_iter_new(root));
  cmark_event_type ev;
  std::vector<std::pair<std::size_t, std::size_t>> open;  // (text offset, index into LINKS)
  while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (ev != CMARK_EVENT_ENTER) {
      auto type = cmark_node_get_type(node);
      if (ev == CMARK_EVENT_EXIT && links && !open.empty() &&
          (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE)) {
        auto [offset, index] = open.back();
        open.pop_back();
        if (index < links->size()) {
          (*links)[index].text = nfc(collapse_space(strip_shortcodes(text.substr(offset))));
        }
      }
      if (ev == CMARK_EVENT_EXIT && node != root) {
        // Keep words of adjacent blocks (table cells, quote paragraphs) apart.
        if (type == CMARK_NODE_PARAGRAPH || type_string(node) == "table_cell") text += ' ';
      }
      continue;
    }
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(node)) text += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text += ' ';
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        if (const char* url = cmark_node_get_url(node); url && *url) {
          urls.emplace_back(url);
          if (links) {
            open.emplace_back(text.size(), links->size());
            links->push_back({url, ""});
          }
        } else if (links) {
          open.emplace_back(text.size(), static_cast<std::size_t>(-1));
        }
        break;
      default:
        break;
    }
  }
}

class LineTable {
 public:
  explicit LineTable(std::string_view text) : m_text(text) {
    m_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') m_starts.push_back(i + 1);
    }
  }
  int count() const { return static_cast<int>(m_starts.size()); }
  std::string_view line(int n) const {  // 1-based
    if (n < 1 || n > count()) return {};
    std::size_t begin = m_starts[static_cast<std::size_t>(n - 1)];
    std::size_t end = n < count() ? m_starts[static_cast<std::size_t>(n)] - 1 : m_text.size();
    return m_text.substr(begin, end - begin);
  }
  std::string lines(int first, int last) const {
    first = std::max(first, 1);
    last = std::min(last, count());
    if (first > last) return {};
    std::size_t begin = m_starts[static_cast<std::size_t>(first - 1)];
    std::size_t end = last < count() ? m_starts[static_cast<std::size_t>(last)] - 1 : m_text.size();
    return std::string(m_text.substr(begin, end - begin));
  }

 private:
  std::string_view m_text;
  std::vector<std::size_t> m_starts;
};

// A block's first and last line. cmark-gfm (0.29) misplaces a table that
// interrupts a paragraph (its header row was the paragraph's last line):
// the paragraph gets line 0 and the table starts at the paragraph's first
// line. The body rows are right, so the delimiter row is the line before
// the first body row (or the table's last line, with no body rows), and the
// header is the line before that.
struct NodeLines {
  int first = 0;
  int last = 0;
};

bool is_table(cmark_node* node) { return node && type_string(node) == "table"; }

// The header row's line of TABLE.
int table_header_line(cmark_node* table, const LineTable& lines) {
  for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
    if (type_string(row) == "table_row" && cmark_node_get_start_line(row) > 2) {
      return cmark_node_get_start_line(row) - 2;
    }
  }
  int delimiter = cmark_node_get_end_line(table);
  while (delimiter > 1 && trim(lines.line(delimiter)).empty()) --delimiter;
  return std::max(1, delimiter - 1);
}

NodeLines node_lines(cmark_node* node, const LineTable& lines) {
  NodeLines out{cmark_node_get_start_line(node), cmark_node_get_end_line(node)};
  if (is_table(node)) {
    out.first = std::max(out.first, table_header_line(node, lines));
  } else if (out.first == 0 && cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH &&
             is_table(cmark_node_next(node))) {
    cmark_node* table = cmark_node_next(node);
    out.first = std::max(1, cmark_node_get_start_line(table));
    out.last = std::max(out.first, table_header_line(table, lines) - 1);
  }
  out.last = std::max(out.first, out.last);
  return out;
}

// A section boundary found while walking the tree or the shortcode lines.
struct HeadingMark {
  HeadingKind kind;
  int level;
  int line;
  std::string raw_title;
  std::string shortcode;
};

struct Walk {
  std::vector<HeadingMark> headings;
  std::vector<Block> blocks;
};

using doc::BodyLimit;

class Walker {
 public:
  // LINES: the Markdown cmark parsed (heading shortcodes blanked); ORIGINAL:
  // the same lines as written, for block sources.
  Walker(const LineTable& lines, const LineTable& original, const std::string& file)
      : m_lines(lines), m_original(original), m_file(file) {}

  Walk walk(cmark_node* root) {
    Walk out;
    Iter iter(cmark_iter_new(root));
    cmark_event_type ev;
    int list_depth = 0;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      auto type = cmark_node_get_type(node);
      if (type == CMARK_NODE_LIST) {
        list_depth += ev == CMARK_EVENT_ENTER ? 1 : -1;
        if (list_depth > k_max_nesting_depth) {
          throw BodyLimit{
              Failure{m_file, cmark_node_get_start_line(node),
                      fmt::format("lists nested deeper than {} levels", k_max_nesting_depth),
                      "flatten the list"}};
        }
        continue;
      }
      if (ev != CMARK_EVENT_ENTER) continue;
      bool top = cmark_node_parent(node) == root;
      if (type == CMARK_NODE_HEADING && top) {
        out.headings.push_back(heading_mark(node));
        cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
        continue;
      }
      std::optional<BlockKind> kind;
      std::string_view ext = type_string(node);
      switch (type) {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
          kind = list_depth > 0 ? BlockKind::list_item : BlockKind::paragraph;
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          kind = BlockKind::quote;
          break;
        case CMARK_NODE_CODE_BLOCK:
          kind = BlockKind::code;
          break;
        case CMARK_NODE_HTML_BLOCK:
          kind = BlockKind::html;
          break;
        case CMARK_NODE_THEMATIC_BREAK:
          kind = BlockKind::thematic_break;
          break;
        default:
          if (ext == "table") kind = BlockKind::table;
          break;
      }
      if (!kind) continue;
      out.blocks.push_back(make_block(node, *kind, list_depth));
      if (out.blocks.size() > k_max_sections * 20) {
        throw BodyLimit{Failure{m_file, out.blocks.back().line, "too many blocks in one document",
                                "split the document"}};
      }
      cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
    }
    return out;
  }

 private:
  HeadingMark heading_mark(cmark_node* node) {
    HeadingMark mark;
    mark.line = cmark_node_get_start_line(node);
    mark.level = cmark_node_get_heading_level(node);
    std::string_view first = m_lines.line(mark.line);
    auto pos = first.find_first_not_of(' ');
    mark.kind = pos != first.npos && first[pos] == '#' ? HeadingKind::atx : HeadingKind::setext;
    std::string text;
    std::vector<std::string> urls;
    collect_text(node, text, urls);
    mark.raw_title = collapse_space(strip_shortcodes(text));
    return mark;
  }

  Block make_block(cmark_node* node, BlockKind kind, int depth) {
    Block b;
    b.kind = kind;
    b.depth = depth;
    NodeLines where = node_lines(node, m_lines);
    b.line = where.first;
    b.end_line = where.last;
    // cmark counts a block's trailing blank lines in some containers.
    while (b.end_line > b.line && trim(m_lines.line(b.end_line)).empty()) --b.end_line;
    b.source = m_original.lines(b.line, b.end_line);
    if (kind == BlockKind::code || kind == BlockKind::html || kind == BlockKind::thematic_break) {
      return b;
    }
    std::string text;
    collect_text(node, text, b.urls, &b.links);
    b.text = nfc(collapse_space(strip_shortcodes(text)));
    if (b.text.empty() && kind == BlockKind::paragraph &&
        b.source.find("{{") != std::string::npos) {
      b.kind = BlockKind::shortcode;
    }
    return b;
  }

  const LineTable& m_lines;
  const LineTable& m_original;
  const std::string& m_file;
};

// Lines of top-level paragraphs that are heading shortcodes.
std::vector<HeadingMark> find_shortcode_headings(cmark_node* root, const LineTable& lines,
                                                 const DocumentOptions& options) {
  std::vector<HeadingMark> marks;
  for (cmark_node* node = cmark_node_first_child(root); node; node = cmark_node_next(node)) {
    if (cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH) continue;
    NodeLines where = node_lines(node, lines);
    for (int n = where.first; n <= where.last; ++n) {
      if (auto sc = parse_heading_shortcode(lines.line(n), options.heading_shortcodes)) {
        marks.push_back(HeadingMark{HeadingKind::shortcode, sc->level, n, sc->title, sc->name});
      }
    }
  }
  return marks;
}

Section make_section(const HeadingMark& mark) {
  Section s;
  s.heading = mark.kind;
  s.level = mark.level;
  s.line = mark.line;
  s.end_line = mark.line;
  s.raw_title = mark.raw_title;
  s.shortcode = mark.shortcode;
  auto split = split_heading_title(mark.raw_title);
  s.number = std::move(split.number);
  s.title = nfc(split.title);
  return s;
}

}  // namespace

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::paragraph:
      return "paragraph";
    case BlockKind::list_item:
      return "list_item";
    case BlockKind::table:
      return "table";
    case BlockKind::html:
      return "html";
    case BlockKind::shortcode:
      return "shortcode";
    case BlockKind::code:
      return "code";
    case BlockKind::quote:
      return "quote";
    case BlockKind::thematic_break:
      return "thematic_break";
  }
  return "paragraph";
}

std::string_view to_string(HeadingKind kind) {
  switch (kind) {
    case HeadingKind::none:
      return "none";
    case HeadingKind::atx:
      return "atx";
    case HeadingKind::setext:
      return "setext";
    case HeadingKind::shortcode:
      return "shortcode";
    case HeadingKind::inferred:
      return "inferred";
  }
  return "none";
}

std::size_t Document::titled_section_count() const {
  return static_cast<std::size_t>(std::count_if(sections.begin(), sections.end(),
                                                [](const Section& s) { return !s.is_preamble(); }));
}

namespace {

// cmark-gfm 0.29.0.gfm.6 does two things in quadratic time, which no limit of
// its own bounds (docs/reliability.md, "Limits"):
// - each link it forms walks back over every bracket opener still open in
//   the paragraph ("![[]()" repeated 50,000 times, 300 KB, took 32 s);
// - each table row's cells go into a list appended at its tail by walking
//   it (a 50,000-column table took 52 s).
// So the text is measured before the library sees it. Brackets: every ']'
// costs the '[' openers open at that moment in its block of non-blank lines,
// other than the one it closes (an upper bound of cmark's walk: code spans
// are not told apart), summed over the document. Tables: a block with a delimiter row ("|---|---|")
// may have at most k_max_table_columns cells in a row. Cells in one table row, and the bracket work
// above: far beyond any real page, and cheap at the worst (docs/reliability.md has the figures).
constexpr std::size_t k_max_table_columns = 1000;
constexpr std::size_t k_max_bracket_work = 1000000;

void check_markdown_shape(std::string_view markdown, const std::string& file) {
  std::size_t bracket_work = 0;
  std::size_t open = 0;    // '[' open in the current block
  bool table = false;      // the current block has a delimiter row
  std::size_t widest = 0;  // most cells in a row of the current block
  int widest_line = 0;
  int line = 1;
  int block_line = 1;
  auto end_block = [&] {
    if (table && widest > k_max_table_columns) {
      throw BodyLimit{Failure{
          file, widest_line,
          fmt::format("table row of {} cells, over the limit of {}", widest, k_max_table_columns),
          "split the table"}};
    }
    open = 0;
    table = false;
    widest = 0;
  };
  std::size_t pos = 0;
  while (pos < markdown.size()) {
    std::size_t nl = markdown.find('\n', pos);
    if (nl == std::string_view::npos) nl = markdown.size();
    std::string_view text = markdown.substr(pos, nl - pos);
    if (text.find_first_not_of(" \t") == std::string_view::npos) {
      end_block();
      block_line = line + 1;
    } else {
      std::size_t pipes = 0;
      bool only_delimiter = true;
      bool has_dash = false;
      for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\') {
          ++i;
          only_delimiter = false;
          continue;
        }
        if (c == '|') ++pipes;
        if (c == '-') has_dash = true;
        if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t') only_delimiter = false;
        if (c == '[') {
          ++open;
        } else if (c == ']' && open > 0) {
          // The walk passes the openers other than the one closed.
          bracket_work += --open;
          if (bracket_work > k_max_bracket_work) {
            throw BodyLimit{
                Failure{file, line,
                        fmt::format("too many '[' left open in the paragraph from line {} for the "
                                    "Markdown parser",
                                    block_line),
                        "close the brackets or escape them as \\["}};
          }
        }
      }
      if (only_delimiter && has_dash && pipes > 0) table = true;
      // "|a|b|" and "a | b" are both two cells.
      const std::size_t first = text.find_first_not_of(" \t");
      const std::size_t last = text.find_last_not_of(" \t");
      const std::size_t edges = (text[first] == '|' ? 1 : 0) +
                                (last > first && text[last] == '|' && text[last - 1] != '\\');
      const std::size_t cells = std::max<std::size_t>(1, pipes + 1 - std::min(pipes + 1, edges));
      if (cells > widest) {
        widest = cells;
        widest_line = line;
      }
    }
    ++line;
    pos = nl + 1;
  }
  end_block();
}

}  // namespace

namespace doc {

ParsedBody parse_body(std::string markdown, std::string_view original, const std::string& file,
                      const DocumentOptions& options) {
  check_markdown_shape(markdown, file);
  LineTable lines(markdown);
  Node root = parse_markdown(markdown);
  auto shortcodes = find_shortcode_headings(root.get(), lines, options);
  if (!shortcodes.empty()) {
    for (const auto& mark : shortcodes) {
      std::string_view line = lines.line(mark.line);
      auto offset = static_cast<std::size_t>(line.data() - markdown.data());
      std::fill_n(markdown.begin() + static_cast<long>(offset), line.size(), ' ');
    }
    root = parse_markdown(markdown);
  }
  LineTable original_lines(original);
  Walk walk = Walker(lines, original_lines, file).walk(root.get());
  walk.headings.insert(walk.headings.end(), shortcodes.begin(), shortcodes.end());
  std::sort(walk.headings.begin(), walk.headings.end(),
            [](const HeadingMark& a, const HeadingMark& b) { return a.line < b.line; });
  ParsedBody out;
  out.blocks = std::move(walk.blocks);
  out.sections.reserve(walk.headings.size());
  for (const auto& mark : walk.headings) out.sections.push_back(make_section(mark));
  return out;
}

std::string body_markdown(const std::string& text, const FrontMatterSplit& split) {
  std::string markdown(static_cast<std::size_t>(split.body_line - 1), '\n');
  markdown.append(std::string_view(text).substr(split.body_offset));
  return markdown;
}

namespace {

std::size_t word_count(std::string_view text) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

constexpr std::size_t k_max_heading_words = 12;

bool one_line(const Block& b) { return b.source.find('\n') == std::string::npos; }

// "**x**" or "__x__", nothing around it and no other bold inside.
std::optional<std::string_view> bold_line(const Block& b) {
  if (b.kind != BlockKind::paragraph || b.depth != 0 || !one_line(b)) return std::nullopt;
  std::string_view s = b.source;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.size() <= 4) return std::nullopt;
  std::string_view mark = s.substr(0, 2);
  if ((mark != "**" && mark != "__") || s.substr(s.size() - 2) != mark) return std::nullopt;
  std::string_view inner = s.substr(2, s.size() - 4);
  if (inner.find(mark) != std::string_view::npos) return std::nullopt;
  return inner;
}

// The bold numbered title a paragraph opens with: "**4. Fees.** You pay…".
std::optional<std::string> run_in_title(const Block& b) {
  if (b.kind != BlockKind::paragraph || b.depth != 0) return std::nullopt;
  std::string_view s = b.source;
  if (s.substr(0, 2) != "**") return std::nullopt;
  auto end = s.find("**", 2);
  if (end == std::string_view::npos || end + 2 >= s.size()) return std::nullopt;
  std::string title = trim(s.substr(2, end - 2));
  if (title.empty() || !std::isdigit(static_cast<unsigned char>(title.front())))
    return std::nullopt;
  if (split_heading_title(title).number.empty() || word_count(title) > k_max_heading_words)
    return std::nullopt;
  return title;
}

// "1. Who we are" alone in its list, followed by prose.
bool numbered_line(const Block& b, const Block* next) {
  if (b.kind != BlockKind::list_item || b.depth != 1 || !one_line(b)) return false;
  if (next && next->kind == BlockKind::list_item) return false;
  std::string_view s = b.source;
  std::size_t i = s.find_first_not_of(' ');
  if (i == std::string_view::npos || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  if (b.text.empty() || word_count(b.text) > k_max_heading_words) return false;
  char last = b.text.back();
  return last != '.' && last != ';' && last != ',';
}

// A clause number in front of a paragraph: "1.2 The Services. …".
std::optional<HeadingTitle> clause_number(const Block& b) {
  if (b.kind != BlockKind::paragraph || b.depth != 0) return std::nullopt;
  std::string_view s = b.text;
  std::size_t i = 0;
  int dots = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) {
    if (s[i] == '.') ++dots;
    ++i;
  }
  if (i == 0 || i >= s.size() || s[i] != ' ' || dots == 0) return std::nullopt;
  std::string number(s.substr(0, i));
  if (number.back() == '.') number.pop_back();
  if (number.find('.') == std::string::npos) return std::nullopt;  // "1." is a list
  HeadingTitle out;
  out.number = number;
  std::string_view rest = s.substr(i + 1);
  auto stop = rest.find(". ");
  if (stop != std::string_view::npos && word_count(rest.substr(0, stop)) <= 10)
    out.title = std::string(rest.substr(0, stop));
  return out;
}

bool is_underline(const Block& b) {
  if (b.kind == BlockKind::thematic_break) {
    return b.source.find_first_not_of("- \t") == std::string::npos;
  }
  return b.kind == BlockKind::paragraph && one_line(b) && !b.source.empty() &&
         b.source.find_first_not_of("= \t") == std::string::npos;
}

bool short_line(const Block& b) {
  return b.kind == BlockKind::paragraph && b.depth == 0 && one_line(b) && !b.text.empty() &&
         word_count(b.text) <= k_max_heading_words;
}

struct Inferred {
  std::size_t block = 0;   // the block that holds the heading
  bool drop = false;       // the block is only the heading
  bool drop_next = false;  // the next block is its underline
  std::string raw_title;
};

Section inferred_section(const Block& b, const std::string& raw_title) {
  Section s;
  s.heading = HeadingKind::inferred;
  s.line = b.line;
  s.end_line = b.line;
  s.raw_title = raw_title;
  auto split = split_heading_title(raw_title);
  s.number = std::move(split.number);
  s.title = nfc(split.title);
  s.level = 2 + static_cast<int>(std::count(s.number.begin(), s.number.end(), '.'));
  return s;
}

// Headings for a document with too few real ones (see parse_document).
void infer_headings(ParsedBody& body) {
  std::vector<Inferred> found;
  auto& blocks = body.blocks;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    const Block* next = i + 1 < blocks.size() ? &blocks[i + 1] : nullptr;
    if (auto inner = bold_line(b); inner && word_count(b.text) <= k_max_heading_words) {
      found.push_back({i, true, false, b.text});
    } else if (auto title = run_in_title(b)) {
      found.push_back({i, false, false, *title});
    } else if (numbered_line(b, next)) {
      std::string_view s = b.source;
      std::size_t at = s.find_first_not_of(' ');
      std::size_t end = at;
      while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
      found.push_back({i, true, false, std::string(s.substr(at, end - at)) + ". " + b.text});
    } else if (auto clause = clause_number(b)) {
      found.push_back({i, false, false, clause->number + " " + clause->title});
    } else if (next && short_line(b) && is_underline(*next)) {
      found.push_back({i, true, true, b.text});
      ++i;
    }
  }
  std::size_t titled = 0, number_only = 0;
  for (const auto& s : body.sections) {
    if (!s.title.empty()) ++titled;
    if (s.title.empty() && !s.number.empty()) ++number_only;
  }
  std::size_t candidates = found.size() + number_only;
  if (candidates < 3 || titled * 2 >= candidates) return;

  // A heading that is only a number takes the short line after it as title.
  std::vector<bool> drop(blocks.size(), false);
  for (auto& s : body.sections) {
    if (!s.title.empty() || s.number.empty()) continue;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i].line <= s.line) continue;
      if (short_line(blocks[i]) || bold_line(blocks[i])) {
        s.title = blocks[i].text;
        s.raw_title = s.number + " " + blocks[i].text;
        drop[i] = true;
        for (auto& f : found) {
          if (f.block == i) f.raw_title.clear();  // already used
        }
      }
      break;
    }
  }
  for (const auto& f : found) {
    if (f.raw_title.empty()) continue;
    body.sections.push_back(inferred_section(blocks[f.block], f.raw_title));
    if (f.drop) drop[f.block] = true;
    if (f.drop_next) drop[f.block + 1] = true;
  }
  std::vector<Block> kept;
  kept.reserve(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(blocks[i]));
  }
  blocks = std::move(kept);
  std::stable_sort(body.sections.begin(), body.sections.end(),
                   [](const Section& a, const Section& b) { return a.line < b.line; });
}

}  // namespace

tl::expected<void, Failure> assemble(ParsedBody& body, Document& doc) {
  infer_headings(body);
  if (body.sections.size() > k_max_sections) {
    return tl::unexpected(Failure{doc.file, body.sections[k_max_sections].line,
                                  fmt::format("more than {} sections", k_max_sections),
                                  "split the document"});
  }
  Section preamble;
  std::size_t h = 0;
  Section* current = &preamble;
  for (auto& block : body.blocks) {
    while (h < body.sections.size() && body.sections[h].line <= block.line) {
      doc.sections.push_back(std::move(body.sections[h++]));
      current = &doc.sections.back();
    }
    current->end_line = std::max(current->end_line, block.end_line);
    current->blocks.push_back(std::move(block));
  }
  while (h < body.sections.size()) doc.sections.push_back(std::move(body.sections[h++]));
  if (!preamble.blocks.empty()) {
    preamble.line = preamble.blocks.front().line;
    doc.sections.insert(doc.sections.begin(), std::move(preamble));
  }
  return {};
}

tl::expected<Document, Failure> parse_whole(std::string text, const std::string& file,
                                            const DocumentOptions& options,
                                            FrontMatterSplit split) {
  Document doc;
  doc.file = file;
  std::string markdown = body_markdown(text, split);
  doc.front_matter = std::move(split.front_matter);
  doc.text = std::move(text);
  try {
    ParsedBody body = parse_body(std::move(markdown), doc.text, file, options);
    if (auto ok = assemble(body, doc); !ok) return tl::unexpected(ok.error());
  } catch (const BodyLimit& limit) {
    return tl::unexpected(limit.failure);
  }
  return doc;
}

}  // namespace doc

tl::expected<Document, Failure> parse_document(std::string text, const std::string& file,
                                               const DocumentOptions& options) {
  auto split = parse_front_matter(text, file);
  if (!split) return tl::unexpected(split.error());
  return doc::parse_whole(std::move(text), file, options, std::move(*split));
}

Document read_document(const std::string& file, const DocumentOptions& options,
                       std::size_t max_size) {
  auto parsed = parse_document(read_text_file(file, max_size), file, options);
  if (!parsed) throw Error(parsed.error());
  return std::move(*parsed);
}

}  // namespace accord
