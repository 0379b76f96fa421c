#include <gtest/gtest.h>

#include <accord/change.hpp>
#include <set>

#include "test_support.hpp"

namespace accord {
namespace {

// A tiny dictionary, so these tests do not depend on hunspell's word lists
// (the accuracy test uses the real dictionaries).
bool known(std::string_view w) {
  static const std::set<std::string, std::less<>> k_words = {"necessary", "receive", "data",
                                                             "andmeid", "kasutajate"};
  return k_words.count(w) > 0;
}

std::string kinds(const Classification& c) {
  std::string out;
  for (const auto& r : c.reasons) out += (out.empty() ? "" : ",") + r.kind;
  return out;
}

TEST(Classify, WhitespaceIsEditorial) {
  auto c =
      classify_change("We keep  your data.\nFor a while.", "We keep your data. For a while.", "en");
  EXPECT_FALSE(c.substantial);
  EXPECT_EQ("whitespace", kinds(c));
}

TEST(Classify, PunctuationIsEditorial) {
  auto c =
      classify_change("We keep your data, for a while.", "We keep your data for a while.", "en");
  EXPECT_FALSE(c.substantial);
  EXPECT_EQ("punctuation", kinds(c));
}

TEST(Classify, CaseIsEditorial) {
  auto c = classify_change("Our privacy policy applies.", "Our Privacy Policy applies.", "en");
  EXPECT_FALSE(c.substantial);
  EXPECT_EQ("case", kinds(c));
}

TEST(Classify, QuoteAndDashStyleIsEditorial) {
  auto c = classify_change("Teenused (\"Services\") - all of them.",
                           "Teenused (\u201EServices\u201D) \u2013 all of them.", "et");
  EXPECT_FALSE(c.substantial);
  EXPECT_EQ("quotes", kinds(c));
}

TEST(Classify, TypoFixIsEditorial) {
  auto c = classify_change("We keep the data as long as neccessary.",
                           "We keep the data as long as necessary.", "en", known);
  EXPECT_FALSE(c.substantial);
  EXPECT_EQ("typo", kinds(c));
  EXPECT_EQ("neccessary", c.reasons[0].old_value);
}

TEST(Classify, ReplacingAKnownWordIsNotATypo) {
  auto c = classify_change("We keep the data.", "We sell the data.", "en", known);
  EXPECT_TRUE(c.substantial);
  EXPECT_EQ("wording", kinds(c));
}

TEST(Classify, NumberChangeIsSubstantialWithBothValues) {
  auto c =
      classify_change("notified at least 14 days before", "notified at least 30 days before", "en");
  EXPECT_TRUE(c.substantial);
  ASSERT_EQ("number", kinds(c));
  EXPECT_EQ("14", c.reasons[0].old_value);
  EXPECT_EQ("30", c.reasons[0].new_value);
}

TEST(Classify, NumberWordChangeIsANumber) {
  auto c =
      classify_change("vähemalt neliteist päeva enne", "vähemalt kolmkümmend päeva enne", "et");
  EXPECT_TRUE(c.substantial);
  EXPECT_EQ("number", kinds(c));
  EXPECT_EQ("14", c.reasons[0].old_value);
  EXPECT_EQ("30", c.reasons[0].new_value);
}

TEST(Classify, DateEmailUrlPhoneAndOrganisation) {
  EXPECT_EQ("date", kinds(classify_change("Effective 2026-04-09.", "Effective 2026-05-01.", "en")));
  EXPECT_EQ("email", kinds(classify_change("Write to support@aligner.io today.",
                                           "Write to help@aligner.io today.", "en")));
  EXPECT_EQ("url", kinds(classify_change("See https://a.example/x for more.",
                                         "See https://a.example/y for more.", "en")));
  EXPECT_EQ("phone",
            kinds(classify_change("Call +372 5555 1234 now.", "Call +372 5555 4321 now.", "en")));
  EXPECT_EQ("organisation",
            kinds(classify_change("nagu Maksekeskus AS.", "nagu Montonio AS.", "et")));
}

TEST(Classify, NegationAddedIsSubstantial) {
  auto c = classify_change("We sell your data to advertisers.",
                           "We do not sell your data to advertisers.", "en");
  EXPECT_TRUE(c.substantial);
  EXPECT_NE(std::string::npos, kinds(c).find("negation")) << kinds(c);
}

TEST(Classify, ModalChangeIsSubstantial) {
  auto c = classify_change("Võime teie andmeid jagada.", "Peame teie andmeid jagama.", "et");
  EXPECT_TRUE(c.substantial);
  EXPECT_NE(std::string::npos, kinds(c).find("modal")) << kinds(c);
}

// Negation and obligation in each language the classifier has words for:
// each pair differs in that one respect, and a reworded pair stays quiet.
TEST(Classify, NegationAndModalsInEachLanguage) {
  struct Case {
    const char* language;
    const char* before;
    const char* after;
    const char* kind;
  };
  const Case cases[] = {
      {"ru", "Мы передаём ваши данные партнёрам.", "Мы не передаём ваши данные партнёрам.",
       "negation"},
      {"ru", "Мы можем передавать ваши данные.", "Мы обязаны передавать ваши данные.", "modal"},
      {"lv", "Mēs izmantojam sīkdatnes.", "Mēs neizmantojam sīkdatnes.", "negation"},
      {"lv", "Jūs varat dzēst kontu.", "Jūs nevarat dzēst kontu.", "negation"},
      {"lt", "Mes galime perduoti duomenis.", "Mes negalime perduoti duomenų.", "negation"},
      {"fr", "Nous vendons vos données.", "Nous ne vendons jamais vos données.", "negation"},
      {"fr", "Nous pouvons partager vos données.", "Nous devons partager vos données.", "modal"},
      {"es", "Compartimos sus datos.", "No compartimos sus datos.", "negation"},
      {"es", "Podemos conservar sus datos.", "Debemos conservar sus datos.", "modal"},
      {"sv", "Vi säljer dina uppgifter.", "Vi säljer aldrig dina uppgifter.", "negation"},
      {"sv", "Du kan radera ditt konto.", "Du måste radera ditt konto.", "modal"},
      {"pl", "Sprzedajemy Twoje dane.", "Nie sprzedajemy Twoich danych.", "negation"},
      {"pl", "Możemy usunąć konto.", "Musimy usunąć konto.", "modal"},
  };
  for (const auto& k : cases) {
    auto c = classify_change(k.before, k.after, k.language);
    EXPECT_TRUE(c.substantial) << k.language << ": " << k.after;
    EXPECT_NE(std::string::npos, kinds(c).find(k.kind)) << k.language << ": " << kinds(c);
  }
  const Case quiet[] = {
      {"ru", "Мы передаём ваши данные партнёрам.", "Мы передаём ваши данные нашим партнёрам.", ""},
      {"lv", "Mēs izmantojam sīkdatnes.", "Mēs izmantojam dažas sīkdatnes.", ""},
      {"fr", "Nous conservons vos données.", "Nous conservons toutes vos données.", ""},
      {"sv", "Vi sparar dina uppgifter.", "Vi sparar alla dina uppgifter.", ""},
      {"pl", "Przechowujemy Twoje dane.", "Przechowujemy wszystkie Twoje dane.", ""},
  };
  for (const auto& k : quiet) {
    auto c = classify_change(k.before, k.after, k.language);
    EXPECT_EQ(std::string::npos, kinds(c).find("negation")) << k.language << ": " << kinds(c);
    EXPECT_EQ(std::string::npos, kinds(c).find("modal")) << k.language << ": " << kinds(c);
  }
}

TEST(Classify, SentenceAddedAndRemoved) {
  EXPECT_EQ("added",
            kinds(classify_change("We keep your data.",
                                  "We keep your data. We also share it with our partners.", "en")));
  EXPECT_EQ("removed",
            kinds(classify_change("We keep your data. We never share it with anyone else.",
                                  "We keep your data.", "en")));
}

TEST(Classify, IdenticalTextsHaveNoReasons) {
  auto c = classify_change("Same.", "Same.", "en");
  EXPECT_FALSE(c.substantial);
  EXPECT_TRUE(c.reasons.empty());
}

TEST(EditDistance, CountsCodePoints) {
  EXPECT_EQ(1u, edit_distance("päev", "paev"));
  EXPECT_EQ(2u, edit_distance("neccessary", "necesary"));
  EXPECT_EQ(4u, edit_distance("a", "abcdef", 3));  // stops at limit + 1
}

TEST(WordDiff, JoinsRunsAndKeepsSpaces) {
  auto ops = word_diff("at least 14 days", "at least 30 days", "en");
  ASSERT_EQ(4u, ops.size());
  EXPECT_EQ("at least ", ops[0].text);
  EXPECT_EQ(DiffOp::Kind::remove, ops[1].kind);
  EXPECT_EQ("14", ops[1].text);
  EXPECT_EQ(DiffOp::Kind::insert, ops[2].kind);
  EXPECT_EQ("30", ops[2].text);
  EXPECT_EQ(" days", ops[3].text);
}

Document parse(std::string text) {
  auto d = parse_document(std::move(text), "p.en.md");
  EXPECT_TRUE(d);
  return d ? *d : Document{};
}

std::string english() {
  return test::slurp(test::source_dir() / "fixtures/translated/content/privacy.en.md");
}

std::string replace(std::string text, std::string_view from, std::string_view to) {
  auto pos = text.find(from);
  EXPECT_NE(std::string::npos, pos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

TEST(DiffDocuments, UnchangedDocumentHasNoChanges) {
  auto a = parse(english());
  EXPECT_TRUE(diff_documents(a, a, "en").empty());
}

TEST(DiffDocuments, NoticePeriodChangeIsOneSubstantialSection) {
  auto a = parse(english());
  auto b = parse(replace(english(), "at least 14 days", "at least 30 days"));
  auto d = diff_documents(a, b, "en");
  ASSERT_EQ(1u, d.size());
  EXPECT_EQ(ChangeStatus::changed, d[0].status);
  EXPECT_EQ("8", b.sections[d[0].new_sections[0]].number);
  EXPECT_TRUE(d[0].classification.substantial);
  EXPECT_EQ("number", kinds(d[0].classification));
}

TEST(DiffDocuments, MarkupOnlyIsEditorial) {
  auto a = parse(english());
  auto b =
      parse(replace(english(), "Thank you for using Aligner!", "Thank you for using **Aligner**!"));
  auto d = diff_documents(a, b, "en");
  ASSERT_EQ(1u, d.size());
  EXPECT_FALSE(d[0].classification.substantial);
  EXPECT_EQ("markup", kinds(d[0].classification));
}

TEST(DiffDocuments, InsertionRenumbersTheRestEditorially) {
  auto a = parse(english());
  std::string text = english();
  for (int n = 9; n >= 3; --n) {
    text = replace(text, "{{% title4 \"" + std::to_string(n) + ".",
                   "{{% title4 \"" + std::to_string(n + 1) + ".");
  }
  text = replace(
      text, "{{% title4 \"4. How do",
      "{{% title4 \"3. Children\" %}}\n\nOur services are not meant for children under 13 and we "
      "do not knowingly collect their data.\n\n{{% title4 \"4. How do");
  auto b = parse(text);
  auto d = diff_documents(a, b, "en");
  ASSERT_EQ(8u, d.size());  // one added, seven renumbered
  EXPECT_EQ(ChangeStatus::added, d[0].status);
  EXPECT_TRUE(d[0].classification.substantial);
  for (std::size_t k = 1; k < d.size(); ++k) {
    EXPECT_EQ(ChangeStatus::renumbered, d[k].status);
    EXPECT_FALSE(d[k].classification.substantial);
    EXPECT_EQ("renumbering", kinds(d[k].classification));
  }
}

TEST(DiffDocuments, RemovedSectionIsSubstantial) {
  std::string text = english();
  auto begin = text.find("{{% title4 \"6.");
  auto end = text.find("{{% title4 \"7.");
  text.erase(begin, end - begin);
  auto d = diff_documents(parse(english()), parse(text), "en");
  ASSERT_EQ(1u, d.size());
  EXPECT_EQ(ChangeStatus::removed, d[0].status);
  EXPECT_TRUE(d[0].classification.substantial);
}

}  // namespace
}  // namespace accord
