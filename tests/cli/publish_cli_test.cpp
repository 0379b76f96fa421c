// accord publish, run as a release manager runs it, on a real Hugo site in a
// temporary repository with fixed commit dates. Asserts the exact text a user
// sees and reads the tags back to prove they never move.
#include <git2.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "test_support.hpp"

namespace accord {
namespace {

using test::run_accord;
using test::TempDir;
using test::TestRepo;

constexpr long long k_day = 86400;
constexpr long long k_t0 = 1767261600;  // 2026-01-01T10:00:00Z
const std::string k_doc = "content/privacy.en.md";

std::string fixture(const std::string& name) {
  return test::slurp(test::source_dir() / "fixtures/translated" / name);
}

std::string replace(std::string text, std::string_view from, std::string_view to) {
  auto pos = text.find(from);
  EXPECT_NE(std::string::npos, pos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

std::string retention_changed() {
  return replace(fixture("content/privacy.en.md"), "for the period necessary", "for 3 years");
}

// The commit tag NAME points at, or "" when there is no such tag.
std::string tag_target(const std::filesystem::path& repo_path, const std::string& name) {
  git_libgit2_init();
  std::string out;
  git_repository* repo = nullptr;
  if (git_repository_open(&repo, repo_path.c_str()) == 0) {
    git_object* obj = nullptr;
    if (git_revparse_single(&obj, repo, ("refs/tags/" + name + "^{commit}").c_str()) == 0) {
      char hex[GIT_OID_HEXSZ + 1];
      git_oid_tostr(hex, sizeof hex, git_object_id(obj));
      out = hex;
      git_object_free(obj);
    }
    git_repository_free(repo);
  }
  git_libgit2_shutdown();
  return out;
}

struct Site {
  TestRepo repo;
  std::string first;
  Site() {
    repo.write("hugo.toml", fixture("hugo.toml"));
    repo.write("content/privacy.en.md", fixture("content/privacy.en.md"));
    repo.write("content/privacy.et.md", fixture("content/privacy.et.md"));
    first = repo.commit("Privacy policy", k_t0);
    git("config user.name 'Accord Publisher'");
    git("config user.email publisher@example.org");
  }
  void git(const std::string& args) const {
    std::string command = "git -C '" + repo.path().string() + "' " + args + " >/dev/null 2>&1";
    ASSERT_EQ(0, std::system(command.c_str())) << command;
  }
  test::RunResult publish(const std::vector<std::string>& extra) const {
    std::vector<std::string> args{"publish", k_doc};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_accord(args, repo.path());
  }
  // Publishes the first version on 2026-01-01, then commits TEXT.
  std::string change(const std::string& text) {
    auto r = publish({"--published", "2026-01-01"});
    EXPECT_EQ(0, r.exit_code) << r.err;
    repo.write(k_doc, text);
    return repo.commit("Change", k_t0 + k_day);
  }
};

TEST(PublishCli, FirstPublication) {
  Site s;
  auto r = s.publish({"--published", "2026-01-01"});
  EXPECT_EQ("", r.err);
  EXPECT_EQ(0, r.exit_code);
  EXPECT_EQ("tagged policy/content/privacy.en.md/2026-01-01 at " + s.first.substr(0, 12) +
                ": published 2026-01-01, effective 2026-01-01 (first publication)\n",
            r.out);
  EXPECT_EQ(s.first, tag_target(s.repo.path(), "policy/content/privacy.en.md/2026-01-01"));
}

TEST(PublishCli, SubstantialChangeGetsFourteenDaysAndLogShowsTheTag) {
  Site s;
  std::string second = s.change(retention_changed());
  auto r = s.publish({"--published", "2026-04-09"});
  EXPECT_EQ("", r.err);
  EXPECT_EQ(0, r.exit_code);
  EXPECT_EQ("tagged policy/content/privacy.en.md/2026-04-23 at " + second.substr(0, 12) +
                ": published 2026-04-09, effective 2026-04-23 (14 days' notice: section 6 changed "
                "substantially)\n",
            r.out);

  auto log = run_accord({"log", k_doc}, s.repo.path());
  EXPECT_EQ(0, log.exit_code) << log.err;
  EXPECT_NE(std::string::npos, log.out.find("commit " + second +
                                            "\nAuthor:    Accord Test <test@example.org>\n"
                                            "Date:      2026-01-02T10:00:00+00:00\n"
                                            "Effective: 2026-04-23 (tag)\n"
                                            "Published: 2026-04-09\n"))
      << log.out;
  auto log_json = run_accord({"log", k_doc, "--format", "json"}, s.repo.path());
  ASSERT_EQ(0, log_json.exit_code) << log_json.err;
  auto versions = nlohmann::json::parse(log_json.out)["versions"];
  EXPECT_EQ(second, versions[0]["commit"]);
  EXPECT_EQ("2026-04-09", versions[0]["published"]);
  EXPECT_EQ("2026-04-23", versions[0]["effective_date"]);
  EXPECT_NE(std::string::npos, log.out.find("Effective: 2026-01-01 (tag)\n")) << log.out;
}

TEST(PublishCli, ThirtyDaysWhenTheNewVersionPromisesThirty) {
  Site s;
  std::string second =
      s.change(replace(retention_changed(), "at least 14 days", "at least 30 days"));
  auto r = s.publish({"--published", "2026-04-09", "--format", "json"});
  EXPECT_EQ("", r.err);
  EXPECT_EQ(0, r.exit_code);
  auto j = nlohmann::ordered_json::parse(r.out);
  EXPECT_EQ(40u, j["tag_id"].get<std::string>().size());
  j.erase("tag_id");
  EXPECT_EQ(nlohmann::ordered_json::parse(R"({
    "version": 1,
    "file": "content/privacy.en.md",
    "tag": "policy/content/privacy.en.md/2026-05-09",
    "commit": ")" + second + R"(",
    "published": "2026-04-09",
    "effective": "2026-05-09",
    "earliest_effective": "2026-05-09",
    "forced": false,
    "notice_days": 30,
    "period": {"amount": 30, "unit": "day", "days": 30,
               "phrase": "Substantial changes in our Privacy Policy will be notified at least 30 days before they become effective.",
               "line": 92},
    "previous_tag": "policy/content/privacy.en.md/2026-01-01",
    "previous_commit": ")" + s.first + R"(",
    "substantial_sections": [{"number": "6", "title": "For how long we store your data?"},
                             {"number": "8", "title": "Possible changes to this Privacy Policy"}]
  })"),
            j);
}

TEST(PublishCli, AccordTomlNoticeDaysOverridesThePolicy) {
  Site s;
  s.repo.write("accord.toml", "notice_days = 21\n");
  std::string second = s.change(retention_changed());
  auto r = s.publish({"--published", "2026-04-09"});
  EXPECT_EQ("", r.err);
  EXPECT_EQ(0, r.exit_code);
  EXPECT_EQ("tagged policy/content/privacy.en.md/2026-04-30 at " + second.substr(0, 12) +
                ": published 2026-04-09, effective 2026-04-30 (21 days' notice: section 6 changed "
                "substantially)\n",
            r.out);
}

TEST(PublishCli, PunctuationOnlyNeedsNoNotice) {
  Site s;
  std::string second =
      s.change(replace(fixture("content/privacy.en.md"), "Thank you for using Aligner!",
                       "Thank you for using Aligner."));
  auto r = s.publish({"--published", "2026-04-09"});
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ("tagged policy/content/privacy.en.md/2026-04-09 at " + second.substr(0, 12) +
                ": published 2026-04-09, effective 2026-04-09 (no substantial changes since "
                "policy/content/privacy.en.md/2026-01-01)\n",
            r.out);
}

TEST(PublishCli, TooEarlyRefusedThenForcedThenCheckReportsIt) {
  Site s;
  std::string second = s.change(retention_changed());
  auto r = s.publish({"--published", "2026-04-09", "--effective", "2026-04-12"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("", r.out);
  EXPECT_EQ(
      "accord: error: content/privacy.en.md: effective date 2026-04-12 is too early: "
      "content/privacy.en.md promises 14 days' notice of its substantial changes; the "
      "earliest allowed is 2026-04-23; use --effective 2026-04-23 or later, or --force to "
      "publish it anyway (accord check will then report notice-violation)\n",
      r.err);
  EXPECT_EQ("", tag_target(s.repo.path(), "policy/content/privacy.en.md/2026-04-12"));

  auto quiet = run_accord({"check", "--format", "json"}, s.repo.path());
  EXPECT_EQ(0, nlohmann::ordered_json::parse(quiet.out)["summary"]["by_rule"]["notice-violation"])
      << quiet.out;

  r = s.publish({"--published", "2026-04-09", "--effective", "2026-04-12", "--force"});
  EXPECT_EQ("", r.err);
  EXPECT_EQ(0, r.exit_code);
  EXPECT_EQ("tagged policy/content/privacy.en.md/2026-04-12 at " + second.substr(0, 12) +
                ": published 2026-04-09, effective 2026-04-12 (forced: 3 days' notice, 14 "
                "required: section 6 changed substantially)\n",
            r.out);

  auto check = run_accord({"check", "--format", "json"}, s.repo.path());
  EXPECT_EQ(1, check.exit_code) << check.err;
  auto j = nlohmann::ordered_json::parse(check.out);
  EXPECT_EQ(1, j["summary"]["by_rule"]["notice-violation"]);
  std::optional<nlohmann::ordered_json> finding;
  for (const auto& f : j["findings"]) {
    if (f["rule"] == "notice-violation") finding = f;
  }
  ASSERT_TRUE(finding) << check.out;
  EXPECT_EQ("content/privacy.en.md", (*finding)["file"]);
  EXPECT_EQ("error", (*finding)["severity"]);
  EXPECT_EQ("version " + second.substr(0, 12) +
                " was published on 2026-04-09 and takes effect on 2026-04-12, before 2026-04-23: "
                "it changed section 6 substantially and the policy promises 14 days' notice; "
                "publish it again with `accord publish content/privacy.en.md --published "
                "2026-04-09 --effective 2026-04-23`",
            (*finding)["message"]);
}

TEST(PublishCli, RefusesADirtyWorkTree) {
  Site s;
  s.repo.write("notes.txt", "untracked is fine\n");
  s.repo.write(k_doc, retention_changed());
  auto r = s.publish({"--published", "2026-04-09"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("", r.out);
  EXPECT_EQ("accord: error: " + s.repo.path().string() +
                ": the work tree has uncommitted changes: content/privacy.en.md (modified); commit "
                "or stash them first, so that the tag names exactly what is published\n",
            r.err);
  s.repo.write(k_doc, fixture("content/privacy.en.md"));
  r = s.publish({"--published", "2026-04-09"});
  EXPECT_EQ(0, r.exit_code) << r.err;
}

TEST(PublishCli, AnExistingTagIsNeverMoved) {
  Site s;
  ASSERT_EQ(0, s.publish({"--published", "2026-04-09"}).exit_code);
  s.repo.write(k_doc, replace(fixture("content/privacy.en.md"), "Aligner!", "Aligner."));
  s.repo.commit("Punctuation", k_t0 + k_day);
  auto r = s.publish({"--published", "2026-04-09"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(
      "accord: error: content/privacy.en.md: tag "
      "policy/content/privacy.en.md/2026-04-09 already exists (at " +
          s.first.substr(0, 12) +
          "); published tags are never moved; publish with another --effective date, or "
          "delete the tag (`git tag -d policy/content/privacy.en.md/2026-04-09`) only if it "
          "was never pushed or announced\n",
      r.err);
  EXPECT_EQ(s.first, tag_target(s.repo.path(), "policy/content/privacy.en.md/2026-04-09"));
}

TEST(PublishCli, ALockedRefIsExitTwoAndNoTag) {
  Site s;
  std::filesystem::path lock =
      s.repo.path() / ".git/refs/tags/policy/content/privacy.en.md/2026-04-09.lock";
  test::write_file(lock, "");
  auto r = s.publish({"--published", "2026-04-09"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("", r.out);
  EXPECT_EQ("accord: error: " + lock.string() +
                ": the tag's ref refs/tags/policy/content/privacy.en.md/2026-04-09 is locked, so "
                "the tag was not written; another git process may be running; if none is, remove "
                "the lock file and run accord publish again\n",
            r.err);
  EXPECT_EQ("", tag_target(s.repo.path(), "policy/content/privacy.en.md/2026-04-09"));
}

TEST(PublishCli, NoGitIdentityAsksForUserNameAndEmail) {
  Site s;
  s.git("config --unset user.name");
  s.git("config --unset user.email");
  TempDir home;
  // run_accord passes this process's environment on: point HOME and
  // XDG_CONFIG_HOME at an empty folder for the run, so no global identity.
  auto saved = [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
  };
  auto restore = [](const char* name, const std::optional<std::string>& v) {
    if (v) {
      setenv(name, v->c_str(), 1);
    } else {
      unsetenv(name);
    }
  };
  auto old_home = saved("HOME");
  auto old_xdg = saved("XDG_CONFIG_HOME");
  setenv("HOME", home.path().c_str(), 1);
  setenv("XDG_CONFIG_HOME", (home / ".config").c_str(), 1);
  auto r = s.publish({"--published", "2026-04-09"});
  restore("HOME", old_home);
  restore("XDG_CONFIG_HOME", old_xdg);
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + s.repo.path().string() +
                ": no git identity to sign the tag with (user.name and user.email are not set); "
                "set them with `git config user.name \"Your Name\"` and `git config user.email "
                "you@example.org`\n",
            r.err);
  EXPECT_EQ("", tag_target(s.repo.path(), "policy/content/privacy.en.md/2026-04-09"));
}

TEST(PublishCli, EffectiveBeforePublicationNeedsForce) {
  Site s;
  auto r = s.publish({"--published", "2026-04-09", "--effective", "2026-03-31"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(
      "accord: error: content/privacy.en.md: effective date 2026-03-31 is too early: a "
      "version cannot take effect before it is published; the earliest allowed is "
      "2026-04-09; use --effective 2026-04-09 or later, or --force to publish it anyway\n",
      r.err);
  r = s.publish({"--published", "2026-04-09", "--effective", "2026-03-31", "--force"});
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ("tagged policy/content/privacy.en.md/2026-03-31 at " + s.first.substr(0, 12) +
                ": published 2026-04-09, effective 2026-03-31 (forced: effective before "
                "publication, first publication)\n",
            r.out);
}

TEST(PublishCli, RejectsAnImpossibleDate) {
  Site s;
  auto r = s.publish({"--published", "2026-02-30"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(
      "accord: error: --published '2026-02-30' is not a calendar date; write it as "
      "YYYY-MM-DD, e.g. 2026-04-09\n",
      r.err);
}

// Issue 19: writes
// ---------------------------------------------------------------------------

// Every file under .git/objects (loose objects and packs), by path.
std::size_t object_files(const std::filesystem::path& repo) {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(repo / ".git/objects")) {
    if (e.is_regular_file()) ++n;
  }
  return n;
}

// A tag `policy/content` (made by hand, by mistake) leaves no room for
// policy/content/privacy.en.md/…: exit 2 before any object is written.
TEST(PublishCli, ATagWhereTheFolderWouldBeIsExitTwoAndWritesNoObject) {
  Site s;
  s.git("tag policy/content");
  std::size_t before = object_files(s.repo.path());
  auto r = s.publish({"--published", "2026-04-09"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("", r.out);
  EXPECT_EQ(
      "accord: error: content/privacy.en.md: tag policy/content/privacy.en.md/2026-04-09 cannot "
      "be created: the tag policy/content already exists where its folder would be, and git "
      "cannot have a name that is also a folder of names; nothing was written; if "
      "policy/content was made by mistake and never pushed, delete it (`git tag -d "
      "policy/content`) and run accord publish again\n",
      r.err);
  EXPECT_EQ(before, object_files(s.repo.path()));
  s.git("tag -d policy/content");
  r = s.publish({"--published", "2026-04-09"});
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(before + 1, object_files(s.repo.path()));  // the tag object
}

TEST(PublishCli, ATagInsideThePlannedNameIsExitTwoAndWritesNoObject) {
  Site s;
  s.git("tag policy/content/privacy.en.md/2026-04-09/x");
  std::size_t before = object_files(s.repo.path());
  auto r = s.publish({"--published", "2026-04-09"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(
      "accord: error: content/privacy.en.md: tag policy/content/privacy.en.md/2026-04-09 cannot "
      "be created: the tag policy/content/privacy.en.md/2026-04-09/x already exists inside it, "
      "as if it were a folder, and git cannot have a name that is also a folder of names; "
      "nothing was written; if policy/content/privacy.en.md/2026-04-09/x was made by mistake "
      "and never pushed, delete it (`git tag -d policy/content/privacy.en.md/2026-04-09/x`) and "
      "run accord publish again\n",
      r.err);
  EXPECT_EQ(before, object_files(s.repo.path()));
}

}  // namespace
}  // namespace accord
