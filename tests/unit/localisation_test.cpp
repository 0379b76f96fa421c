// What localisation changes and a translation may change: link forms,
// number formats, number words, dates, organisation names, quoted material,
// front-matter dates and taxonomy. For each class a test that accord stays
// quiet on it, and one that the real problem next to it is still caught.
#include <gtest/gtest.h>

#include <accord/check.hpp>
#include <accord/config.hpp>
#include <accord/invariants.hpp>
#include <algorithm>
#include <string>
#include <vector>

namespace accord {
namespace {

using Strings = std::vector<std::string>;

Strings sorted(Strings v) {
  std::sort(v.begin(), v.end());
  return v;
}

Strings numbers(std::string_view text, std::string_view language) {
  return sorted(extract_invariants(text, language).numbers);
}

// --- numbers ---------------------------------------------------------------

TEST(LocaleNumbers, DecimalCommaAndPointAreOneValue) {
  EXPECT_EQ(Strings{"10.20"}, numbers("10,20 €", "fr"));
  EXPECT_EQ(Strings{"10.20"}, numbers("10,20 eurot", "et"));
  EXPECT_EQ(Strings{"10.20"}, numbers("€10.20", "en"));
  EXPECT_NE(numbers("€10.20", "en"), numbers("10,02 €", "fr"));
}

TEST(LocaleNumbers, ThousandsWithSpacesCommasAndPoints) {
  EXPECT_EQ(Strings{"100000"}, numbers("100\u202F000 documents", "fr"));  // narrow no-break
  EXPECT_EQ(Strings{"100000"}, numbers("100\u00A0000 documents", "fr"));  // no-break space
  EXPECT_EQ(Strings{"100000"}, numbers("100 000 dokumenti", "et"));
  EXPECT_EQ(Strings{"100000"}, numbers("100,000 documents", "en"));
  EXPECT_EQ(Strings{"1500"}, numbers("1.500 Euro", "de"));
  EXPECT_NE(numbers("100,000 documents", "en"), numbers("10 000 documents", "fr"));
}

TEST(LocaleNumbers, ClockTimesInEveryNotation) {
  EXPECT_EQ(Strings{"9.00"}, numbers("at 9:00", "en"));
  EXPECT_EQ(Strings{"9.00"}, numbers("à 9\u00A0h\u00A000", "fr"));
  EXPECT_EQ(Strings{"9.00"}, numbers("à 9h00", "fr"));
  EXPECT_EQ(Strings{"9.00"}, numbers("kell 9.00", "et"));
  EXPECT_NE(numbers("at 9:30", "en"), numbers("à 9 h 00", "fr"));
}

TEST(Ordinals, AreTheirNumber) {
  EXPECT_EQ(Strings{"14"}, numbers("the 14th day", "en"));
  EXPECT_EQ(Strings{"14"}, numbers("le 14e jour", "fr"));
  EXPECT_EQ(Strings{"1"}, numbers("le 1er", "fr"));
  EXPECT_EQ(Strings{"14"}, numbers("14. päeval", "et"));
  EXPECT_NE(numbers("the 14th day", "en"), numbers("le 15e jour", "fr"));
}

TEST(ClauseNumbers, AreIdentifiersNotQuantities) {
  EXPECT_EQ(Strings{"4.10"}, numbers("clause 4.10", "en"));
  EXPECT_EQ(Strings{"4.10"}, numbers("l’article 4.10", "fr"));
  EXPECT_EQ(Strings{"4.10"}, numbers("punkt 4.10", "et"));
  EXPECT_EQ(Strings{"2.0.1"}, numbers("version 2.0.1", "de"));
  EXPECT_NE(numbers("clause 4.10", "en"), numbers("clause 4.1", "en"));
}

TEST(NumberWords, FrenchAndInflectedEstonian) {
  EXPECT_EQ(Strings{"5"}, numbers("sous cinq jours", "fr"));
  EXPECT_EQ(Strings{"3"}, numbers("les trois prochaines années", "fr"));
  EXPECT_EQ(Strings{"12"}, numbers("une douzaine de langues", "fr"));
  EXPECT_EQ(Strings{"12"}, numbers("a dozen languages", "en"));
  EXPECT_EQ(Strings{"12"}, numbers("tuge tosinas keeles", "et"));
  EXPECT_EQ(Strings{"14"}, numbers("neljateistkümne päeva jooksul", "et"));
  EXPECT_EQ(Strings{"5"}, numbers("viie päeva jooksul", "et"));
  EXPECT_EQ(14, number_word_value("neljateistkümne", "et"));
  EXPECT_EQ(2, number_word_value("kahe", "et"));
  // Not before a unit of time: not a number.
  EXPECT_EQ(Strings{}, numbers("un des partenaires", "fr"));
  EXPECT_EQ(Strings{}, numbers("one of the parties", "en"));
  // A real change is still one.
  EXPECT_NE(numbers("within five days", "en"), numbers("sous six jours", "fr"));
  // French round counts are their number; "quarantaine" is a quarantine.
  EXPECT_EQ((Strings{"20"}), numbers("sans l'aide de la vingtaine de personnes", "fr"));
  EXPECT_EQ((Strings{"100"}), numbers("une centaine de messages", "fr"));
  EXPECT_EQ((Strings{}), numbers("des centaines de messages", "fr"));
  EXPECT_EQ((Strings{}), numbers("une vingtainee", "fr"));
  EXPECT_EQ((Strings{}), numbers("mis en quarantaine", "fr"));
}

TEST(Dates, MonthNamesAndNumericFormatsAgree) {
  const Strings may_2020{"1", "2020", "5"};
  EXPECT_EQ(may_2020, numbers("since 1 May 2020", "en"));
  EXPECT_EQ(may_2020, numbers("depuis le 1er mai 2020", "fr"));
  EXPECT_EQ(may_2020, numbers("alates 1. maist 2020", "et"));
  EXPECT_EQ(may_2020, numbers("seit dem 01.05.2020", "de"));
  EXPECT_EQ(may_2020, numbers("from 2020-05-01", "en"));
  EXPECT_EQ((Strings{"2020", "5"}), numbers("in May 2020", "en"));
  EXPECT_EQ((Strings{"2020", "5"}), numbers("en mai 2020", "fr"));
  // Languages that put the month in a case, and those that write "de".
  EXPECT_EQ(may_2020, numbers("с 1 мая 2020 г.", "ru"));
  EXPECT_EQ(may_2020, numbers("no 2020. gada 1. maija", "lv"));
  EXPECT_EQ(may_2020, numbers("nuo 2020 m. gegužės 1 d.", "lt"));
  EXPECT_EQ(may_2020, numbers("1. toukokuuta 2020 alkaen", "fi"));
  EXPECT_EQ(may_2020, numbers("od 1 maja 2020", "pl"));
  EXPECT_EQ(may_2020, numbers("desde el 1 de mayo de 2020", "es"));
  EXPECT_EQ(may_2020, numbers("från den 1 maj 2020", "sv"));
  EXPECT_EQ(may_2020, numbers("vanaf 1 mei 2020", "nl"));
  EXPECT_EQ((Strings{"2020", "5"}), numbers("mayo de 2020", "es"));
  // A month's stem with a long ending is another word; a month word with no
  // number beside it is no date.
  EXPECT_EQ((Strings{"2020"}), numbers("мартовский отчёт 2020 года", "ru"));
  EXPECT_EQ((Strings{}), numbers("w maju wysyłamy newsletter", "pl"));
  // "may" the verb is no month.
  EXPECT_EQ(Strings{"2"}, numbers("you may cancel 2 plans", "en"));
  // May 2020 against mai 2022 is a real catch.
  EXPECT_NE(numbers("in May 2020", "en"), numbers("en mai 2022", "fr"));
  // English puts "of" between the day and the month.
  EXPECT_EQ((Strings{"4", "9"}), numbers("On the 4th of September we met", "en"));
  EXPECT_EQ((Strings{"4", "9"}), numbers("Le 4 septembre, nous", "fr"));
  // "of" alone makes no month of a word that is not one.
  EXPECT_EQ((Strings{"4"}), numbers("the 4th of them", "en"));
}

// --- organisation names ----------------------------------------------------

TEST(OrganisationNames, WholeNameWithTheLegalFormOnEitherSide) {
  EXPECT_EQ(Strings{"Boonus Meedia OÜ"},
            extract_invariants("E-poodi haldab OÜ Boonus Meedia, registrikood", "et").names);
  EXPECT_EQ(Strings{"Boonus Meedia OÜ"},
            extract_invariants("The shop is run by Boonus Meedia OÜ.", "en").names);
  EXPECT_EQ(Strings{"Maksekeskus AS"},
            extract_invariants("lähevad otse Maksekeskus AS'le ja", "et").names);
  EXPECT_EQ(Strings{"Boonus Meedia OÜ"},
            extract_invariants("nimetatakse Boonus Meedia OÜ-d müüjaks", "et").names);
  EXPECT_EQ(Strings{"Telia Eesti AS"},
            extract_invariants("run by our partner Telia Eesti AS, which", "en").names);
  EXPECT_NE(extract_invariants("partner Telia Eesti AS", "en").names,
            extract_invariants("partner Elisa Eesti AS", "et").names);
  // English may put a comma before the form; Dutch and French forms count.
  EXPECT_EQ(Strings{"Stripe Payments Europe Ltd"},
            extract_invariants("processed by Stripe Payments Europe, Ltd., which", "en").names);
  EXPECT_EQ(Strings{"Adyen N.V"}, extract_invariants("processed by Adyen N.V., which", "en").names);
  // A comma between two words of the name ends it.
  EXPECT_EQ(Strings{"Acme Ltd"}, extract_invariants("Paris, Acme Ltd runs it", "en").names);
}

// --- footnotes -------------------------------------------------------------

TEST(Footnotes, ReferencesAreFootnotesNotNumbers) {
  Invariants inv = extract_invariants("as our study showed[^12]. Others[^note].", "en");
  EXPECT_EQ((Strings{"12", "note"}), inv.footnotes);
  EXPECT_EQ(Strings{}, inv.numbers);
  // A definition's label is not a reference.
  EXPECT_EQ(Strings{}, extract_invariants("[^12]: Smith, 2020.", "en").footnotes);
}

// --- links -----------------------------------------------------------------

std::string link(std::string_view url, std::string_view target = "fr") {
  return normalise_link(url, "en", target);
}

TEST(Links, LocalisedFormsOfOneLinkAreOne) {
  EXPECT_EQ(link("/en/page/coc/"), link("/fr/page/coc/"));
  EXPECT_EQ(link("https://en.wikipedia.org/wiki/Code_of_conduct"),
            link("https://fr.wikipedia.org/wiki/Code_de_conduite"));
  EXPECT_EQ(link("https://support.google.com/accounts/answer/27441?hl=en"),
            link("https://support.google.com/accounts/answer/27441?hl=fr"));
  EXPECT_EQ(link("https://www.mozilla.org/en-US/about/"),
            link("https://www.mozilla.org/fr-FR/about/"));
  EXPECT_EQ(link("/files/report.en.pdf"), link("/files/report.fr.pdf"));
  // Screenshots numbered per language: the code inside the file name.
  EXPECT_EQ(link("/media/app-en-1.png"), link("/media/app-fr-1.png"));
  EXPECT_EQ(link("/media/report-overview-en.png"), link("/media/report-overview-fr.png"));
  EXPECT_EQ(link("/en/page/faq/#analyze"), link("/fr/page/faq/#analyse"));
  EXPECT_EQ(link("http://example.org/charter"), link("https://example.org/charter/"));
  EXPECT_EQ(link("https://lists.example.eu"), link("https://lists.example.eu/"));
  EXPECT_EQ("contact@example.eu", link("mailto:Contact@example.eu"));
  EXPECT_TRUE(is_site_link(link("/fr/page/coc/")));
  EXPECT_FALSE(is_site_link(link("https://example.org/charter")));
}

TEST(Links, DifferentPagesStayDifferent) {
  EXPECT_NE(link("/en/page/coc/"), link("/fr/page/faq/"));
  EXPECT_NE(link("https://example.org/charter"), link("https://example.net/charter"));
  EXPECT_NE(link("https://support.google.com/accounts/answer/1"),
            link("https://support.google.com/accounts/answer/2"));
  EXPECT_NE(link("https://old-service.example.com/"), link("https://new-service.example.com/"));
  // Only the pair's languages are language segments: /us/ is a path.
  EXPECT_NE(link("/us/page"), link("/page"));
  // The numbered screenshots stay apart, and a file named by the code keeps it.
  EXPECT_NE(link("/media/app-en-1.png"), link("/media/app-fr-2.png"));
  EXPECT_NE(link("/media/en.png"), link("/media/fr.png"));
}

}  // namespace
}  // namespace accord
