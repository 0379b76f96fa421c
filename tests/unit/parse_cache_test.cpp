// ParseCache: parsing through the cache gives exactly what a whole parse
// gives (compared as `accord sections` JSON plus the text), on the fixtures,
// on generated documents full of the constructs that carry parser state, and
// on chains of versions that edit one line at a time, as a history walk does.
#include <gtest/gtest.h>

#include <accord/document.hpp>
#include <accord/report.hpp>
#include <filesystem>
#include <random>

#include "test_support.hpp"

namespace accord {
namespace {

// "ok:<json>" or "failure:<FILE:LINE: what>": what a caller can observe.
std::string observed(const tl::expected<Document, Failure>& r) {
  if (!r) return "failure:" + r.error().to_string();
  return "ok:" + to_json(*r).dump() + "\ntext:" + r->text;
}

// Where A and B first differ, with some context, for failure messages.
std::string difference(const std::string& a, const std::string& b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  std::size_t from = i > 120 ? i - 120 : 0;
  return "whole:  ..." + a.substr(from, 240) + "\ncached: ..." + b.substr(from, 240);
}

testing::AssertionResult same(const std::string& whole_parse, const std::string& cached_parse) {
  if (whole_parse == cached_parse) return testing::AssertionSuccess();
  return testing::AssertionFailure() << difference(whole_parse, cached_parse);
}

std::string whole(const std::string& text, const DocumentOptions& options = {}) {
  return observed(parse_document(text, "d.md", options));
}

std::string cached(const std::string& text, ParseCache& cache,
                   const DocumentOptions& options = {}) {
  return observed(parse_document(text, "d.md", options, cache));
}

// Lines a generated document is made of: each line is a snippet that may
// open or close something, so their mixes cover lists, quotes, tables,
// code, HTML, headings of every kind, lazy continuations and blank lines
// holding spaces.
const std::vector<std::string>& snippets() {
  static const std::vector<std::string> s = {
      "",
      "",
      "",
      "   ",
      "\t",
      "Plain text with a [link](https://example.org/a) and *emphasis*.",
      "Teine lõik: 14 päeva, info@example.org.",
      "lazy continuation line",
      "{{% title4 \"1. Sissejuhatus\" %}}",
      "{{% title4 \"2. Andmed\" %}}",
      "{{% title3 \"Cookie Policy\" %}}",
      "{{< figure src=\"a.png\" >}}",
      "{{< /figure >}}",
      "{{% note %}}",
      "# 3. Heading",
      "## 3.1. Sub heading ##",
      "#hashtag is not a heading",
      "Setext title",
      "===",
      "---",
      "***",
      "- item one",
      "- item two",
      "  - nested item",
      "    continued in the item",
      "1. first",
      "2) second",
      "* star item",
      "> quoted text",
      "> - quoted list",
      ">",
      "| a | b |",
      "|---|---|",
      "| 1 | 2 |",
      "    indented code",
      "```",
      "~~~ text",
      "<div class=\"note\">",
      "</div>",
      "<!-- comment",
      "-->",
      "<br>",
      "<script>",
      "</script>",
      "<pre>",
      "[ref]: https://example.org/ref",
      "See [the policy][ref].",
      "[^1]: A footnote.",
      "Text with a footnote[^1].",
      "- [ ] task",
      "- [x] done task",
      "www.example.org and https://example.com/x?y=1",
      "~~struck~~ text",
      "Hard break at the end  ",
      "Back\\",
  };
  return s;
}

std::string generate(std::mt19937& rng, int lines, bool stateless) {
  const auto& s = snippets();
  std::uniform_int_distribution<std::size_t> pick(0, s.size() - 1);
  std::string out;
  if (rng() % 3 == 0) out += "---\ntitle: \"Privaatsus\"\nweight: 2\n---\n";
  for (int i = 0; i < lines; ++i) {
    std::string line = s[pick(rng)];
    if (stateless &&
        (line.find("```") != std::string::npos || line.find("~~~") != std::string::npos ||
         line.find("]:") != std::string::npos || line.find("<!") != std::string::npos ||
         line.find("<script") != std::string::npos || line.find("<pre") != std::string::npos)) {
      continue;
    }
    out += line;
    out += '\n';
    if (rng() % 3 == 0) out += '\n';  // blocks apart, so there are places to cut
  }
  return out;
}

TEST(ParseCache, FixturesParseAsWhole) {
  std::size_t files = 0;
  ParseCache warm;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(test::source_dir() / "fixtures")) {
    if (entry.path().extension() != ".md") continue;
    auto bytes = test::slurp(entry.path());
    auto text = decode_text(bytes, entry.path().string());
    if (!text) continue;  // the bad-input fixtures
    ++files;
    ParseCache cold;
    EXPECT_TRUE(same(whole(*text), cached(*text, cold))) << entry.path();
    EXPECT_TRUE(same(whole(*text), cached(*text, warm))) << entry.path();
    EXPECT_TRUE(same(whole(*text), cached(*text, warm))) << entry.path() << " (second time)";
  }
  EXPECT_GT(files, 10u);
}

TEST(ParseCache, TheSeedIsCutIntoPiecesAndReused) {
  auto text = read_text_file((test::source_dir() / "fixtures/site/content/privacy.et.md").string());
  ParseCache cache;
  ASSERT_TRUE(same(whole(text), cached(text, cache)));
  EXPECT_EQ(0u, cache.stats().whole);
  EXPECT_EQ(0u, cache.stats().hits);
  const std::size_t pieces = cache.stats().misses;
  EXPECT_GE(pieces, 10u);
  // One edited line: only its piece is parsed again, and the lines of the
  // pieces after it shift by the inserted line.
  std::string edited = text;
  auto at = edited.find("\n\n", edited.size() / 2);
  ASSERT_NE(std::string::npos, at);
  edited.insert(at + 1, "Lisatud lause, mis nihutab järgmisi ridu.\n");
  ASSERT_TRUE(same(whole(edited), cached(edited, cache)));
  EXPECT_EQ(pieces - 1, cache.stats().hits);
  EXPECT_EQ(pieces + 1, cache.stats().misses);
}

TEST(ParseCache, StatefulMarkdownIsParsedWhole) {
  for (std::string text :
       {"# A\n\n```\n\n# not a heading\n```\n",
        "# A\n\nSee [x].\n\n# B\n\n[x]: https://example.org\n",
        "# A\n\n<!--\n\n# inside a comment\n-->\n", "# A\n\n<PRE>\n\n# inside pre\n</PRE>\n"}) {
    ParseCache cache;
    EXPECT_TRUE(same(whole(text), cached(text, cache))) << text;
    EXPECT_EQ(1u, cache.stats().whole) << text;
    EXPECT_EQ(0u, cache.stats().misses) << text;
  }
}

TEST(ParseCache, GeneratedDocumentsParseAsWhole) {
  std::mt19937 rng(20261125);
  ParseCache cache;
  for (int i = 0; i < 1500; ++i) {
    std::string text = generate(rng, 5 + static_cast<int>(rng() % 60), i % 2 == 0);
    ASSERT_TRUE(same(whole(text), cached(text, cache))) << "document " << i << ":\n" << text;
  }
  // Both paths ran many times: documents cut into pieces, and documents
  // parsed whole.
  EXPECT_GT(cache.stats().misses, 2000u) << cache.stats().misses;
  EXPECT_GT(cache.stats().whole, 300u) << cache.stats().whole;
}

TEST(ParseCache, VersionChainsParseAsWhole) {
  // A history: each version changes, inserts or deletes one line of the last.
  std::mt19937 rng(7);
  const auto& s = snippets();
  std::size_t hits = 0;
  std::size_t misses = 0;
  for (int chain = 0; chain < 20; ++chain) {
    // Every fourth chain with a small cache, so that pieces are evicted too.
    ParseCache cache(chain % 4 == 0 ? std::size_t{2} << 10 : std::size_t{1} << 20);
    std::string text = generate(rng, 80, true);
    for (int version = 0; version < 60; ++version) {
      std::vector<std::string> lines;
      std::size_t pos = 0;
      while (pos < text.size()) {
        auto end = text.find('\n', pos);
        lines.push_back(text.substr(pos, end - pos));
        pos = end + 1;
      }
      std::size_t at = rng() % (lines.size() + 1);
      switch (rng() % 3) {
        case 0:
          if (at < lines.size()) lines[at] = s[rng() % s.size()];
          break;
        case 1:
          lines.insert(lines.begin() + static_cast<long>(at), s[rng() % s.size()]);
          break;
        default:
          if (at < lines.size()) lines.erase(lines.begin() + static_cast<long>(at));
          break;
      }
      text.clear();
      for (const auto& l : lines) text += l + "\n";
      ASSERT_TRUE(same(whole(text), cached(text, cache)))
          << "chain " << chain << " version " << version << ":\n"
          << text;
    }
    hits += cache.stats().hits;
    misses += cache.stats().misses;
  }
  // Most pieces of a version are its parent's.
  EXPECT_GT(hits, 2 * misses) << hits << " hits, " << misses << " misses";
}

TEST(ParseCache, LimitsFailAsInTheWholeParse) {
  std::string deep = "# A\n\n";
  for (int i = 0; i <= k_max_nesting_depth + 1; ++i) deep += std::string(2 * i, ' ') + "- x\n";
  ParseCache cache;
  std::string expected = whole(deep);
  ASSERT_TRUE(expected.starts_with("failure:d.md:")) << expected;
  EXPECT_TRUE(same(expected, cached(deep, cache)));
  std::string bad_front_matter = "---\ntitle: [unclosed\n---\n# A\n";
  EXPECT_TRUE(same(whole(bad_front_matter), cached(bad_front_matter, cache)));
}

TEST(ParseCache, OtherHeadingShortcodesAreNotServedFromTheCache) {
  std::string text = "{{% title4 \"1. A\" %}}\n\nText.\n\n{{% kop \"2. B\" %}}\n\nMore.\n";
  DocumentOptions kop;
  kop.heading_shortcodes = {"kop"};
  ParseCache cache;
  EXPECT_TRUE(same(whole(text), cached(text, cache)));
  EXPECT_TRUE(same(whole(text, kop), cached(text, cache, kop)));
  EXPECT_NE(whole(text), whole(text, kop));
}

}  // namespace
}  // namespace accord
