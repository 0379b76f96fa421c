#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <accord/invariants.hpp>
#include <accord/notice.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace accord {
namespace {

// Stems that mark a sentence about giving notice, per language.
bool has_notice_cue(std::string_view sentence, std::string_view language) {
  std::string s = fold_case(sentence);
  std::vector<std::string_view> cues;
  if (language == "en") cues = {"notice", "notif", "in advance", "prior to", "beforehand"};
  if (language == "et") cues = {"teavita", "ette", "etteteatamis", "teada"};
  if (language == "de") cues = {"frist", "im voraus", "benachrichtig", "vorher", "ankündig", "informier"};
  if (language == "fi") cues = {"ilmoit", "etukäteen"};
  return std::any_of(cues.begin(), cues.end(),
                     [&](std::string_view cue) { return s.find(cue) != std::string::npos; });
}

// "day", "week" or "month" for a unit word in LANGUAGE; "" otherwise.
std::string unit_of(std::string_view word, std::string_view language) {
  std::string w = fold_case(word);
  struct Stem {
    const char* lang;
    const char* stem;
    const char* unit;
  };
  static constexpr std::array<Stem, 16> k_stems = {{{"en", "day", "day"},
                                                    {"en", "week", "week"},
                                                    {"en", "month", "month"},
                                                    {"en", "business day", "day"},
                                                    {"et", "päev", "day"},
                                                    {"et", "tööpäev", "day"},
                                                    {"et", "nädal", "week"},
                                                    {"et", "kuu", "month"},
                                                    {"de", "tag", "day"},
                                                    {"de", "werktag", "day"},
                                                    {"de", "woche", "week"},
                                                    {"de", "monat", "month"},
                                                    {"fi", "päivä", "day"},
                                                    {"fi", "viikko", "week"},
                                                    {"fi", "viikkoa", "week"},
                                                    {"fi", "kuukau", "month"}}};
  for (const auto& s : k_stems) {
    if (language != s.lang) continue;
    if (w.rfind(s.stem, 0) == 0) return s.unit;
  }
  return {};
}

std::vector<std::string> sentences(std::string_view text, std::string_view language) {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale(std::string(language).c_str()), status));
  if (U_FAILURE(status) || !it) {
    out.emplace_back(text);
    return out;
  }
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  it->setText(u);
  int32_t prev = it->first();
  for (int32_t next = it->next(); next != icu::BreakIterator::DONE; prev = next, next = it->next()) {
    std::string s;
    u.tempSubStringBetween(prev, next).toUTF8String(s);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

int NoticePeriod::approximate_days() const {
  if (unit == "week") return amount * 7;
  if (unit == "month") return amount * 31;
  return amount;
}

std::optional<NoticePeriod> find_notice_period(const Document& doc, std::string_view language) {
  std::optional<NoticePeriod> best;
  for (const auto& section : doc.sections) {
    for (const auto& block : section.blocks) {
      if (block.text.empty()) continue;
      for (const auto& sentence : sentences(block.text, language)) {
        if (!has_notice_cue(sentence, language)) continue;
        std::vector<std::string> words;
        for_each_token(sentence, language, [&](std::string_view w, std::size_t, bool is_word) {
          if (is_word) words.emplace_back(w);
        });
        for (std::size_t i = 0; i < words.size(); ++i) {
          std::string unit = unit_of(words[i], language);
          if (unit.empty()) continue;
          // The number stands right before the unit, or one word earlier
          // ("fourteen (14) days", "14 calendar days").
          long long amount = -1;
          for (std::size_t back = 1; back <= 2 && back <= i && amount < 0; ++back) {
            const std::string& w = words[i - back];
            if (std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }) && w.size() < 5) {
              amount = std::stoll(w);
            } else {
              amount = number_word_value(w, language);
            }
          }
          if (amount <= 0 || amount > 3650) continue;
          NoticePeriod p{static_cast<int>(amount), unit, trim(sentence), block.line};
          if (!best || p.approximate_days() > best->approximate_days()) best = p;
        }
      }
    }
  }
  return best;
}

}  // namespace accord
