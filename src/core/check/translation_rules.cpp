// untranslated, untranslated-front-matter, front-matter-mismatch.
#include <fmt/format.h>

#include <accord/report.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>

#include "check/rules_internal.hpp"

namespace accord {
namespace {

using json = nlohmann::ordered_json;

// A block or section needs this much evidence before accord calls it
// untranslated; below it the text is too short to tell.
constexpr std::size_t k_min_section_words = 3;
constexpr std::size_t k_min_block_words = 4;
constexpr double k_min_section_confidence = 0.5;
constexpr double k_min_block_confidence = 0.6;

double round2(double v) { return std::round(v * 100) / 100; }

json guess_json(const LanguageGuess& g) {
  json scores = json::object();
  for (const auto& s : g.scores) scores[s.language] = round2(s.score);
  return json{{"language", g.language.empty() ? json(nullptr) : json(g.language)},
              {"confidence", round2(g.confidence)},
              {"evidence_words", g.evidence_words},
              {"scores", scores}};
}

bool is_source_language(const LanguageGuess& g, const PairInput& in, std::size_t min_words,
                        double min_confidence) {
  return g.language == in.source_language && g.evidence_words >= min_words &&
         g.confidence >= min_confidence;
}

}  // namespace

Finding make_finding(std::string_view rule, const std::string& file, int line) {
  Finding f;
  f.rule = std::string(rule);
  f.severity = default_severity(rule);
  f.file = file;
  f.line = line;
  f.section = nullptr;
  return f;
}

std::string describe(const Section& section) {
  if (section.is_preamble()) return "the preamble";
  if (section.number.empty()) return fmt::format("section \"{}\"", section.title);
  if (section.title.empty()) return fmt::format("section {}", section.number);
  return fmt::format("section {} \"{}\"", section.number, section.title);
}

std::string section_text(const Section& section) {
  std::size_t size = section.title.size();
  for (const auto& b : section.blocks) size += b.text.size() + 1;
  std::string text;
  text.reserve(size);  // one allocation, not one per doubling
  text = section.title;
  for (const auto& b : section.blocks) {
    if (b.text.empty()) continue;
    if (!text.empty()) text += '\n';
    text += b.text;
  }
  return text;
}

namespace {

// A sentence needs this much evidence, and more confidence than a block,
// before one sentence of a translated paragraph is called untranslated.
constexpr std::size_t k_min_sentence_words = 5;
constexpr double k_min_sentence_confidence = 0.7;
// A heading on its own: at least this many evidence words.
constexpr std::size_t k_min_heading_words = 3;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// A footnote definition, "[^1]: Smith, J. …": cited material.
bool is_footnote_definition(const Block& b) {
  if (!starts_with(b.text, "[^")) return false;
  auto close = b.text.find("]:");
  return close != std::string::npos && close < 40;
}

// Blocks whose language says nothing about the translation: quotations and
// footnotes (citations) may stay in the language they were written in.
bool is_neutral_block(const Block& b) {
  return b.kind == BlockKind::quote || is_footnote_definition(b);
}

// Pieces of a block that may stay in the source language: the text of
// links to other sites (titles of articles), inline code, and quoted
// strings. From the block's Markdown source and its plain text.
std::vector<std::string> neutral_pieces(const Block& b) {
  std::vector<std::string> out;
  const std::string& src = b.source;
  // [text](http…): the text of an external link.
  for (std::size_t open = src.find('['); open != std::string::npos;
       open = src.find('[', open + 1)) {
    auto close = src.find("](", open);
    if (close == std::string::npos) break;
    if (src.find('\n', open) < close) continue;
    std::string_view dest = std::string_view(src).substr(close + 2);
    if (starts_with(dest, "http://") || starts_with(dest, "https://")) {
      out.push_back(src.substr(open + 1, close - open - 1));
    }
  }
  // `code`.
  for (std::size_t open = src.find('`'); open != std::string::npos;) {
    auto close = src.find('`', open + 1);
    if (close == std::string::npos) break;
    out.push_back(src.substr(open + 1, close - open - 1));
    open = src.find('`', close + 1);
  }
  // “quoted”, "quoted", « quoted », „quoted“.
  const std::pair<std::string_view, std::string_view> quotes[] = {
      {"\u201C", "\u201D"}, {"\"", "\""}, {"\u00AB", "\u00BB"}, {"\u201E", "\u201C"}};
  for (const auto& [l, r] : quotes) {
    for (std::size_t open = b.text.find(l); open != std::string::npos;) {
      auto close = b.text.find(r, open + l.size());
      if (close == std::string::npos) break;
      out.push_back(b.text.substr(open + l.size(), close - open - l.size()));
      open = b.text.find(l, close + r.size());
    }
  }
  return out;
}

// The words of TEXT, cut at ASCII characters that are neither letters,
// digits nor '-'.
template <class F>
void for_each_word(std::string_view text, F&& f) {
  auto is_cut = [](unsigned char c) { return c < 0x80 && !std::isalnum(c) && c != '-'; };
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_cut(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t end = i;
    while (end < text.size() && !is_cut(static_cast<unsigned char>(text[end]))) ++end;
    if (end > i) f(text.substr(i, end - i));
    i = end;
  }
}

// Capitalised words of TEXT that the source section SOURCE has too: names
// and titles both sides share ("Journal of Web Measurement", "Daily
// Example"), no evidence of either language.
std::vector<std::string> shared_names(const std::string& text, const std::string& source) {
  std::unordered_set<std::string_view> source_words;
  for_each_word(source, [&](std::string_view w) { source_words.insert(w); });
  std::vector<std::string> out;
  std::unordered_set<std::string_view> seen;
  for_each_word(text, [&](std::string_view w) {
    if (!seen.insert(w).second || !source_words.contains(w)) return;
    if (fold_case(w) != w) out.emplace_back(w);
  });
  return out;
}

// The sentences of TEXT: cut after '.', '!' or '?' followed by a space and
// an upper-case letter or a digit.
std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    char c = text[i];
    if ((c == '.' || c == '!' || c == '?') && text[i + 1] == ' ') {
      unsigned char next = static_cast<unsigned char>(text[i + 2]);
      if (std::isupper(next) || std::isdigit(next) || next >= 0xC3) {
        out.push_back(text.substr(start, i + 1 - start));
        start = i + 2;
      }
    }
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

}  // namespace

void check_untranslated(const PairInput& in, const std::vector<AlignedPair>& alignment,
                        const LanguageIdentifier& langid, std::vector<Finding>& out) {
  // The source counterpart of each target section, for "identical" checks.
  std::vector<const Section*> counterpart(in.target.sections.size(), nullptr);
  for (const auto& p : alignment) {
    if (p.source.size() == 1 && p.target.size() == 1) {
      counterpart[p.target[0]] = &in.source.sections[p.source[0]];
    }
  }
  const std::string source_name = language_name(in.source_language);
  const std::string target_name = language_name(in.target_language);

  std::vector<LanguageEvidence> blocks;
  for (std::size_t k = 0; k < in.target.sections.size(); ++k) {
    const Section& section = in.target.sections[k];
    std::string text = section_text(section);
    if (text.empty()) continue;
    // Each block is read once: the section's evidence is its title's and its
    // blocks' in order, since section_text joins them with line breaks.
    // Quotations, footnotes, external link text, code and quoted strings are
    // left out, unless the section has nothing else.
    const std::vector<std::string> shared = counterpart[k]
                                                ? shared_names(text, section_text(*counterpart[k]))
                                                : std::vector<std::string>{};
    const LanguageEvidence title_evidence = langid.evidence(section.title, shared);
    LanguageEvidence evidence = title_evidence;
    LanguageEvidence whole = shared.empty() ? title_evidence : langid.evidence(section.title);
    blocks.clear();
    for (const auto& block : section.blocks) {
      if (block.text.empty()) {
        blocks.emplace_back();
        continue;
      }
      LanguageEvidence all = langid.evidence(block.text);
      whole.append(all);
      if (is_neutral_block(block)) {
        blocks.emplace_back();
        continue;
      }
      auto pieces = neutral_pieces(block);
      pieces.insert(pieces.end(), shared.begin(), shared.end());
      blocks.push_back(pieces.empty() ? std::move(all) : langid.evidence(block.text, pieces));
      evidence.append(blocks.back());
    }
    if (evidence.words() == 0) evidence = whole;
    // Case, spacing and punctuation do not make a translation.
    bool identical = counterpart[k] && whole.words() >= k_min_section_words &&
                     same_words(section_text(*counterpart[k]), text);
    // Textcat runs only where the verdict could be "untranslated".
    LanguageGuess guess;
    if (identical || langid.may_identify_as(evidence, in.source_language, k_min_section_words,
                                            k_min_section_confidence)) {
      guess = langid.identify(evidence);
    }
    if (identical || is_source_language(guess, in, k_min_section_words, k_min_section_confidence)) {
      Finding f = make_finding("untranslated", in.target_file, section.line);
      f.section = section_ref(section);
      f.message = identical ? fmt::format("{} is identical to the {} source; translate it into {}",
                                          describe(section), source_name, target_name)
                            : fmt::format("{} is in {}, not {}; translate it", describe(section),
                                          source_name, target_name);
      f.evidence = guess_json(guess);
      f.evidence["identical_to_source"] = identical;
      if (counterpart[k]) f.evidence["source_line"] = counterpart[k]->line;
      out.push_back(std::move(f));
      continue;
    }
    // A heading left in the source language over translated text.
    if (!section.is_preamble() &&
        langid.may_identify_as(title_evidence, in.source_language, k_min_heading_words,
                               k_min_section_confidence)) {
      LanguageGuess g = langid.identify(title_evidence);
      if (is_source_language(g, in, k_min_heading_words, k_min_section_confidence)) {
        Finding f = make_finding("untranslated", in.target_file, section.line);
        f.section = section_ref(section);
        f.message = fmt::format("the heading of {} is in {}, not {}; translate it",
                                describe(section), source_name, target_name);
        f.evidence = guess_json(g);
        f.evidence["identical_to_source"] = false;
        f.evidence["part"] = "heading";
        out.push_back(std::move(f));
      }
    }
    // A translated section can still hold a paragraph left in the source
    // language. Short blocks lean on their section, which was not flagged.
    for (std::size_t b = 0; b < section.blocks.size(); ++b) {
      const Block& block = section.blocks[b];
      if (block.text.empty() || is_neutral_block(block)) continue;
      if (langid.may_identify_as(blocks[b], in.source_language, k_min_block_words,
                                 k_min_block_confidence)) {
        LanguageGuess g = langid.identify(blocks[b]);
        if (is_source_language(g, in, k_min_block_words, k_min_block_confidence)) {
          Finding f = make_finding("untranslated", in.target_file, block.line);
          f.section = section_ref(section);
          f.message = fmt::format("a {} in {} is in {}, not {}; translate it",
                                  block.kind == BlockKind::list_item ? "list item" : "paragraph",
                                  describe(section), source_name, target_name);
          f.evidence = guess_json(g);
          f.evidence["identical_to_source"] = false;
          out.push_back(std::move(f));
          continue;
        }
      }
      // One sentence left in the source language inside a translated block.
      const auto parts = sentences(block.text);
      if (parts.size() < 2) continue;
      auto pieces = neutral_pieces(block);
      pieces.insert(pieces.end(), shared.begin(), shared.end());
      for (const auto& sentence : parts) {
        LanguageEvidence e = langid.evidence(sentence, pieces);
        if (!langid.may_identify_as(e, in.source_language, k_min_sentence_words,
                                    k_min_sentence_confidence)) {
          continue;
        }
        LanguageGuess g = langid.identify(e);
        if (!is_source_language(g, in, k_min_sentence_words, k_min_sentence_confidence)) continue;
        Finding f = make_finding("untranslated", in.target_file, block.line);
        f.section = section_ref(section);
        f.message = fmt::format("a sentence of a {} in {} is in {}, not {}: \"{}\"; translate it",
                                block.kind == BlockKind::list_item ? "list item" : "paragraph",
                                describe(section), source_name, target_name, sentence);
        f.evidence = guess_json(g);
        f.evidence["identical_to_source"] = false;
        f.evidence["part"] = "sentence";
        out.push_back(std::move(f));
        break;
      }
    }
  }
}

namespace {

// Keys that legitimately differ between languages without being prose.
bool is_localised_key(std::string_view key) {
  for (std::string_view k : {"slug", "url", "aliases", "lang", "languageCode", "languageName",
                             "menu", "menus", "translationKey"}) {
    if (key == k) return true;
  }
  return false;
}

// Taxonomy terms: shared between the languages of a site, or translated;
// either is normal.
bool is_taxonomy_key(std::string_view key) {
  return key == "tags" || key == "categories" || key == "series";
}

// Dates a translation has of its own: written, changed and published later
// than its source.
bool is_own_date_key(std::string_view key) {
  return key == "date" || key == "lastmod" || key == "publishDate" || key == "pubDate";
}

// The prose of a front-matter value: a string, or the strings of an array.
std::string value_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  std::string out;
  if (value.is_array()) {
    for (const auto& v : value) {
      if (v.is_string()) out += v.get<std::string>() + "\n";
    }
  }
  return out;
}

// Whether a value reads as prose: two words of letters or more, not a URL
// or path. A site's own keys that hold prose (question, answer, intro …) are
// translated; those that hold a path, number, flag or identifier must agree.
bool is_prose(const json& value) {
  const std::string text = value_text(value);
  if (text.find("://") != std::string::npos || (!text.empty() && text[0] == '/')) return false;
  std::size_t words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    const bool letter = std::isalpha(c) || c >= 0x80;
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words >= 2 && text.find(' ') != std::string::npos;
}

// "2019-07-01" and "2019-07-01 09:01:00" (or T09:01:00Z): the same day.
bool same_day(const json& a, const json& b) {
  if (!a.is_string() || !b.is_string()) return false;
  const std::string x = a.get<std::string>(), y = b.get<std::string>();
  return x.size() >= 10 && y.size() >= 10 && x.compare(0, 10, y, 0, 10) == 0 && x[4] == '-' &&
         x[7] == '-';
}

json display(const FrontMatterEntry* e) { return e ? e->value : json(nullptr); }

constexpr std::string_view k_setting_hint =
    "list the key in translatable_keys in accord.toml if its value is translated";

}  // namespace

void check_front_matter(const PairInput& in, const LanguageIdentifier& langid,
                        std::vector<Finding>& out) {
  const auto& src = in.source.front_matter;
  const auto& tgt = in.target.front_matter;
  const std::string source_name = language_name(in.source_language);
  auto translatable = [&](std::string_view key) {
    return std::find(in.translatable_keys.begin(), in.translatable_keys.end(), key) !=
           in.translatable_keys.end();
  };

  for (const auto& entry : tgt.entries) {
    if (!translatable(entry.key) || is_taxonomy_key(entry.key)) continue;
    std::string text = value_text(entry.value);
    if (text.empty()) continue;
    LanguageGuess guess = langid.identify(text);
    const FrontMatterEntry* source_entry = src.find(entry.key);
    bool identical = source_entry && source_entry->value == entry.value && guess.evidence_words > 0;
    bool in_source = guess.language == in.source_language && guess.evidence_words >= 2 &&
                     guess.confidence >= k_min_section_confidence;
    if (!identical && !in_source) continue;
    Finding f = make_finding("untranslated-front-matter", in.target_file, entry.line);
    f.message =
        identical
            ? fmt::format("front matter '{}' is identical to the source: \"{}\"; translate it",
                          entry.key, trim(text))
            : fmt::format("front matter '{}' is in {}: \"{}\"; translate it", entry.key,
                          source_name, trim(text));
    f.evidence = guess_json(guess);
    f.evidence["key"] = entry.key;
    f.evidence["value"] = entry.value;
    f.evidence["identical_to_source"] = identical;
    f.evidence["setting"] = "translatable_keys";
    out.push_back(std::move(f));
  }

  auto mismatch = [&](const std::string& key, const FrontMatterEntry* s,
                      const FrontMatterEntry* t) {
    int line = t ? t->line : tgt.line;
    Finding f = make_finding("front-matter-mismatch", in.target_file, line);
    if (!t) {
      f.message = fmt::format("front matter '{}' is missing; the source sets it to {} ({})", key,
                              s->value.dump(), k_setting_hint);
    } else if (!s) {
      f.message = fmt::format("front matter '{}' is set to {} but the source does not have it ({})",
                              key, t->value.dump(), k_setting_hint);
    } else {
      f.message = fmt::format("front matter '{}' differs: source {}, target {} ({})", key,
                              s->value.dump(), t->value.dump(), k_setting_hint);
    }
    f.evidence = json{{"key", key}, {"source", display(s)}, {"target", display(t)}};
    if (s) f.evidence["source_line"] = s->line;
    f.evidence["setting"] = "translatable_keys";
    out.push_back(std::move(f));
  };
  // Keys the two sides must agree on: not translated, not localised, not a
  // date of the page's own, not taxonomy terms, not prose.
  auto compared = [&](const FrontMatterEntry& e) {
    return !translatable(e.key) && !is_localised_key(e.key) && !is_own_date_key(e.key) &&
           !is_taxonomy_key(e.key) && !is_prose(e.value);
  };
  for (const auto& s : src.entries) {
    if (!compared(s)) continue;
    const FrontMatterEntry* t = tgt.find(s.key);
    if (t && is_prose(t->value)) continue;
    if (!t || (t->value != s.value && !same_day(s.value, t->value))) mismatch(s.key, &s, t);
  }
  for (const auto& t : tgt.entries) {
    if (!compared(t)) continue;
    if (!src.find(t.key)) mismatch(t.key, nullptr, &t);
  }
}

}  // namespace accord
