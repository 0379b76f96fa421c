// accord log, show and blame, run as a user runs them, on real repositories
// with fixed dates. Asserts the exact text a user sees.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "test_support.hpp"

namespace accord {
namespace {

using test::run_accord;
using test::TempDir;
using test::TestRepo;

constexpr long long k_jan1 = 1704067200;  // 2024-01-01T00:00:00Z
constexpr long long k_day = 86400;

std::string page(const std::string& intro, const std::string& retention = "14 days") {
  return "---\ntitle: Privacy\n---\n\n{{% title4 \"1. Introduction\" %}}\n\n" + intro +
         "\n\n{{% title4 \"2. Retention\" %}}\n\nWe keep your data for " + retention + ".\n";
}

// Two versions: one effective on its commit date, one by trailer.
struct TwoVersions {
  TestRepo repo;
  std::string first;
  std::string second;
  TwoVersions() {
    repo.write("privacy.md", page("Hello."));
    first = repo.commit("First", k_jan1);
    repo.write("privacy.md", page("Hello, reader."));
    second = repo.commit("Second\n\nEffective-Date: 2024-02-01\n", k_jan1 + k_day);
  }
};

TEST(HistoryCli, LogText) {
  TwoVersions t;
  auto r = run_accord({"log", "privacy.md"}, t.repo.path());
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "commit " + t.second +
                       "\n"
                       "Author:    Accord Test <test@example.org>\n"
                       "Date:      2024-01-02T00:00:00+00:00\n"
                       "Effective: 2024-02-01 (trailer)\n"
                       "\n"
                       "    Second\n"
                       "\n"
                       "    changed  substantial 1. Introduction (wording: +reader)\n"
                       "\n"
                       "commit " +
                       t.first +
                       "\n"
                       "Author:    Accord Test <test@example.org>\n"
                       "Date:      2024-01-01T00:00:00+00:00\n"
                       "Effective: 2024-01-01 (commit)\n"
                       "\n"
                       "    First\n"
                       "\n"
                       "    added    substantial 1. Introduction\n"
                       "    added    substantial 2. Retention\n"
                       "\n"
                       "2 versions of privacy.md\n");
}

TEST(HistoryCli, LogJsonClassifiesEachChange) {
  TwoVersions t;
  auto r = run_accord({"log", "privacy.md", "--format", "json"}, t.repo.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::ordered_json::parse(r.out);  // key order is part of the schema
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["path"], "privacy.md");
  EXPECT_EQ(j["truncated"], nullptr);
  ASSERT_EQ(j["versions"].size(), 2u);
  const auto& v = j["versions"][0];
  EXPECT_EQ(v["commit"], t.second);
  EXPECT_EQ(v["effective_date"], "2024-02-01");
  EXPECT_EQ(v["effective_source"], "trailer");
  EXPECT_EQ(v["published"], nullptr);  // set only by accord publish (see publish_cli_test)
  EXPECT_EQ(v["author"]["date"], "2024-01-02T00:00:00+00:00");
  ASSERT_EQ(v["changes"].size(), 1u);
  EXPECT_EQ(
      v["changes"][0].dump(),
      R"({"section":{"number":"1","title":"Introduction"},"status":"changed",)"
      R"("classification":"substantial","reasons":[{"kind":"wording","old":null,"new":"reader"}]})");
}

// A number changed with a typo beside it, then the typo fixed: log calls the
// fix editorial, and blame's last substantive change stays at the number.
struct TypoFixed : TwoVersions {
  std::string number;
  std::string typo;
  TypoFixed() {
    repo.write("privacy.md", page("Hello, reader.", "30 dasy"));
    number = repo.commit("Keep for longer", k_jan1 + 2 * k_day);
    repo.write("privacy.md", page("Hello, reader.", "30 days"));
    typo = repo.commit("Fix a typo", k_jan1 + 3 * k_day);
  }
};

TEST(HistoryCli, LogCallsATypoFixEditorialAndANumberSubstantial) {
  TypoFixed t;
  auto r = run_accord({"log", "privacy.md"}, t.repo.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(
      r.out.find("    Fix a typo\n\n    changed  editorial   2. Retention (typo: dasy -> days)\n"),
      std::string::npos)
      << r.out;
  EXPECT_NE(
      r.out.find(
          "    Keep for longer\n\n    changed  substantial 2. Retention (number: 14 -> 30)\n"),
      std::string::npos)
      << r.out;
}

TEST(HistoryCli, BlameDoesNotCountATypoFixAsSubstantive) {
  TypoFixed t;
  auto r = run_accord({"blame", "privacy.md", "--format", "json"}, t.repo.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["basis"], "classifier");
  ASSERT_EQ(j["sections"].size(), 2u);
  EXPECT_EQ(j["sections"][1]["last_changed"]["commit"], t.typo);
  EXPECT_EQ(j["sections"][1]["last_substantive"]["commit"], t.number);
  EXPECT_EQ(j["sections"][0]["last_substantive"]["commit"], t.second);
}

TEST(HistoryCli, ShowAsOfBothSidesOfTheEffectiveDate) {
  TwoVersions t;
  auto before = run_accord({"show", "privacy.md", "--as-of", "2024-01-31"}, t.repo.path());
  EXPECT_EQ(before.exit_code, 0) << before.err;
  EXPECT_EQ(before.out, page("Hello."));
  auto on = run_accord({"show", "privacy.md", "--as-of", "2024-02-01"}, t.repo.path());
  EXPECT_EQ(on.exit_code, 0) << on.err;
  EXPECT_EQ(on.out, page("Hello, reader."));
  auto rev = run_accord({"show", "privacy.md", "--rev", "HEAD~1"}, t.repo.path());
  EXPECT_EQ(rev.out, page("Hello."));
}

TEST(HistoryCli, ShowAsOfAFutureVersionIsNotYetInForce) {
  TwoVersions t;
  t.repo.write("privacy.md", page("Hello, reader.", "30 days"));
  t.repo.commit("Longer retention\n\nEffective-Date: 2099-01-01\n", k_jan1 + 2 * k_day);
  auto r = run_accord({"show", "privacy.md", "--as-of", "2030-01-01", "--format", "json"},
                      t.repo.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["commit"], t.second);
  EXPECT_EQ(j["in_force"]["effective_date"], "2024-02-01");
  EXPECT_EQ(j["text"], page("Hello, reader."));
}

TEST(HistoryCli, ShowAsOfBeforeTheFirstVersion) {
  TwoVersions t;
  auto r = run_accord({"show", "privacy.md", "--as-of", "2023-12-31"}, t.repo.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "accord: error: privacy.md: no version was in force on 2023-12-31: the first "
            "version (" +
                t.first.substr(0, 12) +
                ") takes effect on 2024-01-01; pass a date on or after 2024-01-01 (see "
                "`accord log privacy.md`)\n");
}

TEST(HistoryCli, ShowAsOfRejectsANonDate) {
  TwoVersions t;
  auto r = run_accord({"show", "privacy.md", "--as-of", "2024-02-30"}, t.repo.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "accord: error: --as-of: '2024-02-30' is not a calendar date; write it as "
            "YYYY-MM-DD, e.g. 2024-05-01\n");
}

TEST(HistoryCli, BlameText) {
  TwoVersions t;
  t.repo.write("privacy.md", page("hello,   reader!"));
  std::string third = t.repo.commit("Case and punctuation", k_jan1 + 2 * k_day);
  auto r = run_accord({"blame", "privacy.md"}, t.repo.path());
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "privacy.md at " + third.substr(0, 12) +
                       " (substantive: classifier, see --help)\n"
                       "\n"
                       "1. Introduction  line 5\n"
                       "    last changed      " +
                       third.substr(0, 12) +
                       "  2024-01-03  Case and punctuation\n"
                       "    last substantive  " +
                       t.second.substr(0, 12) +
                       "  2024-01-02  Second\n"
                       "\n"
                       "2. Retention  line 9\n"
                       "    last changed      " +
                       t.first.substr(0, 12) +
                       "  2024-01-01  First\n"
                       "    last substantive  " +
                       t.first.substr(0, 12) + "  2024-01-01  First\n");
  auto json = run_accord({"blame", "privacy.md", "--format", "json"}, t.repo.path());
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["basis"], "classifier");
  EXPECT_EQ(j["sections"][0]["last_substantive"]["commit"], t.second);
}

TEST(HistoryCli, ShallowCloneSaysHowFarHistoryGoes) {
  TwoVersions t;
  TempDir dir;
  std::string clone = (dir / "clone").string();
  std::string command = "git clone -q --depth 1 file://" + t.repo.path().string() + " " + clone;
  ASSERT_EQ(std::system(command.c_str()), 0);
  auto r = run_accord({"log", "privacy.md"}, clone);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "commit " + t.second +
                       "\n"
                       "Author:    Accord Test <test@example.org>\n"
                       "Date:      2024-01-02T00:00:00+00:00\n"
                       "Effective: 2024-02-01 (trailer)\n"
                       "\n"
                       "    Second\n"
                       "\n"
                       "    (history is truncated here: changes unknown)\n"
                       "\n"
                       "1 version of privacy.md\n"
                       "note: history is truncated (shallow clone): it goes back only to commit " +
                       t.second.substr(0, 12) +
                       " of 2024-01-02; run `git fetch --unshallow` for the rest\n");
  // Before the oldest commit available, the answer is unknown, not "none".
  auto s = run_accord({"show", "privacy.md", "--as-of", "2024-01-15"}, clone);
  EXPECT_EQ(s.exit_code, 2);
  EXPECT_EQ(s.err,
            "accord: error: privacy.md: cannot tell which version was in force on 2024-01-15: "
            "history is truncated (shallow clone): it goes back only to commit " +
                t.second.substr(0, 12) +
                " of 2024-01-02; run `git fetch --unshallow` for the rest\n");
}

// Commits whose text is not UTF-8, as histories converted from SVN or CVS
// have: one without an encoding header (Latin-1 bytes), one with
// `encoding ISO-8859-1`, one naming a charset nobody knows.
struct NotUtf8History {
  TestRepo repo;
  std::string first;
  std::string second;
  std::string third;
  NotUtf8History() {
    repo.write("privacy.md", page("Hello."));
    first = repo.commit_as("Caf\xe9", k_jan1, "J\xf6rg", "j\xf6rg@example.org", nullptr);
    repo.write("privacy.md", page("Hello, reader."));
    second =
        repo.commit_as("R\xe9sum\xe9", k_jan1 + k_day, "J\xf6rg", "jorg@example.org", "ISO-8859-1");
    repo.write("privacy.md", page("Hello, reader.", "30 days"));
    third = repo.commit_as("Unknown \xe9", k_jan1 + 2 * k_day, "Ren\u00e9", "rene@example.org",
                           "x-no-such-charset");
  }
};

TEST(HistoryCli, LogOfCommitsThatAreNotUtf8) {
  NotUtf8History t;
  auto json = run_accord({"log", "privacy.md", "--format", "json"}, t.repo.path());
  EXPECT_EQ(json.err, "");
  ASSERT_EQ(json.exit_code, 0);
  auto j = nlohmann::json::parse(json.out);
  ASSERT_EQ(j["versions"].size(), 3u);
  EXPECT_EQ(j["versions"][0]["summary"], "Unknown \uFFFD");
  EXPECT_EQ(j["versions"][0]["author"]["name"], "Ren\u00e9");
  EXPECT_EQ(j["versions"][1]["summary"], "R\u00e9sum\u00e9");
  EXPECT_EQ(j["versions"][1]["author"]["name"], "J\u00f6rg");
  EXPECT_EQ(j["versions"][2]["summary"], "Caf\uFFFD");
  EXPECT_EQ(j["versions"][2]["author"]["name"], "J\uFFFDrg");
  EXPECT_EQ(j["versions"][2]["committer"]["email"], "j\uFFFDrg@example.org");

  auto text = run_accord({"log", "privacy.md"}, t.repo.path());
  EXPECT_EQ(text.err, "");
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("Author:    Ren\u00e9 <rene@example.org>\n"
                          "Date:      2024-01-03T00:00:00+00:00\n"
                          "Effective: 2024-01-03 (commit)\n"
                          "\n"
                          "    Unknown \uFFFD\n"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("Author:    J\u00f6rg <jorg@example.org>\n"
                          "Date:      2024-01-02T00:00:00+00:00\n"
                          "Effective: 2024-01-02 (commit)\n"
                          "\n"
                          "    R\u00e9sum\u00e9\n"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("Author:    J\uFFFDrg <j\uFFFDrg@example.org>\n"
                          "Date:      2024-01-01T00:00:00+00:00\n"
                          "Effective: 2024-01-01 (commit)\n"
                          "\n"
                          "    Caf\uFFFD\n"),
            std::string::npos)
      << text.out;
}

TEST(HistoryCli, BlameOfCommitsThatAreNotUtf8) {
  NotUtf8History t;
  auto json = run_accord({"blame", "privacy.md", "--format", "json"}, t.repo.path());
  EXPECT_EQ(json.err, "");
  ASSERT_EQ(json.exit_code, 0);
  auto j = nlohmann::json::parse(json.out);
  ASSERT_EQ(j["sections"].size(), 2u);
  EXPECT_EQ(j["sections"][0]["last_changed"]["summary"], "R\u00e9sum\u00e9");
  EXPECT_EQ(j["sections"][0]["last_changed"]["author"]["name"], "J\u00f6rg");
  EXPECT_EQ(j["sections"][1]["last_changed"]["summary"], "Unknown \uFFFD");

  auto text = run_accord({"blame", "privacy.md"}, t.repo.path());
  EXPECT_EQ(text.err, "");
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_EQ(text.out, "privacy.md at " + t.third.substr(0, 12) +
                          " (substantive: classifier, see --help)\n"
                          "\n"
                          "1. Introduction  line 5\n"
                          "    last changed      " +
                          t.second.substr(0, 12) + "  2024-01-02  R\u00e9sum\u00e9\n" +
                          "    last substantive  " + t.second.substr(0, 12) +
                          "  2024-01-02  R\u00e9sum\u00e9\n"
                          "\n"
                          "2. Retention  line 9\n"
                          "    last changed      " +
                          t.third.substr(0, 12) + "  2024-01-03  Unknown \uFFFD\n" +
                          "    last substantive  " + t.third.substr(0, 12) +
                          "  2024-01-03  Unknown \uFFFD\n");
}

TEST(HistoryCli, ShowAsOfACommitThatIsNotUtf8) {
  NotUtf8History t;
  auto r = run_accord({"show", "privacy.md", "--as-of", "2024-01-01", "--format", "json"},
                      t.repo.path());
  EXPECT_EQ(r.err, "");
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["commit"], t.first);
  EXPECT_EQ(j["in_force"]["author"]["name"], "J\uFFFDrg");
  EXPECT_EQ(j["in_force"]["summary"], "Caf\uFFFD");
  auto latin1 = run_accord({"show", "privacy.md", "--as-of", "2024-01-02", "--format", "json"},
                           t.repo.path());
  ASSERT_EQ(latin1.exit_code, 0) << latin1.err;
  EXPECT_EQ(nlohmann::json::parse(latin1.out)["in_force"]["summary"], "R\u00e9sum\u00e9");
  auto text = run_accord({"show", "privacy.md", "--as-of", "2024-01-01"}, t.repo.path());
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out, page("Hello."));
}

// A file name in another charset (no commit header can say which): JSON
// still comes out, with U+FFFD for the bytes that are not UTF-8.
TEST(HistoryCli, LogJsonOfARenameFromAFileNameThatIsNotUtf8) {
  TestRepo repo;
  repo.write("caf\xe9.md", page("Hello."));
  repo.commit("First", k_jan1);
  std::filesystem::rename(repo.path() / "caf\xe9.md", repo.path() / "privacy.md");
  repo.write("privacy.md", page("Hello, reader."));
  repo.commit("Rename", k_jan1 + k_day);
  auto r = run_accord({"log", "privacy.md", "--format", "json"}, repo.path());
  EXPECT_EQ(r.err, "");
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["versions"].size(), 2u);
  EXPECT_EQ(j["versions"][0]["renamed_from"], "caf\uFFFD.md");
  EXPECT_EQ(j["versions"][1]["path"], "caf\uFFFD.md");
}

TEST(HistoryCli, NotARepository) {
  TempDir dir;
  test::write_file(dir / "privacy.md", page("Hello."));
  auto r = run_accord({"log", "privacy.md"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "accord: error: privacy.md: not inside a git repository; run accord on a document in "
            "a clone of the site's repository (see `git clone`)\n");
}

TEST(HistoryCli, UnknownRevision) {
  TwoVersions t;
  auto r = run_accord({"show", "privacy.md", "--rev", "v9"}, t.repo.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "accord: error: " + t.repo.path().string() +
                       ": unknown revision 'v9'; name a commit, branch or tag of this repository "
                       "(see `git log --oneline`)\n");
}

}  // namespace
}  // namespace accord
