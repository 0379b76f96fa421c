// The release-notes core: change sets named per language, changes made to a
// translation alone, translation issues from check findings, publication
// states, and the exact Markdown and JSON.
#include <gtest/gtest.h>

#include <accord/change_set.hpp>
#include <accord/release_notes.hpp>

namespace accord {
namespace {

Document doc(const std::string& text, const std::string& file = "p.md") {
  auto d = parse_document(text, file);
  EXPECT_TRUE(d.has_value());
  return d ? std::move(*d) : Document{};
}

const char* const k_en_v1 =
    "---\ntitle: Policy\n---\n# 1. Data\n\nWe keep your data for one year.\n\n"
    "# 2. Changes\n\nWe will notify you at least 14 days before changes become effective.\n";
const char* const k_en_v2 =
    "---\ntitle: Policy\n---\n# 1. Data\n\nWe keep your data for two years.\n\n"
    "# 2. Changes\n\nWe will notify you at least 14 days before changes become effective.\n";
const char* const k_et_v1 =
    "---\ntitle: Põhimõtted\n---\n# 1. Andmed\n\nHoiame teie andmeid üks aasta.\n\n"
    "# 2. Muudatused\n\nTeavitame teid vähemalt 14 päeva enne muudatuste jõustumist.\n";

ChangeSet change_set(const std::string& et_after) {
  return ChangeSet({"en", doc(k_en_v1), doc(k_en_v2)}, {{"et", doc(k_et_v1), doc(et_after)}});
}

TEST(ChangeSet, NamesASourceChangeInEachLanguage) {
  ChangeSet set = change_set(k_et_v1);
  ASSERT_EQ(1u, set.diffs().size());
  EXPECT_TRUE(set.substantial());
  NoticeSection en = set.section_in(set.diffs()[0], "en");
  NoticeSection et = set.section_in(set.diffs()[0], "et");
  EXPECT_EQ("1", en.number);
  EXPECT_EQ("Data", en.title);
  EXPECT_EQ("1", et.number);
  EXPECT_EQ("Andmed", et.title);
  // A language with no translation here keeps the source's name.
  EXPECT_EQ("Data", set.section_in(set.diffs()[0], "de").title);
  EXPECT_EQ("Põhimõtted", document_title(set.translation("et")->after));
  EXPECT_EQ(nullptr, set.translation("en"));
}

TEST(ChangeSet, LongerPeriodOfTheTwoVersionsApplies) {
  Document before = doc("# 1. Changes\n\nWe will notify you at least 30 days in advance.\n");
  Document after = doc("# 1. Changes\n\nWe will notify you at least 14 days in advance.\n");
  auto p = applicable_notice_period(before, after, "en", std::nullopt, std::nullopt);
  ASSERT_TRUE(p);
  EXPECT_EQ(30, p->period.amount);
  EXPECT_EQ(PeriodOrigin::old_version, p->origin);
  p = applicable_notice_period(after, before, "en", std::nullopt, std::nullopt);
  ASSERT_TRUE(p);
  EXPECT_EQ(PeriodOrigin::new_version, p->origin);
  p = applicable_notice_period(before, after, "en", std::nullopt, 45);
  ASSERT_TRUE(p);
  EXPECT_EQ(45, p->period.amount);
  EXPECT_EQ("day", p->period.unit);
  EXPECT_EQ(PeriodOrigin::config, p->origin);
  p = applicable_notice_period(before, after, "en", 7, 45);
  ASSERT_TRUE(p);
  EXPECT_EQ(7, p->period.amount);
  EXPECT_EQ("option", to_string(p->origin));
  Document none = doc("# 1. Data\n\nWe keep data.\n");
  EXPECT_FALSE(applicable_notice_period(none, none, "en", std::nullopt, std::nullopt));
}

TEST(ReleaseNotes, TranslationOnlyChangeIsListedOnceWithItsOwnReasons) {
  // The translator follows section 1 and also corrects section 2, whose
  // source did not change.
  std::string et_after =
      "---\ntitle: Põhimõtted\n---\n# 1. Andmed\n\nHoiame teie andmeid kaks aastat.\n\n"
      "# 2. Muudatused\n\nTeavitame teid vähemalt 30 päeva enne muudatuste jõustumist.\n";
  ChangeSet set = change_set(et_after);
  auto et = note_changes(set, "et");
  ASSERT_EQ(2u, et.size());
  EXPECT_EQ("Andmed", et[0].section.title);
  EXPECT_FALSE(et[0].translation_only);
  EXPECT_TRUE(et[0].substantial);
  EXPECT_EQ("Muudatused", et[1].section.title);
  EXPECT_TRUE(et[1].translation_only);
  EXPECT_TRUE(et[1].substantial);
  ASSERT_FALSE(et[1].section.reasons.empty());
  EXPECT_EQ("number", et[1].section.reasons[0].kind);
  EXPECT_EQ("14", et[1].section.reasons[0].old_value);
  // The source's notes list the source's change only.
  auto en = note_changes(set, "en");
  ASSERT_EQ(1u, en.size());
  EXPECT_EQ("Data", en[0].section.title);
}

Finding finding(const std::string& rule, int line, nlohmann::ordered_json section) {
  Finding f;
  f.rule = rule;
  f.file = "p.et.md";
  f.line = line;
  f.section = std::move(section);
  f.message = rule + " at " + std::to_string(line);
  return f;
}

TEST(ReleaseNotes, TranslationIssuesOnePerRuleAndSectionByLine) {
  nlohmann::ordered_json six = {{"number", "6"}, {"title", "Säilitamine"}};
  nlohmann::ordered_json preamble = {{"number", nullptr}, {"title", nullptr}};
  std::vector<Finding> findings = {
      finding("untranslated", 80, six),
      finding("outdated", 72, six),
      finding("untranslated", 75, six),
      finding("length-ratio", 10, six),
      finding("untranslated", 3, preamble),
      finding("missing-section", 90, {{"number", "7"}, {"title", "Security"}}),
      finding("untranslated-front-matter", 2, nullptr)};
  auto issues = translation_issues(findings);
  ASSERT_EQ(4u, issues.size());
  EXPECT_EQ("untranslated", issues[0].rule);
  EXPECT_TRUE(issues[0].preamble);
  EXPECT_EQ("outdated", issues[1].rule);
  EXPECT_EQ(72, issues[1].line);
  EXPECT_EQ("untranslated", issues[2].rule);
  EXPECT_EQ("6", issues[2].number);
  EXPECT_EQ(75, issues[2].line);
  EXPECT_EQ("untranslated at 75", issues[2].message);
  EXPECT_EQ("missing-section", issues[3].rule);
  EXPECT_EQ("Security", issues[3].title);
}

Version version(EffectiveSource source, const Date& effective, std::optional<Date> published) {
  Version v;
  v.commit.id = std::string(40, 'a');
  v.commit.effective_source = source;
  v.commit.effective_date = effective;
  v.commit.published = published;
  return v;
}

TEST(ReleaseNotes, PublicationStates) {
  const Date april9{2026, 4, 9};
  const std::optional<AppliedPeriod> period =
      AppliedPeriod{{30, "day", "", 0}, PeriodOrigin::config};
  // Recorded by `accord publish`: the recorded dates, whatever was given.
  auto p = publication_of(version(EffectiveSource::tag, {2026, 5, 9}, april9), Date{2026, 6, 1},
                          true, period);
  EXPECT_EQ(Publication::State::published, p.state);
  EXPECT_EQ(april9, p.published);
  EXPECT_EQ((Date{2026, 5, 9}), p.effective);
  EXPECT_EQ(std::string(40, 'a'), p.commit);
  // Not published, a date given: that date plus the period.
  p = publication_of(version(EffectiveSource::commit, {2026, 1, 1}, std::nullopt), april9, true,
                     period);
  EXPECT_EQ(Publication::State::planned, p.state);
  EXPECT_EQ((Date{2026, 5, 9}), p.effective);
  // Editorial only: effective on publication.
  p = publication_of(version(EffectiveSource::commit, {2026, 1, 1}, std::nullopt), april9, false,
                     period);
  EXPECT_EQ(april9, p.effective);
  // Substantial with no period: unknown.
  p = publication_of(version(EffectiveSource::commit, {2026, 1, 1}, std::nullopt), april9, true,
                     std::nullopt);
  EXPECT_FALSE(p.effective);
  // No date given.
  p = publication_of(version(EffectiveSource::commit, {2026, 1, 1}, std::nullopt), std::nullopt,
                     true, period);
  EXPECT_EQ(Publication::State::unpublished, p.state);
  EXPECT_FALSE(p.published);
  EXPECT_FALSE(p.effective);
}

ReleaseNotes german_notes() {
  DocumentNotes d;
  d.file = "content/p.en.md";
  d.source_language = "en";
  d.from_commit = std::string(40, '1');
  d.to_commit = std::string(40, '2');
  d.substantial = true;
  d.publication.state = Publication::State::published;
  d.publication.published = Date{2026, 4, 9};
  d.publication.effective = Date{2026, 4, 23};
  d.publication.source = EffectiveSource::trailer;
  d.publication.commit = std::string(40, '2');
  d.period =
      AppliedPeriod{{2, "week", "at least two weeks in advance", 9}, PeriodOrigin::old_version};
  NoteChange added;
  added.section = {"3", "Cookies", {}, ChangeStatus::added};
  added.substantial = true;
  NoteChange preamble;
  preamble.section = {"", "", {{"case", "", ""}}, ChangeStatus::changed};
  preamble.preamble = true;
  d.languages.push_back({"en", "content/p.en.md", "Policy", true, {added, preamble}, {}});
  NoteChange fix;
  fix.section = {"2", "Änderungen", {{"typo", "Anderungen", "Änderungen"}}, ChangeStatus::changed};
  fix.translation_only = true;
  NoteChange added_de = added;
  added_de.section.title = "Cookies";
  TranslationIssue missing{"missing-section", "3", "Cookies", false, 12, "section 3 …"};
  d.languages.push_back({"de", "content/p.de.md", "Richtlinie", false, {added_de, fix}, {missing}});
  return ReleaseNotes{"v1", "v2", {d}};
}

TEST(ReleaseNotes, MarkdownInEnglishForLanguagesWithoutLabels) {
  EXPECT_EQ(R"(# Release notes: v1 → v2

## content/p.en.md

### Policy (en, content/p.en.md)

Substantial changes:

- Section 3 “Cookies”: a new section.

Editorial changes:

- the preamble: letter case was corrected.

Effective date: published on April 9, 2026; takes effect on April 23, 2026.

### Richtlinie (de, content/p.de.md)

Substantial changes:

- Section 3 “Cookies”: a new section.

Editorial changes:

- Section 2 “Änderungen” (in this translation only): a spelling mistake was corrected.

Translation status:

- Section 3 “Cookies”: missing (the section has no translation).

Effective date: published on 9. April 2026; takes effect on 23. April 2026.
)",
            render_release_notes(german_notes()));
}

TEST(ReleaseNotes, MarkdownWhenNothingIsKnownAboutTheDate) {
  ReleaseNotes notes = german_notes();
  DocumentNotes& d = notes.documents[0];
  d.period.reset();
  d.publication = {};
  d.languages.resize(1);
  d.languages[0].changes.resize(1);
  std::string out = render_release_notes(notes);
  EXPECT_NE(std::string::npos,
            out.find("Effective date: not published yet, and the policy states no notice period: "
                     "the effective date is unknown.\n"))
      << out;
  d.period = AppliedPeriod{{1, "month", "", 0}, PeriodOrigin::config};
  d.languages[0].language = "et";
  out = render_release_notes(notes);
  EXPECT_NE(std::string::npos,
            out.find("Jõustumine: pole veel avaldatud; jõustub 1 kuu pärast avaldamist.\n"))
      << out;
}

TEST(ReleaseNotes, Json) {
  ReleaseNotes notes = german_notes();
  notes.documents[0].languages.erase(notes.documents[0].languages.begin());
  // clang-format off
  EXPECT_EQ(R"json({
  "version": 1,
  "from": "v1",
  "to": "v2",
  "documents": [
    {
      "file": "content/p.en.md",
      "source_language": "en",
      "from_commit": "1111111111111111111111111111111111111111",
      "to_commit": "2222222222222222222222222222222222222222",
      "substantial": true,
      "notice_period": {
        "amount": 2,
        "unit": "week",
        "phrase": "at least two weeks in advance",
        "line": 9,
        "origin": "old_version"
      },
      "publication": {
        "status": "published",
        "published": "2026-04-09",
        "effective": "2026-04-23",
        "recorded_by": "trailer",
        "commit": "2222222222222222222222222222222222222222"
      },
      "languages": [
        {
          "language": "de",
          "file": "content/p.de.md",
          "title": "Richtlinie",
          "source": false,
          "changes": [
            {
              "section": {
                "number": "3",
                "title": "Cookies"
              },
              "status": "added",
              "classification": "substantial",
              "translation_only": false,
              "reasons": []
            },
            {
              "section": {
                "number": "2",
                "title": "Änderungen"
              },
              "status": "changed",
              "classification": "editorial",
              "translation_only": true,
              "reasons": [
                {
                  "kind": "typo",
                  "old": "Anderungen",
                  "new": "Änderungen",
                  "text": "a spelling mistake was corrected"
                }
              ]
            }
          ],
          "translation_status": [
            {
              "rule": "missing-section",
              "section": {
                "number": "3",
                "title": "Cookies"
              },
              "line": 12,
              "message": "section 3 …"
            }
          ]
        }
      ]
    }
  ]
})json",
            to_json(notes).dump(2));
  // clang-format on
}

}  // namespace
}  // namespace accord
