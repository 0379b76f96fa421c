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

// A short section is checked from 3 words of evidence on
// (k_min_section_words in translation_rules.cpp): 4 here ("Sale" and three
// of the body's four words).
TEST(Untranslated, FiresOnAShortSectionLeftInEnglish) {
  auto findings = check(
      "# 1. Data\n\nWe collect your name and your e-mail address when you register.\n\n"
      "# 2. Sale\n\nWe never sell it.\n",
      "# 1. Andmed\n\nKogume teie nime ja e-posti aadressi, kui te registreerute.\n\n"
      "# 2. Sale\n\nWe never sell it.\n");
  ASSERT_EQ(std::vector<std::string>{"untranslated@5"}, summary(findings));
  EXPECT_EQ("section 2 \"Sale\" is identical to the English source; translate it into Estonian",
            findings[0].message);
}

// Below the threshold the text is too short to tell: two words, the same on
// both sides (a product name), stay quiet.
TEST(Untranslated, QuietOnASectionOfTwoWordsTheSameOnBothSides) {
  auto findings = check(
      "# 1. Data\n\nWe collect your name and your e-mail address when you register.\n\n"
      "# 2. Newsletter\n\nMailchimp.\n",
      "# 1. Andmed\n\nKogume teie nime ja e-posti aadressi, kui te registreerute.\n\n"
      "# 2. Newsletter\n\nMailchimp.\n");
  EXPECT_EQ(none, summary(findings));
}

// One English block inside an Estonian section is checked from 4 words on
// (k_min_block_words); three English words in an Estonian section are not.
TEST(Untranslated, QuietOnThreeEnglishWordsInAnEstonianSection) {
  auto target =
      replace(estonian(), "Isiklikku teavet võime koguda mitmel viisil, näiteks:",
              "Isiklikku teavet võime koguda mitmel viisil, näiteks:\n\nsee below, please");
  auto source = replace(
      english(), "We may collect personal information in a number of ways, for example:",
      "We may collect personal information in a number of ways, for example:\n\nsee below, please");
  auto findings = check(source, target);
  for (const auto& f : findings) EXPECT_NE("untranslated", f.rule) << f.message;
  // Four words are enough.
  target = replace(target, "see below, please", "see the list below, please");
  source = replace(source, "see below, please", "see the list below, please");
  EXPECT_EQ(std::vector<std::string>{"untranslated@34"}, summary(check(source, target)));
}

TEST(Untranslated, QuietOnNamesAndLoanwordsInEstonian) {
  // Names and loanwords that an English identifier would claim, in a short
  // Estonian section: they must not outvote the Estonian words.
  auto findings = check(
      "# 1. Payments\n\nPayments are processed by Maksekeskus AS through Google Pay and Apple "
      "Pay.\n",
      "# 1. Maksed\n\nMakseid töötleb Maksekeskus AS Google Pay ja Apple Pay kaudu.\n");
  EXPECT_EQ(none, summary(findings));
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
  // An English value under a key that is not translatable (author), and a
  // translated description with one English word (below the 2 words a value
  // needs before it is called English; two are rarely confident enough).
  auto source = replace(english(), "include_footer: true",
                        "include_footer: true\nauthor: \"The privacy team of Aligner\"");
  auto target = replace(estonian(), "include_footer: true",
                        "include_footer: true\nauthor: \"The privacy team of Aligner\"");
  target =
      replace(target, "description: \"Aligner - Privaatsuspoliitika\"", "description: \"Privacy\"");
  auto findings = check(source, target);
  for (const auto& f : findings) EXPECT_NE("untranslated-front-matter", f.rule) << f.message;
  // Three English words are enough.
  target = replace(target, "description: \"Privacy\"", "description: \"Our privacy policy\"");
  EXPECT_EQ(std::vector<std::string>{"untranslated-front-matter@4"},
            summary(check(source, target)));
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
      "support@aligner.io (line 97); target has tugi@aligner.io (line 97)",
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

TEST(StructureMismatch, FiresWhenATableIsLeftOut) {
  auto findings = check(
      "# 1. Retention\n\nWe keep your data for these periods:\n\n| Data | Period |\n"
      "| --- | --- |\n| Invoices | 7 years |\n| Logs | 30 days |\n\nThen we delete it.\n",
      "# 1. Säilitamine\n\nHoiame teie andmeid järgmiselt:\n\nArveid 7 aastat ja logisid 30 "
      "päeva.\n\nSeejärel kustutame need.\n");
  ASSERT_EQ(std::vector<std::string>{"structure-mismatch@1"}, summary(findings));
  EXPECT_EQ(
      "section 1 \"Säilitamine\" has a different structure: 1 tables in the source, 0 in the "
      "target",
      findings[0].message);
  EXPECT_EQ(1, findings[0].evidence["source"]["tables"]);
  EXPECT_EQ(0, findings[0].evidence["target"]["tables"]);
}

// Text blocks may differ by up to max(2, half the larger count): 5 against 3
// is a translator joining paragraphs, 5 against 2 is not.
TEST(StructureMismatch, QuietUpToTheParagraphGapAndFiresPastIt) {
  const std::string source =
      "# 1. Data\n\nWe collect your name.\n\nWe collect your e-mail address.\n\n"
      "We collect your phone number.\n\nWe collect your address.\n\nWe collect your "
      "payments.\n";
  const std::string three =
      "# 1. Andmed\n\nKogume teie nime ja e-posti aadressi.\n\nKogume teie telefoninumbrit ja "
      "aadressi.\n\nKogume teie makseid.\n";
  EXPECT_EQ(none, summary(check(source, three)));
  const std::string two =
      "# 1. Andmed\n\nKogume teie nime, e-posti aadressi ja telefoninumbrit.\n\nKogume teie "
      "aadressi ja makseid.\n";
  auto findings = check(source, two);
  ASSERT_EQ(std::vector<std::string>{"structure-mismatch@1"}, summary(findings));
  EXPECT_EQ(
      "section 1 \"Andmed\" has a different structure: 5 text blocks in the source, 2 in the "
      "target",
      findings[0].message);
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

// Four sections whose target is FACTOR times the source's length (one word
// of nine letters per word of the source), the third one RATIO times instead.
std::pair<std::string, std::string> sized_pair(double ratio) {
  std::string source, target;
  const std::string word = "andmeid ";  // 8 characters with the space
  for (int s = 1; s <= 4; ++s) {
    std::string en_body, et_body;
    for (int w = 0; w < 40; ++w) en_body += "records ";  // 320 characters
    double factor = s == 3 ? ratio : 1.0;
    int words = static_cast<int>(40 * factor);
    for (int w = 0; w < words; ++w) et_body += word;
    source += "# " + std::to_string(s) + ". Part\n\n" + en_body + "\n\n";
    target += "# " + std::to_string(s) + ". Osa\n\n" + et_body + "\n\n";
  }
  return {source, target};
}

// The band is a factor of 1.6 either side of the pair's median ratio
// (k_length_band): 1.5 stays quiet, 1.7 and 1/1.7 fire.
TEST(LengthRatio, QuietInsideTheBandAndFiresJustOutside) {
  auto rules = [](const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings) {
      if (f.rule == "length-ratio") out.push_back(f.rule + "@" + std::to_string(f.line));
    }
    return out;
  };
  auto [s1, t1] = sized_pair(1.5);
  EXPECT_EQ(none, rules(check(s1, t1)));
  auto [s2, t2] = sized_pair(1 / 1.5);
  EXPECT_EQ(none, rules(check(s2, t2)));
  auto [s3, t3] = sized_pair(1.7);
  EXPECT_EQ(std::vector<std::string>{"length-ratio@9"}, rules(check(s3, t3)));
  auto [s4, t4] = sized_pair(1 / 1.7);
  EXPECT_EQ(std::vector<std::string>{"length-ratio@9"}, rules(check(s4, t4)));
}

TEST(FrontMatterMismatch, FiresOnAChangedImageAndAKeyOnlyTheTargetHas) {
  auto target = replace(estonian(), "aligner-logo.jpeg", "aligner-logo-et.jpeg");
  target = replace(target, "include_footer: true", "include_footer: true\nweight: 3");
  auto findings = check(english(), target);
  ASSERT_EQ((std::vector<std::string>{"front-matter-mismatch@3", "front-matter-mismatch@6"}),
            summary(findings));
  EXPECT_EQ(
      "front matter 'ogImage' differs: source \"https://www.aligner.io/images/aligner-logo.jpeg\", "
      "target \"https://www.aligner.io/images/aligner-logo-et.jpeg\" (list the key in "
      "translatable_keys in accord.toml if its value is translated)",
      findings[0].message);
  EXPECT_EQ(
      "front matter 'weight' is set to 3 but the source does not have it (list the key in "
      "translatable_keys in accord.toml if its value is translated)",
      findings[1].message);
}

TEST(FrontMatterMismatch, QuietOnTranslatedTitleAndDescription) {
  // Every translatable key differs, and a localised key (slug) too; the
  // non-translatable ones are equal.
  auto source = replace(english(), "include_footer: true",
                        "include_footer: true\nweight: 3\nslug: privacy-policy");
  auto target = replace(estonian(), "include_footer: true",
                        "include_footer: true\nweight: 3\nslug: privaatsuspoliitika");
  for (const auto& f : check(source, target))
    EXPECT_NE("front-matter-mismatch", f.rule) << f.message;
  // One non-translatable value changed is enough.
  target = replace(target, "weight: 3", "weight: 4");
  auto findings = check(source, target);
  std::vector<std::string> mismatches;
  for (const auto& f : findings) {
    if (f.rule == "front-matter-mismatch") mismatches.push_back(f.message);
  }
  EXPECT_EQ(std::vector<std::string>{"front matter 'weight' differs: source 3, target 4 (list the "
                                     "key in translatable_keys in accord.toml if its value is "
                                     "translated)"},
            mismatches);
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
