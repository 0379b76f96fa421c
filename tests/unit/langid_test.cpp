#include <gtest/gtest.h>
#include <stdlib.h>
#include <unicode/uchar.h>

#include <accord/document.hpp>
#include <accord/langid.hpp>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace accord {
namespace {

// Loading the dictionaries takes a fraction of a second; share one per set.
const LanguageIdentifier& english_estonian() {
  static const LanguageIdentifier identifier({"en", "et"});
  return identifier;
}

const LanguageIdentifier& english_german() {
  static const LanguageIdentifier identifier({"en", "de"});
  return identifier;
}

Document fixture(const std::string& rel) {
  return read_document((test::source_dir() / "fixtures" / rel).string());
}

bool is_seed_estonian_section(const Section& s) {
  return s.number == "1" || s.number == "2" || s.number == "3" || s.number == "4" ||
         s.number == "5";
}

std::string section_text(const Section& s) {
  std::string text;
  for (const auto& b : s.blocks) {
    if (!b.text.empty()) text += b.text + "\n";
  }
  return text;
}

std::string describe(const Block& b, const LanguageGuess& g) {
  return "line " + std::to_string(b.line) + " \"" + b.text + "\" → \"" + g.language +
         "\" confidence " + std::to_string(g.confidence) + ", " + std::to_string(g.evidence_words) +
         " evidence words";
}

// Checks every block with at least three evidence words in the sections
// SELECT picks; returns how many were checked. Blocks whose text is in
// EXCEPTIONS are checked for low confidence instead.
template <class Select>
std::size_t expect_blocks(const LanguageIdentifier& id, const Document& doc, Select select,
                          const std::string& language,
                          const std::vector<std::string>& exceptions = {}) {
  std::size_t checked = 0;
  for (const auto& section : doc.sections) {
    if (!select(section)) continue;
    for (const auto& block : section.blocks) {
      if (block.text.empty()) continue;
      LanguageGuess g = id.identify(block.text);
      if (g.evidence_words < 3) continue;
      if (std::find(exceptions.begin(), exceptions.end(), block.text) != exceptions.end()) {
        EXPECT_LT(g.confidence, 0.5) << describe(block, g);
        continue;
      }
      ++checked;
      EXPECT_EQ(language, g.language) << describe(block, g);
    }
  }
  return checked;
}

const std::string k_address = "Metro Plaza Viru valjak 2 Tallinn 10111";

TEST(LanguageIdentifier, SeedSectionsOneToFiveAreEstonian) {
  Document doc = fixture("site/content/privacy.et.md");
  EXPECT_EQ(25u, expect_blocks(english_estonian(), doc, is_seed_estonian_section, "et"));
}

TEST(LanguageIdentifier, SeedSectionsSixToNineAndCookiePolicyAreEnglish) {
  Document doc = fixture("site/content/privacy.et.md");
  auto english = [](const Section& s) { return !s.is_preamble() && !is_seed_estonian_section(s); };
  // The postal address has four evidence words but no language; it comes
  // out with a low confidence either way.
  EXPECT_EQ(31u, expect_blocks(english_estonian(), doc, english, "en", {k_address}));
}

TEST(LanguageIdentifier, SeedSectionTextGivesTheSectionLanguage) {
  Document doc = fixture("site/content/privacy.et.md");
  std::size_t sections = 0;
  for (const auto& section : doc.sections) {
    if (section.is_preamble()) continue;
    ++sections;
    LanguageGuess g = english_estonian().identify(section_text(section));
    EXPECT_EQ(is_seed_estonian_section(section) ? "et" : "en", g.language) << section.title;
    EXPECT_GE(g.confidence, 0.5) << section.title;
  }
  EXPECT_EQ(10u, sections);
}

TEST(LanguageIdentifier, TranslatedEstonianBlocksAreEstonian) {
  Document doc = fixture("translated/content/privacy.et.md");
  auto all = [](const Section&) { return true; };
  EXPECT_EQ(54u, expect_blocks(english_estonian(), doc, all, "et", {k_address}));
  for (const auto& section : doc.sections) {
    if (section.is_preamble()) continue;
    LanguageGuess g = english_estonian().identify(section_text(section));
    EXPECT_EQ("et", g.language) << section.title;
    EXPECT_GE(g.confidence, 0.5) << section.title;
  }
}

TEST(LanguageIdentifier, EnglishFileIsEnglish) {
  Document doc = fixture("site/content/privacy.en.md");
  auto all = [](const Section&) { return true; };
  EXPECT_EQ(56u, expect_blocks(english_estonian(), doc, all, "en", {k_address}));
}

TEST(LanguageIdentifier, GermanAgainstEnglish) {
  Document de = fixture("de/content/privacy.de.md");
  auto all = [](const Section&) { return true; };
  EXPECT_EQ(56u, expect_blocks(english_german(), de, all, "de", {k_address}));
  for (const auto& section : de.sections) {
    if (section.is_preamble()) continue;
    LanguageGuess g = english_german().identify(section_text(section));
    EXPECT_EQ("de", g.language) << section.title;
    EXPECT_GE(g.confidence, 0.5) << section.title;
  }
  Document en = fixture("de/content/privacy.en.md");
  EXPECT_EQ(55u, expect_blocks(english_german(), en, all, "en", {k_address}));
}

TEST(LanguageIdentifier, ShortTextsHaveLowConfidence) {
  std::size_t short_blocks = 0;
  for (const char* file : {"site/content/privacy.et.md", "translated/content/privacy.et.md"}) {
    for (const auto& section : fixture(file).sections) {
      for (const auto& block : section.blocks) {
        if (block.text.empty()) continue;
        LanguageGuess g = english_estonian().identify(block.text);
        if (g.evidence_words > 2) continue;
        ++short_blocks;
        EXPECT_LT(g.confidence, 0.5) << describe(block, g);
      }
    }
  }
  EXPECT_EQ(18u, short_blocks);
}

TEST(LanguageIdentifier, ShortEstonianListItemsLeanEstonian) {
  for (const char* text : {"IP-aadress", "Brauseri teave", "Külastuse aeg", "Koondteave"}) {
    LanguageGuess g = english_estonian().identify(text);
    EXPECT_EQ("et", g.language) << text;
    EXPECT_GT(g.confidence, 0.0) << text;
    EXPECT_LT(g.confidence, 0.5) << text;
  }
}

TEST(LanguageIdentifier, LoanwordsAndNamesDoNotFlipTheLanguage) {
  const auto& id = english_estonian();
  EXPECT_EQ("et", id.identify("Aligner kasutab teie makse töötlemiseks usaldusväärseid "
                              "kolmandaid isikuid nagu Maksekeskus AS.")
                      .language);
  EXPECT_EQ("et", id.identify("Seadme teave: IP-aadressid, brauseri tüüp ja Aligner.").language);
  EXPECT_EQ("et", id.identify("Kasutame Google Analytics ja Facebook Pixel küpsiseid.").language);
  EXPECT_EQ("en", id.identify("Please send the signed contract to Aligner OÜ.").language);
  EXPECT_EQ("en", id.identify("Aligner OÜ is registered in Tallinn, Estonia.").language);
}

TEST(LanguageIdentifier, UrlsEmailsNumbersAndCodeAreNoEvidence) {
  LanguageGuess g = english_estonian().identify(
      "https://www.aligner.io/privacy support@aligner.io <feedback@aligner.io> aligner.io "
      "10111 +372 5555 5555 2024-05-01 14.05.2024 100% snake_case getValue() std::string "
      "--verbose ESTONIA OÜ GDPR (1) Tallinn");
  EXPECT_EQ("", g.language);
  EXPECT_EQ(0u, g.evidence_words);
  EXPECT_EQ(0.0, g.confidence);
  ASSERT_EQ(2u, g.scores.size());
  EXPECT_EQ(0.0, g.scores[0].score);
  EXPECT_EQ(0.0, g.scores[1].score);
}

// Word shapes decide what counts, and ASCII letters are told apart in place
// (no ICU call): acronyms, inner capitals and digits drop a word, in ASCII
// and beyond it alike.
TEST(LanguageIdentifier, WordShapesDecideTheEvidence) {
  const auto& id = english_estonian();
  EXPECT_EQ(3u, id.identify("we keep iPhone GDPR x1y a data ÄÖÜ öÄx weKeep").evidence_words);
  EXPECT_EQ(2u, id.identify("kasutame küpsiseid OÜ").evidence_words);
  // The in-place answers are ICU's for every ASCII character.
  for (UChar32 c = 0; c < 0x80; ++c) {
    EXPECT_EQ(c >= '0' && c <= '9', u_isdigit(c) != 0) << c;
    EXPECT_EQ(c >= 'A' && c <= 'Z', u_isupper(c) || u_istitle(c)) << c;
    EXPECT_EQ(c >= 'a' && c <= 'z', u_islower(c) != 0) << c;
    EXPECT_EQ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'), u_isalpha(c) != 0) << c;
  }
}

TEST(LanguageIdentifier, EmptyTextAndInvalidUtf8) {
  EXPECT_EQ(0u, english_estonian().identify("").evidence_words);
  EXPECT_EQ(0u, english_estonian().identify("  \n\t ").evidence_words);
  LanguageGuess g = english_estonian().identify("\xFF\xFE kasutame \xC0 küpsiseid");
  EXPECT_EQ("et", g.language);
  EXPECT_EQ(2u, g.evidence_words);
  // Not representable in the ISO-8859-15 Estonian dictionary: just unknown.
  EXPECT_FALSE(english_estonian().spells("łódź", "et"));
  EXPECT_FALSE(english_estonian().spells("żółć", "et"));
  EXPECT_TRUE(english_estonian().spells("küpsiseid", "et"));
}

TEST(LanguageIdentifier, NeutralWordsAreRemoved) {
  const auto& id = english_estonian();
  EXPECT_EQ(3u, id.identify("kasutame teie küpsiseid").evidence_words);
  EXPECT_EQ(2u, id.identify("kasutame teie küpsiseid", {"KÜPSISEID"}).evidence_words);
  // A phrase is split into words; each is neutral.
  EXPECT_EQ(1u, id.identify("kasutame teie küpsiseid", {"teie küpsiseid"}).evidence_words);
  LanguageGuess none = id.identify("Maksekeskus maksab", {"Maksekeskus", "maksab"});
  EXPECT_EQ("", none.language);
  EXPECT_EQ(0u, none.evidence_words);
}

TEST(LanguageIdentifier, DictionaryEncodingIsConverted) {
  // et_EE is ISO-8859-15. A capitalised word that no dictionary accepts is
  // a name and not evidence, so these only count if the conversion worked.
  for (const char* word : {"Õigus", "Küpsised", "Šokolaad", "Töötlemine"}) {
    LanguageGuess g = english_estonian().identify(word);
    EXPECT_EQ(1u, g.evidence_words) << word;
    EXPECT_EQ("et", g.language) << word;
  }
}

TEST(LanguageIdentifier, ScoresCoverEveryLanguageBestFirst) {
  LanguageGuess g =
      english_estonian().identify("Me kogume teie andmeid ainult teenuse osutamiseks.");
  ASSERT_EQ(2u, g.scores.size());
  EXPECT_EQ("et", g.scores[0].language);
  EXPECT_EQ("en", g.scores[1].language);
  EXPECT_GT(g.scores[0].score, g.scores[1].score);
  EXPECT_NEAR(1.0, g.scores[0].score + g.scores[1].score, 1e-9);
  EXPECT_NEAR(g.scores[0].score - g.scores[1].score, g.confidence, 1e-9);
  EXPECT_EQ(6u, g.evidence_words);
}

TEST(LanguageIdentifier, IsSafeToShareBetweenThreads) {
  const auto& id = english_estonian();
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int r = 0; r < 50; ++r) {
        results[i] += id.identify(i % 2 ? "We will retain your data for the period necessary"
                                        : "Säilitame teie andmeid nii kaua kui vaja")
                          .language;
      }
    });
  }
  for (auto& t : threads) t.join();
  for (std::size_t i = 0; i < results.size(); ++i) {
    std::string expected;
    for (int r = 0; r < 50; ++r) expected += i % 2 ? "en" : "et";
    EXPECT_EQ(expected, results[i]);
  }
}

// Exact equality: the evidence route must give the very same doubles.
void expect_same_guess(const LanguageGuess& expected, const LanguageGuess& actual,
                       const std::string& what) {
  EXPECT_EQ(expected.language, actual.language) << what;
  EXPECT_EQ(expected.confidence, actual.confidence) << what;
  EXPECT_EQ(expected.evidence_words, actual.evidence_words) << what;
  ASSERT_EQ(expected.scores.size(), actual.scores.size()) << what;
  for (std::size_t i = 0; i < expected.scores.size(); ++i) {
    EXPECT_EQ(expected.scores[i].language, actual.scores[i].language) << what;
    EXPECT_EQ(expected.scores[i].score, actual.scores[i].score) << what;
  }
}

// Every section of the fixtures as check sees it: the title and the blocks
// with text, joined by line breaks.
struct Piece {
  std::string text;
  std::vector<std::string> parts;
};

std::vector<Piece> fixture_pieces(const std::string& rel) {
  std::vector<Piece> out;
  for (const auto& section : fixture(rel).sections) {
    Piece piece;
    if (!section.title.empty()) piece.parts.push_back(section.title);
    for (const auto& block : section.blocks) {
      if (!block.text.empty()) piece.parts.push_back(block.text);
    }
    for (const auto& part : piece.parts) {
      piece.text += (piece.text.empty() ? "" : "\n") + part;
      out.push_back({part, {part}});
    }
    if (piece.parts.size() > 1) out.push_back(std::move(piece));
  }
  return out;
}

TEST(LanguageEvidence, JoinedPartsGiveTheGuessOfTheJoinedText) {
  const auto& id = english_estonian();
  std::vector<Piece> pieces;
  for (const char* file : {"site/content/privacy.et.md", "site/content/privacy.en.md",
                           "translated/content/privacy.et.md"}) {
    auto more = fixture_pieces(file);
    pieces.insert(pieces.end(), more.begin(), more.end());
  }
  // Across a line break: a sentence opener, decomposed and composing
  // characters, a neutral chunk, ill-formed UTF-8, a part with no evidence.
  pieces.push_back({"", {"Kasutame küpsiseid:", "Aligner teavitab teid", "The Services we use"}});
  pieces.push_back({"", {"Ku\xCC\x88psiseid me kasutame e", "\xCC\x88 ja o", "\xCC\x83igus"}});
  pieces.push_back({"", {"see on https://www.aligner.io/", "privacy page for you", "+372 5555"}});
  pieces.push_back({"", {"kasutame \xC0", "\xA0 andmeid \xE2\x82", "teie"}});
  for (auto& piece : pieces) {
    if (piece.text.empty()) {
      for (const auto& part : piece.parts) piece.text += (piece.text.empty() ? "" : "\n") + part;
    }
    LanguageEvidence joined;
    for (const auto& part : piece.parts) joined.append(id.evidence(part));
    const LanguageGuess expected = id.identify(piece.text);
    expect_same_guess(expected, id.identify(joined), piece.text);
    expect_same_guess(expected, id.identify(id.evidence(piece.text)), piece.text);
    EXPECT_EQ(expected.evidence_words, joined.words()) << piece.text;
  }
  EXPECT_GT(pieces.size(), 200u);
}

TEST(LanguageEvidence, NeutralWordsApplyToTheEvidence) {
  const auto& id = english_estonian();
  const std::vector<std::string> neutral = {"teie küpsiseid"};
  expect_same_guess(id.identify("kasutame teie küpsiseid", neutral),
                    id.identify(id.evidence("kasutame teie küpsiseid", neutral)), "neutral");
  EXPECT_EQ(1u, id.evidence("kasutame teie küpsiseid", neutral).words());
}

// may_identify_as must say true wherever identify's guess passes the test,
// and should say false for most texts that clearly do not.
TEST(LanguageIdentifier, MayIdentifyAsNeverMissesAGuessThatPasses) {
  struct Threshold {
    const char* language;
    std::size_t words;
    double confidence;
  };
  const Threshold thresholds[] = {{"en", 3, 0.5}, {"en", 4, 0.6}, {"et", 3, 0.5}, {"et", 4, 0.6},
                                  {"en", 1, 0.0}, {"et", 2, 0.3}, {"en", 4, 0.95}};
  const auto& id = english_estonian();
  std::size_t passed = 0, ruled_out = 0;
  for (const char* file : {"site/content/privacy.et.md", "site/content/privacy.en.md",
                           "translated/content/privacy.et.md"}) {
    for (const auto& piece : fixture_pieces(file)) {
      const LanguageEvidence evidence = id.evidence(piece.text);
      const LanguageGuess guess = id.identify(evidence);
      for (const auto& t : thresholds) {
        const bool passes = guess.language == t.language && guess.evidence_words >= t.words &&
                            guess.confidence >= t.confidence;
        const bool may = id.may_identify_as(evidence, t.language, t.words, t.confidence);
        if (passes) {
          ++passed;
          EXPECT_TRUE(may) << t.language << " " << t.confidence << ": " << piece.text;
        }
        if (!may) ++ruled_out;
      }
    }
  }
  EXPECT_GT(passed, 300u);
  EXPECT_GT(ruled_out, 300u);
}

TEST(LanguageIdentifier, MayIdentifyAsFiresAndStaysQuiet) {
  const auto& id = english_estonian();
  const auto estonian = id.evidence("Säilitame teie andmeid nii kaua, kui see on vajalik.");
  const auto english = id.evidence("We keep your data for as long as we need it.");
  EXPECT_FALSE(id.may_identify_as(estonian, "en", 3, 0.5));
  EXPECT_TRUE(id.may_identify_as(estonian, "et", 3, 0.5));
  EXPECT_TRUE(id.may_identify_as(english, "en", 3, 0.5));
  EXPECT_FALSE(id.may_identify_as(english, "et", 3, 0.5));
  // Too few words, a language not configured, no evidence at all.
  EXPECT_FALSE(id.may_identify_as(english, "en", 20, 0.5));
  EXPECT_FALSE(id.may_identify_as(english, "de", 1, 0.0));
  EXPECT_FALSE(id.may_identify_as(id.evidence("https://aligner.io 2024"), "en", 0, 0.0));
  // Two words: the confidence is damped below 0.6 whatever textcat says.
  EXPECT_FALSE(id.may_identify_as(id.evidence("your data"), "en", 1, 0.6));
  EXPECT_TRUE(id.may_identify_as(id.evidence("your data"), "en", 1, 0.2));
}

TEST(LanguageIdentifier, KeepsLanguagesInOrderWithoutDuplicates) {
  LanguageIdentifier id({"et", "en", "et"});
  EXPECT_EQ((std::vector<std::string>{"et", "en"}), id.languages());
}

TEST(LanguageIdentifierDefaults, MapsCodesToHunspellDictionaries) {
  EXPECT_EQ("et_EE", default_hunspell_dictionary("et"));
  EXPECT_EQ("en_US", default_hunspell_dictionary("en"));
  EXPECT_EQ("de_DE", default_hunspell_dictionary("de"));
  EXPECT_EQ("fi_FI", default_hunspell_dictionary("fi"));
  EXPECT_EQ("nl_NL", default_hunspell_dictionary("nl"));
  EXPECT_EQ("sv_SE", default_hunspell_dictionary("sv"));
  EXPECT_EQ("nb_NO", default_hunspell_dictionary("no"));
  EXPECT_EQ("cy_CY", default_hunspell_dictionary("cy"));
}

// A hunspell dictionary of one word, enough for hunspell to load.
void fake_dictionary(const test::TempDir& dir, const std::string& name) {
  test::write_file(dir / (name + ".aff"), "SET UTF-8\n");
  test::write_file(dir / (name + ".dic"), "1\nord\n");
}

// The dictionary is what is installed, not a name made up from the code:
// sv_SV does not exist, sv_SE does.
TEST(LanguageIdentifierDefaults, FindsTheDictionaryThatIsInstalled) {
  test::TempDir dir;
  fake_dictionary(dir, "sv_FI");
  fake_dictionary(dir, "sv_SE");
  fake_dictionary(dir, "es_MX");
  fake_dictionary(dir, "es_AR");
  fake_dictionary(dir, "nb_NO");
  fake_dictionary(dir, "cy");
  fake_dictionary(dir, "de_AT");
  fake_dictionary(dir, "de_DE");
  const std::string d = dir.path().string();
  EXPECT_EQ("sv_SE", installed_hunspell_dictionary("sv", d));
  EXPECT_EQ("es_AR", installed_hunspell_dictionary("es", d));
  EXPECT_EQ("nb_NO", installed_hunspell_dictionary("no", d));
  EXPECT_EQ("nb_NO", installed_hunspell_dictionary("nb", d));
  EXPECT_EQ("cy", installed_hunspell_dictionary("cy", d));
  EXPECT_EQ("de_DE", installed_hunspell_dictionary("de", d));
  // Nothing installed: the expected name, which the error then names.
  EXPECT_EQ("lv_LV", installed_hunspell_dictionary("lv", d));
  EXPECT_EQ("xx_XX", installed_hunspell_dictionary("xx", d));
  // "e" is no prefix of "es_AR": a region must follow the code and "_".
  EXPECT_EQ("e_E", installed_hunspell_dictionary("e", d));
}

// "no" loads Debian's nb.lm fingerprint and an nb_NO dictionary.
TEST(LanguageIdentifierDefaults, NorwegianUsesTheBokmalData) {
  test::TempDir dir;
  fake_dictionary(dir, "nb_NO");
  fake_dictionary(dir, "en_US");
  LanguageIdentifierOptions options;
  options.hunspell_dir = dir.path().string();
  LanguageIdentifier id({"en", "no"}, options);
  EXPECT_EQ((std::vector<std::string>{"en", "no"}), id.languages());
}

std::string construction_error(std::vector<std::string> languages,
                               const LanguageIdentifierOptions& options = {}) {
  try {
    LanguageIdentifier id(std::move(languages), options);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(LanguageIdentifierErrors, MissingDictionaryNamesFileAndPackage) {
  test::TempDir dir;
  LanguageIdentifierOptions options;
  options.hunspell_dir = dir.path().string();
  EXPECT_EQ((dir / "et_EE.dic").string() +
                ": no hunspell dictionary for language \"et\"; install the Debian package "
                "myspell-et, or set ACCORD_HUNSPELL_DIR to a folder with et_EE.aff and et_EE.dic",
            construction_error({"et"}, options));
  EXPECT_EQ((dir / "en_US.dic").string() +
                ": no hunspell dictionary for language \"en\"; install the Debian package "
                "hunspell-en-us, or set ACCORD_HUNSPELL_DIR to a folder with en_US.aff and "
                "en_US.dic",
            construction_error({"en"}, options));
  EXPECT_EQ((dir / "de_DE.dic").string() +
                ": no hunspell dictionary for language \"de\"; install the Debian package "
                "hunspell-de-de, or set ACCORD_HUNSPELL_DIR to a folder with de_DE.aff and "
                "de_DE.dic",
            construction_error({"de"}, options));
  EXPECT_EQ((dir / "sv_SE.dic").string() +
                ": no hunspell dictionary for language \"sv\"; install the Debian package "
                "hunspell-sv, or set ACCORD_HUNSPELL_DIR to a folder with sv_SE.aff and "
                "sv_SE.dic",
            construction_error({"sv"}, options));
}

TEST(LanguageIdentifierErrors, MissingAffixFileIsNamed) {
  test::TempDir dir;
  test::write_file(dir / "et_EE.dic", "1\nsõna\n");
  LanguageIdentifierOptions options;
  options.hunspell_dir = dir.path().string();
  EXPECT_EQ((dir / "et_EE.aff").string() +
                ": no hunspell dictionary for language \"et\"; install the Debian package "
                "myspell-et, or set ACCORD_HUNSPELL_DIR to a folder with et_EE.aff and et_EE.dic",
            construction_error({"et"}, options));
}

TEST(LanguageIdentifierErrors, FinnishHasNoDebianPackage) {
  test::TempDir dir;
  LanguageIdentifierOptions options;
  options.hunspell_dir = dir.path().string();
  EXPECT_EQ((dir / "fi_FI.dic").string() +
                ": no hunspell dictionary for language \"fi\"; Debian has no hunspell package "
                "for \"fi\"; set ACCORD_HUNSPELL_DIR to a folder with fi_FI.aff and fi_FI.dic",
            construction_error({"fi"}, options));
}

TEST(LanguageIdentifierErrors, OverriddenDictionaryName) {
  test::TempDir dir;
  LanguageIdentifierOptions options;
  options.hunspell_dir = dir.path().string();
  options.dictionaries = {{"en", "en_GB"}};
  EXPECT_EQ((dir / "en_GB.dic").string() +
                ": no hunspell dictionary for language \"en\"; install a hunspell dictionary "
                "for \"en\", or set ACCORD_HUNSPELL_DIR to a folder with en_GB.aff and en_GB.dic",
            construction_error({"en"}, options));
}

TEST(LanguageIdentifierErrors, MissingFingerprint) {
  test::TempDir dir;
  LanguageIdentifierOptions options;
  options.textcat_dir = dir.path().string();
  EXPECT_EQ((dir / "et.lm").string() +
                ": no libexttextcat fingerprint for language \"et\"; install the Debian package "
                "libexttextcat-data, or set ACCORD_TEXTCAT_DIR to a folder that has et.lm",
            construction_error({"et"}, options));
}

TEST(LanguageIdentifierErrors, EnvironmentOverridesTheBuiltInFolders) {
  test::TempDir dir;
  ::setenv("ACCORD_HUNSPELL_DIR", dir.path().c_str(), 1);
  std::string error = construction_error({"en"});
  ::unsetenv("ACCORD_HUNSPELL_DIR");
  EXPECT_EQ((dir / "en_US.dic").string() +
                ": no hunspell dictionary for language \"en\"; install the Debian package "
                "hunspell-en-us, or set ACCORD_HUNSPELL_DIR to a folder with en_US.aff and "
                "en_US.dic",
            error);
  ::setenv("ACCORD_TEXTCAT_DIR", dir.path().c_str(), 1);
  error = construction_error({"en"});
  ::unsetenv("ACCORD_TEXTCAT_DIR");
  EXPECT_EQ((dir / "en.lm").string() +
                ": no libexttextcat fingerprint for language \"en\"; install the Debian package "
                "libexttextcat-data, or set ACCORD_TEXTCAT_DIR to a folder that has en.lm",
            error);
}

TEST(LanguageIdentifierErrors, BadLanguageLists) {
  EXPECT_EQ("no languages to identify; configure at least one language", construction_error({}));
  EXPECT_EQ(
      "\"EN\" is not an ISO 639-1 language code; use a lower-case code such as \"et\" or "
      "\"en\"",
      construction_error({"et", "EN"}));
  EXPECT_EQ(
      "\"\" is not an ISO 639-1 language code; use a lower-case code such as \"et\" or "
      "\"en\"",
      construction_error({""}));
}

}  // namespace
}  // namespace accord
