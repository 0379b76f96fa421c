// The change classifier against the hand-labelled set in
// fixtures/changes/changes.json (labelled without looking at the code).
// The figures are in docs/accuracy.md.
#include <gtest/gtest.h>

#include <accord/change.hpp>
#include <accord/langid.hpp>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace accord {
namespace {

struct Outcome {
  std::size_t total = 0;
  std::size_t right = 0;
  std::size_t substantial_called_editorial = 0;
  std::size_t kind_named = 0;  // the labelled kind is among the reasons
  std::vector<std::string> mistakes;
  std::vector<std::string> kind_misses;
};

Outcome run_labelled_set() {
  static const LanguageIdentifier speller({"en", "et"});
  auto data =
      nlohmann::json::parse(test::slurp(test::source_dir() / "fixtures/changes/changes.json"));
  Outcome o;
  for (const auto& c : data.at("changes")) {
    std::string language = c.at("language");
    WordChecker known = [&](std::string_view w) { return speller.spells(w, language); };
    auto result = classify_change(c.at("old").get<std::string>(), c.at("new").get<std::string>(),
                                  language, known);
    bool expected = c.at("label") == "substantial";
    ++o.total;
    std::string kind = c.at("kind");
    if (std::any_of(result.reasons.begin(), result.reasons.end(),
                    [&](const ChangeReason& r) { return r.kind == kind; })) {
      ++o.kind_named;
    } else {
      std::string got;
      for (const auto& r : result.reasons) got += r.kind + " ";
      o.kind_misses.push_back(c.at("id").get<std::string>() + ": " + got);
    }
    if (result.substantial == expected) {
      ++o.right;
      continue;
    }
    if (expected) ++o.substantial_called_editorial;
    std::string reasons;
    for (const auto& r : result.reasons) reasons += r.kind + " ";
    o.mistakes.push_back(c.at("id").get<std::string>() + " (labelled " +
                         c.at("label").get<std::string>() + ", got " + reasons + ")");
  }
  return o;
}

TEST(ClassifierAccuracy, EveryChangeRightAndNoSubstantialChangeCalledEditorial) {
  Outcome o = run_labelled_set();
  ASSERT_GE(o.total, 60u);
  double accuracy = static_cast<double>(o.right) / static_cast<double>(o.total);
  std::string mistakes;
  for (const auto& m : o.mistakes) mistakes += "\n  " + m;
  // Every change of this set is classified right today: any drop fails.
  EXPECT_EQ(o.total, o.right) << o.right << "/" << o.total << mistakes;
  EXPECT_EQ(0u, o.substantial_called_editorial) << mistakes;
  RecordProperty("accuracy", std::to_string(accuracy));
  std::cout << "classifier: " << o.right << "/" << o.total << " right" << mistakes << "\n";
}

TEST(ClassifierAccuracy, NamesTheLabelledKindAmongItsReasons) {
  Outcome o = run_labelled_set();
  double named = static_cast<double>(o.kind_named) / static_cast<double>(o.total);
  std::string misses;
  for (const auto& m : o.kind_misses) misses += "\n  " + m;
  std::cout << "reasons name the labelled kind: " << o.kind_named << "/" << o.total << misses
            << "\n";
  // 110 of the 117 today (0.94): any drop fails. Raise the floor when the
  // classifier names more.
  EXPECT_GE(o.kind_named, 110u) << named << misses;
}

// Each kind of change, in each language, is named by the classifier for at
// least one labelled change of that kind.
TEST(ClassifierAccuracy, NamesEveryKindInBothLanguages) {
  static const LanguageIdentifier speller({"en", "et"});
  auto data =
      nlohmann::json::parse(test::slurp(test::source_dir() / "fixtures/changes/changes.json"));
  std::map<std::string, std::map<std::string, int>> named;
  for (const auto& c : data.at("changes")) {
    std::string language = c.at("language");
    WordChecker known = [&](std::string_view w) { return speller.spells(w, language); };
    auto result = classify_change(c.at("old").get<std::string>(), c.at("new").get<std::string>(),
                                  language, known);
    for (const auto& r : result.reasons) {
      if (r.kind == c.at("kind")) named[r.kind][language]++;
    }
  }
  for (const char* kind :
       {"whitespace", "punctuation", "case", "quotes", "typo", "number", "date", "email", "url",
        "phone", "organisation", "negation", "modal", "added", "removed", "wording"}) {
    EXPECT_GE(named[kind]["en"], 1) << kind;
    EXPECT_GE(named[kind]["et"], 1) << kind;
  }
}

}  // namespace
}  // namespace accord
