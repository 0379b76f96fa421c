// accord check and accord align through the built binary.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "test_support.hpp"

namespace accord {
namespace {
using test::run_accord;
using test::slurp;
using test::source_dir;

TEST(CliCheck, ExampleSiteTextMatchesGoldenAndExits1) {
  auto r = run_accord({"check", "fixtures/site"}, source_dir());
  EXPECT_EQ(1, r.exit_code) << r.err;
  EXPECT_EQ(slurp(source_dir() / "fixtures/golden/check-site.txt"), r.out);
  EXPECT_EQ("", r.err);
}

TEST(CliCheck, ExampleSiteJsonMatchesGolden) {
  auto r = run_accord({"check", "fixtures/site", "--format", "json"}, source_dir());
  EXPECT_EQ(1, r.exit_code) << r.err;
  EXPECT_EQ(slurp(source_dir() / "fixtures/golden/check-site.json"), r.out);
}

TEST(CliCheck, FaithfulTranslationExits0) {
  auto r = run_accord({"check", "fixtures/translated"}, source_dir());
  EXPECT_EQ(0, r.exit_code) << r.err << r.out;
  EXPECT_EQ("0 errors, 0 warnings in 1 pair\n", r.out);
}

TEST(CliCheck, GermanPairExits0) {
  auto r = run_accord({"check", "fixtures/de"}, source_dir());
  EXPECT_EQ(0, r.exit_code) << r.err << r.out;
  EXPECT_EQ("0 errors, 0 warnings in 1 pair\n", r.out);
}

TEST(CliCheck, FailOnNeverExits0WithFindings) {
  auto r = run_accord({"check", "fixtures/site", "--fail-on", "never"}, source_dir());
  EXPECT_EQ(0, r.exit_code);
  EXPECT_NE(std::string::npos, r.out.find("6 errors, 0 warnings in 1 pair")) << r.out;
}

TEST(CliCheck, AFileSelectsItsPair) {
  auto r = run_accord({"check", "fixtures/site/content/privacy.et.md"}, source_dir());
  EXPECT_EQ(1, r.exit_code) << r.err;
  EXPECT_EQ(slurp(source_dir() / "fixtures/golden/check-site.txt"), r.out);
}

TEST(CliCheck, RunsFromInsideTheSiteWithNoPath) {
  // From a folder inside the site, with no PATH: the site is found above
  // it, its one pair is checked, and the paths are shown from here.
  auto quiet = run_accord({"check"}, source_dir() / "fixtures/translated/content");
  EXPECT_EQ(0, quiet.exit_code) << quiet.err;
  EXPECT_EQ("", quiet.err);
  EXPECT_NE(std::string::npos, quiet.out.find("0 errors, 0 warnings in 1 pair\n")) << quiet.out;
  auto r = run_accord({"check", "--format", "json"}, source_dir() / "fixtures/site/content");
  EXPECT_EQ(1, r.exit_code) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(6u, j.at("findings").size()) << r.out;
  EXPECT_EQ("untranslated", j["findings"][1]["rule"]);
  EXPECT_EQ(72, j["findings"][1]["line"]);
  EXPECT_EQ(6, j["summary"]["errors"]);
}

TEST(CliCheck, MissingPathIsExit2) {
  auto r = run_accord({"check", "no/such/site"}, source_dir());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: no/such/site: no such file or folder; check the path\n", r.err);
}

TEST(CliCheck, FileOutsideAnyPairIsSkippedWithANotice) {
  // pre-commit passes every changed .md file, README.md included.
  auto r =
      run_accord({"check", "README.md", "fixtures/translated/content/privacy.et.md"}, source_dir());
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(
      "note: README.md: not part of any translation pair, skipped; run 'accord pairs' to see "
      "the pairs of the site\n\n0 errors, 0 warnings in 1 pair\n",
      r.out);
}

TEST(CliCheck, BothFilesOfAPairCheckItOnce) {
  auto r = run_accord({"check", "fixtures/site/content/privacy.en.md",
                       "fixtures/site/content/privacy.et.md", "fixtures/site"},
                      source_dir());
  EXPECT_EQ(1, r.exit_code) << r.err;
  EXPECT_EQ(slurp(source_dir() / "fixtures/golden/check-site.txt"), r.out);
}

TEST(CliCheck, BadFailOnValueIsExit2) {
  auto r = run_accord({"check", "fixtures/site", "--fail-on", "sometimes"}, source_dir());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(0u, r.err.rfind("accord: error: --fail-on: sometimes not in {error,warning,never}", 0))
      << r.err;
}

TEST(CliCheck, InvalidUtf8InAPairIsExit2NamingTheFile) {
  test::TempDir dir;
  test::write_file(dir / "content/p.en.md", "# 1. A\n\nText.\n");
  test::write_file(dir / "content/p.et.md", "# 1. A\n\nTekst \xff.\n");
  auto r = run_accord({"check", dir.path().string()});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + (dir / "content/p.et.md").string() +
                ":3: invalid UTF-8 (byte 0xFF at column 7); save the file as UTF-8; accord never "
                "guesses another encoding\n",
            r.err);
  EXPECT_EQ("", r.out);
}

TEST(CliCheck, ColourOnlyWhenAsked) {
  auto plain = run_accord({"check", "fixtures/site"}, source_dir());
  EXPECT_EQ(std::string::npos, plain.out.find("\x1b[")) << "NO_COLOR is set and stdout is a file";
  auto forced = run_accord({"--color", "always", "check", "fixtures/site"}, source_dir());
  EXPECT_NE(std::string::npos, forced.out.find("\x1b[31merror\x1b[0m")) << forced.out;
}

TEST(CliAlign, ExampleSiteAlignsTenSections) {
  auto r = run_accord(
      {"align", "fixtures/site/content/privacy.en.md", "fixtures/site/content/privacy.et.md"},
      source_dir());
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(11, std::count(r.out.begin(), r.out.end(), '\n')) << r.out;  // header + 10 rows
  EXPECT_NE(std::string::npos, r.out.find("    8  1 Introduction  <->  1 Sissejuhatus  ")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("  122  Cookie Policy  <->  Cookie Policy  1.00"))
      << r.out;
}

TEST(CliAlign, JsonHasBlocks) {
  auto r = run_accord({"align", "fixtures/translated/content/privacy.en.md",
                       "fixtures/translated/content/privacy.et.md", "--format", "json"},
                      source_dir());
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("\"source_lines\": [")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("\"moved\": false")) << r.out;
}

}  // namespace
}  // namespace accord

namespace accord {
namespace {
using test::ScopedEnv;

TEST(CliCheckHistory, OutsideARepositoryTheHistoryRulesAreSkippedWithANote) {
  test::TempDir dir;
  test::write_file(dir / "content/p.en.md",
                   slurp(source_dir() / "fixtures/translated/content/privacy.en.md"));
  test::write_file(dir / "content/p.et.md",
                   slurp(source_dir() / "fixtures/translated/content/privacy.et.md"));
  auto r = run_accord({"check", dir.path().string()});
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ("note: " + dir.path().string() +
                ": not in a git repository; the history rules (outdated) were skipped\n\n"
                "0 errors, 0 warnings in 1 pair\n",
            r.out);
}

TEST(CliCheckHistory, RevOutsideARepositoryIsExit2) {
  test::TempDir dir;
  test::write_file(dir / "content/p.en.md", "# 1. A\n\nText here.\n");
  test::write_file(dir / "content/p.et.md", "# 1. A\n\nTekst siin.\n");
  auto r = run_accord({"check", dir.path().string(), "--rev", "HEAD"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + dir.path().string() +
                ": --rev needs a git repository, and this site is not in one; run accord check "
                "without --rev, or from inside the repository\n",
            r.err);
}

TEST(CliCheckHistory, ShallowCloneGivesHistoryTruncatedWarnings) {
  test::TestRepo repo;
  std::string en = slurp(source_dir() / "fixtures/translated/content/privacy.en.md");
  repo.write("content/p.en.md", en);
  repo.write("content/p.et.md", slurp(source_dir() / "fixtures/translated/content/privacy.et.md"));
  repo.commit("First", 1767261600);
  repo.write("content/p.en.md", en + "\n");
  repo.commit("Second", 1767261600 + 86400);
  test::TempDir clone;
  std::string cmd = "git clone -q --depth 1 file://" + repo.path().string() + " " +
                    (clone / "c").string() + " 2>/dev/null";
  ASSERT_EQ(0, std::system(cmd.c_str()));
  auto r = run_accord({"check", "--format", "json"}, clone / "c");
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_NE(std::string::npos, r.out.find("\"rule\": \"history-truncated\"")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("history is truncated (shallow clone)")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("\"warnings\": 2")) << r.out;
}

TEST(CliCheckHistory, UnknownRevisionIsExit2) {
  auto r = run_accord({"check", "fixtures/site", "--rev", "no-such-rev"}, source_dir());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(0u, r.err.rfind("accord: error: ", 0)) << r.err;
  EXPECT_NE(std::string::npos, r.err.find("no-such-rev")) << r.err;
  EXPECT_EQ(1, std::count(r.err.begin(), r.err.end(), '\n')) << r.err;
}

// The dictionaries load while the history is read; their failure must still
// be an error of its own, not a history problem that skips the rules.
TEST(CliCheckHistory, MissingDictionaryIsExit2InARepository) {
  test::TestRepo repo;
  repo.write("content/p.en.md", slurp(source_dir() / "fixtures/translated/content/privacy.en.md"));
  repo.write("content/p.et.md", slurp(source_dir() / "fixtures/translated/content/privacy.et.md"));
  repo.commit("First", 1767261600);
  test::TempDir empty;
  ScopedEnv env("ACCORD_HUNSPELL_DIR", empty.path().string());
  auto r = run_accord({"check"}, repo.path());
  EXPECT_EQ(2, r.exit_code) << r.out << r.err;
  EXPECT_EQ("", r.out);
  EXPECT_EQ("accord: error: " + (empty.path() / "en_US.dic").string() +
                ": no hunspell dictionary for language \"en\"; install the Debian package "
                "hunspell-en-us, or set ACCORD_HUNSPELL_DIR to a folder with en_US.aff and "
                "en_US.dic\n",
            r.err);
}

// While the dictionaries load, an error of the first pair's revision comes
// first: one message, exit 2, never a crash from the abandoned loader.
TEST(CliCheckHistory, UnknownRevisionWinsOverAMissingDictionary) {
  test::TempDir empty;
  ScopedEnv env("ACCORD_HUNSPELL_DIR", empty.path().string());
  auto r = run_accord({"check", "fixtures/site", "--rev", "no-such-rev"}, source_dir());
  EXPECT_EQ(2, r.exit_code) << r.err;
  EXPECT_EQ("", r.out);
  EXPECT_EQ(0u, r.err.rfind("accord: error: ", 0)) << r.err;
  EXPECT_NE(std::string::npos, r.err.find("no-such-rev")) << r.err;
  EXPECT_EQ(1, std::count(r.err.begin(), r.err.end(), '\n')) << r.err;
}

// Issue 19: writes
// ---------------------------------------------------------------------------
// Option values that mean nothing are usage errors (exit 2, one line), not a
// default in disguise.

TEST(CliOptions, MaxFileSizeOutOfRangeIsAUsageError) {
  for (const std::string value : {"-1", "18446744073709551616", "0", "0K", "5G", "4097M",
                                  "99999999999999999999K", "1.5K", "abc", "16 M", "+16"}) {
    auto r = run_accord({"--max-file-size", value, "check", "fixtures/translated"}, source_dir());
    EXPECT_EQ(2, r.exit_code) << value;
    EXPECT_EQ("accord: error: --max-file-size: '" + value +
                  "' is not a size from 1 byte to 4G (a whole number of bytes, or with a suffix "
                  "K, M or G); see 'accord --help'\n",
              r.err);
    EXPECT_EQ("", r.out);
  }
}

// The edges that are accepted: 1 byte (every document is then over it) and
// 4G, with and without a suffix.
TEST(CliOptions, MaxFileSizeAcceptsOneByteToFourGibibytes) {
  auto tiny = run_accord(
      {"--max-file-size", "1", "sections", "fixtures/site/content/privacy.en.md"}, source_dir());
  EXPECT_EQ(2, tiny.exit_code);
  EXPECT_NE(std::string::npos, tiny.err.find("over the limit of 1 bytes")) << tiny.err;
  for (const std::string value : {"4G", "4096M", "4194304k", "4294967296", "16MiB", "1kb"}) {
    auto r = run_accord({"--max-file-size", value, "check", "fixtures/translated"}, source_dir());
    if (value == "1kb") {
      EXPECT_NE(std::string::npos, r.err.find("over the limit of 1024 bytes")) << r.err;
    } else {
      EXPECT_EQ(0, r.exit_code) << value << ": " << r.err;
    }
  }
}

// An empty value ('' from an unset shell variable) for any option of any
// command: never "not given".
TEST(CliOptions, AnEmptyValueIsAUsageErrorForEveryCommand) {
  for (const auto& [args, option] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"check", "--rev", "", "fixtures/translated"}, "--rev"},
           {{"publish", "content/privacy.en.md", "--published", "2026-04-09", "--effective", ""},
            "--effective"},
           {{"publish", "content/privacy.en.md", "--published", ""}, "--published"},
           {{"notes", "--from", "", "--to", "HEAD"}, "--from"},
           {{"notice", "--from", "HEAD", "--to", "", "--published", "2026-04-09"}, "--to"},
           {{"log", "--rev", "", "fixtures/site/content/privacy.en.md"}, "--rev"},
           {{"report", "--html", "", "fixtures/site"}, "--html"}}) {
    auto r = run_accord(args, source_dir());
    EXPECT_EQ(2, r.exit_code) << args[0] << " " << option;
    EXPECT_EQ("accord: error: " + option +
                  ": the value is empty; give a value or leave the option out; see 'accord "
                  "--help'\n",
              r.err);
    EXPECT_EQ("", r.out);
  }
}

TEST(CliOptions, ANegativeNoticePeriodIsAUsageError) {
  for (const std::string command : {"notes", "notice", "publish"}) {
    std::vector<std::string> args = {command};
    if (command == "publish") {
      args.insert(args.end(), {"content/privacy.en.md", "--published", "2026-04-09"});
    } else {
      args.insert(args.end(), {"--from", "HEAD", "--to", "HEAD", "--published", "2026-04-09"});
    }
    args.insert(args.end(), {"--notice-days", "-1"});
    auto r = run_accord(args, source_dir());
    EXPECT_EQ(2, r.exit_code) << command;
    EXPECT_EQ(
        "accord: error: --notice-days: Value -1 not in range 0 to 36500; see 'accord --help'\n",
        r.err);
  }
}

}  // namespace
}  // namespace accord
