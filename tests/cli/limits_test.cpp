// Every documented limit (docs/cli.md, "Input and limits") at its edge: the
// last accepted input and the first refused one, each with its exact result.
// The inputs are generated here: at the limits they are too large to commit.
// Bad input must never hang: each run is bounded (generously, for sanitizer
// builds; docs/reliability.md has the release-build times).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "test_support.hpp"

namespace accord {
namespace {
namespace fs = std::filesystem;
using test::RunResult;
using test::slurp;
using test::source_dir;
using test::TempDir;
using test::write_file;

constexpr auto k_bound = std::chrono::seconds(20);

// `accord ARGS…` in DIR, timed.
RunResult timed(const std::vector<std::string>& args, const fs::path& dir = {}) {
  auto start = std::chrono::steady_clock::now();
  auto r = test::run_accord(args, dir);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, k_bound) << "bad input must not take long";
  return r;
}

std::string headings(int count) {
  std::string text;
  for (int i = 1; i <= count; ++i) text += "# " + std::to_string(i) + "\n";
  return text;
}

std::string nested_list(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "- ";
  return text + "x\n";
}

std::string yaml_sequence(int items) {
  std::string text = "---\na: [";
  for (int i = 0; i < items; ++i) text += i == 0 ? "1" : ",1";
  return text + "]\n---\n# 1. A\n";
}

std::string yaml_nested(int depth) {
  return "---\na: " + std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']') + "\n---\n# 1. A\n";
}

TEST(Limits, FileOverTheDefaultSizeLimitIsExit2) {
  TempDir dir;
  std::string file = (dir / "big.md").string();
  write_file(file, std::string(16u * 1024u * 1024u + 1u, 'a'));
  auto r = timed({"sections", file});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + file +
                ": file is 16777217 bytes, over the limit of 16777216 bytes; pass "
                "--max-file-size to raise the limit if the file is really a document\n",
            r.err);
  EXPECT_EQ("", r.out);
}

TEST(Limits, FileOfExactlyTheSizeLimitIsRead) {
  TempDir dir;
  std::string file = (dir / "page.md").string();
  write_file(file, "# 1. A\n\n" + std::string(1016, 'a'));  // 1024 bytes
  auto ok = timed({"--max-file-size", "1K", "sections", file});
  EXPECT_EQ(0, ok.exit_code) << ok.err;
  EXPECT_EQ(file + "\n      1-3     # 1 A  1 block\n1 titled section\n", ok.out);
  write_file(file, "# 1. A\n\n" + std::string(1017, 'a'));
  auto over = timed({"--max-file-size", "1K", "sections", file});
  EXPECT_EQ(2, over.exit_code);
  EXPECT_EQ("accord: error: " + file +
                ": file is 1025 bytes, over the limit of 1024 bytes; pass --max-file-size to "
                "raise the limit if the file is really a document\n",
            over.err);
}

TEST(Limits, FiftyThousandSectionsAreRead) {
  TempDir dir;
  std::string file = (dir / "page.md").string();
  write_file(file, headings(50000));
  auto r = timed({"sections", file});
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(50002u, static_cast<std::size_t>(std::count(r.out.begin(), r.out.end(), '\n')));
  // A heading that is only a number has an empty title, hence three spaces.
  const std::string tail = "\n  50000-50000 # 50000   0 blocks\n50000 titled sections\n";
  ASSERT_GE(r.out.size(), tail.size());
  EXPECT_EQ(tail, r.out.substr(r.out.size() - tail.size()));
}

TEST(Limits, FiftyThousandAndOneSectionsAreExit2) {
  TempDir dir;
  std::string file = (dir / "page.md").string();
  write_file(file, headings(50001));
  auto r = timed({"sections", file});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + file + ":50001: more than 50000 sections; split the document\n",
            r.err);
}

TEST(Limits, ListsNestedTwoHundredDeepAreRead) {
  TempDir dir;
  std::string file = (dir / "page.md").string();
  write_file(file, nested_list(200));
  auto r = timed({"sections", file});
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(file + "\n      1-1     (preamble)  1 block\n0 titled sections\n", r.out);
}

TEST(Limits, ListsNestedTwoHundredAndOneDeepAreExit2) {
  TempDir dir;
  std::string file = (dir / "page.md").string();
  write_file(file, nested_list(201));
  auto r = timed({"sections", file});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(
      "accord: error: " + file + ":1: lists nested deeper than 200 levels; flatten the list\n",
      r.err);
}

TEST(Limits, MoreThanAMillionBlocksAreExit2) {
  TempDir dir;
  std::string file = (dir / "page.md").string();
  std::string text;
  for (int i = 0; i < 1000001; ++i) text += "x\n\n";
  write_file(file, text);
  auto r = timed({"sections", file});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(
      "accord: error: " + file + ":2000001: too many blocks in one document; split the document\n",
      r.err);
}

// The sequence is one value and each item another: 99,999 items make
// 100,000 values, the most accepted.
TEST(Limits, FrontMatterOfOneHundredThousandValuesIsRead) {
  TempDir dir;
  std::string file = (dir / "page.md").string();
  write_file(file, yaml_sequence(99999));
  auto r = timed({"sections", file});
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(file +
                "\n  front matter (yaml), lines 1-3: a\n      4-4     # 1 A  0 blocks\n"
                "1 titled section\n",
            r.out);
}

TEST(Limits, FrontMatterOfMoreThanOneHundredThousandValuesIsExit2) {
  TempDir dir;
  std::string file = (dir / "page.md").string();
  write_file(file, yaml_sequence(100000));
  auto r = timed({"sections", file});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + file +
                ":2: front matter expands to more than 100000 values (YAML aliases?); remove the "
                "repeated aliases\n",
            r.err);
}

TEST(Limits, FrontMatterNestedOneHundredDeepIsRead) {
  TempDir dir;
  std::string file = (dir / "page.md").string();
  write_file(file, yaml_nested(100));
  auto r = timed({"sections", file});
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(file +
                "\n  front matter (yaml), lines 1-3: a\n      4-4     # 1 A  0 blocks\n"
                "1 titled section\n",
            r.out);
}

TEST(Limits, FrontMatterNestedDeeperIsExit2AtEveryDepth) {
  TempDir dir;
  std::string file = (dir / "page.md").string();
  // 101 is accord's own limit; past 500 yaml-cpp stops first.
  for (int depth : {101, 499, 501, 100000}) {
    write_file(file, yaml_nested(depth));
    auto r = timed({"sections", file});
    EXPECT_EQ(2, r.exit_code) << depth;
    EXPECT_EQ("accord: error: " + file +
                  ":2: front matter nested deeper than 100 levels; flatten the front matter\n",
              r.err)
        << depth;
  }
}

// A hugo.json nested 200,000 deep once overflowed the stack (exit 139).
TEST(Limits, DeeplyNestedHugoConfigIsRead) {
  TempDir dir;
  fs::path site = dir / "site";
  write_file(site / "hugo.json", "{\"defaultContentLanguage\": \"en\", \"x\": " +
                                     std::string(200000, '[') + std::string(200000, ']') + "}");
  write_file(site / "content/privacy.en.md",
             slurp(source_dir() / "fixtures/site/content/privacy.en.md"));
  write_file(site / "content/privacy.et.md",
             slurp(source_dir() / "fixtures/site/content/privacy.et.md"));
  auto r = timed({"pairs", site.string()});
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(
      "content/privacy.en.md -> content/privacy.et.md  (en -> et, filename)\n"
      "1 pair, 0 missing translations\n",
      r.out);
}

TEST(Limits, HugoConfigWithANumberTooLargeIsExit2) {
  TempDir dir;
  fs::path site = dir / "site";
  write_file(site / "hugo.json", "{\"defaultContentLanguage\": \"en\", \"weight\": 1e999}");
  auto r = timed({"pairs", site.string()});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + (site / "hugo.json").string() +
                ": malformed Hugo config: [json.exception.out_of_range.406] number overflow "
                "parsing '1e999'; fix the JSON\n",
            r.err);
}

// A map of many keys is read in linear time (front_matter.cpp appends
// members instead of looking each key up in ordered_json's vector).
class ManyKeys : public ::testing::TestWithParam<std::string> {};

TEST_P(ManyKeys, MapOfOneHundredThousandKeysIsReadQuickly) {
  const std::string format = GetParam();
  std::string text;
  if (format == "yaml") {
    text = "---\na:\n";
    for (int i = 0; i < 99990; ++i) text += "  k" + std::to_string(i) + ": 1\n";
    text += "---\n# 1. A\n";
  } else if (format == "toml") {
    text = "+++\n[a]\n";
    // Appends, not "k" + to_string(): GCC 12 at -O3 warns (-Wrestrict, a
    // false positive) about the temporary.
    for (int i = 0; i < 99990; ++i) {
      text += 'k';
      text += std::to_string(i);
      text += " = 1\n";
    }
    text += "+++\n# 1. A\n";
  } else {
    text = "{\"a\": {";
    for (int i = 0; i < 99990; ++i) text += (i ? ", \"k" : "\"k") + std::to_string(i) + "\": 1";
    text += "}}\n# 1. A\n";
  }
  TempDir dir;
  std::string file = (dir / "page.md").string();
  write_file(file, text);
  auto start = std::chrono::steady_clock::now();
  auto r = test::run_accord({"sections", file});
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_LT(elapsed, k_bound) << "under 2 s in a release build; the bound allows for sanitizers";
}

INSTANTIATE_TEST_SUITE_P(FrontMatter, ManyKeys, ::testing::Values("yaml", "toml", "json"));

}  // namespace
}  // namespace accord
