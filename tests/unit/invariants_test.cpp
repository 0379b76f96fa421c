#include <gtest/gtest.h>

#include <accord/invariants.hpp>
#include <accord/text.hpp>
#include <string>
#include <vector>

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

}  // namespace
}  // namespace accord
