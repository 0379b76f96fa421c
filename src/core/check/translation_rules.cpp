// untranslated, untranslated-front-matter, front-matter-mismatch.
#include <fmt/format.h>

#include <accord/report.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <cmath>

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
    LanguageEvidence evidence = langid.evidence(section.title);
    blocks.clear();
    for (const auto& block : section.blocks) {
      blocks.push_back(block.text.empty() ? LanguageEvidence{} : langid.evidence(block.text));
      evidence.append(blocks.back());
    }
    // Case, spacing and punctuation do not make a translation.
    bool identical = counterpart[k] && evidence.words() >= k_min_section_words &&
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
    // A translated section can still hold a paragraph left in the source
    // language. Short blocks lean on their section, which was not flagged.
    for (std::size_t b = 0; b < section.blocks.size(); ++b) {
      const Block& block = section.blocks[b];
      if (block.text.empty()) continue;
      if (!langid.may_identify_as(blocks[b], in.source_language, k_min_block_words,
                                  k_min_block_confidence)) {
        continue;
      }
      LanguageGuess g = langid.identify(blocks[b]);
      if (!is_source_language(g, in, k_min_block_words, k_min_block_confidence)) continue;
      Finding f = make_finding("untranslated", in.target_file, block.line);
      f.section = section_ref(section);
      f.message = fmt::format("a {} in {} is in {}, not {}; translate it",
                              block.kind == BlockKind::list_item ? "list item" : "paragraph",
                              describe(section), source_name, target_name);
      f.evidence = guess_json(g);
      f.evidence["identical_to_source"] = false;
      out.push_back(std::move(f));
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

json display(const FrontMatterEntry* e) { return e ? e->value : json(nullptr); }

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
    if (!translatable(entry.key)) continue;
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
    out.push_back(std::move(f));
  }

  auto mismatch = [&](const std::string& key, const FrontMatterEntry* s,
                      const FrontMatterEntry* t) {
    int line = t ? t->line : tgt.line;
    Finding f = make_finding("front-matter-mismatch", in.target_file, line);
    if (!t) {
      f.message = fmt::format("front matter '{}' is missing; the source sets it to {}", key,
                              s->value.dump());
    } else if (!s) {
      f.message = fmt::format("front matter '{}' is set to {} but the source does not have it", key,
                              t->value.dump());
    } else {
      f.message = fmt::format("front matter '{}' differs: source {}, target {}", key,
                              s->value.dump(), t->value.dump());
    }
    f.evidence = json{{"key", key}, {"source", display(s)}, {"target", display(t)}};
    if (s) f.evidence["source_line"] = s->line;
    out.push_back(std::move(f));
  };
  for (const auto& s : src.entries) {
    if (translatable(s.key) || is_localised_key(s.key)) continue;
    const FrontMatterEntry* t = tgt.find(s.key);
    if (!t || t->value != s.value) mismatch(s.key, &s, t);
  }
  for (const auto& t : tgt.entries) {
    if (translatable(t.key) || is_localised_key(t.key)) continue;
    if (!src.find(t.key)) mismatch(t.key, nullptr, &t);
  }
}

}  // namespace accord
