#include <accord/align.hpp>
#include <accord/invariants.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <unordered_set>

namespace accord {
namespace {

// What the aligner knows of one section or block.
struct Item {
  std::string number;
  int level = 0;
  int kind = -1;  // BlockKind for blocks; -1 for sections
  double length = 0;
  double log_length = 0;  // log(max(length, 1)), kept for the scorer
  double blocks = 1;
  std::vector<std::uint64_t> anchors;  // sorted hashes of typed invariants
  std::vector<std::uint64_t> words;    // sorted hashes of words both documents use
};

std::uint64_t hash(std::string_view kind, std::string_view value) {
  // One buffer per thread instead of three temporaries per word; the
  // standard makes hash<string_view> equal hash<string> of the same bytes.
  // Sized once and filled with memcpy: GCC 12 at -O3 warns (-Wrestrict)
  // about assign-then-append on a thread_local string.
  thread_local std::string buffer;
  buffer.resize(kind.size() + 1 + value.size());
  char* out = buffer.data();
  std::memcpy(out, kind.data(), kind.size());
  out[kind.size()] = '\x1f';
  if (!value.empty()) std::memcpy(out + kind.size() + 1, value.data(), value.size());
  return std::hash<std::string_view>{}(buffer);
}

// hash("w", fold_case(WORD)), folding an ASCII word (the most) straight into
// the buffer: fold_case lower-cases ASCII A-Z and nothing else.
std::uint64_t word_hash(std::string_view word) {
  if (!std::all_of(word.begin(), word.end(),
                   [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return hash("w", fold_case(word));
  }
  thread_local std::string buffer;
  buffer.resize(word.size() + 2);
  buffer[0] = 'w';
  buffer[1] = '\x1f';
  for (std::size_t k = 0; k < word.size(); ++k) {
    const char c = word[k];
    buffer[k + 2] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::hash<std::string_view>{}(buffer);
}

// The anchors and words of TEXT, from one word-break pass; returns TEXT's
// invariants.
Invariants add_anchors_and_words(const std::string& text, std::string_view language, Item& item) {
  thread_local std::vector<TokenSpan> spans;
  Invariants inv = extract_invariants(text, language, spans);
  for (const auto& v : inv.emails) item.anchors.push_back(hash("e", v));
  for (const auto& v : inv.urls) item.anchors.push_back(hash("u", v));
  for (const auto& v : inv.phones) item.anchors.push_back(hash("p", v));
  for (const auto& v : inv.numbers) item.anchors.push_back(hash("n", v));
  for (const auto& v : inv.names) item.anchors.push_back(hash("o", v));
  const std::string_view all(text);
  for (const auto& span : spans) {
    if (!span.is_word) continue;
    const std::string_view word = all.substr(span.offset, span.length);
    // At most 4 bytes a character: under 4 bytes is under 4 characters, 16
    // bytes or more at least 4.
    if (word.size() < 4 || (word.size() < 16 && char_count(word) < 4)) continue;
    if (std::isdigit(static_cast<unsigned char>(word[0]))) continue;
    item.words.push_back(word_hash(word));
  }
  return inv;
}

void finish(Item& item) {
  item.log_length = std::log(std::max(item.length, 1.0));
  std::sort(item.anchors.begin(), item.anchors.end());
  std::sort(item.words.begin(), item.words.end());
}

Item section_item(const Section& s, std::string_view language, Invariants& invariants) {
  Item item;
  item.number = s.number;
  item.level = s.level;
  std::size_t size = s.title.size();
  for (const auto& b : s.blocks) size += b.text.size() + 1;
  std::string all;
  all.reserve(size);  // one allocation, not one per doubling
  all = s.title;
  for (const auto& b : s.blocks) {
    all += '\n';
    all += b.text;
  }
  item.length = static_cast<double>(char_count(all));
  item.blocks = static_cast<double>(std::max<std::size_t>(1, s.blocks.size()));
  invariants = add_anchors_and_words(all, language, item);
  finish(item);
  return item;
}

Item block_item(const Block& b, std::string_view language) {
  Item item;
  item.kind = static_cast<int>(b.kind);
  item.level = b.depth;
  const std::string& text = b.text.empty() ? b.source : b.text;
  item.length = static_cast<double>(char_count(text));
  add_anchors_and_words(text, language, item);
  for (const auto& url : b.urls) item.anchors.push_back(hash("u", url));
  finish(item);
  return item;
}

// Keeps only words that occur on both sides: those are names, numbers in
// words, untranslated text: evidence that two items correspond.
void keep_shared_words(std::vector<Item>& a, std::vector<Item>& b) {
  std::unordered_set<std::uint64_t> in_a, shared;
  for (const auto& i : a) in_a.insert(i.words.begin(), i.words.end());
  for (const auto& i : b) {
    for (auto w : i.words) {
      if (in_a.count(w)) shared.insert(w);
    }
  }
  for (auto* side : {&a, &b}) {
    for (auto& i : *side) {
      std::erase_if(i.words, [&](std::uint64_t w) { return !shared.count(w); });
    }
  }
}

double dice(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() && b.empty()) return 1;
  // Without branches: the comparisons of random hashes are unpredictable.
  // Equal values move both sides on, so repeats count as in a multiset.
  std::size_t i = 0, j = 0, common = 0;
  const std::size_t na = a.size(), nb = b.size();
  const std::uint64_t* pa = a.data();
  const std::uint64_t* pb = b.data();
  while (i < na && j < nb) {
    const std::uint64_t x = pa[i], y = pb[j];
    common += x == y;
    i += x <= y;
    j += y <= x;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

Item merge(const Item& a, const Item& b) {
  Item m = a;
  // Two numbered parts ("3." and "4.") are no evidence for either number.
  if (!a.number.empty() && !b.number.empty() && a.number != b.number) m.number.clear();
  m.length += b.length;
  m.blocks += b.blocks;
  // Both sides are sorted: merging them gives what sorting their
  // concatenation gives (equal hashes cannot be told apart).
  m.anchors.resize(a.anchors.size() + b.anchors.size());
  std::merge(a.anchors.begin(), a.anchors.end(), b.anchors.begin(), b.anchors.end(),
             m.anchors.begin());
  m.words.resize(a.words.size() + b.words.size());
  std::merge(a.words.begin(), a.words.end(), b.words.begin(), b.words.end(), m.words.begin());
  m.log_length = std::log(std::max(m.length, 1.0));  // as finish() sets it
  return m;
}

class Scorer {
 public:
  explicit Scorer(double ratio) : m_ratio(ratio), m_log_ratio(std::log(ratio)) {}

  // How well A (source) and B (target) correspond, 0..1.
  double score(const Item& a, const Item& b) const {
    double weight = 0, sum = 0;
    auto add = [&](double w, double s) {
      weight += w;
      sum += w * s;
    };
    if (!a.number.empty() && !b.number.empty()) {
      add(1.5, a.number == b.number ? 1 : 0);
    } else if (a.number.empty() != b.number.empty()) {
      add(1.0, 0);
    } else if (a.kind < 0) {
      add(0.5, 1);
    }
    if (!a.anchors.empty() || !b.anchors.empty()) add(2.0, dice(a.anchors, b.anchors));
    if (!a.words.empty() || !b.words.empty()) add(1.0, dice(a.words, b.words));
    add(1.0, std::min(a.blocks, b.blocks) / std::max(a.blocks, b.blocks));
    if (a.kind >= 0) {
      add(1.0, a.kind == b.kind ? 1 : 0);
    } else {
      add(0.5, a.level == b.level ? 1 : 0);
    }
    double content = weight > 0 ? sum / weight : 0;
    // Length in the spirit of Gale–Church: the target should be about
    // ratio × the source. It multiplies, so that a pair whose lengths cannot
    // correspond (a merge of two long sections against one short one) scores
    // low however well its anchors agree. Short texts say little by length.
    double expected = std::max(m_ratio * a.length, 1.0);
    double off = std::fabs(b.log_length - (expected > 1.0 ? m_log_ratio + a.log_length : 0.0));
    double length_score = std::exp(-off / 0.25);
    double trust = std::min(1.0, std::min(a.length, b.length) / 100.0);
    length_score = 1 - trust * (1 - length_score);
    return content * (0.4 + 0.6 * length_score);
  }

 private:
  double m_ratio;
  double m_log_ratio;
};

constexpr double k_skip_cost = 2.0;   // a section or block with no counterpart
constexpr double k_merge_cost = 2.5;  // a 2–1 or 1–2 step, over its match cost
constexpr double k_match_cost = 0.1;  // a 1–1 step

double match_cost(double score) { return k_match_cost - std::log(std::max(score, 1e-6)); }

enum Step : std::uint8_t { none, one_one, one_zero, zero_one, two_one, one_two };

std::vector<AlignedPair> align_items(const std::vector<Item>& src, const std::vector<Item>& tgt,
                                     const Scorer& scorer, bool allow_moves) {
  const std::size_t n = src.size(), m = tgt.size();
  const double inf = std::numeric_limits<double>::infinity();
  // A band around the diagonal keeps 2,000 × 2,000 sections fast; small
  // inputs get the full table.
  const std::size_t band = std::max<std::size_t>(60, (n > m ? n - m : m - n) + 40);
  auto in_band = [&](std::size_t i, std::size_t j) {
    if (n <= 300 && m <= 300) return true;
    double diag =
        n == 0 ? 0 : static_cast<double>(i) * static_cast<double>(m) / static_cast<double>(n);
    return std::fabs(static_cast<double>(j) - diag) <= static_cast<double>(band);
  };
  // Merged neighbours, made once rather than once per table cell.
  std::vector<Item> src_pairs, tgt_pairs;
  for (std::size_t k = 1; k < n; ++k) src_pairs.push_back(merge(src[k - 1], src[k]));
  for (std::size_t k = 1; k < m; ++k) tgt_pairs.push_back(merge(tgt[k - 1], tgt[k]));
  // The table holds only each row's columns [row_lo, row_hi]: 2,000 × 2,000
  // sections need some 250,000 cells, not 4 million. A cell outside them
  // reads as unreachable (infinite cost, no step), as it was never set.
  std::vector<std::size_t> row_lo(n + 1), row_hi(n + 1), row_start(n + 2, 0);
  for (std::size_t i = 0; i <= n; ++i) {
    std::size_t j_lo = 0, j_hi = m;
    if (!(n <= 300 && m <= 300)) {
      double diag = static_cast<double>(i) * static_cast<double>(m) /
                    static_cast<double>(std::max<std::size_t>(n, 1));
      j_lo = static_cast<std::size_t>(std::max(0.0, std::floor(diag - static_cast<double>(band))));
      j_hi = std::min(m, static_cast<std::size_t>(std::ceil(diag + static_cast<double>(band))));
    }
    row_lo[i] = j_lo;
    row_hi[i] = j_hi;
    row_start[i + 1] = row_start[i] + (j_hi + 1 - j_lo);
  }
  std::vector<double> cost_table(row_start[n + 1], inf);
  std::vector<Step> back_table(row_start[n + 1], none);
  auto cost = [&](std::size_t i, std::size_t j) {
    return j < row_lo[i] || j > row_hi[i] ? inf : cost_table[row_start[i] + (j - row_lo[i])];
  };
  auto back = [&](std::size_t i, std::size_t j) {
    return j < row_lo[i] || j > row_hi[i] ? none : back_table[row_start[i] + (j - row_lo[i])];
  };
  cost_table[0] = 0;  // (0, 0): row 0 starts at column 0
  for (std::size_t i = 0; i <= n; ++i) {
    const std::size_t j_lo = row_lo[i], j_hi = row_hi[i];
    for (std::size_t j = j_lo; j <= j_hi; ++j) {
      if ((i == 0 && j == 0) || !in_band(i, j)) continue;
      double best = inf;
      Step step = none;
      auto consider = [&](double prev, double extra, Step s) {
        if (prev + extra < best) {
          best = prev + extra;
          step = s;
        }
      };
      // A score is at most 1, so a match costs at least k_match_cost: a step
      // that cannot beat the best so far (ties go to the step tried first)
      // is not scored. The result is the same as scoring every step.
      // The neighbours' costs, each read once (infinite where there is none).
      const double up = i > 0 ? cost(i - 1, j) : inf;
      const double left = j > 0 ? cost(i, j - 1) : inf;
      const double diagonal = i > 0 && j > 0 ? cost(i - 1, j - 1) : inf;
      const double up2_left = i > 1 && j > 0 ? cost(i - 2, j - 1) : inf;
      const double up_left2 = i > 0 && j > 1 ? cost(i - 1, j - 2) : inf;
      double skip_best = inf;
      if (i > 0) skip_best = std::min(skip_best, up + k_skip_cost);
      if (j > 0) skip_best = std::min(skip_best, left + k_skip_cost);
      if (i > 0 && j > 0 && diagonal < inf && !(diagonal + k_match_cost > skip_best)) {
        consider(diagonal, match_cost(scorer.score(src[i - 1], tgt[j - 1])), one_one);
      }
      if (i > 0 && up < inf) consider(up, k_skip_cost, one_zero);
      if (j > 0 && left < inf) consider(left, k_skip_cost, zero_one);
      if (i > 1 && j > 0 && up2_left < inf && up2_left + (k_merge_cost + k_match_cost) < best) {
        double s = scorer.score(src_pairs[i - 2], tgt[j - 1]);
        consider(up2_left, k_merge_cost + match_cost(s), two_one);
      }
      if (i > 0 && j > 1 && up_left2 < inf && up_left2 + (k_merge_cost + k_match_cost) < best) {
        double s = scorer.score(src[i - 1], tgt_pairs[j - 2]);
        consider(up_left2, k_merge_cost + match_cost(s), one_two);
      }
      cost_table[row_start[i] + (j - j_lo)] = best;
      back_table[row_start[i] + (j - j_lo)] = step;
    }
  }

  std::vector<AlignedPair> pairs;
  std::size_t i = n, j = m;
  while (i > 0 || j > 0) {
    AlignedPair p;
    switch (back(i, j)) {
      case one_one:
        p.source = {i - 1};
        p.target = {j - 1};
        p.confidence = scorer.score(src[i - 1], tgt[j - 1]);
        --i;
        --j;
        break;
      case one_zero:
        p.source = {i - 1};
        --i;
        break;
      case zero_one:
        p.target = {j - 1};
        --j;
        break;
      case two_one:
        p.source = {i - 2, i - 1};
        p.target = {j - 1};
        p.confidence = scorer.score(src_pairs[i - 2], tgt[j - 1]);
        i -= 2;
        --j;
        break;
      case one_two:
        p.source = {i - 1};
        p.target = {j - 2, j - 1};
        p.confidence = scorer.score(src[i - 1], tgt_pairs[j - 2]);
        --i;
        j -= 2;
        break;
      case none:
        // Unreachable cell (outside the band): fall back to skips.
        if (i > 0) {
          p.source = {--i};
        } else {
          p.target = {--j};
        }
        break;
    }
    pairs.push_back(std::move(p));
  }
  std::reverse(pairs.begin(), pairs.end());

  // A one-sided step's confidence: how clearly nothing on the other side fits.
  auto best_score = [&](const Item& item, const std::vector<Item>& others, bool item_is_source) {
    double best = 0;
    for (const auto& o : others) {
      best = std::max(best, item_is_source ? scorer.score(item, o) : scorer.score(o, item));
    }
    return best;
  };

  if (allow_moves) {
    // Pair leftovers out of order when the evidence is strong: the same
    // number and content, or clearly the same content.
    std::vector<std::size_t> lone_src, lone_tgt;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      if (pairs[k].target.empty()) lone_src.push_back(k);
      if (pairs[k].source.empty()) lone_tgt.push_back(k);
    }
    struct Candidate {
      double score;
      std::size_t s, t;
    };
    std::vector<Candidate> candidates;
    for (auto ks : lone_src) {
      for (auto kt : lone_tgt) {
        const Item& a = src[pairs[ks].source[0]];
        const Item& b = tgt[pairs[kt].target[0]];
        double s = scorer.score(a, b);
        bool same_number = !a.number.empty() && a.number == b.number;
        bool same_content = (!a.anchors.empty() && dice(a.anchors, b.anchors) >= 0.8) ||
                            (!a.words.empty() && dice(a.words, b.words) >= 0.6);
        if (s >= 0.6 && (same_number || same_content)) candidates.push_back({s, ks, kt});
      }
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
    std::vector<bool> used(pairs.size(), false);
    for (const auto& c : candidates) {
      if (used[c.s] || used[c.t]) continue;
      used[c.s] = used[c.t] = true;
      pairs[c.t].source = pairs[c.s].source;
      pairs[c.t].confidence = c.score;
      pairs[c.t].moved = true;
      pairs[c.s].source.clear();  // marked for removal
    }
    std::erase_if(pairs, [](const AlignedPair& p) { return p.source.empty() && p.target.empty(); });
  }

  for (auto& p : pairs) {
    if (p.target.empty()) p.confidence = 1 - best_score(src[p.source[0]], tgt, true);
    if (p.source.empty()) p.confidence = 1 - best_score(tgt[p.target[0]], src, false);
  }
  return pairs;
}

double learn_ratio(const std::vector<Item>& src, const std::vector<Item>& tgt, double given) {
  if (given > 0) return given;
  double a = 0, b = 0;
  for (const auto& i : src) a += i.length;
  for (const auto& i : tgt) b += i.length;
  if (a <= 0 || b <= 0) return 1;
  return std::clamp(b / a, 0.5, 2.0);
}

}  // namespace

SectionAlignment align_sections_with_invariants(const Document& source, const Document& target,
                                                const AlignOptions& options) {
  SectionAlignment out;
  out.source_invariants.resize(source.sections.size());
  out.target_invariants.resize(target.sections.size());
  std::vector<Item> src, tgt;
  src.reserve(source.sections.size());
  tgt.reserve(target.sections.size());
  for (std::size_t i = 0; i < source.sections.size(); ++i) {
    src.push_back(
        section_item(source.sections[i], options.source_language, out.source_invariants[i]));
  }
  for (std::size_t i = 0; i < target.sections.size(); ++i) {
    tgt.push_back(
        section_item(target.sections[i], options.target_language, out.target_invariants[i]));
  }
  keep_shared_words(src, tgt);
  Scorer scorer(learn_ratio(src, tgt, options.length_ratio));
  out.pairs = align_items(src, tgt, scorer, true);
  return out;
}

std::vector<AlignedPair> align_sections(const Document& source, const Document& target,
                                        const AlignOptions& options) {
  return align_sections_with_invariants(source, target, options).pairs;
}

std::vector<AlignedPair> align_blocks(const Section& source, const Section& target,
                                      const AlignOptions& options) {
  std::vector<Item> src, tgt;
  for (const auto& b : source.blocks) src.push_back(block_item(b, options.source_language));
  for (const auto& b : target.blocks) tgt.push_back(block_item(b, options.target_language));
  keep_shared_words(src, tgt);
  Scorer scorer(learn_ratio(src, tgt, options.length_ratio));
  return align_items(src, tgt, scorer, false);
}

}  // namespace accord
