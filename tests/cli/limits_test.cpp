// Every documented limit (docs/cli.md, "Input and limits") at its edge: the
// last accepted input and the first refused one, each with its exact result.
// The inputs are generated here: at the limits they are too large to commit.
// Bad input must never hang: each run is bounded (generously, for sanitizer
// builds; docs/reliability.md has the release-build times).
#include <gtest/gtest.h>
#include <sys/stat.h>

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

// Reads stop at --max-file-size + 1 bytes, and only regular files are read:
// /dev/zero once grew without bound and a FIFO blocked forever.
TEST(Limits, DevicesAndFifosAreExit2AtOnce) {
  auto zero = timed({"sections", "/dev/zero"});
  EXPECT_EQ(2, zero.exit_code);
  EXPECT_EQ(
      "accord: error: /dev/zero: is a character device, not a regular file; accord reads "
      "regular files only; name the file itself\n",
      zero.err);
  TempDir dir;
  std::string fifo = (dir / "f.md").string();
  ASSERT_EQ(0, ::mkfifo(fifo.c_str(), 0600));
  auto r = timed({"sections", fifo});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: " + fifo +
                ": is a named pipe (FIFO), not a regular file; accord reads regular files only; "
                "name the file itself\n",
            r.err);
  // The same reader reads the configs: a FIFO as hugo.toml.
  fs::path site = dir / "site";
  fs::create_directories(site / "content");
  ASSERT_EQ(0, ::mkfifo((site / "hugo.toml").c_str(), 0600));
  auto config = timed({"pairs", site.string()});
  EXPECT_EQ(2, config.exit_code);
  EXPECT_EQ("accord: error: " + (site / "hugo.toml").string() +
                ": is a named pipe (FIFO), not a regular file; accord reads regular files only; "
                "name the file itself\n",
            config.err);
}

TEST(Limits, AFileThatStatCallsEmptyIsStillBounded) {
  auto r = timed({"--max-file-size", "1K", "sections", "/proc/self/maps"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(
      "accord: error: /proc/self/maps: file is over the limit of 1024 bytes; pass "
      "--max-file-size to raise the limit if the file is really a document\n",
      r.err);
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

// cmark-gfm is quadratic in the bracket openers a link walks past and in a
// table row's cells; document.cpp measures both before parsing.
std::string repeat(std::string_view unit, std::size_t times) {
  std::string out;
  out.reserve(unit.size() * times + 1);
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out + "\n";
}

TEST(Limits, BracketWorkUpToTheLimitIsReadAndBeyondIsExit2) {
  TempDir dir;
  std::string file = (dir / "page.md").string();
  // "![[]()" n times: the k-th link walks past k open "![": n(n+1)/2 in all.
  write_file(file, "# 1. A\n\n" + repeat("![[]()", 1413));  // 998,991
  auto at = timed({"sections", file});
  EXPECT_EQ(0, at.exit_code) << at.err;
  write_file(file, "# 1. A\n\n" + repeat("![[]()", 1414));  // 1,000,405
  auto over = timed({"sections", file});
  EXPECT_EQ(2, over.exit_code);
  EXPECT_EQ("accord: error: " + file +
                ":3: too many '[' left open in the paragraph from line 3 for the Markdown "
                "parser; close the brackets or escape them as \\[\n",
            over.err);
  // Links that close what they open cost nothing, however many.
  write_file(file, "# 1. A\n\n" + repeat("[a](b) ", 100000));
  auto links = timed({"sections", file});
  EXPECT_EQ(0, links.exit_code) << links.err;
}

// The worst shapes at the default size limit, 16 MiB, refused before the
// library sees them (32 s at 300 KB before).
TEST(Limits, SixteenMebibytesOfTheWorstBracketsAreExit2) {
  TempDir dir;
  for (std::string unit : {"![[]()", "[[]()", "![[a]", "[](x)["}) {
    std::string file = (dir / "page.md").string();
    write_file(file, repeat(unit, 16u * 1024u * 1024u / unit.size() - 1));
    auto r = timed({"sections", file});
    EXPECT_EQ(2, r.exit_code) << unit;
    EXPECT_NE(std::string::npos, r.err.find(":1: too many '[' left open")) << unit << r.err;
  }
}

TEST(Limits, TableRowsOfAThousandCellsAreReadAndMoreAreExit2) {
  TempDir dir;
  std::string file = (dir / "page.md").string();
  auto table = [](std::size_t cells) {
    return "# 1. A\n\n" + repeat("|a", cells) + repeat("|-", cells) + repeat("|b", cells);
  };
  write_file(file, table(1000));
  auto at = timed({"sections", file});
  EXPECT_EQ(0, at.exit_code) << at.err;
  write_file(file, table(1001));
  auto over = timed({"sections", file});
  EXPECT_EQ(2, over.exit_code);
  EXPECT_EQ("accord: error: " + file +
                ":3: table row of 1001 cells, over the limit of 1000; split the table\n",
            over.err);
  // The 50,000-column table (52 s before), and a line of pipes that is no table.
  write_file(file, repeat("|a", 50000) + repeat("|-", 50000));
  auto wide = timed({"sections", file});
  EXPECT_EQ(2, wide.exit_code);
  EXPECT_EQ("accord: error: " + file +
                ":1: table row of 50000 cells, over the limit of 1000; split the table\n",
            wide.err);
  write_file(file, "# 1. A\n\n" + repeat("a|", 5000));
  auto art = timed({"sections", file});
  EXPECT_EQ(0, art.exit_code) << art.err;
}

// The Hugo config and accord.toml go through the loader of front matter
// (data.hpp), with its limits: a 9-level x20 alias fan-out in hugo.yaml
// once took 5.4 GB, and a hugo.json nested 200,000 deep overflowed the stack.
class HugoConfigLimits : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(site / "content/privacy.en.md",
               slurp(source_dir() / "fixtures/site/content/privacy.en.md"));
    write_file(site / "content/privacy.et.md",
               slurp(source_dir() / "fixtures/site/content/privacy.et.md"));
  }
  // `accord pairs` with FILE (hugo.yaml, accord.toml, …) holding TEXT.
  RunResult pairs_with(const std::string& file, const std::string& text) {
    write_file(site / file, text);
    auto r = timed({"pairs", site.string()});
    fs::remove(site / file);
    return r;
  }
  std::string error(const std::string& file, const std::string& rest) {
    return "accord: error: " + (site / file).string() + rest + "\n";
  }
  TempDir dir;
  fs::path site = dir / "site";
  const std::string ok =
      "content/privacy.en.md -> content/privacy.et.md  (en -> et, filename)\n"
      "1 pair, 0 missing translations\n";
};

TEST_F(HugoConfigLimits, OneHundredThousandValuesAreReadAndOneMoreIsExit2) {
  auto items = [](int n) {
    std::string text = "a: [";
    for (int i = 0; i < n; ++i) text += i == 0 ? "1" : ",1";
    return text + "]\n";
  };
  auto at = pairs_with("hugo.yaml", items(99999));  // the list and its items
  EXPECT_EQ(0, at.exit_code) << at.err;
  EXPECT_EQ(ok, at.out);
  auto over = pairs_with("hugo.yaml", items(100000));
  EXPECT_EQ(2, over.exit_code);
  EXPECT_EQ(error("hugo.yaml",
                  ":1: Hugo config expands to more than 100000 values (YAML aliases?); remove "
                  "the repeated aliases"),
            over.err);
}

TEST_F(HugoConfigLimits, AnAliasFanOutIsExit2) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    std::string ref = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + ref;
    for (int k = 1; k < 20; ++k) text += ", " + ref;
    text += "]\n";
  }
  auto r = pairs_with("config.yaml", text);
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(error("config.yaml",
                  ":1: Hugo config expands to more than 100000 values (YAML aliases?); remove "
                  "the repeated aliases"),
            r.err);
}

TEST_F(HugoConfigLimits, NestingOfOneHundredIsReadInEveryFormatAndDeeperIsExit2) {
  // The top-level object is level 1 in JSON, as in JSON front matter.
  auto json = [](int depth) {
    return "{\"x\": " + std::string(static_cast<std::size_t>(depth - 1), '[') +
           std::string(static_cast<std::size_t>(depth - 1), ']') + "}";
  };
  auto yaml = [](int depth) {
    return "x: " + std::string(static_cast<std::size_t>(depth - 1), '[') + "1" +
           std::string(static_cast<std::size_t>(depth - 1), ']') + "\n";
  };
  auto toml = [](int depth) {
    std::string text = "x = ";
    for (int i = 1; i < depth; ++i) text += "{b = ";
    text += "1";
    for (int i = 1; i < depth; ++i) text += "}";
    return text + "\n";
  };
  for (auto [file, make] : {std::pair{"hugo.json", +json}, std::pair{"hugo.yaml", +yaml},
                            std::pair{"hugo.toml", +toml}, std::pair{"accord.toml", +toml}}) {
    auto at = pairs_with(file, make(100));
    if (std::string(file) == "accord.toml") {
      // Past the limits, accord.toml's own check: x is no key of it.
      EXPECT_EQ(error(file,
                      ":1: unknown key 'x'; known keys are source_language, "
                      "target_languages, content_paths, heading_shortcodes, "
                      "translatable_keys, notice_days, notice_templates"),
                at.err);
    } else {
      EXPECT_EQ(0, at.exit_code) << file << " " << at.err;
    }
    auto over = pairs_with(file, make(101));
    EXPECT_EQ(2, over.exit_code) << file;
    const std::string what = std::string(file) == "accord.toml" ? "accord.toml" : "Hugo config";
    EXPECT_EQ(error(file, ":1: " + what + " nested deeper than 100 levels; flatten the " + what),
              over.err);
  }
  auto deep = pairs_with("hugo.json", json(200000));
  EXPECT_EQ(2, deep.exit_code);
  EXPECT_EQ(error("hugo.json",
                  ":1: Hugo config nested deeper than 100 levels; flatten the Hugo "
                  "config"),
            deep.err);
}

TEST_F(HugoConfigLimits, ANumberTooLargeIsExit2) {
  auto r = pairs_with("hugo.json", "{\"defaultContentLanguage\": \"en\",\n \"weight\": 1e999}");
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ(error("hugo.json",
                  ":2: number 1e999 in JSON Hugo config is too large; write a smaller number, or "
                  "quote it to keep it as text"),
            r.err);
}

// A contentDir outside the site was walked (2.4 s for /etc) and then
// silently found nothing.
TEST_F(HugoConfigLimits, AContentDirOutsideTheSiteIsANoteAndNotWalked) {
  for (std::string content_dir : {"/etc", "../../../..", "content/../.."}) {
    auto r = pairs_with("hugo.toml", "contentDir = \"" + content_dir + "\"\n");
    EXPECT_EQ(0, r.exit_code) << r.err;
    EXPECT_EQ("accord: note: " + (site / "hugo.toml").string() + ": contentDir '" + content_dir +
                  "' is outside the site, not read; name a folder inside " + site.string() + "\n",
              r.err);
    EXPECT_EQ("0 pairs, 0 missing translations\n", r.out);
  }
  auto lang = pairs_with("hugo.toml",
                         "[languages.en]\ncontentDir = \"content\"\n[languages.et]\n"
                         "contentDir = \"/etc\"\n");
  EXPECT_EQ("accord: note: " + (site / "hugo.toml").string() +
                ": languages.et.contentDir '/etc' is outside the site, not read; name a folder "
                "inside " +
                site.string() + "\n",
            lang.err);
  auto paths = pairs_with("accord.toml", "content_paths = [\"content\", \"/etc\"]\n");
  EXPECT_EQ(0, paths.exit_code) << paths.err;
  EXPECT_EQ("accord: note: " + (site / "accord.toml").string() +
                ": content_paths '/etc' is outside the site, not read; name a folder inside " +
                site.string() + "\n",
            paths.err);
  EXPECT_EQ(ok, paths.out);
  // Inside the site, through "..", is still inside.
  auto inside = pairs_with("hugo.toml", "contentDir = \"content/../content\"\n");
  EXPECT_EQ(0, inside.exit_code) << inside.err;
  EXPECT_EQ("", inside.err);
  EXPECT_EQ(ok, inside.out);
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
