// The history rules on real repositories with fixed dates.
#include <gtest/gtest.h>

#include <accord/check.hpp>
#include <accord/config.hpp>
#include <accord/history.hpp>

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

std::string dump(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) {
    out += f.rule + " " + f.file + ":" + std::to_string(f.line) + " " + f.section.dump() + " " +
           f.message + " " + f.evidence.dump() + "\n";
  }
  return out;
}

// Checks the pair in REPO as it is now, with its history: once with every
// version's changes, once with read_pair_history (changes only as far back
// as the rules look), and expects the same findings from both.
std::vector<Finding> check_repo(const test::TestRepo& repo, const std::string& rev = "HEAD",
                                std::size_t* skipped = nullptr) {
  std::string en = (repo.path() / "p.en.md").string();
  std::string et = (repo.path() / "p.et.md").string();
  GitDocument source_git(en), target_git(et);
  Document source = *parse_document(source_git.text_at(rev).text, "p.en.md");
  Document target = *parse_document(target_git.text_at(rev).text, "p.et.md");
  Config defaults;
  auto check_with = [&](PairHistory& history) {
    history.known = [](std::string_view w) { return langid().spells(w, "en"); };
    PairInput in{source,  target, "p.en.md", "p.et.md", "en", "et", defaults.translatable_keys,
                 &history};
    return check_pair(in, langid());
  };
  PairHistory full;
  LogOptions log;
  log.rev = rev;
  full.source = source_git.log(log);
  full.target = target_git.log(log);
  auto findings = check_with(full);

  PairHistory needed = read_pair_history(source_git, target_git, target, rev);
  EXPECT_EQ(dump(findings), dump(check_with(needed)));
  if (skipped) {
    *skipped = 0;
    for (const auto* h : {&needed.source, &needed.target}) {
      for (const auto& v : h->versions) *skipped += v.changes_skipped;
    }
  }
  return findings;
}

std::vector<std::string> rules_of(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.rule + "@" + std::to_string(f.line));
  return out;
}

class Outdated : public ::testing::Test {
 protected:
  void SetUp() override {
    repo.write("p.en.md", english());
    repo.write("p.et.md", estonian());
    first = repo.commit("Privacy policy in English and Estonian", k_t0);
  }
  test::TestRepo repo;
  std::string first;
};

TEST_F(Outdated, QuietWhenNothingChangedAfterTheTranslation) {
  EXPECT_EQ(std::vector<std::string>{}, rules_of(check_repo(repo)));
}

TEST_F(Outdated, FiresOnASubstantiveSourceChange) {
  repo.write("p.en.md", replace(english(), "at least 14 days", "at least 30 days"));
  std::string change = repo.commit("Notice period: 30 days", k_t0 + k_day);
  auto findings = check_repo(repo);
  // The number differs from the translation too, so invariant-mismatch fires with it.
  ASSERT_EQ((std::vector<std::string>{"invariant-mismatch@89", "outdated@89"}), rules_of(findings));
  const Finding& f = findings[1];
  EXPECT_EQ(
      "section 8 \"Võimalikud muudatused käesolevas privaatsuspoliitikas\" is outdated: its "
      "English "
      "source changed substantially in 1 commit since this translation was last touched (" +
          first.substr(0, 12) +
          " of 2026-01-01); update it, or record a review with an "
          "'Accord-Reviewed: 8' trailer",
      f.message);
  EXPECT_EQ(change, f.evidence["source_commits"][0]["commit"]);
  EXPECT_EQ("number", f.evidence["source_commits"][0]["reasons"][0]["kind"]);
  std::string diff = f.evidence["source_diff"].dump();
  EXPECT_NE(std::string::npos, diff.find(R"({"op":"delete","text":"14"})")) << diff;
  EXPECT_NE(std::string::npos, diff.find(R"({"op":"insert","text":"30"})")) << diff;
}

TEST_F(Outdated, QuietOnPunctuationCaseAndQuoteOnlySourceChanges) {
  std::string text =
      replace(english(), "If necessary, we may update", "If necessary we may update");
  text = replace(text, "Substantial changes in our Privacy Policy",
                 "Substantial changes in our privacy policy");
  text = replace(text, "(see “Contact” details below)", "(see \"Contact\" details below)");
  repo.write("p.en.md", text);
  repo.commit("Copy edits", k_t0 + k_day);
  EXPECT_EQ(std::vector<std::string>{}, rules_of(check_repo(repo)));
}

TEST_F(Outdated, QuietOnATypoFix) {
  // The translation was made from a source with a typo, fixed later.
  test::TestRepo typo_repo;
  typo_repo.write(
      "p.en.md", replace(english(), "for the period necessary to", "for the period neccessary to"));
  typo_repo.write("p.et.md", estonian());
  typo_repo.commit("First version", k_t0);
  typo_repo.write("p.en.md", english());
  typo_repo.commit("Fix a typo", k_t0 + k_day);
  EXPECT_EQ(std::vector<std::string>{}, rules_of(check_repo(typo_repo)));
}

TEST_F(Outdated, AReviewTrailerClearsIt) {
  repo.write("p.en.md", replace(english(), "at least 14 days", "at least 30 days"));
  repo.commit("Notice period: 30 days", k_t0 + k_day);
  // The translator checks section 8, and in the same commit fixes a
  // sentence elsewhere; section 8 itself is not edited.
  repo.write("p.et.md", replace(estonian(), "Täname teid Aligneri kasutamise eest!",
                                "Täname, et kasutate Alignerit!"));
  repo.commit("Tõlge üle vaadatud\n\nAccord-Reviewed: 8\n", k_t0 + 2 * k_day);
  // Reviewed, so not outdated; the number still differs, which is its own rule.
  EXPECT_EQ(std::vector<std::string>{"invariant-mismatch@89"}, rules_of(check_repo(repo)));
}

// The documented multi-value form: "Accord-Reviewed: 6, 8" reviews both
// sections, and only those.
TEST_F(Outdated, AReviewTrailerNamesSeveralSections) {
  std::string en = replace(english(), "we may update this Privacy Policy from time to time",
                           "we will update this Privacy Policy every year");
  en = replace(en, "for the period necessary to", "for no longer than necessary to");
  repo.write("p.en.md", en);
  repo.commit("Yearly updates, shorter retention", k_t0 + k_day);
  EXPECT_EQ((std::vector<std::string>{"outdated@72", "outdated@89"}), rules_of(check_repo(repo)));
  repo.write("p.et.md", estonian() + "\n");
  repo.commit("Tõlge üle vaadatud\n\nAccord-Reviewed: 6, 8\n", k_t0 + 2 * k_day);
  EXPECT_EQ(std::vector<std::string>{}, rules_of(check_repo(repo)));
}

TEST_F(Outdated, AReviewOfOtherSectionsLeavesItOutdated) {
  repo.write("p.en.md", replace(english(), "we may update this Privacy Policy from time to time",
                                "we will update this Privacy Policy every year"));
  repo.commit("Yearly updates", k_t0 + k_day);
  repo.write("p.et.md", estonian() + "\n");
  repo.commit("Tõlge üle vaadatud\n\nAccord-Reviewed: 6, 9\n", k_t0 + 2 * k_day);
  EXPECT_EQ(std::vector<std::string>{"outdated@89"}, rules_of(check_repo(repo)));
}

TEST_F(Outdated, ReviewAllClearsEverySection) {
  repo.write("p.en.md", replace(english(), "we may update this Privacy Policy from time to time",
                                "we will update this Privacy Policy every year"));
  repo.commit("Yearly updates", k_t0 + k_day);
  EXPECT_EQ(std::vector<std::string>{"outdated@89"}, rules_of(check_repo(repo)));
  repo.write("p.et.md", estonian() + "\n");
  repo.commit("Kõik üle vaadatud\n\nAccord-Reviewed: all\n", k_t0 + 2 * k_day);
  EXPECT_EQ(std::vector<std::string>{}, rules_of(check_repo(repo)));
}

TEST_F(Outdated, RevEvaluatesHistoryAsOfThatCommit) {
  repo.write("p.en.md", replace(english(), "we may update this Privacy Policy from time to time",
                                "we will update this Privacy Policy every year"));
  repo.commit("Yearly updates", k_t0 + k_day);
  EXPECT_EQ(std::vector<std::string>{"outdated@89"}, rules_of(check_repo(repo)));
  EXPECT_EQ(std::vector<std::string>{}, rules_of(check_repo(repo, first)));
}

TEST_F(Outdated, OnlyTheHistoryTheRulesLookAtIsRead) {
  // Ten more versions of each document; then the Estonian side catches up
  // with every section, so everything older than that is never looked at.
  std::string en = english();
  std::string et = estonian();
  for (int i = 1; i <= 10; ++i) {
    en = replace(en, i == 1 ? "at least 14 days" : "at least " + std::to_string(13 + i) + " days",
                 "at least " + std::to_string(14 + i) + " days");
    repo.write("p.en.md", en);
    repo.commit("English " + std::to_string(i), k_t0 + i * k_day);
  }
  std::size_t skipped = 0;
  auto before = check_repo(repo, "HEAD", &skipped);
  EXPECT_EQ((std::vector<std::string>{"invariant-mismatch@89", "outdated@89"}), rules_of(before));
  et = replace(et, "vähemalt 14 päeva", "vähemalt 24 päeva");
  repo.write("p.et.md", et);
  repo.commit("Tõlge\n\nAccord-Reviewed: all\n", k_t0 + 20 * k_day);
  auto after = check_repo(repo, "HEAD", &skipped);
  EXPECT_EQ(std::vector<std::string>{}, rules_of(after));
  // The review touches every section, so no older version's changes are read.
  EXPECT_GE(skipped, 10u);
}

TEST_F(Outdated, TheTargetIsReadBackToEachSectionsLastTouch) {
  // The Estonian side changes section 1 in a second version; the English
  // side then changes section 8's notice period. Section 8's last touch is
  // the first version, behind the newer one, so the target's history must be
  // read back past the version that touched section 1.
  std::string et = replace(estonian(), "Täname teid", "Suur aitäh teile");
  repo.write("p.et.md", et);
  repo.commit("Sõnastus", k_t0 + k_day);
  repo.write("p.en.md", replace(english(), "at least 14 days", "at least 30 days"));
  repo.commit("Notice period: 30 days", k_t0 + 2 * k_day);
  std::size_t skipped = 0;
  auto findings = check_repo(repo, "HEAD", &skipped);
  EXPECT_EQ((std::vector<std::string>{"invariant-mismatch@89", "outdated@89"}), rules_of(findings));
}

}  // namespace
}  // namespace accord
