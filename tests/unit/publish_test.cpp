// accord publish and the notice-violation rule, on real repositories with
// fixed dates. Tags are read back through libgit2 to prove they never move.
#include <git2.h>
#include <gtest/gtest.h>

#include <accord/check.hpp>
#include <accord/config.hpp>
#include <accord/publish.hpp>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "test_support.hpp"

namespace accord {
namespace {

constexpr long long k_day = 86400;
constexpr long long k_t0 = 1767261600;  // 2026-01-01T10:00:00Z

const LanguageIdentifier& langid() {
  static const LanguageIdentifier instance({"en", "et"});
  return instance;
}

std::string english() {
  return test::slurp(test::source_dir() / "fixtures/translated/content/privacy.en.md");
}
std::string estonian() {
  return test::slurp(test::source_dir() / "fixtures/translated/content/privacy.et.md");
}

std::string replace(std::string text, std::string_view from, std::string_view to) {
  auto pos = text.find(from);
  EXPECT_NE(std::string::npos, pos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

constexpr std::string_view k_retention = "for the period necessary";
constexpr std::string_view k_retention_new = "for 3 years";

Date day(const char* s) { return *parse_date(s); }

// The tag NAME as git sees it: the commit it points at and its message;
// {"", ""} when there is no such tag.
struct TagRead {
  std::string commit;
  std::string object;
  std::string message;
};
TagRead read_tag(const std::filesystem::path& repo_path, const std::string& name) {
  git_libgit2_init();
  TagRead out;
  git_repository* repo = nullptr;
  if (git_repository_open(&repo, repo_path.c_str()) == 0) {
    git_reference* ref = nullptr;
    if (git_reference_lookup(&ref, repo, ("refs/tags/" + name).c_str()) == 0) {
      char hex[GIT_OID_HEXSZ + 1];
      git_oid_tostr(hex, sizeof hex, git_reference_target(ref));
      out.object = hex;
      git_tag* tag = nullptr;
      if (git_tag_lookup(&tag, repo, git_reference_target(ref)) == 0) {
        git_oid_tostr(hex, sizeof hex, git_tag_target_id(tag));
        out.commit = hex;
        out.message = git_tag_message(tag);
        git_tag_free(tag);
      }
      git_reference_free(ref);
    }
    git_repository_free(repo);
  }
  git_libgit2_shutdown();
  return out;
}

void git(const test::TestRepo& repo, const std::string& args) {
  std::string command = "git -C '" + repo.path().string() + "' " + args + " >/dev/null 2>&1";
  ASSERT_EQ(0, std::system(command.c_str())) << command;
}

class Publish : public ::testing::Test {
 protected:
  void SetUp() override {
    repo.write("p.en.md", english());
    repo.write("p.et.md", estonian());
    first = repo.commit("Privacy policy in English and Estonian", k_t0);
    git(repo, "config user.name 'Accord Publisher'");
    git(repo, "config user.email publisher@example.org");
  }

  std::string doc() const { return (repo.path() / "p.en.md").string(); }

  PublishOptions options(const char* published, const char* effective = nullptr) const {
    PublishOptions o;
    o.published = day(published);
    if (effective) o.effective = day(effective);
    o.language = "en";
    o.known = [](std::string_view w) { return langid().spells(w, "en"); };
    return o;
  }

  // Publishes the first commit on 2026-01-01, then commits TEXT as p.en.md.
  std::string change(const std::string& text, const std::string& message = "Change") {
    publish(doc(), options("2026-01-01"));
    repo.write("p.en.md", text);
    return repo.commit(message, k_t0 + k_day);
  }

  std::string error_of(const PublishOptions& o) {
    try {
      publish(doc(), o);
    } catch (const Error& e) {
      return e.what();
    }
    return "(no error)";
  }

  std::vector<Finding> check() const {
    GitDocument source_git((repo.path() / "p.en.md").string());
    GitDocument target_git((repo.path() / "p.et.md").string());
    PairHistory history;
    history.source = source_git.log();
    history.target = target_git.log();
    history.known = [](std::string_view w) { return langid().spells(w, "en"); };
    Document source = *parse_document(source_git.text_at("HEAD").text, "p.en.md");
    Document target = *parse_document(target_git.text_at("HEAD").text, "p.et.md");
    Config defaults;
    PairInput in{source,  target, "p.en.md", "p.et.md", "en", "et", defaults.translatable_keys,
                 &history};
    std::vector<Finding> out;
    for (auto& f : check_pair(in, langid())) {
      if (f.rule == "notice-violation") out.push_back(std::move(f));
    }
    return out;
  }

  test::TestRepo repo;
  std::string first;
};

TEST_F(Publish, FirstPublicationTakesEffectWhenPublished) {
  PublishResult r = publish(doc(), options("2026-04-09"));
  EXPECT_EQ("policy/p.en.md/2026-04-09", r.tag);
  EXPECT_EQ(first, r.commit);
  EXPECT_EQ("2026-04-09", r.effective.to_string());
  EXPECT_EQ("", r.previous_tag);
  EXPECT_FALSE(r.period);
  const std::string message =
      "accord publish p.en.md: effective 2026-04-09\n\n"
      "Published: 2026-04-09\n"
      "Effective-Date: 2026-04-09\n\n"
      "First publication.\n";
  EXPECT_EQ(message, r.message);
  TagRead t = read_tag(repo.path(), r.tag);
  EXPECT_EQ(first, t.commit);
  EXPECT_EQ(r.tag_id, t.object);
  EXPECT_EQ(message, t.message);
}

TEST_F(Publish, SubstantialChangeWaitsForTheFourteenDaysPromised) {
  std::string second = change(replace(english(), k_retention, k_retention_new));
  PublishResult r = publish(doc(), options("2026-04-09"));
  EXPECT_EQ("policy/p.en.md/2026-04-23", r.tag);
  EXPECT_EQ(second, r.commit);
  EXPECT_EQ("2026-04-23", r.effective.to_string());
  EXPECT_EQ(14, r.notice_days);
  EXPECT_EQ("policy/p.en.md/2026-01-01", r.previous_tag);
  ASSERT_EQ(1u, r.substantial.size());
  EXPECT_EQ("6", r.substantial[0].number);
  EXPECT_EQ(
      "accord publish p.en.md: effective 2026-04-23\n\n"
      "Published: 2026-04-09\n"
      "Effective-Date: 2026-04-23\n"
      "Notice-Days: 14\n\n"
      "Substantial changes since policy/p.en.md/2026-01-01:\n"
      "- 6 For how long we store your data?\n",
      read_tag(repo.path(), r.tag).message);
}

TEST_F(Publish, ANoticePeriodRaisedToThirtyDaysAppliesTheLonger) {
  std::string text = replace(english(), k_retention, k_retention_new);
  change(replace(text, "at least 14 days", "at least 30 days"));
  PublishResult r = publish(doc(), options("2026-04-09"));
  EXPECT_EQ("2026-05-09", r.effective.to_string());
  EXPECT_EQ(30, r.required_days);
  ASSERT_TRUE(r.period);
  EXPECT_EQ(30, r.period->amount);
  ASSERT_EQ(2u, r.substantial.size());
  EXPECT_EQ("6", r.substantial[0].number);
  EXPECT_EQ("8", r.substantial[1].number);
}

TEST_F(Publish, PunctuationOnlyTakesEffectWhenPublished) {
  change(replace(english(), "Thank you for using Aligner!", "Thank you for using Aligner."));
  PublishResult r = publish(doc(), options("2026-04-09"));
  EXPECT_EQ("policy/p.en.md/2026-04-09", r.tag);
  EXPECT_EQ("2026-04-09", r.effective.to_string());
  EXPECT_TRUE(r.substantial.empty());
  EXPECT_FALSE(r.period);
  EXPECT_NE(std::string::npos,
            r.message.find("\nNo substantial changes since policy/p.en.md/2026-01-01.\n"))
      << r.message;
}

TEST_F(Publish, NoPromisedPeriodAsksForNoticeDays) {
  std::string no_promise =
      replace(english(),
              " Substantial changes in our Privacy Policy will be notified at least 14 days before "
              "they become effective.",
              "");
  repo.write("p.en.md", no_promise);
  repo.commit("No promise", k_t0 + k_day);
  publish(doc(), options("2026-02-01"));
  repo.write("p.en.md", replace(no_promise, k_retention, k_retention_new));
  repo.commit("Retention", k_t0 + 2 * k_day);
  EXPECT_EQ(doc() +
                ": changed substantially since policy/p.en.md/2026-02-01, but promises no notice "
                "period that accord can find; give the period with --notice-days N",
            error_of(options("2026-04-09")));
  PublishOptions o = options("2026-04-09");
  o.notice_days = 10;
  PublishResult r = publish(doc(), o);
  EXPECT_EQ("2026-04-19", r.effective.to_string());
  EXPECT_NE(std::string::npos, r.message.find("\nNotice-Days: 10\n")) << r.message;
}

TEST_F(Publish, TooEarlyIsRefusedForcedAndThenReported) {
  change(replace(english(), k_retention, k_retention_new));
  EXPECT_EQ(doc() +
                ": effective date 2026-04-12 is too early: p.en.md promises 14 days' notice of its "
                "substantial changes; the earliest allowed is 2026-04-23; use --effective "
                "2026-04-23 or later, or --force to publish it anyway (accord check will then "
                "report notice-violation)",
            error_of(options("2026-04-09", "2026-04-12")));
  EXPECT_EQ("", read_tag(repo.path(), "policy/p.en.md/2026-04-12").object);
  EXPECT_TRUE(check().empty());

  PublishOptions o = options("2026-04-09", "2026-04-12");
  o.force = true;
  PublishResult r = publish(doc(), o);
  EXPECT_TRUE(r.forced);
  EXPECT_EQ("policy/p.en.md/2026-04-12", r.tag);
  EXPECT_NE(std::string::npos,
            r.message.find("\nForced: effective before 2026-04-23, the earliest date allowed by "
                           "the promised 14 days' notice.\n"))
      << r.message;

  auto findings = check();
  ASSERT_EQ(1u, findings.size());
  const Finding& f = findings[0];
  EXPECT_EQ("p.en.md", f.file);
  EXPECT_EQ(Severity::error, f.severity);
  EXPECT_EQ("version " + r.commit.substr(0, 12) +
                " was published on 2026-04-09 and takes effect on 2026-04-12, before 2026-04-23: "
                "it changed section 6 substantially and the policy promises 14 days' notice; "
                "publish it again with `accord publish p.en.md --published 2026-04-09 "
                "--effective 2026-04-23`",
            f.message);
  EXPECT_EQ("2026-04-09", f.evidence["published"]);
  EXPECT_EQ("2026-04-12", f.evidence["effective"]);
  EXPECT_EQ("2026-04-23", f.evidence["required_effective"]);
  EXPECT_EQ("tag", f.evidence["effective_source"]);
  EXPECT_EQ(14, f.evidence["period"]["amount"]);
  EXPECT_EQ("6", f.evidence["sections"][0]["number"]);

  // Publishing again on time, as the message says, silences it: history
  // reads the newest tag of the commit.
  publish(doc(), options("2026-04-09", "2026-04-23"));
  EXPECT_TRUE(check().empty());
}

TEST_F(Publish, OnTimePublicationIsNotAViolation) {
  change(replace(english(), k_retention, k_retention_new));
  publish(doc(), options("2026-04-09"));
  EXPECT_TRUE(check().empty());
  publish(doc(), options("2026-04-09", "2026-05-01"));  // later than required is fine too
  EXPECT_TRUE(check().empty());
}

TEST_F(Publish, CommitTrailersArePublicationsToo) {
  publish(doc(), options("2026-01-01"));
  repo.write("p.en.md", replace(english(), k_retention, k_retention_new));
  repo.commit("Retention: 3 years\n\nPublished: 2026-04-09\nEffective-Date: 2026-04-10\n",
              k_t0 + k_day);
  auto findings = check();
  ASSERT_EQ(1u, findings.size());
  EXPECT_EQ("trailer", findings[0].evidence["effective_source"]);
  EXPECT_EQ("2026-04-23", findings[0].evidence["required_effective"]);
}

TEST_F(Publish, RefusesADirtyWorkTree) {
  repo.write("untracked.md", "fine\n");
  repo.write("p.en.md", english() + "\nMore.\n");
  repo.write("p.et.md", estonian() + "\nVeel.\n");
  git(repo, "add p.et.md");
  EXPECT_EQ(repo.path().string() +
                ": the work tree has uncommitted changes: p.en.md (modified), p.et.md (staged); "
                "commit or stash them first, so that the tag names exactly what is published",
            error_of(options("2026-04-09")));
  EXPECT_EQ("", read_tag(repo.path(), "policy/p.en.md/2026-04-09").object);
}

TEST_F(Publish, NeverMovesAnExistingTag) {
  PublishResult before = publish(doc(), options("2026-04-09"));
  repo.write("p.en.md", replace(english(), "Aligner!", "Aligner."));
  repo.commit("Punctuation", k_t0 + k_day);
  EXPECT_EQ(doc() + ": tag policy/p.en.md/2026-04-09 already exists (at " + first.substr(0, 12) +
                "); published tags are never moved; publish with another --effective date, or "
                "delete the tag (`git tag -d policy/p.en.md/2026-04-09`) only if it was never "
                "pushed or announced",
            error_of(options("2026-04-09")));
  TagRead after = read_tag(repo.path(), before.tag);
  EXPECT_EQ(first, after.commit);
  EXPECT_EQ(before.tag_id, after.object);
  EXPECT_EQ(before.message, after.message);
}

TEST_F(Publish, ALockedRefWritesNothing) {
  std::filesystem::path lock = repo.path() / ".git/refs/tags/policy/p.en.md/2026-04-09.lock";
  test::write_file(lock, "");
  EXPECT_EQ(lock.string() +
                ": the tag's ref refs/tags/policy/p.en.md/2026-04-09 is locked, so the tag was "
                "not written; another git process may be running; if none is, remove the lock "
                "file and run accord publish again",
            error_of(options("2026-04-09")));
  std::filesystem::remove(lock);
  EXPECT_EQ("", read_tag(repo.path(), "policy/p.en.md/2026-04-09").object);

  std::filesystem::path packed = repo.path() / ".git/packed-refs.lock";
  test::write_file(packed, "");
  EXPECT_NE(std::string::npos, error_of(options("2026-04-09")).find(packed.string() + ": "));
  std::filesystem::remove(packed);
  EXPECT_EQ("", read_tag(repo.path(), "policy/p.en.md/2026-04-09").object);
  EXPECT_EQ(first, publish(doc(), options("2026-04-09")).commit);
}

TEST_F(Publish, LogReadsTheEffectiveDateFromTheTag) {
  change(replace(english(), k_retention, k_retention_new));
  publish(doc(), options("2026-04-09"));
  History h = GitDocument(doc()).log();
  ASSERT_EQ(2u, h.versions.size());
  EXPECT_EQ(EffectiveSource::tag, h.versions[0].commit.effective_source);
  EXPECT_EQ("2026-04-23", h.versions[0].commit.effective_date.to_string());
  ASSERT_TRUE(h.versions[0].commit.published);
  EXPECT_EQ("2026-04-09", h.versions[0].commit.published->to_string());
}

// Issue 19: writes
// ---------------------------------------------------------------------------
// Document paths that git refuses in a ref name are percent-encoded in the
// tag name, reversibly; names without '%' (every older tag) mean what they
// meant.

bool valid_ref(const std::string& name) {
  git_libgit2_init();
  int valid = 0;
  int rc = git_reference_name_is_valid(&valid, name.c_str());
  git_libgit2_shutdown();
  return rc == 0 && valid;
}

TEST(TagPath, EncodesExactlyTheBytesGitRefusesAndPercent) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"content/privacy.en.md", "content/privacy.en.md"},
      {"content/privacy policy.en.md", "content/privacy%20policy.en.md"},
      {"content/a..b.en.md", "content/a.%2Eb.en.md"},
      {"content/.hidden/p.en.md", "content/%2Ehidden/p.en.md"},
      {".p.en.md", "%2Ep.en.md"},
      {"content/x.lock/p.en.md", "content/x%2Elock/p.en.md"},
      {"content/p.en.md.lock", "content/p.en.md%2Elock"},
      {"content/x.locked/p.en.md", "content/x.locked/p.en.md"},
      {"a~b^c:d?e*f[g\\h.md", "a%7Eb%5Ec%3Ad%3Fe%2Af%5Bg%5Ch.md"},
      {"content/a@{1}.md", "content/a%40{1}.md"},
      {"content/a@b{c}.md", "content/a@b{c}.md"},
      {"content/100%.md", "content/100%25.md"},
      {"content/tab\there.md", "content/tab%09here.md"},
      {"content/del\x7f.md", "content/del%7F.md"},
      {"content/privaatsus-\xc3\xa4.et.md", "content/privaatsus-\xc3\xa4.et.md"},
      {"content/...md", "content/%2E.%2Emd"},
      {"content/a...b", "content/a.%2E.b"},
  };
  for (const auto& [path, encoded] : cases) {
    EXPECT_EQ(encoded, encode_tag_path(path)) << path;
    EXPECT_EQ(path, decode_tag_path(encoded)) << encoded;
    const std::string ref = "refs/tags/" + policy_tag_name(path, Date{2026, 4, 9});
    EXPECT_TRUE(valid_ref(ref)) << ref;
    // Without the encoding every case but the plain ones is refused.
    if (encoded == path) {
      EXPECT_TRUE(valid_ref("refs/tags/policy/" + path + "/2026-04-09"));
    }
  }
  EXPECT_FALSE(valid_ref("refs/tags/policy/content/privacy policy.en.md/2026-04-09"));
  EXPECT_EQ("policy/content/privacy%20policy.en.md/2026-04-09",
            policy_tag_name("content/privacy policy.en.md", Date{2026, 4, 9}));
}

// Every byte from 1 to 255, in every position of a component: the name is
// valid and decodes back to the path.
TEST(TagPath, EveryByteRoundTripsToAValidName) {
  for (int b = 1; b < 256; ++b) {
    if (b == '/') continue;
    const std::string c(1, static_cast<char>(b));
    for (const std::string& path : {c, c + c, "a" + c, c + "a", "d/" + c + "/" + c + c + ".md",
                                    c + "lock", "x" + c + "lock", "x" + c + "{", c + c + c}) {
      const std::string encoded = encode_tag_path(path);
      EXPECT_EQ(path, decode_tag_path(encoded)) << b;
      EXPECT_TRUE(valid_ref("refs/tags/policy/" + encoded + "/2026-04-09")) << b << " " << encoded;
    }
  }
}

TEST(TagPath, OldNamesWithoutPercentDecodeToThemselves) {
  for (const std::string name : {"content/privacy.en.md", "p.en.md", "a@b{c}", "x.locked/y",
                                 "content/privaatsus-\xc3\xa4.et.md"}) {
    EXPECT_EQ(name, decode_tag_path(name));
  }
  // A '%' that starts no escape is kept.
  EXPECT_EQ("100%", decode_tag_path("100%"));
  EXPECT_EQ("a%zzb", decode_tag_path("a%zzb"));
  EXPECT_EQ("a%4", decode_tag_path("a%4"));
  EXPECT_EQ("a b", decode_tag_path("a%20b"));
  EXPECT_EQ("a\xff", decode_tag_path("a%fF"));
}

// A document whose name has a space, a leading dot folder and "..": it is
// published, the second publication finds the first, and history reads the
// effective date from the encoded tag.
TEST(TagPath, ADocumentWithASpaceIsPublishedAndItsTagIsRead) {
  for (const std::string name :
       {"privacy policy.en.md", ".drafts/p..en.md", "p.lock/a@{1}.en.md"}) {
    test::TestRepo repo;
    repo.write(name, english());
    repo.commit("Privacy policy", k_t0);
    git(repo, "config user.name 'Accord Publisher'");
    git(repo, "config user.email publisher@example.org");
    const std::string doc = (repo.path() / name).string();
    PublishOptions o;
    o.published = day("2026-01-01");
    o.language = "en";
    PublishResult first = publish(doc, o);
    EXPECT_EQ(policy_tag_name(name, day("2026-01-01")), first.tag);
    EXPECT_EQ(first.commit, read_tag(repo.path(), first.tag).commit);
    repo.write(name, replace(english(), k_retention, k_retention_new));
    repo.commit("Change", k_t0 + k_day);
    o.published = day("2026-04-09");
    o.known = [](std::string_view w) { return langid().spells(w, "en"); };
    PublishResult second = publish(doc, o);
    EXPECT_EQ(first.tag, second.previous_tag) << name;
    EXPECT_EQ("2026-04-23", second.effective.to_string());
    History h = GitDocument(doc).log();
    ASSERT_EQ(2u, h.versions.size());
    EXPECT_EQ(EffectiveSource::tag, h.versions[0].commit.effective_source) << name;
    EXPECT_EQ("2026-04-23", h.versions[0].commit.effective_date.to_string());
    EXPECT_EQ(EffectiveSource::tag, h.versions[1].commit.effective_source) << name;
  }
}

// A tag made before the encoding, by hand as older accord made it: read by
// history and found by publish as the previous publication.
TEST_F(Publish, AnOldTagIsStillRead) {
  change(replace(english(), k_retention, k_retention_new));
  git(repo, "tag -a policy/p.en.md/2025-12-31 " + first +
                " -m 'accord publish p.en.md: effective 2025-12-31' -m 'Published: "
                "2025-12-31' -m 'Effective-Date: 2025-12-31'");
  History h = GitDocument(doc()).log();
  ASSERT_EQ(2u, h.versions.size());
  EXPECT_EQ(EffectiveSource::tag, h.versions[1].commit.effective_source);
  PublishResult r = plan_publish(doc(), options("2026-04-09"));
  EXPECT_EQ("policy/p.en.md/2026-01-01", r.previous_tag);  // the later of the two
}

}  // namespace
}  // namespace accord
