// Runs the built binary on fixtures and compares with golden output.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.hpp"

namespace accord {
namespace {
namespace fs = std::filesystem;
using test::run_accord;
using test::slurp;
using test::source_dir;

TEST(CliSections, SeedTextMatchesGolden) {
  auto r = run_accord({"sections", "fixtures/site/content/privacy.et.md"}, source_dir());
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(slurp(source_dir() / "fixtures/golden/sections-seed.txt"), r.out);
  EXPECT_EQ("", r.err);
}

TEST(CliSections, SeedJsonMatchesGolden) {
  auto r = run_accord({"sections", "fixtures/site/content/privacy.et.md", "--format", "json"},
                      source_dir());
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(slurp(source_dir() / "fixtures/golden/sections-seed.json"), r.out);
}

TEST(CliSections, MissingFileIsExit2) {
  auto r = run_accord({"sections", "no/such.md"}, source_dir());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: no/such.md: no such file; check the path\n", r.err);
  EXPECT_EQ("", r.out);
}

TEST(CliSections, DirectoryIsExit2) {
  auto r = run_accord({"sections", "fixtures"}, source_dir());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: fixtures: is a directory, not a file; name a Markdown file\n", r.err);
}

TEST(CliSections, OversizedFileIsExit2AndTheLimitCanBeRaised) {
  auto r = run_accord({"--max-file-size", "1K", "sections", "fixtures/site/content/privacy.et.md"},
                      source_dir());
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(
      "accord: error: fixtures/site/content/privacy.et.md: file is 8485 bytes, over the limit "
      "of 1024 bytes; pass --max-file-size to raise the limit if the file is really a "
      "document\n",
      r.err);
  auto raised = run_accord(
      {"--max-file-size", "9K", "sections", "fixtures/site/content/privacy.et.md"}, source_dir());
  EXPECT_EQ(0, raised.exit_code) << raised.err;
}

TEST(CliSections, BinaryFileIsExit2) {
  test::TempDir dir;
  std::string bytes;
  for (int i = 0; i < 512; ++i) bytes += static_cast<char>((i * 37) % 256);
  test::write_file(dir / "logo.md", bytes);
  auto r = run_accord({"sections", (dir / "logo.md").string()});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(0u, r.err.rfind("accord: error: " + (dir / "logo.md").string() + ":1: ", 0)) << r.err;
  EXPECT_EQ(1, std::count(r.err.begin(), r.err.end(), '\n')) << r.err;
}

TEST(CliUsage, UnknownOptionIsExit2) {
  auto r = run_accord({"sections", "--frobnicate", "x.md"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: unknown option '--frobnicate'; see 'accord help sections'\n", r.err);
}

TEST(CliUsage, NoCommandIsExit2) {
  auto r = run_accord({});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.err.find("A subcommand is required")) << r.err;
}

TEST(CliUsage, HelpListsCommandsExitCodesAndExamples) {
  auto r = run_accord({"--help"});
  EXPECT_EQ(0, r.exit_code);
  for (const char* s :
       {"sections", "pairs", "Exit codes:", "  2  usage or input error", "Examples:", "NO_COLOR"}) {
    EXPECT_NE(std::string::npos, r.out.find(s)) << s;
  }
}

TEST(CliPairs, ExampleSiteJsonMatchesGolden) {
  auto r = run_accord({"pairs", "fixtures/site", "--format", "json"}, source_dir());
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(slurp(source_dir() / "fixtures/golden/pairs-site.json"), r.out);
}

TEST(CliPairs, FindsTheRootFromTheCurrentFolder) {
  auto r = run_accord({"pairs"}, source_dir() / "fixtures/site/content");
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(
      "content/privacy.en.md -> content/privacy.et.md  (en -> et, filename)\n"
      "1 pair, 0 missing translations\n",
      r.out);
}

// fixtures/bad-input/NAME.md with NAME.expected: "exit N" and then the exact
// stderr (errors) or stdout (accepted input) of `accord sections`. A folder
// fixtures/bad-input/NAME/ is a site (its configs are the bad input) and is
// run through `accord pairs`.
class BadInput : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInput, GivesTheExpectedResult) {
  std::string name = GetParam();
  std::string expected = slurp(source_dir() / "fixtures/bad-input" / (name + ".expected"));
  auto nl = expected.find('\n');
  ASSERT_NE(std::string::npos, nl);
  int code = std::stoi(expected.substr(5, nl - 5));
  std::string text = expected.substr(nl + 1);
  auto start = std::chrono::steady_clock::now();
  const bool site = fs::is_directory(source_dir() / "fixtures/bad-input" / name);
  auto r = site ? run_accord({"pairs", "fixtures/bad-input/" + name}, source_dir())
                : run_accord({"sections", "fixtures/bad-input/" + name + ".md"}, source_dir());
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(code, r.exit_code) << r.err;
  if (code == 0) {
    EXPECT_EQ(text, r.out);
    EXPECT_EQ("", r.err);
  } else {
    EXPECT_EQ(text, r.err);
    EXPECT_EQ("", r.out);
    EXPECT_EQ(1, std::count(text.begin(), text.end(), '\n')) << "one line";
  }
  // A generous bound (sanitizer builds are slow): bad input must never hang.
  EXPECT_LT(elapsed, std::chrono::seconds(20));
}

std::vector<std::string> bad_inputs() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(source_dir() / "fixtures/bad-input")) {
    if (e.path().extension() == ".md" || e.is_directory()) {
      names.push_back(e.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(bad_inputs()),
                         [](const auto& param_info) {
                           std::string n = param_info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

// Every class of refusal in docs/reliability.md comes out of accord for at
// least one case of the corpus: a case that is lost, or a refusal that
// stops happening or changes its words, fails here.
TEST(BadInputCorpus, AccordRefusesEveryDocumentedClass) {
  std::string refusals;
  std::size_t accepted = 0;
  for (const auto& name : bad_inputs()) {
    auto r = run_accord({"sections", "fixtures/bad-input/" + name + ".md"}, source_dir());
    if (r.exit_code == 0) {
      ++accepted;
      continue;
    }
    EXPECT_EQ(2, r.exit_code) << name << ": " << r.err;
    refusals += r.err;
  }
  for (const char* what :
       {"invalid UTF-8 (byte 0x", "NUL byte at column", "NUL bytes: this looks like UTF-16",
        "UTF-16LE byte-order mark", "UTF-16BE byte-order mark", "UTF-32LE byte-order mark",
        "UTF-32BE byte-order mark", "lists nested deeper than 200 levels",
        "more than 50000 sections", "front matter nested deeper than 100 levels",
        "front matter expands to more than 100000 values", "duplicate front matter key",
        "malformed YAML front matter", "malformed TOML front matter", "malformed JSON front matter",
        "is never closed", "YAML front matter is not a map of keys", "is too large"}) {
    EXPECT_NE(std::string::npos, refusals.find(what)) << what;
  }
  // And the corpus holds input that must be read, not refused.
  EXPECT_GE(accepted, 10u);
}

}  // namespace
}  // namespace accord
