// One aligned pair of sections, classified with what the Markdown knows and
// plain text does not: which links are site chrome, where each link points,
// and which text is a link's own.
#include <accord/change.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <dtl/dtl.hpp>
#include <optional>
#include <set>

#include "change/link_identity.hpp"

namespace accord {
namespace {

std::vector<std::string> words_of(std::string_view text, std::string_view language) {
  std::vector<std::string> out;
  for_each_token(text, language, [&](std::string_view piece, std::size_t, bool is_word) {
    if (is_word) out.push_back(fold_case(piece));
  });
  return out;
}

bool is_web_link(std::string_view url) {
  auto p = link::parse(url);
  return p.relative || p.scheme == "http" || p.scheme == "https" || p.scheme.empty();
}

// The registrable part of a link's host ("support.tunebox.example" ->
// "tunebox.example"); "" for a relative link or a fragment.
std::string site_of(std::string_view url) {
  auto p = link::parse(url);
  if (p.relative) return "";
  std::string host = p.host;
  auto last = host.rfind('.');
  if (last == std::string::npos || last == 0) return host;
  auto before = host.rfind('.', last - 1);
  return before == std::string::npos ? host : host.substr(before + 1);
}

// A block that is only links, each a few words: a menu entry, a
// table-of-contents line, a breadcrumb.
bool is_link_only(const Block& b, std::string_view language) {
  if (b.kind != BlockKind::paragraph && b.kind != BlockKind::list_item) return false;
  if (b.links.empty()) return false;
  std::vector<std::string> link_words;
  for (const auto& l : b.links) {
    if (!is_web_link(l.url)) return false;
    auto w = words_of(l.text, language);
    if (w.empty() || w.size() > 6) return false;
    link_words.insert(link_words.end(), w.begin(), w.end());
  }
  return words_of(b.text, language) == link_words;
}

// Site chrome among BLOCKS: three or more link-only blocks in a row, or one
// link-only paragraph of three or more links, whose links all stay on one
// site (relative links, fragments, or one registrable host). A list of
// links to several sites (processors, partners) is policy, not chrome.
std::vector<bool> chrome_blocks(const std::vector<const Block*>& blocks,
                                std::string_view language) {
  std::vector<bool> out(blocks.size(), false);
  std::size_t i = 0;
  while (i < blocks.size()) {
    if (!is_link_only(*blocks[i], language)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::size_t links = 0;
    std::set<std::string> sites;
    while (j < blocks.size() && is_link_only(*blocks[j], language)) {
      for (const auto& l : blocks[j]->links) {
        if (auto s = site_of(l.url); !s.empty()) sites.insert(s);
      }
      links += blocks[j]->links.size();
      ++j;
    }
    bool run = (j - i >= 3 || links >= 3) && sites.size() <= 1;
    for (std::size_t k = i; k < j; ++k) out[k] = run;
    i = j;
  }
  return out;
}

struct Side {
  std::string text;  // titles and prose blocks, as diff_documents compares them
  std::vector<std::string> urls;
  std::string source;
  std::vector<const Block*> blocks;  // not chrome
  std::vector<std::string> titles;
  std::vector<std::string> numbers;
  std::vector<int> levels;
  std::vector<std::string> chrome_texts;  // each chrome link's text
  std::vector<std::string> chrome_urls;
};

Side side_of(const Document& doc, const std::vector<std::size_t>& indices,
             std::string_view language) {
  Side out;
  for (auto i : indices) {
    const Section& s = doc.sections[i];
    out.titles.push_back(s.title);
    out.numbers.push_back(s.number);
    out.levels.push_back(s.level);
    if (!out.text.empty()) out.text += '\n';
    out.text += s.title;
    std::vector<const Block*> blocks;
    for (const auto& b : s.blocks) blocks.push_back(&b);
    auto chrome = chrome_blocks(blocks, language);
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      const Block& b = *blocks[k];
      if (chrome[k]) {
        for (const auto& l : b.links) {
          out.chrome_texts.push_back(l.text);
          out.chrome_urls.push_back(l.url);
        }
        continue;
      }
      out.blocks.push_back(&b);
      out.source += b.source + '\n';
      out.urls.insert(out.urls.end(), b.urls.begin(), b.urls.end());
      if (b.text.empty()) continue;
      out.text += '\n';
      out.text += b.text;
    }
  }
  return out;
}

std::vector<std::string> minus(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::vector<std::string> canonical_all(const std::vector<std::string>& urls) {
  std::vector<std::string> out;
  for (const auto& u : urls) out.push_back(link::canonical(u));
  std::sort(out.begin(), out.end());
  return out;
}

// A link whose text is its own address: "<https://x>", a bare URL.
bool is_bare(const Block::Link& l) {
  std::string_view t = l.text;
  if (t.empty()) return false;
  if (t.find("://") == std::string_view::npos && t.rfind("www.", 0) != 0 &&
      l.url.rfind("mailto:", 0) != 0)
    return false;
  std::string url = l.url.rfind("mailto:", 0) == 0 ? l.url.substr(7) : l.url;
  return link::canonical(t) == link::canonical(url) || t == url;
}

std::set<std::string> bare_set(const Side& s) {
  std::set<std::string> out;
  for (const Block* b : s.blocks) {
    for (const auto& l : b->links) {
      if (is_bare(l)) out.insert(link::canonical(l.url));
    }
  }
  return out;
}

constexpr std::string_view k_placeholder = "\x01link:";

// The words of a side with links marked: a bare link is only its mark; a
// link whose address is bare on the other side is its mark, with its own
// words too when KEEP_TEXT. Empty when a link's text cannot be placed.
std::optional<std::vector<std::string>> marked_words(const Side& s,
                                                     const std::set<std::string>& other_bare,
                                                     bool keep_text, std::string_view language) {
  std::vector<std::string> out;
  for (const auto& t : s.titles) {
    auto w = words_of(t, language);
    out.insert(out.end(), w.begin(), w.end());
  }
  for (const Block* b : s.blocks) {
    std::string_view text = b->text;
    std::size_t cursor = 0;
    for (const auto& l : b->links) {
      if (l.text.empty()) continue;
      auto at = text.find(l.text, cursor);
      if (at == std::string_view::npos) return std::nullopt;
      auto before = words_of(text.substr(cursor, at - cursor), language);
      out.insert(out.end(), before.begin(), before.end());
      std::string canon = link::canonical(l.url);
      std::string mark = std::string(k_placeholder) + canon;
      if (is_bare(l)) {
        out.push_back(mark);
      } else if (other_bare.count(canon)) {
        if (keep_text) {
          auto w = words_of(l.text, language);
          out.insert(out.end(), w.begin(), w.end());
        }
        out.push_back(mark);
      } else {
        auto w = words_of(l.text, language);
        out.insert(out.end(), w.begin(), w.end());
      }
      cursor = at + l.text.size();
    }
    auto rest = words_of(text.substr(cursor), language);
    out.insert(out.end(), rest.begin(), rest.end());
  }
  return out;
}

// Words that join a link to its sentence and come and go when a bare
// address becomes a link: "at https://x" -> "in its report".
bool is_link_glue(std::string_view w) {
  static const std::set<std::string, std::less<>> k = {
      "in",    "at",        "on",         "see",  "via",  "from",  "here",  "its",
      "our",   "the",       "a",          "an",   "this", "that",  "is",    "and",
      "their", "aadressil", "aadressilt", "siin", "siit", "vaata", "lehel", "lehelt",
      "meie",  "selle",     "ja",         "on",   "oma"};
  return k.count(w) > 0;
}

// Whether X and Y differ only in link glue next to link marks.
bool differ_only_in_glue(const std::vector<std::string>& x, const std::vector<std::string>& y) {
  if (x == y) return true;
  dtl::Diff<std::string, std::vector<std::string>> diff(x, y);
  diff.compose();
  const auto& seq = diff.getSes().getSequence();
  auto is_mark = [](const std::string& w) { return w.rfind(k_placeholder, 0) == 0; };
  for (std::size_t i = 0; i < seq.size(); ++i) {
    if (seq[i].second.type == dtl::SES_COMMON) continue;
    std::size_t j = i;
    while (j < seq.size() && seq[j].second.type != dtl::SES_COMMON) {
      if (!is_link_glue(seq[j].first)) return false;
      ++j;
    }
    bool near_mark =
        (i > 0 && is_mark(seq[i - 1].first)) || (j < seq.size() && is_mark(seq[j].first));
    if (!near_mark) return false;
    i = j;
  }
  return true;
}

// A bare address made a link to it, or a broken link fixed: the same words
// and the same destinations, with only a link's own text in between.
bool only_link_markup(const Side& x, const Side& y, std::string_view language) {
  auto bx = bare_set(x), by = bare_set(y);
  // Some address must be bare on one side only: a link made or mended.
  if (bx == by) return false;
  if (canonical_all(x.urls) != canonical_all(y.urls)) return false;
  for (bool keep_text : {true, false}) {
    auto wx = marked_words(x, by, keep_text, language);
    auto wy = marked_words(y, bx, keep_text, language);
    if (wx && wy && differ_only_in_glue(*wx, *wy)) return true;
  }
  return false;
}

// Destinations that differ: those of one resource are "link" reasons, the
// others one "url" reason listing them.
void url_reasons(const std::vector<std::string>& old_urls, const std::vector<std::string>& new_urls,
                 Classification& c) {
  std::vector<std::string> gone, added;
  for (const auto& u : old_urls) {
    if (std::find(new_urls.begin(), new_urls.end(), u) == new_urls.end()) gone.push_back(u);
  }
  for (const auto& u : new_urls) {
    if (std::find(old_urls.begin(), old_urls.end(), u) == old_urls.end()) added.push_back(u);
  }
  std::vector<bool> paired(added.size(), false);
  std::vector<std::string> unpaired;
  for (const auto& g : gone) {
    std::string canon = link::canonical(g);
    bool found = false;
    for (std::size_t j = 0; j < added.size() && !found; ++j) {
      if (paired[j] || link::canonical(added[j]) != canon) continue;
      paired[j] = true;
      found = true;
      add_link_reason(c.reasons, g, added[j]);
    }
    if (!found) unpaired.push_back(g);
  }
  std::string a, b;
  for (const auto& u : unpaired) a += (a.empty() ? "" : ", ") + u;
  for (std::size_t j = 0; j < added.size(); ++j) {
    if (!paired[j]) b += (b.empty() ? "" : ", ") + added[j];
  }
  if (!unpaired.empty() || std::find(paired.begin(), paired.end(), false) != paired.end()) {
    c.substantial = true;
    c.reasons.push_back({"url", a, b});
  }
}

}  // namespace

Classification classify_sections(const Document& old_doc,
                                 const std::vector<std::size_t>& old_sections,
                                 const Document& new_doc,
                                 const std::vector<std::size_t>& new_sections,
                                 std::string_view language, const WordChecker& known, bool moved) {
  Side x = side_of(old_doc, old_sections, language);
  Side y = side_of(new_doc, new_sections, language);
  Classification c;
  bool renumbered = !x.numbers.empty() && !y.numbers.empty() && x.numbers[0] != y.numbers[0];
  if (x.text == y.text && x.urls == y.urls) {
    // Same words and links: only markup, numbering, position or chrome.
    if (x.source != y.source || x.levels != y.levels) c.reasons.push_back({"markup", "", ""});
    if (renumbered) c.reasons.push_back({"renumbering", x.numbers[0], y.numbers[0]});
    if (moved) c.reasons.push_back({"moved", "", ""});
  } else if (only_link_markup(x, y, language)) {
    c.reasons.push_back({"markup", "", "",
                         "an address written out became a link to it, or a "
                         "broken link was mended"});
  } else {
    c = classify_change(x.text, y.text, language, known);
    // Only line breaks moved, and the Markdown changed: a paragraph made a
    // heading, or a heading a paragraph, with the same words.
    if (c.reasons.size() == 1 && c.reasons[0].kind == "whitespace" && x.source != y.source) {
      c.reasons[0] = {"markup", "", ""};
    }
    if (x.urls != y.urls) url_reasons(x.urls, y.urls, c);
  }
  if (x.chrome_texts != y.chrome_texts || x.chrome_urls != y.chrome_urls) {
    auto gone = minus(x.chrome_texts, y.chrome_texts),
         added = minus(y.chrome_texts, x.chrome_texts);
    c.reasons.push_back({"chrome", join(gone), join(added),
                         "navigation or table-of-contents links of the site, not the policy"});
  }
  if (c.reasons.empty()) c.reasons.push_back({"whitespace", "", ""});
  return c;
}

Classification classify_markdown_change(std::string_view old_markdown,
                                        std::string_view new_markdown, std::string_view language,
                                        const WordChecker& known) {
  auto a = parse_document(std::string(old_markdown), "old");
  auto b = parse_document(std::string(new_markdown), "new");
  if (!a || !b) return classify_change(old_markdown, new_markdown, language, known);
  std::vector<std::size_t> ia(a->sections.size()), ib(b->sections.size());
  for (std::size_t i = 0; i < ia.size(); ++i) ia[i] = i;
  for (std::size_t i = 0; i < ib.size(); ++i) ib[i] = i;
  return classify_sections(*a, ia, *b, ib, language, known);
}

}  // namespace accord
