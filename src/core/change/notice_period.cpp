#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <accord/invariants.hpp>
#include <accord/notice.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <array>
#include <memory>
#include <string_view>
#include <vector>

namespace accord {
namespace {

// How one language speaks of notice: the stems that mark a sentence about
// giving notice or coming into force, and the stems of its units of time.
// Stems, not words: most of these languages inflect ("päeva", "Wochen",
// "дней", "dienas", "dni"). A stem is matched at a word's start for units and
// anywhere in the folded sentence for cues.
struct UnitStem {
  std::string_view stem;
  std::string_view unit;  // "day", "week" or "month"
};

struct NoticeWords {
  std::string_view language;
  std::vector<std::string_view> cues;
  std::vector<UnitStem> units;  // a longer stem before a shorter one it begins with
};

const std::vector<NoticeWords>& notice_words() {
  static const std::vector<NoticeWords> k = {
      {"en",
       {"notice", "notif", "in advance", "prior to", "beforehand"},
       {{"day", "day"}, {"week", "week"}, {"month", "month"}}},
      {"et",
       {"teavita", "ette", "etteteatamis", "teada"},
       {{"tööpäev", "day"}, {"päev", "day"}, {"nädal", "week"}, {"kuu", "month"}}},
      {"de",
       {"frist", "im voraus", "benachrichtig", "vorher", "ankündig", "informier", "in kraft"},
       {{"werktag", "day"}, {"tag", "day"}, {"woche", "week"}, {"monat", "month"}}},
      {"fi",
       {"ilmoit", "etukäteen", "voimaan"},
       {{"päivä", "day"}, {"viikko", "week"}, {"kuukau", "month"}}},
      // "не менее чем за 14 дней до вступления в силу"
      {"ru",
       {"уведом", "заранее", "предупре", "оповещ", "в силу"},
       {{"день", "day"}, {"дн", "day"}, {"недел", "week"}, {"месяц", "month"}}},
      // "vismaz 14 dienas iepriekš", "pirms stāšanās spēkā"
      {"lv",
       {"paziņo", "iepriekš", "informē", "spēkā"},
       {{"dien", "day"}, {"nedēļ", "week"}, {"mēneš", "month"}, {"mēnes", "month"}}},
      // "ne vėliau kaip prieš 14 dienų iki įsigaliojimo"
      {"lt",
       {"praneš", "iš anksto", "informuo", "įsigalio"},
       {{"dien", "day"}, {"savait", "week"}, {"savaič", "week"}, {"mėnes", "month"}}},
      // "au moins 30 jours avant leur entrée en vigueur", "un préavis d'un mois"
      {"fr",
       {"préavis", "notifi", "inform", "à l'avance", "vigueur", "prévenir", "préviendr"},
       {{"jour", "day"}, {"semaine", "week"}, {"mois", "month"}}},
      // "con al menos 15 días de antelación", "antes de su entrada en vigor"
      {"es",
       {"aviso", "notific", "inform", "antelación", "en vigor"},
       {{"día", "day"}, {"dia", "day"}, {"semana", "week"}, {"mes", "month"}}},
      // "minst 30 dagar innan ändringarna träder i kraft"
      {"sv",
       {"meddela", "underrätt", "informera", "i förväg", "i kraft"},
       {{"dag", "day"}, {"veck", "week"}, {"månad", "month"}}},
      // "z co najmniej 14-dniowym wyprzedzeniem", "przed wejściem w życie"
      {"pl",
       {"powiadom", "informuj", "poinform", "wyprzedzeniem", "w życie"},
       {{"dzień", "day"},
        {"dni", "day"},
        {"tydzień", "week"},
        {"tygod", "week"},
        {"miesiąc", "month"},
        {"miesięc", "month"}}},
  };
  return k;
}

const NoticeWords* words_of(std::string_view language) {
  for (const auto& w : notice_words()) {
    if (w.language == language) return &w;
  }
  return nullptr;
}

bool has_notice_cue(std::string_view sentence, const NoticeWords& words) {
  const std::string s = fold_case(sentence);
  return std::any_of(words.cues.begin(), words.cues.end(),
                     [&](std::string_view cue) { return s.find(cue) != std::string::npos; });
}

// "day", "week" or "month" for a unit WORD; "" otherwise.
std::string_view unit_of(std::string_view word, const NoticeWords& words) {
  const std::string w = fold_case(word);
  for (const auto& u : words.units) {
    if (w.rfind(u.stem, 0) == 0) return u.unit;
  }
  return {};
}

// WORD after an elided article or preposition, which the word break keeps
// in one word: French "d'un" is "un", "l’une" is "une". WORD itself when it
// has no apostrophe or nothing follows it.
std::string_view after_elision(std::string_view word) {
  constexpr std::string_view k_right_quote = "\u2019";
  std::size_t cut = 0;
  if (auto a = word.rfind('\''); a != std::string_view::npos) cut = a + 1;
  if (auto b = word.rfind(k_right_quote); b != std::string_view::npos)
    cut = std::max(cut, b + k_right_quote.size());
  return cut == 0 || cut >= word.size() ? word : word.substr(cut);
}

std::vector<std::string> sentences(std::string_view text, std::string_view language) {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(
      icu::Locale(std::string(language).c_str()), status));
  if (U_FAILURE(status) || !it) {
    out.emplace_back(text);
    return out;
  }
  auto u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  it->setText(u);
  int32_t prev = it->first();
  for (int32_t next = it->next(); next != icu::BreakIterator::DONE;
       prev = next, next = it->next()) {
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
  const NoticeWords* notice = words_of(language);
  if (notice == nullptr) return best;
  for (const auto& section : doc.sections) {
    for (const auto& block : section.blocks) {
      if (block.text.empty()) continue;
      for (const auto& sentence : sentences(block.text, language)) {
        if (!has_notice_cue(sentence, *notice)) continue;
        std::vector<std::string> words;
        for_each_token(sentence, language, [&](std::string_view w, std::size_t, bool is_word) {
          if (is_word) words.emplace_back(w);
        });
        for (std::size_t i = 0; i < words.size(); ++i) {
          const std::string_view unit = unit_of(words[i], *notice);
          if (unit.empty()) continue;
          // The number stands right before the unit, or one word earlier
          // ("fourteen (14) days", "14 calendar days").
          long long amount = -1;
          for (std::size_t back = 1; back <= 2 && back <= i && amount < 0; ++back) {
            const std::string& w = words[i - back];
            if (std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                w.size() < 5) {
              amount = std::stoll(w);
            } else {
              amount = number_word_value(after_elision(w), language);
            }
          }
          if (amount <= 0 || amount > 3650) continue;
          NoticePeriod p{static_cast<int>(amount), std::string(unit), trim(sentence), block.line};
          if (!best || p.approximate_days() > best->approximate_days()) best = p;
        }
      }
    }
  }
  return best;
}

}  // namespace accord
