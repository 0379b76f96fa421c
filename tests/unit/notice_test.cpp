#include <gtest/gtest.h>
#include <unicode/timezone.h>

#include <accord/notice.hpp>
#include <cstdlib>
#include <memory>

#include "test_support.hpp"

namespace accord {
namespace {

std::optional<NoticePeriod> period(std::string text, std::string_view language) {
  auto doc = parse_document("# 8. Changes\n\n" + std::move(text) + "\n", "p.md");
  EXPECT_TRUE(doc);
  return doc ? find_notice_period(*doc, language) : std::nullopt;
}

std::string show(const std::optional<NoticePeriod>& p) {
  return p ? std::to_string(p->amount) + " " + p->unit : "none";
}

TEST(NoticePeriod, ReadsTheSeedsPromise) {
  auto doc = read_document((test::source_dir() / "fixtures/site/content/privacy.en.md").string());
  auto p = find_notice_period(doc, "en");
  ASSERT_TRUE(p);
  EXPECT_EQ("14 day", show(p));
  EXPECT_EQ(92, p->line);
  EXPECT_EQ(
      "Substantial changes in our Privacy Policy will be notified at least 14 days before they "
      "become effective.",
      p->phrase);
}

TEST(NoticePeriod, ReadsTheEstonianTranslation) {
  auto doc =
      read_document((test::source_dir() / "fixtures/translated/content/privacy.et.md").string());
  EXPECT_EQ("14 day", show(find_notice_period(doc, "et")));
}

TEST(NoticePeriod, PhrasingsAndNumberWords) {
  EXPECT_EQ("30 day", show(period("We will give you 30 days' notice of any change.", "en")));
  EXPECT_EQ("1 month", show(period("Changes are announced one month in advance.", "en")));
  EXPECT_EQ("14 day", show(period("We will notify you fourteen days before changes apply.", "en")));
  EXPECT_EQ("14 day",
            show(period("Teavitame muudatustest vähemalt 14 päeva enne jõustumist.", "et")));
  EXPECT_EQ("14 day",
            show(period("Teavitame muudatustest vähemalt neliteist päeva enne jõustumist.", "et")));
  EXPECT_EQ("1 month", show(period("Muudatustest anname teada üks kuu ette.", "et")));
  EXPECT_EQ("6 week", show(period("Wir informieren Sie sechs Wochen im Voraus.", "de")));
}

// The promise as each language words it: our own sentences, in the shapes
// real policies use (a number or number word, a case-inflected unit, a cue
// of notice or of coming into force).
TEST(NoticePeriod, ReadsEachLanguagesWording) {
  EXPECT_EQ("14 day",
            show(period("Мы уведомим вас не менее чем за 14 дней до вступления изменений в силу.",
                        "ru")));
  EXPECT_EQ("1 month", show(period("Об изменениях мы сообщаем заранее, за один месяц.", "ru")));
  EXPECT_EQ("14 day",
            show(period("Par būtiskām izmaiņām mēs paziņosim vismaz 14 dienas iepriekš.", "lv")));
  EXPECT_EQ("30 day",
            show(period("Apie pakeitimus pranešime ne vėliau kaip prieš 30 dienų.", "lt")));
  EXPECT_EQ("2 week", show(period("Pakeitimus paskelbsime iš anksto, prieš 2 savaites.", "lt")));
  EXPECT_EQ(
      "14 day",
      show(period("Ilmoitamme muutoksista vähintään 14 päivää ennen niiden voimaantuloa.", "fi")));
  EXPECT_EQ("30 day",
            show(period("Die Änderungen treten frühestens 30 Tage nach ihrer Veröffentlichung in "
                        "Kraft.",
                        "de")));
  EXPECT_EQ(
      "30 day",
      show(period("Nous vous informerons au moins 30 jours avant leur entrée en vigueur.", "fr")));
  EXPECT_EQ("1 month",
            show(period("Toute modification fait l'objet d'un préavis d'un mois.", "fr")));
  EXPECT_EQ("15 day",
            show(period("Le notificaremos los cambios con al menos 15 días de antelación.", "es")));
  EXPECT_EQ("30 day",
            show(period("Vi meddelar dig minst 30 dagar innan ändringarna träder i kraft.", "sv")));
  EXPECT_EQ(
      "14 day",
      show(period("Poinformujemy Cię o zmianach z co najmniej 14-dniowym wyprzedzeniem.", "pl")));
  EXPECT_EQ("2 week",
            show(period("Zmiany wchodzą w życie po upływie 2 tygodni od publikacji.", "pl")));
}

TEST(NoticePeriod, EachLanguageIgnoresPeriodsThatAreNotNotice) {
  EXPECT_EQ("none", show(period("Мы храним ваши данные 30 дней.", "ru")));
  EXPECT_EQ("none", show(period("Mēs glabājam datus 30 dienas.", "lv")));
  EXPECT_EQ("none", show(period("Duomenis saugome 30 dienų.", "lt")));
  EXPECT_EQ("none", show(period("Säilytämme tietoja 30 päivää.", "fi")));
  EXPECT_EQ("none", show(period("Nous conservons vos données pendant 30 jours.", "fr")));
  EXPECT_EQ("none", show(period("Conservamos sus datos durante 30 días.", "es")));
  EXPECT_EQ("none", show(period("Vi sparar dina uppgifter i 30 dagar.", "sv")));
  EXPECT_EQ("none", show(period("Przechowujemy dane przez 30 dni.", "pl")));
  // A language accord has no words for promises nothing, rather than a guess.
  EXPECT_EQ("none", show(period("We will notify you 14 days before changes apply.", "xx")));
}

TEST(NoticePeriod, IgnoresPeriodsThatAreNotNotice) {
  EXPECT_EQ("none", show(period("We keep your data for 30 days after you leave.", "en")));
  EXPECT_EQ("none", show(period("Säilitame andmeid 30 päeva.", "et")));
}

TEST(NoticePeriod, TheLongestPromiseWins) {
  EXPECT_EQ("2 month",
            show(period("We notify you 14 days in advance. Larger changes get two months' "
                        "notice.",
                        "en")));
  NoticePeriod month{1, "month", "", 0};
  NoticePeriod days{30, "day", "", 0};
  EXPECT_GT(month.approximate_days(), days.approximate_days());
}

}  // namespace
}  // namespace accord

namespace accord {
namespace {

TEST(EffectiveDate, AddsDaysWeeksAndCalendarMonths) {
  Date published{2026, 4, 9};
  EXPECT_EQ("2026-04-23", add_period(published, {14, "day", "", 0}).to_string());
  EXPECT_EQ("2026-05-09", add_period(published, {30, "day", "", 0}).to_string());
  EXPECT_EQ("2026-05-21", add_period(published, {6, "week", "", 0}).to_string());
  EXPECT_EQ("2026-02-28", add_period({2026, 1, 31}, {1, "month", "", 0}).to_string());
  EXPECT_EQ("2027-01-05", add_period({2026, 12, 22}, {14, "day", "", 0}).to_string());
}

// tests/CMakeLists.txt runs the date tests again with TZ set; this proves the
// zone reached ICU, so that those runs test what they claim to.
TEST(Timezone, RunsUnderTheZoneItWasGiven) {
  // Registered only for those runs (TEST_FILTER in tests/CMakeLists.txt).
  const char* expected = std::getenv("TZ");
  ASSERT_NE(nullptr, expected) << "run by ctest's TZ_* tests, which set TZ";
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createDefault());
  icu::UnicodeString id;
  zone->getID(id);
  std::string got;
  id.toUTF8String(got);
  EXPECT_EQ(expected, got);
}

// Near midnight is where a calendar in the machine's zone shows: noon UTC on
// the day is 02:00 the next day in Kiritimati.
TEST(EffectiveDate, TheDayIsTheSameInEveryZone) {
  for (Date d : {Date{2026, 1, 1}, Date{2026, 3, 29}, Date{2026, 10, 25}, Date{2026, 12, 31}}) {
    EXPECT_EQ(d.to_string(), add_period(d, {0, "day", "", 0}).to_string());
  }
  EXPECT_EQ("2027-01-14", add_period({2026, 12, 31}, {14, "day", "", 0}).to_string());
  EXPECT_EQ("January 1, 2026", format_date({2026, 1, 1}, "en"));
  EXPECT_EQ("31. detsember 2026", format_date({2026, 12, 31}, "et"));
}

// Estonian and Latvian put the month in the case the sentence needs: the
// notice said "jõustuvad 23. aprill 2026" where Estonian says "23. aprillil".
TEST(EffectiveDate, PutsTheMonthInTheCaseTheSentenceNeeds) {
  EXPECT_EQ("23. aprill 2026", format_date({2026, 4, 23}, "et", DateForm::plain));
  EXPECT_EQ("23. aprillil 2026", format_date({2026, 4, 23}, "et", DateForm::on));
  EXPECT_EQ("23. aprillist 2026", format_date({2026, 4, 23}, "et", DateForm::from));
  EXPECT_EQ("9. mail 2026", format_date({2026, 5, 9}, "et", DateForm::on));
  EXPECT_EQ("1. septembrist 2026", format_date({2026, 9, 1}, "et", DateForm::from));
  EXPECT_EQ("31. detsembril 2026", format_date({2026, 12, 31}, "et", DateForm::on));
  EXPECT_EQ("2026. gada 23. aprīlis", format_date({2026, 4, 23}, "lv", DateForm::plain));
  EXPECT_EQ("2026. gada 23. aprīlī", format_date({2026, 4, 23}, "lv", DateForm::on));
  EXPECT_EQ("2026. gada 23. aprīļa", format_date({2026, 4, 23}, "lv", DateForm::from));
  EXPECT_EQ("2026. gada 1. martā", format_date({2026, 3, 1}, "lv", DateForm::on));
  // Languages whose long date already fits every sentence keep it.
  for (DateForm form : {DateForm::plain, DateForm::on, DateForm::from}) {
    EXPECT_EQ("April 23, 2026", format_date({2026, 4, 23}, "en", form));
    // ICU puts a narrow no-break space before the year's "г.".
    EXPECT_EQ("23 апреля 2026\u202fг.", format_date({2026, 4, 23}, "ru", form));
    EXPECT_EQ("23. huhtikuuta 2026", format_date({2026, 4, 23}, "fi", form));
    EXPECT_EQ("2026 m. balandžio 23 d.", format_date({2026, 4, 23}, "lt", form));
    EXPECT_EQ("23 kwietnia 2026", format_date({2026, 4, 23}, "pl", form));
  }
}

TEST(EffectiveDate, FormatsPerLocaleWithIcu) {
  EXPECT_EQ("April 9, 2026", format_date({2026, 4, 9}, "en"));
  EXPECT_EQ("9. aprill 2026", format_date({2026, 4, 9}, "et"));
  EXPECT_EQ("9. April 2026", format_date({2026, 4, 9}, "de"));
}

// Custom templates: the named fields are substituted, nothing else is a
// format (fmt once let "{title:>2000000000}" write 2 GB).
NoticeContent template_content() {
  NoticeContent c;
  c.language = "de";
  c.document_title = "Datenschutz";
  c.substantial = true;
  c.published = Date{2026, 4, 9};
  c.effective = Date{2026, 5, 9};
  c.period = NoticePeriod{30, "day", "", 0};
  return c;
}

std::string template_error(const std::string& text) {
  try {
    render_notice(template_content(), text, "notice.de.md");
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << text << " was rendered";
  return {};
}

TEST(NoticeTemplate, SubstitutesTheFieldsAndBraceEscapes) {
  EXPECT_EQ("# Datenschutz {x} }\n30 days, 0 sections.\n",
            render_notice(template_content(), "# {title} {{x}} }}\n{period}, {count} sections.\n",
                          "notice.de.md"));
  // Field text is never read as a template again.
  NoticeContent c = template_content();
  c.document_title = "{count:>99}";
  EXPECT_EQ("{count:>99}", render_notice(c, "{title}", "notice.de.md"));
}

TEST(NoticeTemplate, RefusesFormatSpecsAtTheirLine) {
  EXPECT_EQ(
      "notice.de.md:2: notice template, column 3: '{title:>2000000000}' has a format spec; "
      "write {title} alone; use only {title}, {published}, {effective}, {published_on}, "
      "{effective_on}, {effective_from}, {period}, {sections} "
      "and {count}, and {{ or }} for a brace",
      template_error("# Notice\nA {title:>2000000000} B\n"));
  EXPECT_EQ(
      "notice.de.md:1: notice template, column 1: '{count!r}' has a format spec; write {count} "
      "alone; use only {title}, {published}, {effective}, {published_on}, {effective_on}, "
      "{effective_from}, {period}, {sections} and {count}, and "
      "{{ or }} for a brace",
      template_error("{count!r}"));
}

TEST(NoticeTemplate, RefusesUnknownFieldsPositionsAndLoneBraces) {
  const std::string hint =
      "; use only {title}, {published}, {effective}, {published_on}, {effective_on}, "
      "{effective_from}, {period}, {sections} and {count}, and {{ or "
      "}} for a brace";
  EXPECT_EQ("notice.de.md:1: notice template, column 4: unknown field '{author}'" + hint,
            template_error("Hi {author}"));
  EXPECT_EQ("notice.de.md:1: notice template, column 1: unknown field '{}'" + hint,
            template_error("{}"));
  EXPECT_EQ("notice.de.md:1: notice template, column 1: unknown field '{0}'" + hint,
            template_error("{0}"));
  EXPECT_EQ("notice.de.md:3: notice template, column 2: '{' is never closed on its line" + hint,
            template_error("a\nb\n {title\n}"));
  EXPECT_EQ("notice.de.md:1: notice template, column 6: '}' without an opening '{'" + hint,
            template_error("title}"));
  EXPECT_EQ(
      "notice.de.md:1: notice template, column 1: unknown field "
      "'{xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…}'" +
          hint,
      template_error("{" + std::string(100000, 'x') + "}"));
}

TEST(NoticeTemplate, TheBuiltInTemplatesStillRender) {
  NoticeContent c = template_content();
  c.language = "en";
  EXPECT_EQ(
      "# Changes to our Datenschutz\n\nWe have updated our Datenschutz. The changes take effect "
      "on May 9, 2026.\n\nWhat changes:\n\n\nThese changes were published on April 9, 2026, 30 "
      "days before they take effect.\n",
      render_notice(c));
}

TEST(NoticeTemplate, TheEstonianNoticeWritesItsDatesInTheirCases) {
  NoticeContent c = template_content();
  c.language = "et";
  c.document_title = "Privaatsuspoliitika";
  const std::string notice = render_notice(c);
  EXPECT_NE(std::string::npos, notice.find("Muudatused jõustuvad 9. mail 2026.")) << notice;
  EXPECT_NE(std::string::npos, notice.find("Muudatused avaldati 9. aprillil 2026, 30 päeva"))
      << notice;
  c.substantial = false;
  const std::string editorial = render_notice(c);
  EXPECT_NE(std::string::npos, editorial.find("kehtivad alates 9. maist 2026.")) << editorial;
}

TEST(NoticeTemplate, ACustomTemplateNamesTheDateForms) {
  NoticeContent c = template_content();
  c.language = "lv";
  EXPECT_EQ("Stājas spēkā 2026. gada 9. maijā; no 2026. gada 9. maija; 2026. gada 9. maijs",
            render_notice(c, "Stājas spēkā {effective_on}; no {effective_from}; {effective}",
                          "notice.lv.md"));
}

}  // namespace
}  // namespace accord
