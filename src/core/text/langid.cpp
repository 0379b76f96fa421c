#include <fingerprint.h>
#include <fmt/format.h>
#include <textcat.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <accord/langid.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cmath>
#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "text/langid_data.hpp"

namespace accord {
namespace {

using namespace langid_data;

// Cache of hunspell verdicts; cleared when it grows past this many words so
// that a long-running process does not grow without bound.
constexpr std::size_t k_max_cached_words = 200000;
constexpr std::size_t k_max_languages = 32;  // verdicts are bit masks

// How the two sources are weighed (see the end of identify()). Tuned on the
// fixtures: textcat's normalised distances of Estonian and English prose
// differ by only 0.05–0.15, so the spread is scaled before it becomes a
// probability; textcat's weight is 0 up to 12 characters of evidence and
// grows to full at 160, since short fingerprints are noise.
constexpr double k_textcat_sharpness = 40.0;
constexpr double k_textcat_min_chars = 12.0;
constexpr double k_textcat_full_chars = 160.0;
constexpr double k_hunspell_half_weight_words = 2.0;
constexpr double k_hunspell_prior = 0.5;
constexpr double k_full_confidence_words = 4.0;
constexpr double k_name_like_vote = 0.25;

bool is_language_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 3) return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Replaces ill-formed UTF-8 with spaces so the ICU and textcat steps only
// ever see valid text.
std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    // Runs of ASCII other than NUL are copied as they are.
    const int32_t run = i;
    while (i < length && s[i] < 0x80 && s[i] != 0) ++i;
    out.append(text.substr(static_cast<std::size_t>(run), static_cast<std::size_t>(i - run)));
    if (i >= length) break;
    int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c <= 0) {
      out += ' ';
    } else {
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return out;
}

bool is_space_byte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Punctuation that wraps a token without being part of it.
bool is_wrapper(UChar32 c) {
  if (c < 0x80)
    return std::string_view("\"'()[]{}<>,.;:!?*").find(static_cast<char>(c)) !=
           std::string_view::npos;
  return u_ispunct(c) != 0;
}

std::string_view strip_wrappers(std::string_view chunk) {
  auto first = [](std::string_view s, int32_t& len) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
    len = i;
    return c;
  };
  auto last = [](std::string_view s, int32_t& len) {
    // Back up over continuation bytes, then decode forwards (U8_PREV
    // casts in the old style).
    std::size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    auto i = static_cast<int32_t>(start);
    UChar32 c = 0;
    U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
    len = static_cast<int32_t>(s.size() - start);
    return c;
  };
  int32_t len = 0;
  while (!chunk.empty() && is_wrapper(first(chunk, len)))
    chunk.remove_prefix(static_cast<std::size_t>(len));
  while (!chunk.empty() && is_wrapper(last(chunk, len)))
    chunk.remove_suffix(static_cast<std::size_t>(len));
  return chunk;
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// "aligner.io", "index.html", "www.example.org": a dot between letters with
// at least two letters after the last dot. "e.g" and "jne" are not.
bool looks_like_domain(std::string_view s) {
  std::size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > s.size()) return false;
  if (!is_ascii_alnum(s[dot - 1])) return false;
  std::string_view tail = s.substr(dot + 1);
  return tail.size() >= 2 && std::all_of(tail.begin(), tail.end(), is_ascii_alnum);
}

// Whole white-space-separated chunks that are never language: URLs, e-mail
// addresses, domain and file names, numbers, dates, phone numbers, code.
bool is_neutral_chunk(std::string_view raw) {
  std::string_view s = strip_wrappers(raw);
  if (s.empty()) return true;
  if (raw.starts_with("--") || raw.find("()") != std::string_view::npos ||
      s.find("::") != std::string_view::npos || s.find("->") != std::string_view::npos) {
    return true;  // command-line flags, calls, C++ and arrow syntax
  }
  if (s.find("://") != std::string_view::npos || s.starts_with("www.")) return true;
  if (std::size_t at = s.find('@');
      at != std::string_view::npos && at > 0 && s.find('.', at) != std::string_view::npos) {
    return true;
  }
  if (looks_like_domain(s)) return true;
  // Digits and code characters, as a table: one look-up per byte.
  static constexpr auto k_code = [] {
    std::array<bool, 256> table{};
    for (char c = '0'; c <= '9'; ++c) table[static_cast<unsigned char>(c)] = true;
    for (char c : std::string_view("_/\\=<>{}[]`#$%^&|~+"))
      table[static_cast<unsigned char>(c)] = true;
    return table;
  }();
  for (char c : s) {
    if (k_code[static_cast<unsigned char>(c)]) return true;
  }
  return false;
}

struct WordShape {
  std::size_t letters = 0;
  std::size_t upper = 0;
  bool digit = false;
  bool first_upper = false;
  bool inner_upper_after_lower = false;  // "iPhone", "getValue"
};

WordShape shape_of(std::string_view word) {
  WordShape shape;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  int32_t i = 0;
  bool prev_lower = false;
  bool first = true;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    // ASCII answered in place: digits are 0-9, letters A-Z (upper) and a-z
    // (lower), and no ASCII character is title case, as ICU says.
    const bool ascii = c >= 0 && c < 0x80;
    const bool is_digit = ascii ? c >= '0' && c <= '9' : u_isdigit(c) != 0;
    const bool is_upper = ascii ? c >= 'A' && c <= 'Z' : u_isupper(c) || u_istitle(c);
    const bool is_lower = ascii ? c >= 'a' && c <= 'z' : u_islower(c) != 0;
    const bool is_alpha = ascii ? is_upper || is_lower : u_isalpha(c) != 0;
    if (is_digit) shape.digit = true;
    if (!is_alpha) {
      prev_lower = false;
      continue;
    }
    ++shape.letters;
    bool up = is_upper;
    if (up) ++shape.upper;
    if (first) shape.first_upper = up;
    if (up && prev_lower) shape.inner_upper_after_lower = true;
    prev_lower = is_lower;
    first = false;
  }
  return shape;
}

std::string for_lookup(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    // Hunspell dictionaries list "don't" with an ASCII apostrophe.
    if (word.substr(i, 3) == "\xE2\x80\x99") {
      out += '\'';
      i += 2;
    } else {
      out += word[i];
    }
  }
  return out;
}

}  // namespace

struct LanguageIdentifier::Impl {
  std::vector<std::string> languages;
  std::vector<Fingerprint> fingerprints;  // parallel to languages
  std::vector<Dictionary> dictionaries;   // parallel to languages
  uint32_t all_mask = 0;

  // Guards the cache and the hunspell and ICU converter handles, none of
  // which may be used from two threads at once.
  mutable std::mutex mutex;
  mutable std::unordered_map<std::string, uint32_t> verdicts;

  uint32_t accepted_by(const std::string& word) const {
    auto it = verdicts.find(word);
    if (it != verdicts.end()) return it->second;
    if (verdicts.size() >= k_max_cached_words) verdicts.clear();
    std::string lookup = for_lookup(word);
    uint32_t mask = 0;
    for (std::size_t i = 0; i < dictionaries.size(); ++i) {
      if (spell(dictionaries[i], lookup)) mask |= 1u << i;
    }
    verdicts.emplace(word, mask);
    return mask;
  }

  // Textcat's distance of BUFFER to each language, divided by the largest
  // possible distance (every n-gram missing), so 0 = identical and 1 =
  // nothing in common. Empty when textcat cannot fingerprint the buffer.
  std::vector<double> textcat_distances(const std::string& buffer) const {
    Fingerprint unknown(fp_Init(nullptr));
    Fingerprint empty(fp_Init(nullptr));
    if (!unknown || !empty) return {};
    fp_SetProperty(unknown.get(), TCPROP_UTF8AWARE, TC_TRUE);
    fp_SetProperty(unknown.get(), TCPROP_MINIMUM_DOCUMENT_SIZE, 1);
    if (fp_Create(unknown.get(), buffer.data(), static_cast<uint4>(buffer.size()), k_max_ngrams) ==
        0) {
      return {};
    }
    const double worst = fp_Compare(empty.get(), unknown.get(), INT_MAX);
    if (worst <= 0) return {};
    std::vector<double> out;
    out.reserve(fingerprints.size());
    for (const auto& fp : fingerprints) {
      out.push_back(fp_Compare(fp.get(), unknown.get(), INT_MAX) / worst);
    }
    return out;
  }
};

LanguageIdentifier::LanguageIdentifier(std::vector<std::string> languages,
                                       const LanguageIdentifierOptions& options)
    : m_impl(std::make_unique<Impl>()) {
  std::vector<std::string> unique;
  for (auto& code : languages) {
    if (!is_language_code(code)) {
      throw Error("", 0, fmt::format("\"{}\" is not an ISO 639-1 language code", code),
                  "use a lower-case code such as \"et\" or \"en\"");
    }
    if (std::find(unique.begin(), unique.end(), code) == unique.end()) unique.push_back(code);
  }
  if (unique.empty()) {
    throw Error("", 0, "no languages to identify", "configure at least one language");
  }
  if (unique.size() > k_max_languages) {
    throw Error("", 0,
                fmt::format("{} languages configured, at most {} are supported", unique.size(),
                            k_max_languages));
  }
  const std::string textcat_dir =
      resolve_dir(options.textcat_dir, "ACCORD_TEXTCAT_DIR", ACCORD_TEXTCAT_DIR);
  const std::string hunspell_dir =
      resolve_dir(options.hunspell_dir, "ACCORD_HUNSPELL_DIR", ACCORD_HUNSPELL_DIR);
  for (const auto& code : unique) {
    m_impl->fingerprints.push_back(load_fingerprint(code, textcat_dir));
  }
  for (const auto& code : unique) {
    auto named = options.dictionaries.find(code);
    const bool is_default = named == options.dictionaries.end();
    const std::string name =
        is_default ? installed_hunspell_dictionary(code, hunspell_dir) : named->second;
    m_impl->dictionaries.push_back(load_dictionary(code, name, is_default, hunspell_dir));
  }
  m_impl->languages = std::move(unique);
  m_impl->all_mask = static_cast<uint32_t>((uint64_t{1} << m_impl->languages.size()) - 1);
}

LanguageIdentifier::~LanguageIdentifier() = default;
LanguageIdentifier::LanguageIdentifier(LanguageIdentifier&&) noexcept = default;
LanguageIdentifier& LanguageIdentifier::operator=(LanguageIdentifier&&) noexcept = default;

const std::vector<std::string>& LanguageIdentifier::languages() const { return m_impl->languages; }

bool LanguageIdentifier::spells(std::string_view word, std::string_view language) const {
  auto it = std::find(m_impl->languages.begin(), m_impl->languages.end(), language);
  if (it == m_impl->languages.end() || word.empty()) return false;
  auto index = static_cast<std::size_t>(it - m_impl->languages.begin());
  std::lock_guard lock(m_impl->mutex);
  return (m_impl->accepted_by(std::string(word)) >> index & 1u) != 0;
}

void LanguageEvidence::append(const LanguageEvidence& other) {
  m_words.insert(m_words.end(), other.m_words.begin(), other.m_words.end());
}

LanguageGuess LanguageIdentifier::identify(std::string_view text,
                                           const std::vector<std::string>& neutral) const {
  return identify(evidence(text, neutral));
}

LanguageEvidence LanguageIdentifier::evidence(std::string_view text,
                                              const std::vector<std::string>& neutral) const {
  const Impl& impl = *m_impl;
  LanguageEvidence out;

  // Drop whole chunks that are never language before word breaking, since
  // ICU splits "support@aligner.io" and URLs into word-like pieces.
  std::string clean = valid_utf8(text);
  for (std::size_t i = 0; i < clean.size();) {
    if (is_space_byte(clean[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < clean.size() && !is_space_byte(clean[end])) ++end;
    if (is_neutral_chunk(std::string_view(clean).substr(i, end - i))) {
      std::fill(clean.begin() + static_cast<std::ptrdiff_t>(i),
                clean.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    }
    i = end;
  }

  std::unordered_set<std::string> neutral_words;
  if (!neutral.empty()) {
    std::string joined;
    for (const auto& phrase : neutral) joined += phrase + "\n";
    for (const auto& token : word_tokens(valid_utf8(joined))) {
      if (token.is_word) neutral_words.insert(fold_case(nfc(token.text)));
    }
  }

  // Pieces by position rather than word_tokens' copies: most are dropped.
  const std::string normal = nfc(clean);
  thread_local std::vector<TokenSpan> spans;
  spans.clear();
  token_spans(normal, "en", spans);
  std::lock_guard lock(impl.mutex);
  bool sentence_start = true;
  for (const auto& span : spans) {
    const std::string_view piece = std::string_view(normal).substr(span.offset, span.length);
    if (!span.is_word) {
      for (char c : piece) {
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n') {
          sentence_start = true;
        }
      }
      continue;
    }
    const bool opens_sentence = std::exchange(sentence_start, false);
    WordShape shape = shape_of(piece);
    if (shape.digit || shape.letters < 2) continue;
    if (shape.upper == shape.letters) continue;  // acronyms: AS, OÜ, IP, GDPR
    if (shape.inner_upper_after_lower) continue;
    if (!neutral_words.empty() && neutral_words.contains(fold_case(piece))) continue;
    std::string word(piece);
    uint32_t mask = impl.accepted_by(word);
    // A capitalised word that every dictionary or none accepts is a name
    // (Tallinn, Aligneri) or a sentence opener shared by all.
    if (shape.first_upper && (mask == 0 || mask == impl.all_mask)) continue;
    // Capitalised inside a sentence, a word one dictionary knows is still
    // most often a name or product ("Google Analytics", "Aligner"), so it
    // counts but votes softly; German nouns keep textcat's full weight.
    const double vote = shape.first_upper && !opens_sentence ? k_name_like_vote : 1.0;
    out.m_words.push_back({std::move(word), mask, vote});
  }
  return out;
}

namespace {

// Hunspell's side of a guess: each word one vote, split between the
// dictionaries that accept it; words every dictionary (or none) accepts do
// not vote.
struct HunspellOpinion {
  std::vector<double> p;  // per language
  double weight = 0;
};

template <class Words>
HunspellOpinion hunspell_opinion(const Words& words, std::size_t n, uint32_t all_mask) {
  std::vector<double> votes(n, 0.0);
  double voters = 0;
  for (const auto& e : words) {
    int accepted = std::popcount(e.mask);
    if (accepted == 0 || e.mask == all_mask) continue;
    voters += e.vote;
    for (std::size_t i = 0; i < n; ++i) {
      if (e.mask & (1u << i)) votes[i] += e.vote / accepted;
    }
  }
  HunspellOpinion out;
  out.weight = voters / (voters + k_hunspell_half_weight_words);
  out.p.assign(n, 1.0 / static_cast<double>(n));
  for (std::size_t i = 0; i < n; ++i) {
    out.p[i] = (votes[i] + k_hunspell_prior) / (voters + k_hunspell_prior * static_cast<double>(n));
  }
  return out;
}

// Textcat's weight before its fingerprint is known: it grows with the
// characters of the evidence words joined by spaces.
double textcat_length_weight(double chars) {
  return std::clamp((chars - k_textcat_min_chars) / (k_textcat_full_chars - k_textcat_min_chars),
                    0.0, 1.0);
}

}  // namespace

LanguageGuess LanguageIdentifier::identify(const LanguageEvidence& evidence) const {
  const Impl& impl = *m_impl;
  const std::size_t n = impl.languages.size();
  LanguageGuess guess;
  for (const auto& code : impl.languages) guess.scores.push_back({code, 0.0});
  const auto& words = evidence.m_words;
  guess.evidence_words = words.size();
  if (words.empty()) return guess;

  const HunspellOpinion hunspell = hunspell_opinion(words, n, impl.all_mask);

  // Textcat on the evidence words only, so names and URLs add no n-grams.
  std::string buffer;
  for (const auto& e : words) {
    if (!buffer.empty()) buffer += ' ';
    buffer += e.text;
  }
  std::vector<double> distances = impl.textcat_distances(buffer);

  // Each source gives a distribution over the languages and a weight for
  // how far it can be trusted at this length; the result is their weighted
  // mean. Textcat's weight grows with the characters it saw, hunspell's
  // with the words that told the dictionaries apart.
  double textcat_weight = textcat_length_weight(static_cast<double>(char_count(buffer)));
  std::vector<double> textcat_p(n, 1.0 / static_cast<double>(n));
  if (!distances.empty()) {
    const double best = *std::min_element(distances.begin(), distances.end());
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      textcat_p[i] = std::exp(-k_textcat_sharpness * (distances[i] - best));
      sum += textcat_p[i];
    }
    for (auto& p : textcat_p) p /= sum;
    // Even a few characters of n-grams break a tie no dictionary could.
    textcat_weight = std::max(textcat_weight, 0.01);
  } else {
    textcat_weight = 0;
  }
  const double hunspell_weight = hunspell.weight;
  const std::vector<double>& hunspell_p = hunspell.p;

  const double total_weight = textcat_weight + hunspell_weight;
  if (total_weight <= 0) return guess;
  for (std::size_t i = 0; i < n; ++i) {
    guess.scores[i].score =
        (textcat_weight * textcat_p[i] + hunspell_weight * hunspell_p[i]) / total_weight;
  }
  std::stable_sort(
      guess.scores.begin(), guess.scores.end(),
      [](const LanguageScore& a, const LanguageScore& b) { return a.score > b.score; });
  const double margin = n > 1 ? guess.scores[0].score - guess.scores[1].score : 1.0;
  if (n > 1 && margin <= 0) return guess;  // a tie is no answer
  guess.language = guess.scores[0].language;
  const double length_factor =
      std::min(1.0, static_cast<double>(words.size()) / k_full_confidence_words);
  guess.confidence = std::clamp(margin * length_factor * std::min(1.0, total_weight * 2), 0.0, 1.0);
  return guess;
}

bool LanguageIdentifier::may_identify_as(const LanguageEvidence& evidence,
                                         std::string_view language, std::size_t min_words,
                                         double min_confidence) const {
  // Far above the rounding error of the few operations below and in
  // identify() (values near 1, errors near 1e-16), far below any difference
  // a threshold means.
  constexpr double k_slack = 1e-9;
  const Impl& impl = *m_impl;
  const std::size_t n = impl.languages.size();
  const auto& words = evidence.m_words;
  auto found = std::find(impl.languages.begin(), impl.languages.end(), language);
  if (found == impl.languages.end()) return false;
  if (words.empty() || words.size() < min_words) return false;
  const auto target = static_cast<std::size_t>(found - impl.languages.begin());

  const HunspellOpinion hunspell = hunspell_opinion(words, n, impl.all_mask);
  // The strongest rival by hunspell alone; textcat could at most give the
  // whole of its share to LANGUAGE and none to the rival.
  double rival = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i != target) rival = std::max(rival, hunspell.p[i]);
  }
  std::size_t chars = words.size() - 1;  // the spaces between words
  for (const auto& e : words) chars += char_count(e.text);
  const double length_factor =
      std::min(1.0, static_cast<double>(words.size()) / k_full_confidence_words);
  // Textcat's weight is 0 when it cannot fingerprint the words, else at
  // least 0.01: both cases are bounded.
  const double with_textcat = std::max(textcat_length_weight(static_cast<double>(chars)), 0.01);
  for (const double textcat_weight : {0.0, with_textcat}) {
    const double total_weight = textcat_weight + hunspell.weight;
    if (total_weight <= 0) continue;
    // score(LANGUAGE) - score(i) = (tw (tp_L - tp_i) + hw (hp_L - hp_i)) / W, and tp_L - tp_i <= 1.
    const double margin =
        n > 1 ? (textcat_weight + hunspell.weight * (hunspell.p[target] - rival)) / total_weight
              : 1.0;
    if (margin + k_slack <= 0) continue;  // a tie or worse is no answer
    const double confidence =
        std::clamp(margin * length_factor * std::min(1.0, total_weight * 2), 0.0, 1.0);
    if (confidence + k_slack >= min_confidence) return true;
  }
  return false;
}

}  // namespace accord
