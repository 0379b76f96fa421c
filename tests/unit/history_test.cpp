// History through libgit2 on real repositories built at test time.
#include <git2.h>
#include <gtest/gtest.h>

#include <accord/history.hpp>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "test_support.hpp"

namespace accord {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using test::TestRepo;

// 2024-01-01T00:00:00Z and one day.
constexpr long long k_jan1 = 1704067200;
constexpr long long k_day = 86400;

std::string page(const std::string& intro, const std::string& extra_section = {}) {
  std::string out =
      "---\ntitle: Privacy Policy\n---\n\n"
      "{{% title4 \"1. Introduction\" %}}\n\n" +
      intro +
      "\n\n"
      "{{% title4 \"2. What data we collect\" %}}\n\n"
      "We collect your name and e-mail address.\n\n"
      "{{% title4 \"3. Retention\" %}}\n\n"
      "We keep your data for 14 days.\n";
  if (!extra_section.empty()) out += "\n" + extra_section;
  return out;
}

// Creates an annotated tag NAME on COMMIT with MESSAGE, through libgit2.
void make_tag(const fs::path& repo_path, const std::string& name, const std::string& commit,
              const std::string& message) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  if (git_repository_open(&repo, repo_path.c_str()) < 0) throw std::runtime_error("open");
  git_oid id;
  git_oid_fromstr(&id, commit.c_str());
  git_object* target = nullptr;
  git_object_lookup(&target, repo, &id, GIT_OBJECT_COMMIT);
  git_signature* sig = nullptr;
  git_signature_new(&sig, "Accord Test", "test@example.org", k_jan1 + 100 * k_day, 0);
  git_oid tag;
  int rc = git_tag_create(&tag, repo, name.c_str(), target, sig, message.c_str(), 0);
  git_signature_free(sig);
  git_object_free(target);
  git_repository_free(repo);
  git_libgit2_shutdown();
  if (rc < 0) throw std::runtime_error("tag");
}

TEST(HistoryDate, ParsesOnlyRealCalendarDays) {
  ASSERT_TRUE(parse_date("2024-02-29"));
  EXPECT_EQ(parse_date("2024-02-29")->to_string(), "2024-02-29");
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2024-13-01"));
  EXPECT_FALSE(parse_date("2024-1-01"));
  EXPECT_FALSE(parse_date("2024-01-01x"));
  EXPECT_FALSE(parse_date(""));
  EXPECT_LT(*parse_date("2024-01-31"), *parse_date("2024-02-01"));
}

TEST(HistoryDate, TagNameCarriesPathAndDate) {
  EXPECT_EQ(policy_tag_name("content/privacy.en.md", Date{2024, 5, 1}),
            "policy/content/privacy.en.md/2024-05-01");
}

TEST(History, EffectiveDateFromTrailer) {
  TestRepo repo;
  repo.write("content/privacy.en.md", page("Hello."));
  std::string id = repo.commit("First\n\nEffective-Date: 2024-02-15\n", k_jan1);
  History h = GitDocument((repo.path() / "content/privacy.en.md").string()).log();
  ASSERT_EQ(h.versions.size(), 1u);
  EXPECT_EQ(h.versions[0].commit.id, id);
  EXPECT_EQ(h.versions[0].commit.effective_date.to_string(), "2024-02-15");
  EXPECT_EQ(h.versions[0].commit.effective_source, EffectiveSource::trailer);
  EXPECT_EQ(h.path, "content/privacy.en.md");
  EXPECT_TRUE(h.warnings.empty());
  EXPECT_FALSE(h.truncated);
}

TEST(History, MalformedTrailerIsAWarningAndFallsBack) {
  TestRepo repo;
  repo.write("privacy.md", page("Hello."));
  std::string id = repo.commit("First\n\nEffective-Date: 2024-02-30\n", k_jan1);
  History h = GitDocument((repo.path() / "privacy.md").string()).log();
  ASSERT_EQ(h.versions.size(), 1u);
  EXPECT_EQ(h.versions[0].commit.effective_source, EffectiveSource::commit);
  ASSERT_EQ(h.warnings.size(), 1u);
  EXPECT_EQ(h.warnings[0].to_string(),
            "privacy.md: commit " + id.substr(0, 12) +
                " has an Effective-Date '2024-02-30' that is not a calendar date; it is ignored; "
                "write the trailer as `Effective-Date: YYYY-MM-DD`");
}

TEST(History, EffectiveDateFromPublishTag) {
  TestRepo repo;
  repo.write("content/privacy.en.md", page("Hello."));
  std::string first = repo.commit("First", k_jan1);
  repo.write("content/privacy.en.md", page("Hello again."));
  std::string second = repo.commit("Second\n\nEffective-Date: 2024-04-01\n", k_jan1 + k_day);
  make_tag(repo.path(), "policy/content/privacy.en.md/2024-01-20", first,
           "Published: 2024-01-05\nEffective-Date: 2024-01-20\n");
  // The trailer wins over a tag on the same commit.
  make_tag(repo.path(), "policy/content/privacy.en.md/2024-05-01", second,
           "Published: 2024-04-10\nEffective-Date: 2024-05-01\n");
  // A tag for another document says nothing about this one.
  make_tag(repo.path(), "policy/content/privacy.et.md/2024-06-01", first,
           "Effective-Date: 2024-06-01\n");
  History h = GitDocument((repo.path() / "content/privacy.en.md").string()).log();
  ASSERT_EQ(h.versions.size(), 2u);
  EXPECT_EQ(h.versions[0].commit.effective_date.to_string(), "2024-04-01");
  EXPECT_EQ(h.versions[0].commit.effective_source, EffectiveSource::trailer);
  EXPECT_EQ(h.versions[1].commit.effective_date.to_string(), "2024-01-20");
  EXPECT_EQ(h.versions[1].commit.effective_source, EffectiveSource::tag);
}

TEST(History, EffectiveDateFallsBackToCommitDateInCommitterZone) {
  TestRepo repo;
  repo.write("privacy.md", page("Hello."));
  // 2024-03-31T23:30:00Z is already April 1st in UTC+02:00.
  repo.commit("East", k_jan1 + 90 * k_day + 23 * 3600 + 1800, 120);
  repo.write("privacy.md", page("Hello, west."));
  // 2024-04-02T01:00:00Z is still April 1st in UTC-05:00.
  repo.commit("West", k_jan1 + 92 * k_day + 3600, -300);
  History h = GitDocument((repo.path() / "privacy.md").string()).log();
  ASSERT_EQ(h.versions.size(), 2u);
  EXPECT_EQ(h.versions[0].commit.effective_date.to_string(), "2024-04-01");
  EXPECT_EQ(h.versions[0].commit.effective_source, EffectiveSource::commit);
  EXPECT_EQ(h.versions[0].commit.committer.iso_time(), "2024-04-01T20:00:00-05:00");
  EXPECT_EQ(h.versions[1].commit.effective_date.to_string(), "2024-04-01");
  EXPECT_EQ(h.versions[1].commit.committer.iso_time(), "2024-04-01T01:30:00+02:00");
}

// Commit text that is not UTF-8 (histories converted from SVN or CVS):
// without an encoding header each ill-formed sequence is one U+FFFD.
TEST(History, CommitTextWithoutEncodingIsUtf8WithReplacement) {
  TestRepo repo;
  repo.write("privacy.md", page("Hello."));
  // Latin-1 bytes, a truncated three-byte sequence, a lone 0xFF.
  repo.commit_as("Caf\xe9 \xe2\x82x\xff\n\nAccord-Reviewed: 2\xe9\n", k_jan1, "J\xf6rg M\xfcller",
                 "j\xf6rg@example.org", nullptr);
  History h = GitDocument((repo.path() / "privacy.md").string()).log();
  ASSERT_EQ(h.versions.size(), 1u);
  const CommitInfo& c = h.versions[0].commit;
  EXPECT_EQ(c.author.name, "J\uFFFDrg M\uFFFDller");
  EXPECT_EQ(c.author.email, "j\uFFFDrg@example.org");
  EXPECT_EQ(c.committer.name, "J\uFFFDrg M\uFFFDller");
  EXPECT_EQ(c.summary, "Caf\uFFFD \uFFFDx\uFFFD");
  EXPECT_EQ(c.reviewed, std::vector<std::string>{"2\uFFFD"});
}

TEST(History, CommitEncodingHeaderIsHonoured) {
  TestRepo repo;
  repo.write("privacy.md", page("Hello."));
  repo.commit_as("R\xe9sum\xe9\n\nEffective-Date: 2024-02-15\nAccord-Reviewed: 1\n", k_jan1,
                 "J\xf6rg", "jorg@example.org", "ISO-8859-1");
  repo.write("privacy.md", page("Hello, reader."));
  // 日本 in Shift_JIS.
  repo.commit_as("\x93\xfa\x96\x7b", k_jan1 + k_day, "\x93\xfa\x96\x7b", "jp@example.org",
                 "Shift_JIS");
  repo.write("privacy.md", page("Hello, readers."));
  // 0x80 is the euro sign in windows-1252, a C1 control in ISO-8859-1.
  repo.commit_as("5 \x80", k_jan1 + 2 * k_day, "Eur\xf6", "eu@example.org", "windows-1252");
  History h = GitDocument((repo.path() / "privacy.md").string()).log();
  ASSERT_EQ(h.versions.size(), 3u);
  EXPECT_EQ(h.versions[0].commit.summary, "5 \u20ac");
  EXPECT_EQ(h.versions[0].commit.author.name, "Eur\u00f6");
  EXPECT_EQ(h.versions[1].commit.summary, "\u65e5\u672c");
  EXPECT_EQ(h.versions[1].commit.author.name, "\u65e5\u672c");
  const CommitInfo& latin1 = h.versions[2].commit;
  EXPECT_EQ(latin1.author.name, "J\u00f6rg");
  EXPECT_EQ(latin1.committer.name, "J\u00f6rg");
  EXPECT_EQ(latin1.summary, "R\u00e9sum\u00e9");
  // The trailers are still read from the decoded message.
  EXPECT_EQ(latin1.effective_source, EffectiveSource::trailer);
  EXPECT_EQ(latin1.effective_date.to_string(), "2024-02-15");
  EXPECT_EQ(latin1.reviewed, std::vector<std::string>{"1"});
}

TEST(History, UnknownEncodingHeaderReadsUtf8WithReplacement) {
  TestRepo repo;
  repo.write("privacy.md", page("Hello."));
  repo.commit_as("Caf\u00e9 \xe9", k_jan1, "J\u00f6rg \xf6", "jorg@example.org",
                 "x-no-such-charset");
  repo.write("privacy.md", page("Hello, reader."));
  repo.commit_as("Explicit \xe9", k_jan1 + k_day, "UTF \xf6", "u@example.org", "utf-8");
  History h = GitDocument((repo.path() / "privacy.md").string()).log();
  ASSERT_EQ(h.versions.size(), 2u);
  EXPECT_EQ(h.versions[0].commit.summary, "Explicit \uFFFD");
  EXPECT_EQ(h.versions[0].commit.author.name, "UTF \uFFFD");
  EXPECT_EQ(h.versions[1].commit.summary, "Caf\u00e9 \uFFFD");
  EXPECT_EQ(h.versions[1].commit.author.name, "J\u00f6rg \uFFFD");
}

// Tag messages and tag names are read as UTF-8 too: the warnings that name
// them are valid UTF-8.
TEST(History, TagTextThatIsNotUtf8IsReplaced) {
  TestRepo repo;
  repo.write("privacy.md", page("Hello."));
  std::string first = repo.commit("First", k_jan1);
  // Latin-1 "é" in the message: the date line still reads.
  make_tag(repo.path(), "policy/privacy.md/2024-01-20", first,
           "Publi\xe9 le 5\nEffective-Date: 2024-01-20\n");
  make_tag(repo.path(), "policy/caf\xe9.md/2024-01-21", first, "Nothing \xe9\n");
  History h = GitDocument((repo.path() / "privacy.md").string()).log();
  ASSERT_EQ(h.versions.size(), 1u);
  EXPECT_EQ(h.versions[0].commit.effective_source, EffectiveSource::tag);
  EXPECT_EQ(h.versions[0].commit.effective_date.to_string(), "2024-01-20");
  ASSERT_EQ(h.warnings.size(), 1u);
  EXPECT_EQ(h.warnings[0].to_string(),
            "caf\uFFFD.md: tag policy/caf\uFFFD.md/2024-01-21 has no valid `Effective-Date: "
            "YYYY-MM-DD` in its message; it is ignored; publish with `accord publish`, which "
            "writes it");
}

TEST(History, InForceOnBothSidesOfAnEffectiveDate) {
  TestRepo repo;
  repo.write("privacy.md", page("Version one."));
  std::string v1 = repo.commit("One\n\nEffective-Date: 2024-01-10\n", k_jan1);
  repo.write("privacy.md", page("Version two."));
  std::string v2 = repo.commit("Two\n\nEffective-Date: 2024-03-01\n", k_jan1 + 31 * k_day);
  repo.write("privacy.md", page("Version three."));
  std::string v3 = repo.commit("Three\n\nEffective-Date: 2099-01-01\n", k_jan1 + 60 * k_day);
  GitDocument doc((repo.path() / "privacy.md").string());
  LogOptions walk_only;
  walk_only.with_changes = false;
  History h = doc.log(walk_only);
  ASSERT_EQ(h.versions.size(), 3u);

  EXPECT_EQ(version_in_force(h, *parse_date("2024-01-09")), nullptr);
  EXPECT_EQ(version_in_force(h, *parse_date("2024-01-10"))->commit.id, v1);
  // v2 was committed on Feb 1st but takes effect on Mar 1st.
  EXPECT_EQ(version_in_force(h, *parse_date("2024-02-29"))->commit.id, v1);
  EXPECT_EQ(version_in_force(h, *parse_date("2024-03-01"))->commit.id, v2);
  // v3 is committed but not yet in force.
  EXPECT_EQ(version_in_force(h, *parse_date("2030-06-01"))->commit.id, v2);
  EXPECT_EQ(version_in_force(h, *parse_date("2099-01-01"))->commit.id, v3);
  EXPECT_NE(doc.text_of(*version_in_force(h, *parse_date("2024-03-01"))).text.find("Version two."),
            std::string::npos);
}

TEST(History, ChangedSectionsComparedByNumberTitleAndText) {
  TestRepo repo;
  repo.write("privacy.md", page("Hello."));
  repo.commit("First", k_jan1);
  // Markup only: not a change of the section's text.
  repo.write("privacy.md", page("**Hello.**"));
  repo.commit("Bold", k_jan1 + k_day);
  repo.write("privacy.md",
             page("Hello, world.", "{{% title4 \"4. Contact\" %}}\n\nWrite to us.\n"));
  repo.commit("Contact", k_jan1 + 2 * k_day);
  std::string text = page("Hello, world.", "{{% title4 \"4. Contact\" %}}\n\nWrite to us.\n");
  text.replace(
      text.find("{{% title4 \"3. Retention\" %}}\n\nWe keep your data for 14 days.\n"),
      std::string("{{% title4 \"3. Retention\" %}}\n\nWe keep your data for 14 days.\n").size(),
      "");
  repo.write("privacy.md", text);
  repo.commit("Drop retention", k_jan1 + 3 * k_day);

  History h = GitDocument((repo.path() / "privacy.md").string()).log();
  ASSERT_EQ(h.versions.size(), 4u);
  auto describe = [](const Version& v) {
    std::string out;
    for (const auto& c : v.changes) {
      out += std::string(to_string(c.status)) + " " + c.number + " " + c.title + ";";
    }
    return out;
  };
  EXPECT_EQ(describe(h.versions[0]), "removed 3 Retention;");
  EXPECT_EQ(describe(h.versions[1]), "changed 1 Introduction;added 4 Contact;");
  EXPECT_EQ(describe(h.versions[2]), "");
  EXPECT_EQ(describe(h.versions[3]),
            "added 1 Introduction;added 2 What data we collect;added 3 Retention;");
  EXPECT_EQ(h.versions[1].changes[0].old_text, "Hello.");
  EXPECT_EQ(h.versions[1].changes[0].new_text, "Hello, world.");
}

TEST(History, RenamesAreFollowed) {
  TestRepo repo;
  std::string fixture = test::slurp(test::source_dir() / "fixtures/site/content/privacy.en.md");
  repo.write("content/policy.md", fixture);
  std::string first = repo.commit("First", k_jan1);
  fs::create_directories(repo.path() / "content/en");
  fs::rename(repo.path() / "content/policy.md", repo.path() / "content/en/privacy.md");
  repo.commit("Move", k_jan1 + k_day);  // a pure rename: no new version
  std::string edited = fixture;
  edited.replace(edited.find("Thank you for using"), 19, "Thanks for using");
  fs::rename(repo.path() / "content/en/privacy.md", repo.path() / "content/en/privacy.en.md");
  repo.write("content/en/privacy.en.md", edited);
  std::string third = repo.commit("Rename and edit", k_jan1 + 2 * k_day);

  GitDocument doc((repo.path() / "content/en/privacy.en.md").string());
  History h = doc.log();
  ASSERT_EQ(h.versions.size(), 2u);
  EXPECT_EQ(h.versions[0].commit.id, third);
  EXPECT_EQ(h.versions[0].path, "content/en/privacy.en.md");
  EXPECT_EQ(h.versions[0].renamed_from, "content/en/privacy.md");
  ASSERT_EQ(h.versions[0].changes.size(), 1u);
  EXPECT_EQ(h.versions[0].changes[0].title, "Introduction");
  EXPECT_EQ(h.versions[1].commit.id, first);
  EXPECT_EQ(h.versions[1].path, "content/policy.md");
  EXPECT_EQ(h.versions[1].changes.size(), 10u);  // nine numbered sections and the cookie policy
  EXPECT_EQ(doc.text_at(first).text, fixture);
  EXPECT_EQ(doc.text_at(first).path, "content/policy.md");
}

TEST(History, BlameNamesLastChangeAndLastSubstantiveChange) {
  TestRepo repo;
  repo.write("privacy.md", page("We collect data."));
  std::string first = repo.commit("First", k_jan1);
  repo.write("privacy.md", page("We collect   \"data\" ."));
  std::string second = repo.commit("Quotes and spacing", k_jan1 + k_day);
  std::string text = page("We collect   \"data\" .");
  text.replace(text.find("14 days"), 7, "30 days");
  repo.write("privacy.md", text);
  std::string third = repo.commit("Longer retention", k_jan1 + 2 * k_day);
  text.replace(text.find("We collect   \"data\" ."), 21, "WE COLLECT DATA");
  repo.write("privacy.md", text);
  std::string fourth = repo.commit("Shout", k_jan1 + 3 * k_day);

  Blame b = GitDocument((repo.path() / "privacy.md").string()).blame();
  EXPECT_EQ(b.commit, fourth);
  ASSERT_EQ(b.sections.size(), 3u);
  EXPECT_EQ(b.sections[0].title, "Introduction");
  EXPECT_EQ(b.sections[0].last_changed.id, fourth);
  EXPECT_EQ(b.sections[0].last_substantive.id, first);
  EXPECT_EQ(b.sections[1].last_changed.id, first);
  EXPECT_EQ(b.sections[1].last_substantive.id, first);
  EXPECT_EQ(b.sections[2].title, "Retention");
  EXPECT_EQ(b.sections[2].last_changed.id, third);
  EXPECT_EQ(b.sections[2].last_substantive.id, third);
  EXPECT_FALSE(b.sections[0].truncated);
  (void)second;
}

// Runs a shell command; fails the test when it fails.
void shell(const std::string& command) { ASSERT_EQ(std::system(command.c_str()), 0) << command; }

TEST(History, ShallowCloneIsFlaggedTruncated) {
  TestRepo repo;
  repo.write("privacy.md", page("One."));
  repo.commit("One", k_jan1);
  repo.write("privacy.md", page("Two."));
  repo.commit("Two", k_jan1 + k_day);
  repo.write("privacy.md", page("Three."));
  std::string head = repo.commit("Three", k_jan1 + 2 * k_day);
  TempDir clone_dir;
  fs::path clone = clone_dir / "clone";
  shell("git clone -q --depth 2 file://" + repo.path().string() + " " + clone.string());

  GitDocument doc((clone / "privacy.md").string());
  History h = doc.log();
  ASSERT_TRUE(h.truncated);
  ASSERT_EQ(h.versions.size(), 2u);
  EXPECT_EQ(h.versions[0].commit.id, head);
  EXPECT_FALSE(h.versions[0].at_truncation);
  EXPECT_EQ(h.versions[0].changes.size(), 1u);
  EXPECT_TRUE(h.versions[1].at_truncation);
  EXPECT_TRUE(h.versions[1].changes.empty());
  EXPECT_EQ(h.truncated->oldest_commit, h.versions[1].commit.id);
  EXPECT_EQ(h.truncated->message(),
            "history is truncated (shallow clone): it goes back only to commit " +
                h.versions[1].commit.id.substr(0, 12) +
                " of 2024-01-02; run `git fetch --unshallow` for the rest");

  Blame b = doc.blame();
  ASSERT_TRUE(b.truncated);
  ASSERT_EQ(b.sections.size(), 3u);
  EXPECT_EQ(b.sections[0].last_changed.id, head);
  EXPECT_FALSE(b.sections[0].truncated);
  EXPECT_EQ(b.sections[1].last_changed.id, h.versions[1].commit.id);
  EXPECT_TRUE(b.sections[1].truncated);
}

// GitDocument::log_both walks the commits once for two documents; each
// History must equal the document's own log(): versions, paths and renames,
// changes, effective dates, warnings (a tag's and a commit's) and
// truncation.
void expect_log_both_equals_log(const fs::path& root, const std::string& first_path,
                                const std::string& second_path) {
  GitDocument first((root / first_path).string());
  GitDocument second((root / second_path).string());
  LogOptions a;
  LogOptions b;
  // The second document's changes stop at the first's oldest version: it
  // must see the first's history complete.
  long long oldest = 0;
  a.more_changes = [&](const Version& v) {
    oldest = v.commit.committer.time;
    return true;
  };
  b.more_changes = [&](const Version& v) { return v.commit.committer.time > oldest + 2 * k_day; };
  auto [one, two] = GitDocument::log_both(first, a, second, b);
  EXPECT_EQ(to_json(one).dump(1), to_json(first.log(a)).dump(1));
  EXPECT_EQ(to_json(two).dump(1), to_json(second.log(b)).dump(1));
  // Had the second's more_changes run before the first's history was
  // complete (oldest still 0), it would never have stopped.
  EXPECT_TRUE(two.versions.back().changes_skipped);
}

TEST(History, LogBothEqualsEachDocumentsLog) {
  TestRepo repo;
  repo.write("content/privacy.en.md", page("One."));
  repo.write("content/privacy.et.md", page("Üks."));
  repo.commit("Both", k_jan1);
  repo.write("content/privacy.en.md", page("Two."));
  repo.commit("English\n\nEffective-Date: 2024-02-30\n", k_jan1 + k_day);
  repo.write("content/privacy.et.md", page("Kaks."));
  repo.commit("Estonian\n\nAccord-Reviewed: 1\n", k_jan1 + 2 * k_day);
  fs::create_directories(repo.path() / "content/et");
  fs::rename(repo.path() / "content/privacy.et.md", repo.path() / "content/et/privacy.md");
  repo.commit("Move the Estonian page", k_jan1 + 3 * k_day);
  repo.write("content/privacy.en.md", page("Two.", "{{% title4 \"4. Cookies\" %}}\n\nNone.\n"));
  repo.write("content/et/privacy.md", page("Kaks.", "{{% title4 \"4. Küpsised\" %}}\n\nPole.\n"));
  std::string head = repo.commit("Both again\n\nEffective-Date: 2024-03-01\n", k_jan1 + 4 * k_day);
  // A lightweight tag records no effective date: a warning in both histories.
  shell("git -C " + repo.path().string() + " tag policy/content/privacy.en.md/2024-01-20 " + head);

  History en = GitDocument((repo.path() / "content/privacy.en.md").string()).log();
  ASSERT_EQ(en.versions.size(), 3u);
  ASSERT_EQ(en.warnings.size(), 2u);  // the tag's, then the malformed trailer's
  expect_log_both_equals_log(repo.path(), "content/privacy.en.md", "content/et/privacy.md");
  expect_log_both_equals_log(repo.path(), "content/et/privacy.md", "content/privacy.en.md");

  TempDir clone_dir;
  fs::path clone = clone_dir / "clone";
  shell("git clone -q --depth 2 file://" + repo.path().string() + " " + clone.string());
  ASSERT_TRUE(GitDocument((clone / "content/privacy.en.md").string()).log().truncated);
  expect_log_both_equals_log(clone, "content/privacy.en.md", "content/et/privacy.md");
}

TEST(History, LogBothFollowsMergesAndFallsBackForTwoRevisions) {
  TestRepo repo;
  const std::string r = repo.path().string();
  repo.write("content/privacy.en.md", page("One."));
  repo.write("content/privacy.et.md", page("Üks."));
  repo.commit("Both", k_jan1);
  // The English page changes on both sides of a merge, in different
  // sections; the Estonian one only on the main line.
  shell("git -C " + r + " checkout -q -b side");
  std::string side = page("One.");
  side.replace(side.find("name and e-mail"), 15, "name, e-mail");
  repo.write("content/privacy.en.md", side);
  repo.commit("Side: section 2", k_jan1 + k_day);
  shell("git -C " + r + " checkout -q -");
  repo.write("content/privacy.en.md", page("Two."));
  repo.write("content/privacy.et.md", page("Kaks."));
  repo.commit("Main: section 1", k_jan1 + 2 * k_day);
  shell("cd " + r +
        " && GIT_AUTHOR_DATE='@1704326400 +0000' GIT_COMMITTER_DATE='@1704326400 +0000' "
        "git -c user.name='Accord Test' -c user.email=test@example.org merge -q --no-ff "
        "--no-edit side >/dev/null");
  History en = GitDocument((repo.path() / "content/privacy.en.md").string()).log();
  ASSERT_EQ(en.versions.size(), 4u);  // the merge, both sides, the first
  EXPECT_EQ(en.versions[0].commit.summary, "Merge branch 'side'");
  expect_log_both_equals_log(repo.path(), "content/privacy.en.md", "content/privacy.et.md");
  expect_log_both_equals_log(repo.path(), "content/privacy.et.md", "content/privacy.en.md");

  // Two revisions: two walks, the same answers.
  GitDocument first((repo.path() / "content/privacy.en.md").string());
  GitDocument second((repo.path() / "content/privacy.et.md").string());
  LogOptions head;
  LogOptions older;
  older.rev = "HEAD~1";
  auto [a, b] = GitDocument::log_both(first, head, second, older);
  EXPECT_EQ(to_json(a).dump(1), to_json(first.log(head)).dump(1));
  EXPECT_EQ(to_json(b).dump(1), to_json(second.log(older)).dump(1));
  EXPECT_EQ(b.rev, "HEAD~1");
}

TEST(History, ShareRepositoryOnlyWithinOneWorkTree) {
  TestRepo repo;
  repo.write("content/privacy.en.md", page("One."));
  repo.write("content/privacy.et.md", page("Üks."));
  repo.commit("Both", k_jan1);
  TestRepo other;
  other.write("privacy.md", page("Other."));
  other.commit("Other", k_jan1);

  GitDocument en((repo.path() / "content/privacy.en.md").string());
  GitDocument et((repo.path() / "content/privacy.et.md").string());
  GitDocument elsewhere((other.path() / "privacy.md").string());
  const std::string et_log = to_json(et.log()).dump(1);
  EXPECT_FALSE(elsewhere.share_repository(en));
  EXPECT_TRUE(et.share_repository(en));
  EXPECT_TRUE(et.share_repository(en));  // already shared
  EXPECT_EQ(to_json(et.log()).dump(1), et_log);
  EXPECT_EQ(et.path(), "content/privacy.et.md");
  EXPECT_EQ(elsewhere.log().versions.size(), 1u);
}

TEST(Git, NotARepository) {
  TempDir dir;
  test::write_file(dir / "privacy.md", page("Hello."));
  std::string doc = (dir / "privacy.md").string();
  try {
    GitDocument g(doc);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              doc +
                  ": not inside a git repository; run accord on a document in a clone of the "
                  "site's repository (see `git clone`)");
  }
}

TEST(Git, UnknownRevision) {
  TestRepo repo;
  repo.write("privacy.md", page("Hello."));
  repo.commit("First", k_jan1);
  GitDocument doc((repo.path() / "privacy.md").string());
  try {
    LogOptions options;
    options.rev = "no-such-branch";
    doc.log(options);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              repo.path().string() +
                  ": unknown revision 'no-such-branch'; name a commit, branch or tag of this "
                  "repository (see `git log --oneline`)");
  }
}

TEST(Git, UnbornBranch) {
  TestRepo repo;
  repo.write("privacy.md", page("Hello."));
  GitDocument doc((repo.path() / "privacy.md").string());
  try {
    doc.log();
    FAIL() << "no error";
  } catch (const Error& e) {
    std::string what = e.what();
    EXPECT_EQ(what.substr(0, repo.path().string().size()), repo.path().string());
    EXPECT_NE(what.find(": branch '"), std::string::npos) << what;
    EXPECT_NE(what.find("' has no commits yet; commit the document first, or name a revision "
                        "with --rev"),
              std::string::npos)
        << what;
  }
}

TEST(Git, DocumentNotInRevision) {
  TestRepo repo;
  repo.write("other.md", page("Hello."));
  repo.commit("First", k_jan1);
  GitDocument doc((repo.path() / "privacy.md").string());
  EXPECT_EQ(doc.path(), "privacy.md");
  try {
    doc.log();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "privacy.md: not in revision 'HEAD' of " + repo.path().string() +
                  "; check the path and revision; `git log --all --oneline -- privacy.md` shows "
                  "where it has been");
  }
}

TEST(Git, CorruptObjectNamesTheRepository) {
  TestRepo repo;
  repo.write("privacy.md", page("Hello."));
  repo.commit("First", k_jan1);
  repo.write("privacy.md", page("Hello again."));
  std::string head = repo.commit("Second", k_jan1 + k_day);
  // Remove the first commit's object: the history now points at nothing.
  GitDocument doc((repo.path() / "privacy.md").string());
  History h = doc.log();
  ASSERT_EQ(h.versions.size(), 2u);
  std::string first = h.versions[1].commit.id;
  fs::remove(repo.path() / ".git/objects" / first.substr(0, 2) / first.substr(2));
  GitDocument again((repo.path() / "privacy.md").string());
  try {
    again.log();
    FAIL() << "no error";
  } catch (const Error& e) {
    std::string what = e.what();
    EXPECT_EQ(what.rfind(repo.path().string() + ": cannot read object " + first + ": ", 0), 0u)
        << what;
    EXPECT_NE(what.find("; the repository may be corrupt; run `git fsck` in it and re-clone if "
                        "it reports damage"),
              std::string::npos)
        << what;
  }
}

}  // namespace
}  // namespace accord
