// The rules issue 14 added or changed, on small pages: wrong-language-link,
// placeholder-mismatch, links and e-mail addresses on one side only, footnote
// references, headings and sentences left in the source language, quoted
// material, and the front-matter defaults. Each fires and stays quiet.
#include <gtest/gtest.h>

#include <accord/check.hpp>
#include <accord/config.hpp>
#include <string>
#include <vector>

namespace accord {
namespace {

const LanguageIdentifier& langid() {
  static const LanguageIdentifier instance({"en", "de"});
  return instance;
}

Document parse(std::string text, const std::string& file) {
  auto d = parse_document(std::move(text), file);
  EXPECT_TRUE(d) << (d ? "" : d.error().to_string());
  return d ? *d : Document{};
}

std::vector<Finding> check(const std::string& en, const std::string& de,
                           const std::string& target_file = "content/de/page.md") {
  Document source = parse(en, "content/en/page.md");
  Document target = parse(de, target_file);
  Config defaults;
  PairInput in{source, target, "content/en/page.md",      target_file,
               "en",   "de",   defaults.translatable_keys};
  return check_pair(in, langid());
}

std::vector<std::string> summary(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.rule + "@" + std::to_string(f.line));
  return out;
}

const std::vector<std::string> none;

const std::string k_en_body =
    "## Contact\n\n"
    "Write to our support team if you have a question about your account or about an invoice. "
    "We answer every message within two working days.\n";
const std::string k_de_body =
    "## Kontakt\n\n"
    "Schreiben Sie unserem Support-Team, wenn Sie eine Frage zu Ihrem Konto oder zu einer "
    "Rechnung haben. Wir beantworten jede Nachricht innerhalb von zwei Werktagen.\n";

std::string page(const std::string& body, const std::string& front = "title: Page") {
  return "---\n" + front + "\n---\n\n" + body;
}

std::string de_page(const std::string& body, const std::string& front = "title: Seite") {
  return page(body, front);
}

// --- wrong-language-link ---------------------------------------------------

TEST(WrongLanguageLink, FiresOnALinkToTheEnglishPage) {
  auto findings = check(page(k_en_body + "\nSee the [terms](/en/terms/).\n"),
                        de_page(k_de_body + "\nSiehe die [Bedingungen](/en/terms/).\n"));
  ASSERT_EQ(std::vector<std::string>{"wrong-language-link@9"}, summary(findings));
  EXPECT_EQ(
      "a link in section \"Kontakt\" leads to the English page /en/terms/; link the German page "
      "instead (/terms)",
      findings[0].message);
}

TEST(WrongLanguageLink, QuietOnTheGermanPageAndOnSitesWithoutLanguagePaths) {
  EXPECT_EQ(none, summary(check(page(k_en_body + "\nSee the [terms](/en/terms/).\n"),
                                de_page(k_de_body + "\nSiehe die [Bedingungen](/de/terms/).\n"))));
  // A site whose pages are not under language folders: /en/ is just a path.
  EXPECT_EQ(none, summary(check(page(k_en_body + "\nSee the [terms](/en/terms/).\n"),
                                de_page(k_de_body + "\nSiehe die [Bedingungen](/en/terms/).\n"),
                                "content/page.de.md")));
}

// --- invariant-mismatch: links, addresses, footnotes, lines -----------------

TEST(InvariantMismatchLinks, FiresOnALinkOnOneSideOnlyAndNamesItsLine) {
  auto findings =
      check(page(k_en_body + "\nInstall it from [the store](https://store.example.com/app).\n"),
            de_page(k_de_body + "\nInstallieren Sie es aus dem Store.\n"));
  ASSERT_EQ(std::vector<std::string>{"invariant-mismatch@5"}, summary(findings));
  EXPECT_EQ(
      "URLs in section \"Kontakt\" differ from the source: source has store.example.com/app "
      "(line 9); target has none",
      findings[0].message);
}

TEST(InvariantMismatchLinks, FiresOnAnAddressOnOneSideOnly) {
  auto findings = check(page(k_en_body + "\nThe press team reads press@example.com.\n"),
                        de_page(k_de_body + "\nDas Presseteam erreichen Sie über das Formular.\n"));
  ASSERT_EQ(std::vector<std::string>{"invariant-mismatch@5"}, summary(findings));
  EXPECT_EQ("email", findings[0].evidence["kind"]);
}

TEST(InvariantMismatchLinks, QuietOnLocalisedLinksAndLinkTextThatIsItsOwnUrl) {
  auto findings = check(
      page(k_en_body +
           "\nRead [Wikipedia](https://en.wikipedia.org/wiki/Privacy), the "
           "[help](https://support.example.com/a?hl=en), [the list](https://lists.example.eu) at "
           "[https://lists.example.eu](https://lists.example.eu) and [our "
           "post](/en/post/hello/).\n"),
      de_page(k_de_body +
              "\nLesen Sie [Wikipedia](https://de.wikipedia.org/wiki/Privatsph%C3%A4re), die "
              "[Hilfe](https://support.example.com/a?hl=de), die Liste unter "
              "[lists.example.eu/](https://lists.example.eu/) und [unseren "
              "Beitrag](/de/post/hallo/).\n"));
  EXPECT_EQ(none, summary(findings));
}

TEST(InvariantMismatchFootnotes, FiresOnADroppedReferenceAndIsQuietWhenKept) {
  const std::string en = page(k_en_body +
                              "\nMost signatures come from volunteers[^1], others "
                              "from researchers[^2].\n");
  auto findings = check(en, de_page(k_de_body + "\nDie meisten Signaturen stammen von "
                                                "Freiwilligen[^1], andere von Forschenden.\n"));
  ASSERT_EQ(std::vector<std::string>{"invariant-mismatch@5"}, summary(findings));
  EXPECT_EQ("footnote", findings[0].evidence["kind"]);
  EXPECT_EQ(none, summary(check(en, de_page(k_de_body + "\nDie meisten Signaturen stammen von "
                                                        "Freiwilligen[^1], andere von "
                                                        "Forschenden[^2].\n"))));
}

TEST(InvariantMismatchLinks, QuietOnTheSitesOwnAddressWrittenOutAndOnALocalisedArticleSlug) {
  EXPECT_EQ(none,
            summary(check(
                page(k_en_body + "\nSee [the press page](/page/press) and [the sponsor's "
                                 "post](https://news.example.net/2019/09/acme-supports-us).\n"),
                de_page(k_de_body + "\nSiehe [die Presseseite](https://example.org/page/press/) "
                                    "und [den Beitrag](https://news.example.net/2019/09/"
                                    "acme-unterstuetzt-uns).\n"))));
}

TEST(InvariantMismatchLinks, FiresOnAnotherPathOrAnUnrelatedArticle) {
  // The same host and folder, but unrelated slugs: two articles.
  auto findings =
      check(page(k_en_body + "\nRead [the post](https://news.example.net/2019/09/acme-supports-us)."
                             "\n"),
            de_page(k_de_body + "\nLesen Sie [den Beitrag](https://news.example.net/2019/09/"
                                "server-umzug-beendet).\n"));
  ASSERT_EQ(std::vector<std::string>{"invariant-mismatch@5"}, summary(findings));
  EXPECT_EQ("url", findings[0].evidence["kind"]);
  // The site's address written out, but to another page.
  findings = check(page(k_en_body + "\nSee [the press page](/page/press).\n"),
                   de_page(k_de_body + "\nSiehe [die Seite](https://example.org/page/events/).\n"));
  ASSERT_EQ(std::vector<std::string>{"invariant-mismatch@5"}, summary(findings));
}

TEST(InvariantMismatchNumbers, AGroupedNumberMatchesItsWholeValue) {
  // "100.000" in an English page written by a French or German translator
  // means a hundred thousand; the German side writes it with a space.
  EXPECT_EQ(none, summary(check(page(k_en_body + "\nWe analysed 100.000 apps and 2,500 sites.\n"),
                                de_page(k_de_body + "\nWir haben 100 000 Apps und 2500 Websites "
                                                    "analysiert.\n"))));
  // A different value is still caught.
  auto findings = check(page(k_en_body + "\nWe analysed 100.000 apps.\n"),
                        de_page(k_de_body + "\nWir haben 200 000 Apps analysiert.\n"));
  ASSERT_EQ(std::vector<std::string>{"invariant-mismatch@5"}, summary(findings));
  EXPECT_EQ("number", findings[0].evidence["kind"]);
}

TEST(InvariantMismatchNumbers, ADigitMatchesANumberWordOnTheOtherSide) {
  EXPECT_EQ(none, summary(check(page(k_en_body + "\nThe 5 stages are known, and twelve steps.\n"),
                                de_page(k_de_body + "\nDie fünf Phasen sind bekannt, und 12 "
                                                    "Schritte.\n"))));
  // A number word does not hide another value.
  auto findings = check(page(k_en_body + "\nThe 5 stages are known.\n"),
                        de_page(k_de_body + "\nDie sechs Phasen sind bekannt.\n"));
  ASSERT_EQ(std::vector<std::string>{"invariant-mismatch@5"}, summary(findings));
  EXPECT_EQ("number", findings[0].evidence["kind"]);
}

TEST(InvariantMismatchNumbers, IdenticalTextIsNeverAMismatch) {
  // "1.000" is one in English and a thousand in German, but written the same.
  EXPECT_EQ(none, summary(check(page(k_en_body + "\nThe factor is 1.000 exactly.\n"),
                                de_page(k_de_body + "\nDer Faktor ist genau 1.000.\n"))));
}

// --- placeholder-mismatch --------------------------------------------------

TEST(PlaceholderMismatch, FiresOnChangedShortcodeArgumentsTemplatesAndVerbs) {
  auto findings =
      check(page(k_en_body + "\nCall {{< param \"phone\" >}}. \"Hello %s, you have %d messages.\" "
                             "Hi {{ .Name }}.\n"),
            de_page(k_de_body + "\nRufen Sie {{< param \"email\" >}} an. „Hallo %s, Sie haben %s "
                                "Nachrichten.“ Hallo {{ .Title }}.\n"));
  ASSERT_EQ(std::vector<std::string>{"placeholder-mismatch@9"}, summary(findings));
  EXPECT_EQ(
      "placeholders in section \"Kontakt\" differ from the source: source has "
      "{{< param \"phone\" >}}, {{ .Name }}, %d (line 9); target has {{< param \"email\" >}}, "
      "{{ .Title }}, %s (line 9); keep them as they are",
      findings[0].message);
}

TEST(PlaceholderMismatch, QuietOnTranslatedCaptionsAndReorderedPlaceholders) {
  EXPECT_EQ(none, summary(check(
                      page(k_en_body + "\n{{< figure src=\"/img/a.png\" caption=\"Our desk\" "
                                       ">}}\n\nHello %s, you have %d messages. 50% off.\n"),
                      de_page(k_de_body + "\n{{< figure src=\"/img/a.png\" caption=\"Unser "
                                          "Schalter\" >}}\n\nSie haben %d Nachrichten, %s. 50 % "
                                          "Rabatt.\n"))));
  // Screenshots per language: the code inside the file name is localisation.
  EXPECT_EQ(none,
            summary(check(page(k_en_body + "\n{{< figure src=\"/img/app-en-1.png\" >}}\n"),
                          de_page(k_de_body + "\n{{< figure src=\"/img/app-de-1.png\" >}}\n"))));
}

// --- untranslated ----------------------------------------------------------

TEST(UntranslatedHeading, FiresOnAnEnglishHeadingOverGermanText) {
  auto findings = check(page(k_en_body + "\n## How we use your feedback\n\n" +
                             "Every message is read by a member of the team within a week.\n"),
                        de_page(k_de_body + "\n## How we use your feedback\n\n" +
                                "Jede Nachricht liest ein Mitglied des Teams innerhalb einer "
                                "Woche.\n"));
  ASSERT_EQ(std::vector<std::string>{"untranslated@9"}, summary(findings));
  EXPECT_EQ("heading", findings[0].evidence["part"]);
}

TEST(UntranslatedHeading, QuietOnATranslatedHeadingAndANameHeading) {
  EXPECT_EQ(none, summary(check(page(k_en_body + "\n## How we use your feedback\n\n" +
                                     "Every message is read by a member of the team.\n"),
                                de_page(k_de_body + "\n## Wie wir Ihr Feedback nutzen\n\n" +
                                        "Jede Nachricht liest ein Mitglied des Teams.\n"))));
}

TEST(UntranslatedSentence, FiresOnOneEnglishSentenceInAGermanParagraph) {
  auto findings =
      check(page(k_en_body + "\nBlocking happens on your own device. We do not sell, rent or share "
                             "any data, because we do not collect any.\n"),
            de_page(k_de_body +
                    "\nDas Blockieren geschieht auf Ihrem eigenen Gerät, mit Listen, die "
                    "einmal täglich heruntergeladen werden. We do not sell, rent or share any "
                    "data, because we do not collect any.\n"));
  ASSERT_EQ(std::vector<std::string>{"untranslated@9"}, summary(findings));
  EXPECT_EQ("sentence", findings[0].evidence["part"]);
}

TEST(UntranslatedNeutral, QuietOnQuotesCitationsArticleTitlesAndCode) {
  auto findings = check(
      page(k_en_body +
           "\n> It is the rare privacy tool that explains itself instead of asking for trust.\n\n"
           "- [How browser extensions quietly track what you read](https://news.example.com/x), "
           "Daily Example, 2021\n\n"
           "Run `npm run build -- --target firefox` in the source folder.\n\n"
           "[^1]: Smith, J. \"Measuring the trackers behind the news\", Journal of Web "
           "Measurement, 2020.\n"),
      de_page(
          k_de_body +
          "\n> It is the rare privacy tool that explains itself instead of asking for trust.\n\n"
          "- [How browser extensions quietly track what you read](https://news.example.com/x), "
          "Daily Example, 2021\n\n"
          "Führen Sie `npm run build -- --target firefox` im Quellordner aus.\n\n"
          "[^1]: Smith, J. \"Measuring the trackers behind the news\", Journal of Web "
          "Measurement, 2020.\n"));
  EXPECT_EQ(none, summary(findings));
}

TEST(UntranslatedNeutral, ASectionOfNothingButAnEnglishQuoteIsStillJudged) {
  const std::string quote =
      "> We answer every message within two working days, and we never share what you write "
      "to us with anyone.\n";
  auto findings = check(page(k_en_body + "\n## Our promise\n\n" + quote),
                        de_page(k_de_body + "\n## Our promise\n\n" + quote));
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ("untranslated@9", summary(findings)[0]);
}

// --- front matter ----------------------------------------------------------

TEST(FrontMatterDefaults, QuietOnOwnDatesTaxonomyAndSiteProse) {
  auto findings =
      check(page(k_en_body,
                 "title: Page\ndate: 2019-07-01\nlastmod: 2020-01-02\nexpiryDate: "
                 "2030-01-01\ntags: [privacy, news]\ncategories: [news]\nquestion: \"Where "
                 "can I ask a question?\""),
            de_page(k_de_body,
                    "title: Seite\ndate: 2019-08-15\nlastmod: 2021-03-04\nexpiryDate: "
                    "2030-01-01 09:01:00\ntags: [privacy, news]\ncategories: [Neuigkeiten]\n"
                    "question: \"Wo kann ich eine Frage stellen?\""));
  EXPECT_EQ(none, summary(findings));
}

TEST(FrontMatterDefaults, FiresOnWeightAndDraftAndNamesTheSetting) {
  auto findings = check(page(k_en_body, "title: Page\nweight: 20\ndraft: false"),
                        de_page(k_de_body, "title: Seite\nweight: 30\ndraft: true"));
  ASSERT_EQ((std::vector<std::string>{"front-matter-mismatch@3", "front-matter-mismatch@4"}),
            summary(findings));
  EXPECT_EQ(
      "front matter 'weight' differs: source 20, target 30 (list the key in translatable_keys in "
      "accord.toml if its value is translated)",
      findings[0].message);
  EXPECT_EQ("translatable_keys", findings[1].evidence["setting"]);
  // A different day is a real difference for a date the pages share.
  auto expiry = check(page(k_en_body, "title: Page\nexpiryDate: 2030-01-01"),
                      de_page(k_de_body, "title: Seite\nexpiryDate: 2030-02-01"));
  EXPECT_EQ(std::vector<std::string>{"front-matter-mismatch@3"}, summary(expiry));
}

}  // namespace
}  // namespace accord
