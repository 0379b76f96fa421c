#include <gtest/gtest.h>

#include <accord/invariants.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace accord {
namespace {

TEST(TimeUnit, NamesUnitsInAnyCaseAndInflection) {
  EXPECT_TRUE(is_time_unit("days", "en"));
  EXPECT_TRUE(is_time_unit("Days", "en"));
  EXPECT_TRUE(is_time_unit("MONTHS", "en"));
  EXPECT_TRUE(is_time_unit("päeva", "et"));
  EXPECT_TRUE(is_time_unit("PÄEVAGA", "et"));
  EXPECT_TRUE(is_time_unit("Tagen", "de"));
  EXPECT_TRUE(is_time_unit("päivää", "fi"));
  EXPECT_FALSE(is_time_unit("dayz", "en"));  // English units are whole words
  EXPECT_FALSE(is_time_unit("parties", "en"));
  EXPECT_FALSE(is_time_unit("andmeid", "et"));
  EXPECT_FALSE(is_time_unit("", "et"));
  EXPECT_FALSE(is_time_unit("days", "xx"));
}

// The first-letter shortcut must not change an answer: compare with the
// definition (fold the word, then match whole words or stems) on words that
// begin with every ASCII character and with letters that fold to ASCII.
TEST(TimeUnit, FirstLetterShortcutKeepsEveryAnswer) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> units = {
      {"en",
       {"day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
        "minute", "minutes", "business"}},
      {"et", {"päev", "nädal", "kuu", "aasta", "tund", "tunni", "minut", "tööpäev"}},
      {"de", {"tag", "woche", "monat", "jahr", "stunde", "minute", "werktag"}},
      {"fi", {"päivä", "päivää", "viikko", "viikkoa", "kuukausi", "kuukautta", "vuosi", "vuotta"}}};
  std::vector<std::string> words;
  for (const auto& [language, list] : units) {
    for (const auto& unit : list) {
      words.push_back(unit);
      words.push_back(unit + "ga");
      std::string upper = unit;
      for (char& c : upper) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
      words.push_back(upper);
      words.push_back("x" + unit);
    }
  }
  for (int c = 1; c < 0x80; ++c) words.push_back(std::string(1, static_cast<char>(c)) + "äev");
  // KELVIN SIGN folds to "k", LONG S to "s", FULLWIDTH D to a non-ASCII letter.
  for (const char* w : {"\xE2\x84\xAAuu", "\xC5\xBFtunde",
                        "\xEF\xBC\xA4"
                        "ay",
                        "Äasta", "ŞTag"}) {
    words.push_back(w);
  }
  std::size_t units_found = 0;
  for (const auto& [language, list] : units) {
    for (const auto& word : words) {
      const std::string folded = fold_case(word);
      bool expected = false;
      for (const auto& unit : list) {
        expected = expected || (language == "en" ? folded == unit : folded.rfind(unit, 0) == 0);
      }
      EXPECT_EQ(expected, is_time_unit(word, language)) << word << " in " << language;
      units_found += expected;
    }
  }
  EXPECT_GT(units_found, 100u);
  EXPECT_TRUE(is_time_unit("\xE2\x84\xAAuu", "et"));  // K (Kelvin) folds to k: "kuu"
}

// The one-pass form (one word-break pass shared with the text's own pieces)
// must give what the two-argument form gives, and the text's pieces as
// token_spans finds them: on the fixture pages whole and paragraph by
// paragraph, and on texts with URLs, addresses and phones glued to letters,
// digits and combining marks.
TEST(Invariants, OnePassEqualsTwoPasses) {
  std::vector<std::pair<std::string, std::string>> texts = {
      {"Write to äsupport@example.org,x or +372 5555 1234x and www.ex.org/a\u0301b.", "en"},
      {"aadressilesupport@ex.ee\u0301 https://ex.org/päev.x 14 päeva Aligner OÜ", "et"},
      {"+1 (555) 010-2030:fourteen days;http://a.b/c www.x.y. x@y.z.\ny@z.w", "en"},
      {"Tel.+4930123456789 am 3. Tag, Example GmbH; mail@ex.de\u200D!", "de"},
  };
  for (const char* file :
       {"fixtures/site/content/privacy.en.md", "fixtures/site/content/privacy.et.md",
        "fixtures/de/content/privacy.de.md"}) {
    const std::string page = test::slurp(test::source_dir() / file);
    const std::string language = std::string(file).substr(std::string(file).size() - 5, 2);
    texts.emplace_back(page, language);
    for (std::size_t at = 0; at < page.size();) {
      std::size_t end = std::min(page.find("\n\n", at), page.size());
      texts.emplace_back(page.substr(at, end - at), language);
      at = end + 2;
    }
  }
  std::size_t blanked = 0;
  for (const auto& [text, language] : texts) {
    const Invariants expected = extract_invariants(text, language);
    std::vector<TokenSpan> spans;
    const Invariants got = extract_invariants(text, language, spans);
    EXPECT_EQ(expected.emails, got.emails) << text;
    EXPECT_EQ(expected.urls, got.urls) << text;
    EXPECT_EQ(expected.phones, got.phones) << text;
    EXPECT_EQ(expected.numbers, got.numbers) << text;
    EXPECT_EQ(expected.names, got.names) << text;
    std::vector<TokenSpan> pieces;
    token_spans(text, language, pieces);
    ASSERT_EQ(pieces.size(), spans.size()) << text;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      EXPECT_EQ(pieces[i].offset, spans[i].offset);
      EXPECT_EQ(pieces[i].length, spans[i].length);
      EXPECT_EQ(pieces[i].is_word, spans[i].is_word);
    }
    blanked += !expected.emails.empty() || !expected.urls.empty() || !expected.phones.empty();
  }
  EXPECT_GT(blanked, 10u);
}

}  // namespace
}  // namespace accord
