// accord notice end to end on a real repository: the English/Estonian pair
// changes a retention period and the notice period (14 → 30 days), then a
// punctuation-only commit follows.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.hpp"

namespace accord {
namespace {
using test::run_accord;
using test::slurp;
using test::source_dir;

std::string replace(std::string text, std::string_view from, std::string_view to) {
  auto pos = text.find(from);
  EXPECT_NE(std::string::npos, pos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

class Notice : public ::testing::Test {
 protected:
  void SetUp() override {
    en = slurp(source_dir() / "fixtures/translated/content/privacy.en.md");
    et = slurp(source_dir() / "fixtures/translated/content/privacy.et.md");
    repo.write("hugo.toml", slurp(source_dir() / "fixtures/translated/hugo.toml"));
    repo.write("content/privacy.en.md", en);
    repo.write("content/privacy.et.md", et);
    v1 = repo.commit("Privacy policy", 1767261600);
    en = replace(en, "at least 14 days", "at least 30 days");
    en = replace(en, "We will retain your data for the period necessary",
                 "We will retain your data for no longer than two years or the period necessary");
    et = replace(et, "vähemalt 14 päeva", "vähemalt 30 päeva");
    et = replace(et, "Säilitame teie andmeid nii kaua, kui on vajalik",
                 "Säilitame teie andmeid kuni kaks aastat või nii kaua, kui on vajalik");
    repo.write("content/privacy.en.md", en);
    repo.write("content/privacy.et.md", et);
    v2 = repo.commit("Retention limit; 30 days' notice", 1767261600 + 86400);
    repo.write("content/privacy.en.md",
               replace(en, "If necessary, we may update", "If necessary we may update"));
    v3 = repo.commit("Punctuation", 1767261600 + 2 * 86400);
  }
  test::TestRepo repo;
  std::string en, et, v1, v2, v3;
};

TEST_F(Notice, NamesTheChangedSectionsInBothLanguagesWith30Days) {
  auto r =
      run_accord({"notice", "--from", v1, "--to", v2, "--published", "2026-04-09"}, repo.path());
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(R"(# Changes to our Privacy Policy

We have updated our Privacy Policy. The changes take effect on May 9, 2026.

What changes:

- Section 6 “For how long we store your data?”: a number or period changed; text was added.
- Section 8 “Possible changes to this Privacy Policy”: a number or period changed (14 → 30).

These changes were published on April 9, 2026, 30 days before they take effect.

---

# Muudatused: Privaatsuspoliitika

Oleme uuendanud dokumenti „Privaatsuspoliitika”. Muudatused jõustuvad 9. mail 2026.

Mis muutub:

- Jaotis 6 „Kui kaua me teie andmeid säilitame?”: muutus arv või tähtaeg; lisati teksti.
- Jaotis 8 „Võimalikud muudatused käesolevas privaatsuspoliitikas”: muutus arv või tähtaeg (14 → 30).

Muudatused avaldati 9. aprillil 2026, 30 päeva enne jõustumist.
)",
            r.out);
}

TEST_F(Notice, JsonCarriesThePeriodAndTheEffectiveDate) {
  auto r = run_accord(
      {"notice", "--from", v1, "--to", v2, "--published", "2026-04-09", "--format", "json"},
      repo.path());
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("\"effective\": \"2026-05-09\"")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("\"amount\": 30")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("\"substantial\": true")) << r.out;
}

TEST_F(Notice, PunctuationOnlyCommitNeedsNoNotice) {
  auto r =
      run_accord({"notice", "--from", v2, "--to", v3, "--published", "2026-05-01", "--lang", "en"},
                 repo.path());
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(
      "# Corrections to our Privacy Policy\n\nWe have made editorial corrections to our Privacy "
      "Policy. They do not change its meaning and apply from May 1, 2026.\n\n- Section 8 "
      "“Possible changes to this Privacy Policy”: punctuation was corrected.\n",
      r.out);
}

TEST_F(Notice, NoticeDaysOverridesThePolicy) {
  auto r = run_accord({"notice", "--from", v1, "--to", v2, "--published", "2026-04-09", "--lang",
                       "et", "--notice-days", "45", "--format", "json"},
                      repo.path());
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("\"effective\": \"2026-05-24\"")) << r.out;
}

TEST(NoticeErrors, SubstantialChangeWithoutAPeriodIsExit2) {
  test::TestRepo repo;
  repo.write("content/p.en.md", "# 1. Data\n\nWe keep your data for a year.\n");
  repo.write("content/p.et.md", "# 1. Andmed\n\nSäilitame teie andmeid aasta.\n");
  std::string a = repo.commit("one", 1767261600);
  repo.write("content/p.en.md", "# 1. Data\n\nWe keep your data for five years.\n");
  repo.commit("two", 1767261600 + 86400);
  auto r = run_accord({"notice", "--from", a, "--published", "2026-04-09"}, repo.path());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(
      "accord: error: content/p.en.md: substantial changes, but the policy states no notice "
      "period; pass --notice-days N or set notice_days in accord.toml\n",
      r.err);
}

TEST(NoticeErrors, BadPublicationDateIsExit2) {
  auto r = run_accord({"notice", "fixtures/site", "--from", "HEAD", "--published", "2026-02-30"},
                      source_dir());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: --published '2026-02-30' is not a date; write it as YYYY-MM-DD\n",
            r.err);
}

// Template paths from accord.toml stay inside the site, as content paths
// do: a template's text is printed, so "/etc/passwd" printed the file.
TEST_F(Notice, TemplatesOutsideTheSiteAreExit2) {
  const std::string root = repo.path().string();
  for (std::string name : {"/etc/passwd", "../../../../../../etc/group", "notice/../../x.md"}) {
    repo.write("accord.toml", "[notice_templates]\nen = \"" + name + "\"\n");
    auto r =
        run_accord({"notice", "--from", v1, "--to", v2, "--published", "2026-04-09"}, repo.path());
    EXPECT_EQ(2, r.exit_code) << name;
    EXPECT_EQ("accord: error: " + root +
                  "/accord.toml:2: notice template for 'en' is outside "
                  "the site: " +
                  name + "; name a file inside " + root + ", relative to it\n",
              r.err);
    EXPECT_EQ("", r.out);
  }
  // A symlink inside the site that leads out of it.
  std::filesystem::create_symlink("/etc/passwd", repo.path() / "notice.en.md");
  repo.write("accord.toml", "[notice_templates]\nen = \"notice.en.md\"\n");
  auto r =
      run_accord({"notice", "--from", v1, "--to", v2, "--published", "2026-04-09"}, repo.path());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + root +
                "/accord.toml:2: notice template for 'en' is outside "
                "the site: notice.en.md; name a file inside " +
                root + ", relative to it\n",
            r.err);
  EXPECT_EQ(std::string::npos, r.out.find("root:")) << "nothing of /etc/passwd is printed";
}

TEST_F(Notice, ACustomTemplateInsideTheSiteIsUsed) {
  repo.write("templates/notice.en.md", "{title}: from {effective} ({{{count}}})\n");
  repo.write("accord.toml", "[notice_templates]\nen = \"templates/notice.en.md\"\n");
  auto r =
      run_accord({"notice", "--from", v1, "--to", v2, "--published", "2026-04-09", "--lang", "en"},
                 repo.path());
  ASSERT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ("Privacy Policy: from May 9, 2026 ({2})\n", r.out);
}

TEST_F(Notice, AFormatSpecInATemplateIsExit2WithItsLine) {
  repo.write("notice.en.md", "# Notice\n\n{title:>2000000000}\n");
  repo.write("accord.toml", "[notice_templates]\nen = \"notice.en.md\"\n");
  auto r =
      run_accord({"notice", "--from", v1, "--to", v2, "--published", "2026-04-09", "--lang", "en"},
                 repo.path());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + (repo.path() / "notice.en.md").string() +
                ":3: notice template, column 1: '{title:>2000000000}' has a format spec; write "
                "{title} alone; use only {title}, {published}, {effective}, {published_on}, "
                "{effective_on}, {effective_from}, {period}, {sections} "
                "and {count}, and {{ or }} for a brace\n",
            r.err);
  EXPECT_EQ("", r.out);
}

}  // namespace
}  // namespace accord
