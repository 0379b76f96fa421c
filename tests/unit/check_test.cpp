// Every rule: a test that proves it fires and one that proves it stays quiet.
// The documents are the fixtures' English original and its faithful
// Estonian translation, changed one thing at a time.
#include <gtest/gtest.h>

#include <accord/check.hpp>
#include <accord/config.hpp>

#include "test_support.hpp"

namespace accord {
namespace {

const LanguageIdentifier& langid() {
  static const LanguageIdentifier instance({"en", "et"});
  return instance;
}

std::string english() {
  return test::slurp(test::source_dir() / "fixtures/translated/content/privacy.en.md");
}
std::string estonian() {
  return test::slurp(test::source_dir() / "fixtures/translated/content/privacy.et.md");
}

std::string replace(std::string text, std::string_view from, std::string_view to) {
  auto pos = text.find(from);
  EXPECT_NE(std::string::npos, pos) << "fixture text not found: " << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

Document parse(std::string text, const std::string& file) {
  auto d = parse_document(std::move(text), file);
  EXPECT_TRUE(d) << (d ? "" : d.error().to_string());
  return d ? *d : Document{};
}

std::vector<Finding> check(const std::string& source_text, const std::string& target_text,
                           const std::string& target_language = "et") {
  Document source = parse(source_text, "p.en.md");
  Document target = parse(target_text, "p." + target_language + ".md");
  Config defaults;
  PairInput in{source,
               target,
               "p.en.md",
               "p." + target_language + ".md",
               "en",
               target_language,
               defaults.translatable_keys};
  return check_pair(in, langid());
}

// "rule@line" for each finding, the shape most assertions need.
std::vector<std::string> summary(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.rule + "@" + std::to_string(f.line));
  return out;
}

std::vector<std::string> none;

Finding finding(std::string rule, std::string file, int line, std::string message) {
  Finding f;
  f.rule = std::move(rule);
  f.file = std::move(file);
  f.line = line;
  f.message = std::move(message);
  return f;
}

// A notice-violation is about the source, so every pair sharing it makes one.
TEST(MergeFindings, DropsTheSameFindingFromTwoPairs) {
  std::vector<Finding> all{finding("notice-violation", "privacy.en.md", 0, "version a…"),
                           finding("untranslated", "privacy.et.md", 9, "section 2…"),
                           finding("notice-violation", "privacy.en.md", 0, "version a…"),
                           finding("untranslated", "privacy.de.md", 9, "section 2…")};
  merge_findings(all);
  ASSERT_EQ(3u, all.size());
  EXPECT_EQ("privacy.de.md", all[0].file);
  EXPECT_EQ("privacy.en.md", all[1].file);
  EXPECT_EQ("notice-violation", all[1].rule);
  EXPECT_EQ("privacy.et.md", all[2].file);
}

TEST(MergeFindings, KeepsFindingsThatDifferInRuleOrMessage) {
  std::vector<Finding> all{finding("invariant-mismatch", "a.et.md", 4, "e-mail differs"),
                           finding("invariant-mismatch", "a.et.md", 4, "URL differs"),
                           finding("length-ratio", "a.et.md", 4, "e-mail differs"),
                           finding("invariant-mismatch", "a.et.md", 5, "e-mail differs")};
  merge_findings(all);
  ASSERT_EQ(4u, all.size());
  EXPECT_EQ("URL differs", all[1].message);
  EXPECT_EQ(5, all[3].line);
}

TEST(Check, FaithfulTranslationHasNoFindings) {
  auto findings = check(english(), estonian());
  EXPECT_EQ(none, summary(findings));
  for (const auto& f : findings) ADD_FAILURE() << f.message;
}

TEST(Check, SeedHasExactlyTheFiveUntranslatedSectionsAndTheDescription) {
  auto seed = test::slurp(test::source_dir() / "fixtures/site/content/privacy.et.md");
  auto findings = check(english(), seed);
  EXPECT_EQ(
      (std::vector<std::string>{"untranslated-front-matter@4", "untranslated@72", "untranslated@77",
                                "untranslated@89", "untranslated@95", "untranslated@122"}),
      summary(findings));
  ASSERT_EQ(6u, findings.size());
  EXPECT_EQ(
      "front matter 'description' is identical to the source: \"Aligner - Privacy Policy\"; "
      "translate it",
      findings[0].message);
  EXPECT_EQ(
      "section 6 \"For how long we store your data?\" is identical to the English source; "
      "translate it into Estonian",
      findings[1].message);
  EXPECT_EQ(R"({"number":"6","title":"For how long we store your data?"})",
            findings[1].section.dump());
  EXPECT_EQ(
      "section \"Cookie Policy\" is identical to the English source; translate it into Estonian",
      findings[5].message);
  EXPECT_EQ(Severity::error, findings[5].severity);
}

TEST(Untranslated, FiresOnEnglishThatIsNotACopyOfTheSource) {
  auto target = replace(estonian(),
                        "Säilitame teie andmeid nii kaua, kui on vajalik käesolevas "
                        "privaatsuspoliitikas kirjeldatud eesmärkide täitmiseks.",
                        "We keep your information only as long as we really need it for the "
                        "reasons this policy describes, and then we delete it.");
  target = replace(target,
                   "Kui teie andmed ei ole enam asjakohased eesmärkide jaoks, milleks need "
                   "koguti, kustutame need või muudame need anonüümseks.",
                   "After that we remove it or make it anonymous.");
  auto findings = check(english(), target);
  // The section's only paragraph is English, so the section is.
  ASSERT_EQ(std::vector<std::string>{"untranslated@72"}, summary(findings));
  EXPECT_EQ(
      "section 6 \"Kui kaua me teie andmeid säilitame?\" is in English, not Estonian; "
      "translate it",
      findings[0].message);
  EXPECT_EQ(false, findings[0].evidence["identical_to_source"]);
  EXPECT_EQ("en", findings[0].evidence["language"]);
}

TEST(Untranslated, FiresOnOneEnglishParagraphInAnEstonianSection) {
  auto target = replace(estonian(), "Isiklikku teavet võime koguda mitmel viisil, näiteks:",
                        "We may collect personal information in a number of ways, such as:");
  auto findings = check(english(), target);
  ASSERT_EQ(std::vector<std::string>{"untranslated@32"}, summary(findings));
  EXPECT_EQ(R"({"number":"3","title":"Kuidas kogume isikuandmeid?"})", findings[0].section.dump());
}

TEST(Untranslated, QuietOnNamesAndLoanwordsInEstonian) {
  // Section 5 names "Maksekeskus AS"; section 2 says "IP-aadressid".
  auto findings = check(english(), estonian());
  for (const auto& f : findings) EXPECT_NE("untranslated", f.rule) << f.message;
}

TEST(UntranslatedFrontMatter, FiresOnEnglishValueThatDiffersFromTheSource) {
  auto target = replace(estonian(), "description: \"Aligner - Privaatsuspoliitika\"",
                        "description: \"Aligner - How we handle your personal data\"");
  auto findings = check(english(), target);
  ASSERT_EQ(std::vector<std::string>{"untranslated-front-matter@4"}, summary(findings));
  EXPECT_EQ(
      "front matter 'description' is in English: \"Aligner - How we handle your personal "
      "data\"; translate it",
      findings[0].message);
}

TEST(UntranslatedFrontMatter, QuietOnUrlsAndNonTranslatableKeys) {
  // ogImage is identical on both sides and is not a translatable key.
  auto findings = check(english(), estonian());
  for (const auto& f : findings) EXPECT_NE("untranslated-front-matter", f.rule) << f.message;
}

TEST(MissingSection, FiresWhenATargetSectionIsDeletedAndTheRestRenumbered) {
  std::string target = estonian();
  auto begin = target.find("{{% title4 \"4. Miks");
  auto end = target.find("{{% title4 \"5. Kellega");
  target.erase(begin, end - begin);
  target = replace(target, "\"5. Kellega", "\"4. Kellega");
  target = replace(target, "\"6. Kui kaua", "\"5. Kui kaua");
  target = replace(target, "\"7. Milliste", "\"6. Milliste");
  target = replace(target, "\"8. Võimalikud", "\"7. Võimalikud");
  target = replace(target, "\"9. Kontaktid", "\"8. Kontaktid");
  auto findings = check(english(), target);
  ASSERT_EQ(std::vector<std::string>{"missing-section@40"}, summary(findings));
  EXPECT_EQ(
      "section 4 \"Why do we collect your data?\" of p.en.md (line 40) has no counterpart "
      "here; translate it",
      findings[0].message);
}

TEST(ExtraSection, FiresOnASectionTheSourceDoesNotHave) {
  auto target = replace(estonian(), "{{% title4 \"Küpsistepoliitika\" %}}",
                        "{{% title4 \"10. Lisateave\" %}}\n\nSelles jaotises kirjeldame, kuidas "
                        "meie partnerid teie andmeid töötlevad ja milliseid õigusi teil selle "
                        "juures on.\n\n{{% title4 \"Küpsistepoliitika\" %}}");
  auto findings = check(english(), target);
  ASSERT_EQ(std::vector<std::string>{"extra-section@122"}, summary(findings));
  EXPECT_EQ(
      "section 10 \"Lisateave\" has no counterpart in p.en.md; remove it or add it to the source",
      findings[0].message);
}

TEST(InvariantMismatch, FiresOnAChangedEmailAndShowsBothSides) {
  auto target = replace(estonian(), "saates e-kirja aadressile support@aligner.io",
                        "saates e-kirja aadressile tugi@aligner.io");
  auto findings = check(english(), target);
  ASSERT_EQ(std::vector<std::string>{"invariant-mismatch@95"}, summary(findings));
  EXPECT_EQ(
      "e-mail addresses in section 9 \"Kontaktid\" differ from the source: source has "
      "support@aligner.io, feedback@aligner.io; target has tugi@aligner.io, feedback@aligner.io",
      findings[0].message);
  EXPECT_EQ(R"(["support@aligner.io"])", findings[0].evidence["missing_in_target"].dump());
  EXPECT_EQ(R"(["tugi@aligner.io"])", findings[0].evidence["extra_in_target"].dump());
}

TEST(InvariantMismatch, FiresOnAChangedNoticePeriod) {
  auto target = replace(estonian(), "vähemalt 14 päeva", "vähemalt 30 päeva");
  auto findings = check(english(), target);
  ASSERT_EQ(std::vector<std::string>{"invariant-mismatch@89"}, summary(findings));
  EXPECT_EQ("number", findings[0].evidence["kind"]);
}

TEST(InvariantMismatch, QuietWhenTheNumberIsWrittenAsAWord) {
  auto target = replace(estonian(), "vähemalt 14 päeva", "vähemalt neliteist päeva");
  EXPECT_EQ(none, summary(check(english(), target)));
}

TEST(InvariantMismatch, FiresOnAChangedOrganisationName) {
  auto target = replace(estonian(), "Maksekeskus AS", "Montonio AS");
  auto findings = check(english(), target);
  ASSERT_EQ(std::vector<std::string>{"invariant-mismatch@62"}, summary(findings));
  EXPECT_EQ("organisation", findings[0].evidence["kind"]);
}

TEST(StructureMismatch, FiresWhenAListLosesAnItem) {
  auto findings = check(
      "# 1. Data\n\nWe collect the following data about you:\n\n- your name\n"
      "- your e-mail address\n- your phone number\n",
      "# 1. Andmed\n\nKogume teie kohta järgmisi andmeid:\n\n- teie nimi\n"
      "- teie e-posti aadress\n");
  ASSERT_EQ(std::vector<std::string>{"structure-mismatch@1"}, summary(findings));
  EXPECT_EQ(
      "section 1 \"Andmed\" has a different structure: 3 list items in the source, 2 in the "
      "target",
      findings[0].message);
  EXPECT_EQ(Severity::warning, findings[0].severity);
}

TEST(StructureMismatch, QuietWhenAParagraphIsSplitInTwo) {
  auto target = replace(estonian(),
                        "Kogume ülalkirjeldatud andmeid, et pakkuda teile Teenuseid "
                        "usaldusväärsel ja turvalisel viisil, samuti",
                        "Kogume ülalkirjeldatud andmeid, et pakkuda teile Teenuseid "
                        "usaldusväärsel ja turvalisel viisil.\n\nSamuti kogume neid");
  EXPECT_EQ(none, summary(check(english(), target)));
}

TEST(LengthRatio, FiresWhenMostOfASectionIsLeftOut) {
  // Section 4 keeps its ten paragraphs, but the two long ones shrink to a
  // few words each: the structure is intact, the content is not.
  std::string target = estonian();
  for (std::string_view from :
       {"Kogume ülalkirjeldatud andmeid, et pakkuda", "Anname kasutajatele võimaluse kasutada"}) {
    auto begin = target.find(from);
    ASSERT_NE(std::string::npos, begin);
    auto end = target.find('\n', begin);
    target.replace(begin, end - begin, "Kogume andmeid.");
  }
  auto findings = check(english(), target);
  ASSERT_EQ(std::vector<std::string>{"length-ratio@40"}, summary(findings));
  EXPECT_EQ(Severity::warning, findings[0].severity);
  EXPECT_EQ("length-ratio", findings[0].rule);
}

TEST(LengthRatio, QuietOnTheFaithfulTranslation) {
  for (const auto& f : check(english(), estonian())) EXPECT_NE("length-ratio", f.rule) << f.message;
}

TEST(FrontMatterMismatch, FiresOnAChangedImageAndAKeyOnlyTheTargetHas) {
  auto target = replace(estonian(), "aligner-logo.jpeg", "aligner-logo-et.jpeg");
  target = replace(target, "include_footer: true", "include_footer: true\nweight: 3");
  auto findings = check(english(), target);
  ASSERT_EQ((std::vector<std::string>{"front-matter-mismatch@3", "front-matter-mismatch@6"}),
            summary(findings));
  EXPECT_EQ(
      "front matter 'ogImage' differs: source \"https://www.aligner.io/images/aligner-logo.jpeg\", "
      "target \"https://www.aligner.io/images/aligner-logo-et.jpeg\"",
      findings[0].message);
  EXPECT_EQ("front matter 'weight' is set to 3 but the source does not have it",
            findings[1].message);
}

TEST(FrontMatterMismatch, QuietOnTranslatedTitleAndDescription) {
  for (const auto& f : check(english(), estonian())) EXPECT_NE("front-matter-mismatch", f.rule);
}

TEST(Check, GermanPairWorksByConfigurationAlone) {
  static const LanguageIdentifier de({"en", "de"});
  auto source =
      parse(test::slurp(test::source_dir() / "fixtures/de/content/privacy.en.md"), "p.en.md");
  auto target =
      parse(test::slurp(test::source_dir() / "fixtures/de/content/privacy.de.md"), "p.de.md");
  Config defaults;
  PairInput in{source, target, "p.en.md", "p.de.md", "en", "de", defaults.translatable_keys};
  EXPECT_EQ(none, summary(check_pair(in, de)));
  // And the same rule fires in German: section 6 left in English.
  std::string text = test::slurp(test::source_dir() / "fixtures/de/content/privacy.de.md");
  auto begin = text.find("{{% title4 \"6.");
  auto end = text.find("{{% title4 \"7.");
  std::string en = test::slurp(test::source_dir() / "fixtures/de/content/privacy.en.md");
  auto en_begin = en.find("{{% title4 \"6.");
  auto en_end = en.find("{{% title4 \"7.");
  text.replace(begin, end - begin, en.substr(en_begin, en_end - en_begin));
  auto mixed = parse(text, "p.de.md");
  PairInput in2{source, mixed, "p.en.md", "p.de.md", "en", "de", defaults.translatable_keys};
  auto findings = check_pair(in2, de);
  ASSERT_EQ(1u, findings.size());
  EXPECT_EQ("untranslated", findings[0].rule);
  EXPECT_EQ(
      "section 6 \"For how long we store your data?\" is identical to the English source; "
      "translate it into German",
      findings[0].message);
}

}  // namespace
}  // namespace accord
