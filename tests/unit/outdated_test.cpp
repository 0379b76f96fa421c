// The history rules on real repositories with fixed dates.
#include <gtest/gtest.h>

#include <accord/check.hpp>
#include <accord/config.hpp>

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

// Checks the pair in REPO as it is now, with its history.
std::vector<Finding> check_repo(const test::TestRepo& repo, const std::string& rev = "HEAD") {
  std::string en = (repo.path() / "p.en.md").string();
  std::string et = (repo.path() / "p.et.md").string();
  GitDocument source_git(en), target_git(et);
  PairHistory history;
  LogOptions log;
  log.rev = rev;
  history.source = source_git.log(log);
  history.target = target_git.log(log);
  history.known = [](std::string_view w) { return langid().spells(w, "en"); };
  Document source = *parse_document(source_git.text_at(rev).text, "p.en.md");
  Document target = *parse_document(target_git.text_at(rev).text, "p.et.md");
  Config defaults;
  PairInput in{source,  target, "p.en.md", "p.et.md", "en", "et", defaults.translatable_keys,
               &history};
  return check_pair(in, langid());
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

}  // namespace
}  // namespace accord
