// accord notes end to end on real repositories: the English source changes
// a retention period and the notice period (14 → 30 days) while the Estonian
// translation follows only the notice period; then a punctuation-only commit.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "test_support.hpp"

namespace accord {
namespace {
using test::run_accord;
using test::slurp;
using test::source_dir;

constexpr long long k_t0 = 1767261600;  // 2026-01-01T10:00:00Z
constexpr long long k_day = 86400;

std::string replace(std::string text, std::string_view from, std::string_view to) {
  auto pos = text.find(from);
  EXPECT_NE(std::string::npos, pos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

// Every "{NAME}" in TEXT replaced by VALUE.
std::string substitute(std::string text, const std::string& name, const std::string& value) {
  const std::string key = "{" + name + "}";
  for (auto pos = text.find(key); pos != std::string::npos;
       pos = text.find(key, pos + value.size())) {
    text.replace(pos, key.size(), value);
  }
  return text;
}

// Whether OUT has LINE as a whole line.
bool has_line(const std::string& out, const std::string& line) {
  return ("\n" + out).find("\n" + line + "\n") != std::string::npos;
}

// Writes the translated example site (Hugo config, English and Estonian
// privacy policy) into REPO and returns the two pages' text.
std::pair<std::string, std::string> write_site(test::TestRepo& repo) {
  std::string en = slurp(source_dir() / "fixtures/translated/content/privacy.en.md");
  std::string et = slurp(source_dir() / "fixtures/translated/content/privacy.et.md");
  repo.write("hugo.toml", slurp(source_dir() / "fixtures/translated/hugo.toml"));
  repo.write("content/privacy.en.md", en);
  repo.write("content/privacy.et.md", et);
  return {en, et};
}

void git(const test::TestRepo& repo, const std::string& args) {
  std::string command = "git -C '" + repo.path().string() + "' " + args + " >/dev/null 2>&1";
  ASSERT_EQ(0, std::system(command.c_str())) << command;
}

class Notes : public ::testing::Test {
 protected:
  void SetUp() override {
    auto [en, et] = write_site(repo);
    v1 = repo.commit("Privacy policy", k_t0);
    en = replace(en, "at least 14 days", "at least 30 days");
    en = replace(en, "We will retain your data for the period necessary",
                 "We will retain your data for no longer than two years or the period necessary");
    // The translator follows the notice period, not the retention limit.
    et = replace(et, "vähemalt 14 päeva", "vähemalt 30 päeva");
    repo.write("content/privacy.en.md", en);
    repo.write("content/privacy.et.md", et);
    v2 = repo.commit("Retention limit; 30 days' notice", k_t0 + k_day);
    repo.write("content/privacy.en.md",
               replace(en, "If necessary, we may update", "If necessary we may update"));
    v3 = repo.commit("Punctuation", k_t0 + 2 * k_day);
    git(repo, "tag v1 " + v1);
    git(repo, "tag v2 " + v2);
    git(repo, "tag v3 " + v3);
  }
  test::TestRepo repo;
  std::string v1, v2, v3;
};

TEST_F(Notes, SubstantialChangesInBothLanguagesWithTheOutdatedTranslation) {
  auto r =
      run_accord({"notes", "--from", "v1", "--to", "v2", "--published", "2026-04-09"}, repo.path());
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ("", r.err);
  EXPECT_EQ(R"(# Release notes: v1 → v2

## content/privacy.en.md

### Privacy Policy (en, content/privacy.en.md)

Substantial changes:

- Section 6 “For how long we store your data?”: a number or period changed; text was added.
- Section 8 “Possible changes to this Privacy Policy”: a number or period changed (14 → 30).

Editorial changes: none.

Effective date: not published yet. Published on April 9, 2026, it takes effect on May 9, 2026, 30 days later.

### Privaatsuspoliitika (et, content/privacy.et.md)

Sisulised muudatused:

- Jaotis 6 „Kui kaua me teie andmeid säilitame?”: muutus arv või tähtaeg; lisati teksti.
- Jaotis 8 „Võimalikud muudatused käesolevas privaatsuspoliitikas”: muutus arv või tähtaeg (14 → 30).

Toimetuslikud muudatused: puuduvad.

Tõlke seis:

- Jaotis 6 „Kui kaua me teie andmeid säilitame?”: aegunud (lähtetekst on pärast viimast tõlkimist sisuliselt muutunud).

Jõustumine: pole veel avaldatud. Avaldamisel 9. aprillil 2026 jõustub 9. mail 2026, 30 päeva hiljem.
)",
            r.out);
}

TEST_F(Notes, WithoutAPublicationDateTheEffectiveDateIsThePeriodAfterPublication) {
  auto r =
      run_accord({"notes", "content/privacy.et.md", "--from", "v1", "--to", "v2"}, repo.path());
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_TRUE(
      has_line(r.out, "Effective date: not published yet; takes effect 30 days after publication."))
      << r.out;
  EXPECT_TRUE(
      has_line(r.out, "Jõustumine: pole veel avaldatud; jõustub 30 päeva pärast avaldamist."))
      << r.out;
}

TEST_F(Notes, PunctuationOnlyIsEditorialAndTakesEffectOnPublication) {
  auto r =
      run_accord({"notes", "--from", "v2", "--to", "v3", "--published", "2026-05-01"}, repo.path());
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(R"(# Release notes: v2 → v3

## content/privacy.en.md

### Privacy Policy (en, content/privacy.en.md)

Substantial changes: none.

Editorial changes:

- Section 8 “Possible changes to this Privacy Policy”: punctuation was corrected.

Effective date: not published yet. Published on May 1, 2026, it takes effect the same day (no substantial changes).

### Privaatsuspoliitika (et, content/privacy.et.md)

Sisulised muudatused: puuduvad.

Toimetuslikud muudatused:

- Jaotis 8 „Võimalikud muudatused käesolevas privaatsuspoliitikas”: parandati kirjavahemärke.

Tõlke seis:

- Jaotis 6 „Kui kaua me teie andmeid säilitame?”: aegunud (lähtetekst on pärast viimast tõlkimist sisuliselt muutunud).

Jõustumine: pole veel avaldatud. Avaldamisel 1. mail 2026 jõustub samal päeval (sisulisi muudatusi pole).
)",
            r.out);
}

TEST_F(Notes, JsonIsTheDocumentedSchema) {
  auto r = run_accord({"notes", "--from", "v2", "--to", "v3", "--format", "json"}, repo.path());
  ASSERT_EQ(0, r.exit_code) << r.err;
  std::string expected = R"({
  "version": 1,
  "from": "v2",
  "to": "v3",
  "documents": [
    {
      "file": "content/privacy.en.md",
      "source_language": "en",
      "from_commit": "{v2}",
      "to_commit": "{v3}",
      "substantial": false,
      "notice_period": {
        "amount": 30,
        "unit": "day",
        "phrase": "Substantial changes in our Privacy Policy will be notified at least 30 days before they become effective.",
        "line": 92,
        "origin": "new_version"
      },
      "publication": {
        "status": "unpublished",
        "published": null,
        "effective": null,
        "recorded_by": null,
        "commit": "{v3}"
      },
      "languages": [
        {
          "language": "en",
          "file": "content/privacy.en.md",
          "title": "Privacy Policy",
          "source": true,
          "changes": [
            {
              "section": {
                "number": "8",
                "title": "Possible changes to this Privacy Policy"
              },
              "status": "changed",
              "classification": "editorial",
              "translation_only": false,
              "reasons": [
                {
                  "kind": "punctuation",
                  "old": ",",
                  "new": null,
                  "text": "punctuation was corrected"
                }
              ]
            }
          ],
          "translation_status": []
        },
        {
          "language": "et",
          "file": "content/privacy.et.md",
          "title": "Privaatsuspoliitika",
          "source": false,
          "changes": [
            {
              "section": {
                "number": "8",
                "title": "Võimalikud muudatused käesolevas privaatsuspoliitikas"
              },
              "status": "changed",
              "classification": "editorial",
              "translation_only": false,
              "reasons": [
                {
                  "kind": "punctuation",
                  "old": ",",
                  "new": null,
                  "text": "parandati kirjavahemärke"
                }
              ]
            }
          ],
          "translation_status": [
            {
              "rule": "outdated",
              "section": {
                "number": "6",
                "title": "Kui kaua me teie andmeid säilitame?"
              },
              "line": 72,
              "message": "section 6 \"Kui kaua me teie andmeid säilitame?\" is outdated: its English source changed substantially in 1 commit since this translation was last touched ({v1short} of 2026-01-01); update it, or record a review with an 'Accord-Reviewed: 6' trailer"
            }
          ]
        }
      ]
    }
  ]
}
)";
  expected =
      substitute(substitute(substitute(expected, "v2", v2), "v3", v3), "v1short", v1.substr(0, 12));
  EXPECT_EQ(expected, r.out);
}

TEST(NotesPublished, RecordedPublicationGivesTheEffectiveDateInEachLanguage) {
  test::TestRepo repo;
  auto [en, et] = write_site(repo);
  std::string v1 = repo.commit("Privacy policy", k_t0);
  git(repo, "config user.name 'Accord Publisher'");
  git(repo, "config user.email publisher@example.org");
  auto first =
      run_accord({"publish", "content/privacy.en.md", "--published", "2026-01-01"}, repo.path());
  ASSERT_EQ(0, first.exit_code) << first.err;
  repo.write("content/privacy.en.md", replace(en, "at least 14 days", "at least 30 days"));
  repo.write("content/privacy.et.md", replace(et, "vähemalt 14 päeva", "vähemalt 30 päeva"));
  repo.commit("30 days' notice", k_t0 + k_day);
  auto second =
      run_accord({"publish", "content/privacy.en.md", "--published", "2026-04-09"}, repo.path());
  ASSERT_EQ(0, second.exit_code) << second.err;

  // --published is for unpublished versions: the recorded dates win.
  auto r =
      run_accord({"notes", "--from", v1, "--to", "HEAD", "--published", "2026-06-01"}, repo.path());
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_TRUE(
      has_line(r.out, "Effective date: published on April 9, 2026; takes effect on May 9, 2026."))
      << r.out;
  EXPECT_TRUE(has_line(r.out, "Jõustumine: avaldatud 9. aprillil 2026; jõustub 9. mail 2026."))
      << r.out;
  EXPECT_TRUE(has_line(r.out, "Tõlke seis: kõik jaotised on tõlgitud ja ajakohased.")) << r.out;
}

// Two small pairs, so that the whole output can be read at a glance.
struct SmallSite {
  test::TestRepo repo;
  std::string a, b;
  SmallSite() {
    repo.write("content/data.en.md",
               "---\ntitle: Data\n---\n# 1. Storage\n\nWe keep your data for 14 days.\n");
    repo.write("content/data.et.md",
               "---\ntitle: Andmed\n---\n# 1. Säilitamine\n\nHoiame teie andmeid 14 päeva.\n");
    repo.write("content/terms.en.md", "---\ntitle: Terms\n---\n# 1. Use\n\nUse the site kindly.\n");
    repo.write("content/terms.et.md",
               "---\ntitle: Tingimused\n---\n# 1. Kasutamine\n\nKasutage saiti lahkelt.\n");
    a = repo.commit("one", k_t0);
    repo.write("content/terms.en.md", "---\ntitle: Terms\n---\n# 1. Use\n\nUse the site kindly!\n");
    b = repo.commit("two", k_t0 + k_day);
  }
};

TEST(NotesPairs, NoPathMeansEveryPairOfTheRepository) {
  SmallSite site;
  auto r = run_accord({"notes", "--from", site.a, "--to", site.b}, site.repo.path());
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(substitute(substitute(R"(# Release notes: {a} → {b}

## content/data.en.md

### Data (en, content/data.en.md)

No changes.

Effective date: not published yet; takes effect on publication (no substantial changes).

### Andmed (et, content/data.et.md)

Muudatusi pole.

Tõlke seis: kõik jaotised on tõlgitud ja ajakohased.

Jõustumine: pole veel avaldatud; jõustub avaldamisel (sisulisi muudatusi pole).

## content/terms.en.md

### Terms (en, content/terms.en.md)

Substantial changes: none.

Editorial changes:

- Section 1 “Use”: punctuation was corrected.

Effective date: not published yet; takes effect on publication (no substantial changes).

### Tingimused (et, content/terms.et.md)

Sisulised muudatused: puuduvad.

Toimetuslikud muudatused:

- Jaotis 1 „Kasutamine”: parandati kirjavahemärke.

Tõlke seis: kõik jaotised on tõlgitud ja ajakohased.

Jõustumine: pole veel avaldatud; jõustub avaldamisel (sisulisi muudatusi pole).
)",
                                  "a", site.a),
                       "b", site.b),
            r.out);
}

TEST(NotesPairs, APathSelectsItsPairOnly) {
  SmallSite site;
  auto r = run_accord(
      {"notes", "content/terms.et.md", "--from", site.a, "--to", site.b, "--format", "json"},
      site.repo.path());
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(std::string::npos, r.out.find("data.en.md")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("\"file\": \"content/terms.en.md\"")) << r.out;
}

TEST(NotesErrors, UnknownRevisionIsExit2WithOneLine) {
  SmallSite site;
  auto r = run_accord({"notes", "--from", "v9", "--to", "HEAD"}, site.repo.path());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("", r.out);
  EXPECT_EQ(
      "accord: error: " + site.repo.path().string() +
          ": unknown revision 'v9'; name a commit, branch or tag of this repository (see `git "
          "log --oneline`)\n",
      r.err);
}

TEST(NotesErrors, BadPublicationDateIsExit2) {
  SmallSite site;
  auto r = run_accord({"notes", "--from", site.a, "--to", site.b, "--published", "2026-02-30"},
                      site.repo.path());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: --published '2026-02-30' is not a date; write it as YYYY-MM-DD\n",
            r.err);
}

TEST(NotesErrors, ToIsRequired) {
  SmallSite site;
  auto r = run_accord({"notes", "--from", site.a}, site.repo.path());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: --to is required; see 'accord --help'\n", r.err);
}

TEST(NotesErrors, OutsideARepositoryIsExit2) {
  test::TempDir dir;
  test::write_file(dir / "content/p.en.md", "# 1. Data\n\nWe keep data.\n");
  test::write_file(dir / "content/p.et.md", "# 1. Andmed\n\nHoiame andmeid.\n");
  auto r = run_accord({"notes", "--from", "v1", "--to", "v2"}, dir.path());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + (dir.path() / "content/p.en.md").string() +
                ": not inside a git repository; run accord on a document in a clone of the site's "
                "repository (see `git clone`)\n",
            r.err);
}

TEST(NotesHelp, HasExamples) {
  auto r = run_accord({"notes", "--help"});
  EXPECT_EQ(0, r.exit_code);
  EXPECT_TRUE(has_line(r.out, "  accord notes --from v1 --to v2")) << r.out;
}

}  // namespace
}  // namespace accord
