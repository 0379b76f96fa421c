// The CI outputs of `accord check`: SARIF validated against the official
// OASIS SARIF 2.1.0 schema by scripts/validate-sarif (python3-jsonschema),
// plus what the schema cannot say; and GitHub workflow commands, byte for
// byte, escaping included.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"

extern char** environ;

namespace accord {
namespace {
namespace fs = std::filesystem;
using json = nlohmann::json;
using test::run_accord;
using test::RunResult;
using test::slurp;
using test::source_dir;
using test::TempDir;
using test::write_file;

constexpr const char* k_target = "fixtures/site/content/privacy.et.md";

// Runs ARGV (argv[0] looked up in PATH, no shell, so no quoting to get
// wrong) in CWD with standard input from STDIN_PATH; captures stdout and
// stderr. A program that cannot be started gives exit code 127 and says why.
RunResult run_program(const std::vector<std::string>& args, const fs::path& cwd,
                      const fs::path& stdin_path = "/dev/null") {
  TempDir io;
  fs::path out_path = io / "out";
  fs::path err_path = io / "err";
  std::vector<std::string> argv_s = args;
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  RunResult r;
  if (rc != 0) {
    r.exit_code = 127;
    r.err = "cannot run " + argv_s[0] + ": " + std::strerror(rc);
    return r;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  return r;
}

// `python3 scripts/validate-sarif FILE`, from the source tree.
RunResult validate_sarif(const fs::path& file) {
  return run_program({"python3", "scripts/validate-sarif", file.string()}, source_dir());
}

// The SARIF log of the fixture site, as accord prints it.
std::string fixture_sarif() {
  auto r = run_accord({"check", "fixtures/site", "--format", "sarif"}, source_dir());
  EXPECT_EQ(1, r.exit_code) << "the fixture has errors, so exit 1\n" << r.err;
  EXPECT_EQ("", r.err);
  return r.out;
}

TEST(SarifSchema, CheckOutputIsValidSarif210) {
  TempDir dir;
  fs::path file = dir / "accord.sarif";
  write_file(file, fixture_sarif());
  auto v = validate_sarif(file);
  EXPECT_EQ(0, v.exit_code) << v.out << v.err;
  EXPECT_EQ("", v.out);
  EXPECT_EQ("", v.err);
}

TEST(SarifSchema, ValidatorReadsStandardInput) {
  TempDir dir;
  fs::path file = dir / "accord.sarif";
  write_file(file, fixture_sarif());
  auto v = run_program({"python3", "scripts/validate-sarif"}, source_dir(), file);
  EXPECT_EQ(0, v.exit_code) << v.out << v.err;
  EXPECT_EQ("", v.out);
}

TEST(SarifSchema, ValidatorRejectsAnUnknownVersion) {
  TempDir dir;
  json log = json::parse(fixture_sarif());
  log["version"] = "9.9";
  fs::path file = dir / "bad-version.sarif";
  write_file(file, log.dump(2));
  auto v = validate_sarif(file);
  EXPECT_EQ(1, v.exit_code) << v.out << v.err;
  EXPECT_EQ(file.string() + ": $.version: '9.9' is not one of ['2.1.0'] [enum]\n", v.out);
  EXPECT_EQ(file.string() + ": 1 schema error\n", v.err);
}

TEST(SarifSchema, ValidatorRejectsMissingMessageAndLineZero) {
  TempDir dir;
  json log = json::parse(fixture_sarif());
  log["runs"][0]["results"][2].erase("message");
  log["runs"][0]["results"][3]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  fs::path file = dir / "bad-result.sarif";
  write_file(file, log.dump(2));
  auto v = validate_sarif(file);
  EXPECT_EQ(1, v.exit_code) << v.out << v.err;
  EXPECT_EQ(file.string() +
                ": $.runs[0].results[2]: 'message' is a required property [required]\n" +
                file.string() +
                ": $.runs[0].results[3].locations[0].physicalLocation.region.startLine: 0 is less "
                "than the minimum of 1 [minimum]\n",
            v.out);
  EXPECT_EQ(file.string() + ": 2 schema errors\n", v.err);
}

TEST(SarifSchema, ValidatorRejectsSomethingThatIsNotJson) {
  TempDir dir;
  fs::path file = dir / "truncated.sarif";
  write_file(file, fixture_sarif().substr(0, 100));
  auto v = validate_sarif(file);
  EXPECT_EQ(1, v.exit_code) << v.out << v.err;
  EXPECT_EQ(0u, v.out.rfind(file.string() + ": $: not valid JSON: ", 0)) << v.out;
}

TEST(SarifSchema, ValidatorMissingFileIsUsageError) {
  auto v = validate_sarif("no/such.sarif");
  EXPECT_EQ(2, v.exit_code) << v.out << v.err;
  EXPECT_EQ(
      "validate-sarif: error: no/such.sarif: cannot read: No such file or directory; check "
      "the path\n",
      v.err);
  EXPECT_EQ("", v.out);
}

// What the schema cannot check: the findings themselves, and that indexes
// and base ids point at something.
TEST(SarifOutput, FixtureSiteHasTheSixFindings) {
  json log = json::parse(fixture_sarif());
  EXPECT_EQ("2.1.0", log["version"]);
  ASSERT_EQ(1u, log["runs"].size());
  const json& run = log["runs"][0];
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ("accord", driver["name"]);
  EXPECT_TRUE(run["originalUriBaseIds"].contains("SRCROOT"));

  const json& results = run["results"];
  ASSERT_EQ(6u, results.size());
  const std::vector<std::string> rule_ids = {"untranslated-front-matter",
                                             "untranslated",
                                             "untranslated",
                                             "untranslated",
                                             "untranslated",
                                             "untranslated"};
  const std::vector<int> lines = {4, 72, 77, 89, 95, 122};
  for (std::size_t i = 0; i < results.size(); ++i) {
    SCOPED_TRACE("result " + std::to_string(i));
    const json& result = results[i];
    EXPECT_EQ(rule_ids[i], result["ruleId"]);
    EXPECT_EQ("error", result["level"]);
    std::size_t index = result["ruleIndex"].get<std::size_t>();
    ASSERT_LT(index, driver["rules"].size());
    EXPECT_EQ(result["ruleId"], driver["rules"][index]["id"]);
    EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());
    ASSERT_EQ(1u, result["locations"].size());
    const json& physical = result["locations"][0]["physicalLocation"];
    EXPECT_EQ(k_target, physical["artifactLocation"]["uri"]);
    EXPECT_EQ("SRCROOT", physical["artifactLocation"]["uriBaseId"]);
    EXPECT_EQ(lines[i], physical["region"]["startLine"]);
  }
}

// GitHub workflow commands: `::error file=F,line=L,title=T::MESSAGE`. In
// properties (file, title) '%', CR, LF, ':' and ',' are escaped as %25,
// %0D, %0A, %3A and %2C; in the message only '%', CR and LF.
TEST(GithubFormat, FixtureSiteMatchesExactly) {
  auto r = run_accord({"check", "fixtures/site", "--format", "github"}, source_dir());
  EXPECT_EQ(1, r.exit_code) << r.err;
  EXPECT_EQ("", r.err);
  EXPECT_EQ(
      "::error file=fixtures/site/content/privacy.et.md,line=4,title=accord "
      "untranslated-front-matter::front matter 'description' is identical to the source: "
      "\"Aligner - Privacy Policy\"; translate it\n"
      "::error file=fixtures/site/content/privacy.et.md,line=72,title=accord untranslated::section "
      "6 \"For how long we store your data?\" is identical to the English source; translate it "
      "into Estonian\n"
      "::error file=fixtures/site/content/privacy.et.md,line=77,title=accord untranslated::section "
      "7 \"What methods do we use to secure your data?\" is identical to the English source; "
      "translate it into Estonian\n"
      "::error file=fixtures/site/content/privacy.et.md,line=89,title=accord untranslated::section "
      "8 \"Possible changes to this Privacy Policy\" is identical to the English source; "
      "translate it into Estonian\n"
      "::error file=fixtures/site/content/privacy.et.md,line=95,title=accord untranslated::section "
      "9 \"Contacts\" is identical to the English source; translate it into Estonian\n"
      "::error file=fixtures/site/content/privacy.et.md,line=122,title=accord "
      "untranslated::section \"Cookie Policy\" is identical to the English source; translate it "
      "into Estonian\n",
      r.out);
}

TEST(GithubFormat, EscapesPropertiesAndMessage) {
  // A site in a folder named with '%', ',' and ':', inside a repository so
  // that paths are reported from the repository root; both front matters
  // carry the same description with '%', CR and LF in it.
  test::TestRepo repo;
  const std::string site = "50%,a:b";
  const std::string plain = "description: \"Aligner - Privacy Policy\"";
  const std::string odd = "description: \"Aligner - 100% Privacy\\r\\nPolicy\"";
  repo.write(site + "/hugo.toml", slurp(source_dir() / "fixtures/site/hugo.toml"));
  for (const char* lang : {"en", "et"}) {
    std::string rel = std::string("content/privacy.") + lang + ".md";
    std::string text = slurp(source_dir() / "fixtures/site" / rel);
    auto at = text.find(plain);
    ASSERT_NE(std::string::npos, at) << rel;
    text.replace(at, plain.size(), odd);
    repo.write(site + "/" + rel, text);
  }
  auto r = run_accord({"check", site, "--format", "github"}, repo.path());
  EXPECT_EQ(1, r.exit_code) << r.err;
  EXPECT_EQ("", r.err);
  auto eol = r.out.find('\n');
  ASSERT_NE(std::string::npos, eol) << r.out;
  EXPECT_EQ(
      "::error file=50%25%2Ca%3Ab/content/privacy.et.md,line=4,title=accord "
      "untranslated-front-matter::front matter 'description' is identical to the source: "
      "\"Aligner - 100%25 Privacy%0D%0APolicy\"; translate it",
      r.out.substr(0, eol));
  EXPECT_EQ(6, std::count(r.out.begin(), r.out.end(), '\n')) << r.out;
}

}  // namespace
}  // namespace accord
