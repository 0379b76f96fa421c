// missing-section, extra-section, invariant-mismatch, structure-mismatch,
// length-ratio: rules over the section alignment.
#include <fmt/format.h>

#include <accord/invariants.hpp>
#include <accord/report.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <cmath>
#include <map>

#include "check/rules_internal.hpp"

namespace accord {
namespace {

using json = nlohmann::ordered_json;

// Sections shorter than this (source characters) are not judged by length:
// short texts vary too much between languages.
constexpr double k_min_length_chars = 200;
// A section's ratio may stray this far (as a factor) from the pair's.
constexpr double k_length_band = 1.6;

bool has_prose(const Section& s) {
  return !s.title.empty() || std::any_of(s.blocks.begin(), s.blocks.end(),
                                         [](const Block& b) { return !b.text.empty(); });
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "none" : out;
}

// Items of A not matched in B, as a multiset difference.
std::vector<std::string> minus(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

Invariants invariants_of(const PairInput& in, const SectionAlignment& aligned,
                         const std::vector<std::size_t>& indices, bool source) {
  const Document& doc = source ? in.source : in.target;
  const std::string& language = source ? in.source_language : in.target_language;
  std::string text;
  std::vector<std::string> link_urls;
  const bool merged = indices.size() != 1;
  for (auto i : indices) {
    const Section& s = doc.sections[i];
    if (merged) text += s.title + '\n';
    for (const auto& b : s.blocks) {
      if (merged) text += b.text + '\n';
      link_urls.insert(link_urls.end(), b.urls.begin(), b.urls.end());
    }
  }
  // One section's text here is the aligner's plus a final line break, which
  // ends no URL, address, phone number or word and adds no word: its
  // invariants are the aligner's. Merged sections are read together, since
  // "fourteen" may end one and "days" begin the next.
  Invariants inv =
      merged ? extract_invariants(text, language)
             : (source ? aligned.source_invariants : aligned.target_invariants)[indices[0]];
  // A link's destination is an invariant even when only its text shows; a
  // mailto: link's is an e-mail address.
  for (const auto& url : link_urls) {
    if (url.rfind("mailto:", 0) == 0) {
      inv.emails.push_back(normalise_link(url, in.source_language, in.target_language));
    } else {
      inv.urls.push_back(url);
    }
  }
  return inv;
}

// Sorted, without repeats: a link or address given twice in one language
// and once in the other is the same link.
std::vector<std::string> as_set(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::vector<std::string> normalised_links(const std::vector<std::string>& urls,
                                          const PairInput& in) {
  std::vector<std::string> out;
  for (const auto& u : urls)
    out.push_back(normalise_link(u, in.source_language, in.target_language));
  return as_set(std::move(out));
}

// The words of a slug, "gandi-supports-exodus" → {"gandi", "supports",
// "exodus"}; empty when SEGMENT is not one (no '-' or '_').
std::vector<std::string> slug_words(std::string_view segment) {
  std::vector<std::string> out;
  if (segment.find_first_of("-_") == std::string_view::npos) return out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= segment.size(); ++i) {
    if (i == segment.size() || segment[i] == '-' || segment[i] == '_') {
      if (i > start) out.emplace_back(segment.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// Whether two last path segments are one article's slug in two languages:
// both slugs, sharing a word of four letters or more (a name: "gandi",
// "exodus") and differing in another.
bool localised_slug_pair(std::string_view a, std::string_view b) {
  auto wa = slug_words(a);
  auto wb = slug_words(b);
  for (const auto& w : wa) {
    if (w.size() >= 4 && std::find(wb.begin(), wb.end(), w) != wb.end()) return true;
  }
  return false;
}

// Links that differ only in their last path segment, one on each side, are
// the same page under a localised slug: inside the site any such pair
// ("/post/gandi-supports" and "/post/gandi-soutient"); on another site a
// pair of slugs under a path of their own
// ("news.example.net/2019/09/gandi-supports-x" and ".../gandi-soutient-x"),
// so that two articles of one blog with unrelated slugs still differ.
// Removed from MISSING and EXTRA in pairs.
void pair_localised_slugs(std::vector<std::string>& missing, std::vector<std::string>& extra) {
  auto parent = [](const std::string& link) { return link.substr(0, link.rfind('/')); };
  auto last = [](const std::string& link) {
    return std::string_view(link).substr(link.rfind('/') + 1);
  };
  auto same_page = [&](const std::string& x, const std::string& m) {
    if (x.rfind('/') == std::string::npos || m.rfind('/') == std::string::npos) return false;
    if (parent(x) != parent(m)) return false;
    if (is_site_link(x) && is_site_link(m)) {
      return x.rfind('/') != 0;  // not a top-level page: "/a" and "/b" are two pages
    }
    return parent(x).find('/') != std::string::npos && localised_slug_pair(last(x), last(m));
  };
  for (auto m = missing.begin(); m != missing.end();) {
    auto e = std::find_if(extra.begin(), extra.end(),
                          [&](const std::string& x) { return same_page(x, *m); });
    if (e == extra.end()) {
      ++m;
      continue;
    }
    extra.erase(e);
    m = missing.erase(m);
  }
}

// A link inside the site on one side and the same path under a host on the
// other ("/page/press" and "example.org/page/press") are one page: the
// translator wrote the site's own address out. Removed in pairs.
void pair_site_paths(std::vector<std::string>& missing, std::vector<std::string>& extra) {
  auto path_of = [](const std::string& link) -> std::string_view {
    if (is_site_link(link)) return {};
    auto slash = link.find('/');
    if (slash == std::string::npos || link.substr(0, slash).find('.') == std::string::npos) {
      return {};
    }
    return std::string_view(link).substr(slash);
  };
  auto pair_up = [&](std::vector<std::string>& relative, std::vector<std::string>& absolute) {
    for (auto r = relative.begin(); r != relative.end();) {
      auto a = is_site_link(*r) && r->size() > 1
                   ? std::find_if(absolute.begin(), absolute.end(),
                                  [&](const std::string& x) { return path_of(x) == *r; })
                   : absolute.end();
      if (a == absolute.end()) {
        ++r;
        continue;
      }
      absolute.erase(a);
      r = relative.erase(r);
    }
  };
  pair_up(missing, extra);
  pair_up(extra, missing);
}

// The value of a number written with groups of three digits ("100.000",
// "2,500", "1'000"), read as a whole number; empty when TEXT is not so
// written. English "100.000" is a decimal by the rules of its locale, but a
// translator who writes "100.000" in an English page means a hundred
// thousand as often as not: a pair is matched on either reading.
std::string grouped_value(std::string_view text) {
  std::string digits;
  std::size_t group = 0;
  bool separated = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      ++group;
    } else if ((c == '.' || c == ',' || c == '\'') && i > 0 && i + 1 < text.size()) {
      if ((separated && group != 3) || (!separated && (group == 0 || group > 3))) return {};
      separated = true;
      group = 0;
    } else {
      return {};
    }
  }
  if (!separated || group != 3) return {};
  auto first = digits.find_first_not_of('0');
  return first == std::string::npos ? "0" : digits.substr(first);
}

// Number values of one side not matched on the other. Values written the
// same on both sides match first, whatever each locale reads in them.
void number_difference(const Invariants& s, const Invariants& t, std::vector<std::string>& missing,
                       std::vector<std::string>& extra) {
  const bool texts =
      s.number_text.size() == s.numbers.size() && t.number_text.size() == t.numbers.size();
  if (!texts) {
    missing = minus(s.numbers, t.numbers);
    extra = minus(t.numbers, s.numbers);
    return;
  }
  std::map<std::string_view, int> written;  // target texts not yet matched
  for (const auto& w : t.number_text) ++written[w];
  std::vector<std::size_t> rest_s, rest_t;  // indices not matched by text
  std::map<std::string_view, int> matched;  // source texts matched, by text
  for (std::size_t i = 0; i < s.numbers.size(); ++i) {
    auto it = written.find(s.number_text[i]);
    if (it != written.end() && it->second > 0) {
      --it->second;
      ++matched[s.number_text[i]];
    } else {
      rest_s.push_back(i);
    }
  }
  for (std::size_t j = 0; j < t.numbers.size(); ++j) {
    auto it = matched.find(t.number_text[j]);
    if (it != matched.end() && it->second > 0) {
      --it->second;
    } else {
      rest_t.push_back(j);
    }
  }
  // Then by value, each side read by its locale; then a number written in
  // groups of three on one side by its whole-number reading (grouped_value).
  std::multimap<std::string, std::size_t> by_value;  // target value → index in rest_t
  for (std::size_t k = 0; k < rest_t.size(); ++k) by_value.emplace(t.numbers[rest_t[k]], k);
  std::vector<bool> used_t(rest_t.size(), false);
  std::vector<bool> used_s(rest_s.size(), false);
  auto take = [&](const std::string& value) -> bool {
    auto range = by_value.equal_range(value);
    for (auto it = range.first; it != range.second; ++it) {
      if (!used_t[it->second]) {
        used_t[it->second] = true;
        return true;
      }
    }
    return false;
  };
  for (std::size_t k = 0; k < rest_s.size(); ++k) used_s[k] = take(s.numbers[rest_s[k]]);
  for (std::size_t k = 0; k < rest_s.size(); ++k) {
    if (used_s[k]) continue;
    std::string whole = grouped_value(s.number_text[rest_s[k]]);
    if (!whole.empty()) used_s[k] = take(whole);
  }
  std::multimap<std::string, std::size_t> wholes;  // target whole readings → index in rest_t
  for (std::size_t k = 0; k < rest_t.size(); ++k) {
    if (used_t[k]) continue;
    std::string whole = grouped_value(t.number_text[rest_t[k]]);
    if (!whole.empty()) wholes.emplace(whole, k);
  }
  for (std::size_t k = 0; k < rest_s.size(); ++k) {
    if (used_s[k]) continue;
    auto range = wholes.equal_range(s.numbers[rest_s[k]]);
    for (auto it = range.first; it != range.second && !used_s[k]; ++it) {
      if (!used_t[it->second]) used_s[k] = used_t[it->second] = true;
    }
  }
  // Last, a number left on one side against a number word on the other.
  auto spelled_match = [](const std::vector<std::string>& spelled) {
    std::map<std::string, int> out;
    for (const auto& v : spelled) ++out[v];
    return out;
  };
  auto s_words = spelled_match(s.spelled);
  auto t_words = spelled_match(t.spelled);
  auto take_word = [](std::map<std::string, int>& words, const std::string& value) {
    auto it = words.find(value);
    if (it == words.end() || it->second == 0) return false;
    --it->second;
    return true;
  };
  for (std::size_t k = 0; k < rest_s.size(); ++k) {
    if (!used_s[k] && !take_word(t_words, s.numbers[rest_s[k]])) {
      missing.push_back(s.numbers[rest_s[k]]);
    }
  }
  for (std::size_t k = 0; k < rest_t.size(); ++k) {
    if (!used_t[k] && !take_word(s_words, t.numbers[rest_t[k]])) {
      extra.push_back(t.numbers[rest_t[k]]);
    }
  }
  std::sort(missing.begin(), missing.end());
  std::sort(extra.begin(), extra.end());
}

// Organisation names match when one ends with the other word by word: a
// sentence's first word may sit before a name ("Contact Aligner OÜ").
bool same_name(const std::string& a, const std::string& b) {
  auto ends_with = [](const std::string& x, const std::string& y) {
    return x.size() >= y.size() && x.compare(x.size() - y.size(), y.size(), y) == 0 &&
           (x.size() == y.size() || x[x.size() - y.size() - 1] == ' ');
  };
  return ends_with(a, b) || ends_with(b, a);
}

void name_difference(const std::vector<std::string>& s, const std::vector<std::string>& t,
                     std::vector<std::string>& missing, std::vector<std::string>& extra) {
  std::vector<bool> used(t.size(), false);
  for (const auto& a : s) {
    bool matched = false;
    for (std::size_t j = 0; j < t.size() && !matched; ++j) {
      if (!used[j] && same_name(a, t[j])) matched = used[j] = true;
    }
    if (!matched) missing.push_back(a);
  }
  for (std::size_t j = 0; j < t.size(); ++j) {
    if (!used[j]) extra.push_back(t[j]);
  }
}

// The values of one kind on one side, as compared.
struct KindValues {
  const char* id;
  const char* plural;
  std::vector<std::string> source;
  std::vector<std::string> target;
  std::vector<std::string> missing;
  std::vector<std::string> extra;
};

std::vector<KindValues> compare(const PairInput& in, const Invariants& s, const Invariants& t) {
  std::vector<KindValues> out;
  {
    KindValues k{"number", "numbers", s.numbers, t.numbers, {}, {}};
    number_difference(s, t, k.missing, k.extra);
    out.push_back(std::move(k));
  }
  {
    KindValues k{"email", "e-mail addresses", as_set(s.emails), as_set(t.emails), {}, {}};
    k.missing = minus(k.source, k.target);
    k.extra = minus(k.target, k.source);
    out.push_back(std::move(k));
  }
  {
    KindValues k{"url", "URLs", normalised_links(s.urls, in), normalised_links(t.urls, in), {}, {}};
    k.missing = minus(k.source, k.target);
    k.extra = minus(k.target, k.source);
    pair_localised_slugs(k.missing, k.extra);
    pair_site_paths(k.missing, k.extra);
    out.push_back(std::move(k));
  }
  {
    KindValues k{"phone", "phone numbers", s.phones, t.phones, {}, {}};
    k.missing = minus(k.source, k.target);
    k.extra = minus(k.target, k.source);
    out.push_back(std::move(k));
  }
  {
    KindValues k{"organisation", "organisation names", s.names, t.names, {}, {}};
    name_difference(k.source, k.target, k.missing, k.extra);
    out.push_back(std::move(k));
  }
  {
    KindValues k{"footnote", "footnote references", as_set(s.footnotes), as_set(t.footnotes), {},
                 {}};
    k.missing = minus(k.source, k.target);
    k.extra = minus(k.target, k.source);
    out.push_back(std::move(k));
  }
  return out;
}

// The values of KIND in one block, as compare() sees them.
std::vector<std::string> block_values(const PairInput& in, const Block& b,
                                      const std::string& language, std::string_view kind) {
  Invariants inv = extract_invariants(b.text, language);
  for (const auto& url : b.urls) {
    if (url.rfind("mailto:", 0) == 0) {
      inv.emails.push_back(normalise_link(url, in.source_language, in.target_language));
    } else {
      inv.urls.push_back(url);
    }
  }
  if (kind == "number") return inv.numbers;
  if (kind == "email") return inv.emails;
  if (kind == "url") return normalised_links(inv.urls, in);
  if (kind == "phone") return inv.phones;
  if (kind == "organisation") return inv.names;
  return inv.footnotes;
}

// The line of the first block of the sections INDICES of DOC that holds one
// of VALUES (of KIND); the first section's line when none does.
int value_line(const PairInput& in, const Document& doc, const std::vector<std::size_t>& indices,
               const std::string& language, std::string_view kind,
               const std::vector<std::string>& values) {
  for (auto i : indices) {
    const Section& s = doc.sections[i];
    if (!s.title.empty()) {
      Block title;
      title.text = s.title;
      for (const auto& v : block_values(in, title, language, kind)) {
        if (std::find(values.begin(), values.end(), v) != values.end()) return s.line;
      }
    }
    for (const auto& b : s.blocks) {
      for (const auto& v : block_values(in, b, language, kind)) {
        if (std::find(values.begin(), values.end(), v) != values.end()) return b.line;
      }
    }
  }
  return doc.sections[indices.front()].line;
}

std::string side(const std::vector<std::string>& values, int line) {
  if (values.empty()) return "none";
  return fmt::format("{} (line {})", join(values), line);
}

// Whether the aligned sections read the same, word for word, on both sides.
bool identical_text(const PairInput& in, const AlignedPair& p) {
  if (p.source.size() != 1 || p.target.size() != 1) return false;
  return section_text(in.source.sections[p.source[0]]) ==
         section_text(in.target.sections[p.target[0]]);
}

void invariant_mismatch(const PairInput& in, const SectionAlignment& aligned, const AlignedPair& p,
                        std::vector<Finding>& out) {
  if (identical_text(in, p)) return;  // text identical on both sides is never a mismatch
  Invariants s = invariants_of(in, aligned, p.source, true);
  Invariants t = invariants_of(in, aligned, p.target, false);
  const Section& target = in.target.sections[p.target.front()];
  for (auto& k : compare(in, s, t)) {
    if (k.missing.empty() && k.extra.empty()) continue;
    const int source_line =
        value_line(in, in.source, p.source, in.source_language, k.id, k.missing);
    const int target_line = value_line(in, in.target, p.target, in.target_language, k.id, k.extra);
    Finding f = make_finding("invariant-mismatch", in.target_file, target.line);
    f.section = section_ref(target);
    f.message =
        fmt::format("{} in {} differ from the source: source has {}; target has {}", k.plural,
                    describe(target), side(k.missing, source_line), side(k.extra, target_line));
    f.evidence = json{{"kind", k.id},
                      {"source", k.source},
                      {"target", k.target},
                      {"missing_in_target", k.missing},
                      {"extra_in_target", k.extra},
                      {"source_line", in.source.sections[p.source.front()].line},
                      {"source_value_line", k.missing.empty() ? json(nullptr) : json(source_line)},
                      {"target_value_line", k.extra.empty() ? json(nullptr) : json(target_line)}};
    out.push_back(std::move(f));
  }
}

struct Shape {
  int prose = 0;
  int list_items = 0;
  int tables = 0;
  int code = 0;
};

Shape shape_of(const Section& s) {
  Shape shape;
  for (const auto& b : s.blocks) {
    switch (b.kind) {
      case BlockKind::list_item:
        ++shape.list_items;
        ++shape.prose;
        break;
      case BlockKind::paragraph:
      case BlockKind::quote:
        ++shape.prose;
        break;
      case BlockKind::table:
        ++shape.tables;
        break;
      case BlockKind::code:
        ++shape.code;
        break;
      default:
        break;
    }
  }
  return shape;
}

void structure_mismatch(const PairInput& in, const AlignedPair& p, std::vector<Finding>& out) {
  const Section& src = in.source.sections[p.source[0]];
  const Section& tgt = in.target.sections[p.target[0]];
  Shape a = shape_of(src), b = shape_of(tgt);
  std::vector<std::string> reasons;
  auto differ = [&](int x, int y, const char* what) {
    if (x != y) reasons.push_back(fmt::format("{} {} in the source, {} in the target", x, what, y));
  };
  differ(a.list_items, b.list_items, "list items");
  differ(a.tables, b.tables, "tables");
  differ(a.code, b.code, "code blocks");
  // Translators may split or join a paragraph; more than that is not
  // translation.
  int gap = std::abs(a.prose - b.prose);
  if (reasons.empty() && gap > std::max(2, std::max(a.prose, b.prose) / 2)) {
    reasons.push_back(
        fmt::format("{} text blocks in the source, {} in the target", a.prose, b.prose));
  }
  if (reasons.empty()) return;
  Finding f = make_finding("structure-mismatch", in.target_file, tgt.line);
  f.section = section_ref(tgt);
  f.message =
      fmt::format("{} has a different structure: {}", describe(tgt), fmt::join(reasons, "; "));
  f.evidence = json{{"source",
                     {{"blocks", a.prose},
                      {"list_items", a.list_items},
                      {"tables", a.tables},
                      {"code_blocks", a.code}}},
                    {"target",
                     {{"blocks", b.prose},
                      {"list_items", b.list_items},
                      {"tables", b.tables},
                      {"code_blocks", b.code}}},
                    {"source_line", src.line}};
  out.push_back(std::move(f));
}

// char_count(section_text(s)) without building the text: the title and the
// blocks with text, one line break between each two.
double chars(const Section& s) {
  std::size_t n = char_count(s.title);
  std::size_t parts = s.title.empty() ? 0 : 1;
  for (const auto& b : s.blocks) {
    if (b.text.empty()) continue;
    n += char_count(b.text);
    ++parts;
  }
  return static_cast<double>(n + (parts > 0 ? parts - 1 : 0));
}

// Source and target lengths of each 1–1 step (others: zero).
struct StepLength {
  double source = 0;
  double target = 0;
};

std::vector<StepLength> step_lengths(const PairInput& in,
                                     const std::vector<AlignedPair>& alignment) {
  std::vector<StepLength> out(alignment.size());
  for (std::size_t k = 0; k < alignment.size(); ++k) {
    const AlignedPair& p = alignment[k];
    if (p.source.size() != 1 || p.target.size() != 1) continue;
    out[k] = {chars(in.source.sections[p.source[0]]), chars(in.target.sections[p.target[0]])};
  }
  return out;
}

// The typical target/source length ratio of this pair: the median over its
// aligned sections long enough to say, else 1.
double learn_ratio(const std::vector<AlignedPair>& alignment,
                   const std::vector<StepLength>& lengths) {
  std::vector<double> ratios;
  for (std::size_t k = 0; k < alignment.size(); ++k) {
    const AlignedPair& p = alignment[k];
    if (p.source.size() != 1 || p.target.size() != 1) continue;
    double a = lengths[k].source;
    double b = lengths[k].target;
    if (a >= k_min_length_chars && b > 0) ratios.push_back(b / a);
  }
  if (ratios.size() < 3) return 1.0;
  std::nth_element(ratios.begin(), ratios.begin() + static_cast<long>(ratios.size() / 2),
                   ratios.end());
  return ratios[ratios.size() / 2];
}

}  // namespace

void check_alignment(const PairInput& in, const SectionAlignment& aligned,
                     std::vector<Finding>& out) {
  const std::vector<AlignedPair>& alignment = aligned.pairs;
  const std::vector<StepLength> lengths = step_lengths(in, alignment);
  const double ratio = learn_ratio(alignment, lengths);
  for (std::size_t k = 0; k < alignment.size(); ++k) {
    const AlignedPair& p = alignment[k];
    if (p.target.empty()) {
      const Section& src = in.source.sections[p.source[0]];
      if (!has_prose(src)) continue;
      // Point at the target section that follows where it should be.
      int line = 0;
      for (std::size_t n = k + 1; n < alignment.size() && line == 0; ++n) {
        if (!alignment[n].target.empty()) line = in.target.sections[alignment[n].target[0]].line;
      }
      if (line == 0 && !in.target.sections.empty()) line = in.target.sections.back().end_line;
      Finding f = make_finding("missing-section", in.target_file, line);
      f.section = section_ref(src);
      f.message = fmt::format("{} of {} (line {}) has no counterpart here; translate it",
                              describe(src), in.source_file, src.line);
      f.evidence = json{{"source_file", in.source_file},
                        {"source_line", src.line},
                        {"confidence", std::round(p.confidence * 100) / 100}};
      out.push_back(std::move(f));
      continue;
    }
    if (p.source.empty()) {
      const Section& tgt = in.target.sections[p.target[0]];
      if (!has_prose(tgt)) continue;
      Finding f = make_finding("extra-section", in.target_file, tgt.line);
      f.section = section_ref(tgt);
      f.message = fmt::format("{} has no counterpart in {}; remove it or add it to the source",
                              describe(tgt), in.source_file);
      f.evidence = json{{"confidence", std::round(p.confidence * 100) / 100}};
      out.push_back(std::move(f));
      continue;
    }
    invariant_mismatch(in, aligned, p, out);
    if (p.source.size() != 1 || p.target.size() != 1) continue;
    structure_mismatch(in, p, out);
    const Section& src = in.source.sections[p.source[0]];
    const Section& tgt = in.target.sections[p.target[0]];
    double a = lengths[k].source, b = lengths[k].target;
    if (a < k_min_length_chars) continue;
    double r = b / a;
    if (r >= ratio / k_length_band && r <= ratio * k_length_band) continue;
    Finding f = make_finding("length-ratio", in.target_file, tgt.line);
    f.section = section_ref(tgt);
    f.message = fmt::format(
        "{} is {:.2f} times as long as its source; this pair's sections are usually {:.2f} "
        "(accepted {:.2f}-{:.2f}); check for left-out or added text",
        describe(tgt), r, ratio, ratio / k_length_band, ratio * k_length_band);
    f.evidence = json{{"source_chars", a},
                      {"target_chars", b},
                      {"ratio", std::round(r * 100) / 100},
                      {"expected", std::round(ratio * 100) / 100},
                      {"band",
                       {std::round(ratio / k_length_band * 100) / 100,
                        std::round(ratio * k_length_band * 100) / 100}},
                      {"source_line", src.line}};
    out.push_back(std::move(f));
  }
}

}  // namespace accord
