// The change classifier against the hand-labelled sets in
// fixtures/changes/: changes.json (plain text, labelled without looking at
// the code) and real-shapes.json (Markdown fragments in the shapes scraped
// policy histories show: link noise, markup, stamps, site chrome, reordered
// words, moves, and substantial changes beside them). The figures are in
// docs/accuracy.md.
#include <gtest/gtest.h>

#include <accord/change.hpp>
#include <accord/langid.hpp>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "git/version_sections.hpp"
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
  // 115 of the 117 today (0.98; month-name dates are dates since issue 15,
  // "Europe, Ltd." a name since issue 14):
  // any drop fails. Raise the floor when the classifier names more.
  EXPECT_GE(o.kind_named, 115u) << named << misses;
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

// The second set: each change is a pair of Markdown fragments, classified
// with the Markdown (classify_markdown_change, as `accord diff` does) or as
// the words `accord log` compares (blocks' text with their link
// destinations, classify_change).
enum class Form { markdown, log_text };

std::string log_text(const std::string& markdown) {
  ParseCache cache;
  auto v = git::parse_version(markdown, "fixture", cache);
  std::string out;
  for (const auto& s : v.sections) {
    if (!out.empty()) out += "\n\n";
    if (!s.title.empty()) out += s.title + "\n\n";
    out += s.text;
  }
  return out;
}

struct ClassOutcome {
  std::size_t total = 0, right = 0, substantial_called_editorial = 0,
              editorial_called_substantial = 0;
};

struct ShapesOutcome {
  Outcome all;
  std::size_t editorial_called_substantial = 0;
  std::map<std::string, ClassOutcome> by_class;
  std::map<std::string, ClassOutcome> by_language;
};

ShapesOutcome run_real_shapes(Form form) {
  static const LanguageIdentifier speller({"en", "et"});
  auto data =
      nlohmann::json::parse(test::slurp(test::source_dir() / "fixtures/changes/real-shapes.json"));
  ShapesOutcome o;
  for (const auto& c : data.at("changes")) {
    std::string language = c.at("language");
    WordChecker known = [&](std::string_view w) { return speller.spells(w, language); };
    std::string old_md = c.at("old"), new_md = c.at("new");
    auto result = form == Form::markdown
                      ? classify_markdown_change(old_md, new_md, language, known)
                      : classify_change(log_text(old_md), log_text(new_md), language, known);
    bool expected = c.at("label") == "substantial";
    std::string id = c.at("id");
    std::string kind = c.at("kind");
    ++o.all.total;
    auto& k = o.by_class[c.at("class").get<std::string>()];
    auto& l = o.by_language[language];
    ++k.total;
    ++l.total;
    std::string reasons;
    for (const auto& r : result.reasons) reasons += r.kind + " ";
    if (std::any_of(result.reasons.begin(), result.reasons.end(),
                    [&](const ChangeReason& r) { return r.kind == kind; })) {
      ++o.all.kind_named;
    } else {
      o.all.kind_misses.push_back(id + " (" + kind + "): " + reasons);
    }
    if (result.substantial == expected) {
      ++o.all.right;
      ++k.right;
      ++l.right;
      continue;
    }
    if (expected) {
      ++o.all.substantial_called_editorial;
      ++k.substantial_called_editorial;
      ++l.substantial_called_editorial;
    } else {
      ++o.editorial_called_substantial;
      ++k.editorial_called_substantial;
      ++l.editorial_called_substantial;
    }
    o.all.mistakes.push_back(id + " (labelled " + c.at("label").get<std::string>() + ", got " +
                             reasons + ")");
  }
  return o;
}

std::string summary(const ShapesOutcome& o) {
  std::string out =
      std::to_string(o.all.right) + "/" + std::to_string(o.all.total) + " right, " +
      std::to_string(o.all.substantial_called_editorial) + " substantial called editorial, " +
      std::to_string(o.editorial_called_substantial) + " editorial called substantial";
  for (const auto* group : {&o.by_class, &o.by_language}) {
    for (const auto& [name, k] : *group) {
      out += "\n  " + name + ": " + std::to_string(k.right) + "/" + std::to_string(k.total) +
             " (substantial called editorial " + std::to_string(k.substantial_called_editorial) +
             ", editorial called substantial " + std::to_string(k.editorial_called_substantial) +
             ")";
    }
  }
  for (const auto& m : o.all.mistakes) out += "\n  mistake: " + m;
  return out;
}

TEST(ClassifierAccuracy, RealShapesAtLeast95PercentAndNoSubstantialChangeCalledEditorial) {
  ShapesOutcome o = run_real_shapes(Form::markdown);
  ASSERT_GE(o.all.total, 150u);
  std::cout << "real shapes (Markdown, as accord diff): " << summary(o) << "\n";
  EXPECT_GE(o.all.right * 100, o.all.total * 95) << summary(o);
  EXPECT_EQ(0u, o.all.substantial_called_editorial) << summary(o);
}

// Every class of the set, in both languages, is in it with both labels
// where the issue names substantial counterparts.
TEST(ClassifierAccuracy, RealShapesCoverEveryClassInBothLanguages) {
  auto data =
      nlohmann::json::parse(test::slurp(test::source_dir() / "fixtures/changes/real-shapes.json"));
  std::map<std::string, std::map<std::string, int>> seen;
  for (const auto& c : data.at("changes")) {
    seen[c.at("class").get<std::string>()][c.at("language").get<std::string>()]++;
  }
  for (const char* cls :
       {"link-noise", "markup", "stamp", "chrome", "reorder", "move", "substantial"}) {
    EXPECT_GE(seen[cls]["en"], 4) << cls;
    EXPECT_GE(seen[cls]["et"], 4) << cls;
  }
}

TEST(ClassifierAccuracy, RealShapesAsLogSeesThemNeverCallASubstantialChangeEditorial) {
  ShapesOutcome o = run_real_shapes(Form::log_text);
  std::cout << "real shapes (plain text, as accord log): " << summary(o) << "\n";
  EXPECT_EQ(0u, o.all.substantial_called_editorial) << summary(o);
  // 183 of the 189 today (docs/accuracy.md: the six are bare addresses made
  // links, which the plain text cannot tell from new words): any drop fails.
  EXPECT_GE(o.all.right, 183u) << summary(o);
}

TEST(ClassifierAccuracy, RealShapesNameTheLabelledKind) {
  ShapesOutcome o = run_real_shapes(Form::markdown);
  std::string misses;
  for (const auto& m : o.all.kind_misses) misses += "\n  " + m;
  std::cout << "real shapes, reasons name the labelled kind: " << o.all.kind_named << "/"
            << o.all.total << misses << "\n";
  // 187 of the 189 today: any drop fails.
  EXPECT_GE(o.all.kind_named, 187u) << misses;
}

}  // namespace
}  // namespace accord
