// The aligner on the fixture pair, changed the ways real translations drift:
// renumbered, inserted, deleted, reordered, split and merged sections.
#include <gtest/gtest.h>

#include <accord/align.hpp>

#include "test_support.hpp"

namespace accord {
namespace {

std::string english() {
  return test::slurp(test::source_dir() / "fixtures/translated/content/privacy.en.md");
}
std::string estonian() {
  return test::slurp(test::source_dir() / "fixtures/translated/content/privacy.et.md");
}

Document parse(std::string text) {
  auto d = parse_document(std::move(text), "x.md");
  EXPECT_TRUE(d) << (d ? "" : d.error().to_string());
  return d ? *d : Document{};
}

// Cuts the text from the heading that starts with FROM up to the next
// title4 heading; returns it.
std::string cut_section(std::string& text, std::string_view from) {
  auto begin = text.find(from);
  EXPECT_NE(std::string::npos, begin) << from;
  auto end = text.find("{{% title4", begin + 1);
  if (end == std::string::npos) end = text.size();
  std::string out = text.substr(begin, end - begin);
  text.erase(begin, end - begin);
  return out;
}

void renumber(std::string& text, int from, int to, int delta) {
  // Apply in an order that never collides: upward shifts from the top.
  if (delta > 0) {
    for (int n = to; n >= from; --n) {
      auto key = "{{% title4 \"" + std::to_string(n) + ".";
      auto pos = text.find(key);
      if (pos != std::string::npos)
        text.replace(pos, key.size(), "{{% title4 \"" + std::to_string(n + delta) + ".");
    }
  } else {
    for (int n = from; n <= to; ++n) {
      auto key = "{{% title4 \"" + std::to_string(n) + ".";
      auto pos = text.find(key);
      if (pos != std::string::npos)
        text.replace(pos, key.size(), "{{% title4 \"" + std::to_string(n + delta) + ".");
    }
  }
}

// "s>t" per step, with section numbers (an unnumbered section's first word, "-" for
// nothing, "+" joining two, "*" after a moved pair).
std::string shape(const std::vector<AlignedPair>& pairs, const Document& a, const Document& b) {
  auto name = [](const Section& s) {
    return s.number.empty() ? s.title.substr(0, s.title.find(' ')) : s.number;
  };
  std::string out;
  for (const auto& p : pairs) {
    std::string left, right;
    for (auto i : p.source) {
      if (!left.empty()) left += '+';
      left += name(a.sections[i]);
    }
    for (auto i : p.target) {
      if (!right.empty()) right += '+';
      right += name(b.sections[i]);
    }
    out += (left.empty() ? "-" : left) + ">" + (right.empty() ? "-" : right) +
           (p.moved ? "*" : "") + " ";
  }
  return out;
}

TEST(Align, FaithfulTranslationAlignsOneToOne) {
  auto a = parse(english()), b = parse(estonian());
  auto pairs = align_sections(a, b, {"en", "et", 0});
  EXPECT_EQ("1>1 2>2 3>3 4>4 5>5 6>6 7>7 8>8 9>9 Cookie>Küpsistepoliitika ", shape(pairs, a, b));
  for (const auto& p : pairs) EXPECT_GE(p.confidence, 0.4);
}

TEST(Align, RenumberedTargetStillAlignsByContent) {
  std::string et = estonian();
  renumber(et, 1, 9, 10);  // 11.–19.
  auto a = parse(english()), b = parse(et);
  EXPECT_EQ("1>11 2>12 3>13 4>14 5>15 6>16 7>17 8>18 9>19 Cookie>Küpsistepoliitika ",
            shape(align_sections(a, b, {"en", "et", 0}), a, b));
}

TEST(Align, DeletedSectionIsOneToNothing) {
  std::string et = estonian();
  cut_section(et, "{{% title4 \"4. Miks");
  renumber(et, 5, 9, -1);
  auto a = parse(english()), b = parse(et);
  EXPECT_EQ("1>1 2>2 3>3 4>- 5>4 6>5 7>6 8>7 9>8 Cookie>Küpsistepoliitika ",
            shape(align_sections(a, b, {"en", "et", 0}), a, b));
}

TEST(Align, InsertedSectionIsNothingToOne) {
  std::string et = estonian();
  renumber(et, 3, 9, 1);
  auto pos = et.find("{{% title4 \"4. Kuidas");
  et.insert(pos,
            "{{% title4 \"3. Uus jaotis\" %}}\n\nSee jaotis on lisatud ainult eestikeelsesse "
            "versiooni ja sellel ei ole ingliskeelset vastet.\n\n");
  // The new section is now "3." and the old 3–9 are 4–10.
  auto a = parse(english()), b = parse(et);
  EXPECT_EQ("1>1 2>2 ->3 3>4 4>5 5>6 6>7 7>8 8>9 9>10 Cookie>Küpsistepoliitika ",
            shape(align_sections(a, b, {"en", "et", 0}), a, b));
}

TEST(Align, ReorderedSectionsArePairedAsMoved) {
  std::string et = estonian();
  std::string contacts = cut_section(et, "{{% title4 \"9. Kontaktid");
  auto pos = et.find("{{% title4 \"2. Millist");
  et.insert(pos, contacts);
  auto a = parse(english()), b = parse(et);
  auto pairs = align_sections(a, b, {"en", "et", 0});
  EXPECT_EQ("1>1 9>9* 2>2 3>3 4>4 5>5 6>6 7>7 8>8 Cookie>Küpsistepoliitika ", shape(pairs, a, b));
}

TEST(Align, SplitSectionIsOneToTwo) {
  // Estonian splits section 9 in two: the contact paragraphs, and the
  // postal address.
  std::string et = estonian();
  auto pos = et.find("Aligner OÜ");
  et.insert(pos, "{{% title4 \"Postiaadress\" %}}\n\n");
  auto a = parse(english()), b = parse(et);
  EXPECT_EQ("1>1 2>2 3>3 4>4 5>5 6>6 7>7 8>8 9>9+Postiaadress Cookie>Küpsistepoliitika ",
            shape(align_sections(a, b, {"en", "et", 0}), a, b));
}

TEST(Align, MergedSectionsAreTwoToOne) {
  // Estonian merges sections 6 and 7 under one heading.
  std::string et = estonian();
  std::string seven = cut_section(et, "{{% title4 \"7. Milliste");
  auto body = seven.substr(seven.find("%}}") + 3);
  auto pos = et.find("{{% title4 \"8. Võimalikud");
  et.insert(pos, body);
  renumber(et, 8, 9, -1);
  auto a = parse(english()), b = parse(et);
  EXPECT_EQ("1>1 2>2 3>3 4>4 5>5 6+7>6 8>7 9>8 Cookie>Küpsistepoliitika ",
            shape(align_sections(a, b, {"en", "et", 0}), a, b));
}

TEST(Align, BlocksOfAnAlignedSectionPairUp) {
  auto a = parse(english()), b = parse(estonian());
  const Section& s9 = a.sections[8];
  const Section& t9 = b.sections[8];
  auto blocks = align_blocks(s9, t9, {"en", "et", 0});
  ASSERT_EQ(s9.blocks.size(), blocks.size());
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    EXPECT_EQ(std::vector<std::size_t>{k}, blocks[k].source);
    EXPECT_EQ(std::vector<std::size_t>{k}, blocks[k].target);
  }
}

void expect_same_invariants(const Invariants& expected, const Invariants& actual,
                            const std::string& what) {
  EXPECT_EQ(expected.emails, actual.emails) << what;
  EXPECT_EQ(expected.urls, actual.urls) << what;
  EXPECT_EQ(expected.phones, actual.phones) << what;
  EXPECT_EQ(expected.numbers, actual.numbers) << what;
  EXPECT_EQ(expected.names, actual.names) << what;
}

// check reads a section's invariants from the text "title\nb1\nb2\n"; the
// aligner keeps those of "title\nb1\nb2". They must be the same.
TEST(Align, KeepsEachSectionsInvariants) {
  std::string et = estonian();
  // Across a line break: a number word and its unit, a name and its legal
  // form, a URL and an address at the end of the text.
  et +=
      "\n{{% title4 \"99. Viimane\" %}}\n\nSäilitame andmeid neliteist\n\npäeva, Aligner\n\nOÜ "
      "https://aligner.io/x.\n\nKirjutage support@aligner.io\n";
  auto a = parse(english()), b = parse(et);
  const SectionAlignment aligned = align_sections_with_invariants(a, b, {"en", "et", 0});
  const auto pairs = align_sections(a, b, {"en", "et", 0});
  ASSERT_EQ(pairs.size(), aligned.pairs.size());
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    EXPECT_EQ(pairs[k].source, aligned.pairs[k].source);
    EXPECT_EQ(pairs[k].target, aligned.pairs[k].target);
    EXPECT_EQ(pairs[k].confidence, aligned.pairs[k].confidence);
  }
  std::size_t with_invariants = 0;
  for (const auto* side : {&a, &b}) {
    const bool source = side == &a;
    const auto& kept = source ? aligned.source_invariants : aligned.target_invariants;
    ASSERT_EQ(side->sections.size(), kept.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
      const Section& s = side->sections[i];
      std::string text = s.title + '\n';
      for (const auto& block : s.blocks) text += block.text + '\n';
      expect_same_invariants(extract_invariants(text, source ? "en" : "et"), kept[i], text);
      with_invariants += !kept[i].empty();
    }
  }
  EXPECT_GT(with_invariants, 10u);
  EXPECT_EQ((std::vector<std::string>{"14"}), aligned.target_invariants.back().numbers);
  EXPECT_EQ((std::vector<std::string>{"Aligner OÜ"}), aligned.target_invariants.back().names);
  EXPECT_EQ((std::vector<std::string>{"https://aligner.io/x"}),
            aligned.target_invariants.back().urls);
}

TEST(Align, EmptyDocuments) {
  auto a = parse(""), b = parse("# 1. Üks\n\nTekst.\n");
  auto pairs = align_sections(a, b);
  ASSERT_EQ(1u, pairs.size());
  EXPECT_TRUE(pairs[0].source.empty());
  EXPECT_EQ(std::vector<std::size_t>{0}, pairs[0].target);
}

}  // namespace
}  // namespace accord
