#include <gtest/gtest.h>

#include <accord/document.hpp>

#include "test_support.hpp"

namespace accord {
namespace {

Document parse(std::string text, DocumentOptions options = {}) {
  auto r = parse_document(std::move(text), "d.md", options);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().to_string());
  return r ? *r : Document{};
}

std::vector<std::string> numbers(const Document& d) {
  std::vector<std::string> out;
  for (const auto& s : d.sections) out.push_back(s.number);
  return out;
}

TEST(HeadingTitle, SplitsNumberForms) {
  auto check = [](std::string_view in, std::string number, std::string title) {
    auto h = split_heading_title(in);
    EXPECT_EQ(number, h.number) << in;
    EXPECT_EQ(title, h.title) << in;
  };
  check("1. Sissejuhatus", "1", "Sissejuhatus");
  check(" 8. Possible changes to this Privacy Policy. ", "8",
        "Possible changes to this Privacy Policy");
  check("1.2 Scope", "1.2", "Scope");
  check("1.2. Scope:", "1.2", "Scope");
  check("3) Scope", "3", "Scope");
  check("§ 3 Kohaldamisala", "3", "Kohaldamisala");
  check("§3. Scope", "3", "Scope");
  check("IV. Rights", "IV", "Rights");
  check("Article 4 Definitions", "4", "Definitions");
  check("Artikkel 4. Mõisted", "4", "Mõisted");
  check("Article IV", "IV", "");
  check("Cookie Policy", "", "Cookie Policy");
  check("For how long we store your data?", "", "For how long we store your data?");
  check("I think so", "", "I think so");
  check("Wait...", "", "Wait...");
}

TEST(Document, AtxAndSetextHeadings) {
  auto d = parse("Intro text.\n\n# 1. One\n\nA.\n\nTwo\n---\n\nB.\n\n### 2.1 Deep\nC.\n");
  ASSERT_EQ(4u, d.sections.size());
  EXPECT_TRUE(d.sections[0].is_preamble());
  EXPECT_EQ("Intro text.", d.sections[0].blocks.at(0).text);
  EXPECT_EQ(HeadingKind::atx, d.sections[1].heading);
  EXPECT_EQ(1, d.sections[1].level);
  EXPECT_EQ(HeadingKind::setext, d.sections[2].heading);
  EXPECT_EQ(2, d.sections[2].level);
  EXPECT_EQ(7, d.sections[2].line);
  EXPECT_EQ("Two", d.sections[2].title);
  EXPECT_EQ(3, d.sections[3].level);
  EXPECT_EQ("2.1", d.sections[3].number);
  EXPECT_EQ(13, d.sections[3].end_line);
  EXPECT_EQ(3u, d.titled_section_count());
}

TEST(Document, ShortcodeHeadingsBothDelimiters) {
  auto d = parse(
      "{{% title4 \"1. Sissejuhatus\" %}}\n\nTere.\n\n{{< title2 \"2. Teine\" >}}\n\n"
      "{{< heading level=\"3\" title=\"Kolmas\" >}}\nx\n");
  ASSERT_EQ(3u, d.sections.size());
  EXPECT_EQ(4, d.sections[0].level);
  EXPECT_EQ("title4", d.sections[0].shortcode);
  EXPECT_EQ("Sissejuhatus", d.sections[0].title);
  EXPECT_EQ(2, d.sections[1].level);
  EXPECT_EQ("2", d.sections[1].number);
  EXPECT_EQ(3, d.sections[2].level);
  EXPECT_EQ("Kolmas", d.sections[2].title);
  EXPECT_EQ("x", d.sections[2].blocks.at(0).text);
}

TEST(Document, ShortcodeHeadingDirectlyFollowedByText) {
  // The seed's section 8: no blank line between the heading and its text.
  auto d = parse("{{% title4 \" 8. Possible changes. \" %}}\nIf necessary, we may.\n\nMore.\n");
  ASSERT_EQ(1u, d.sections.size());
  EXPECT_EQ("8", d.sections[0].number);
  ASSERT_EQ(2u, d.sections[0].blocks.size());
  EXPECT_EQ(2, d.sections[0].blocks[0].line);
  EXPECT_EQ("If necessary, we may.", d.sections[0].blocks[0].text);
}

TEST(Document, ShortcodeInsideCodeBlockIsNotAHeading) {
  auto d = parse("# A\n\n```\n{{% title4 \"2. Not\" %}}\n```\n\n    {{% title4 \"3. Not\" %}}\n");
  ASSERT_EQ(1u, d.sections.size());
  ASSERT_EQ(2u, d.sections[0].blocks.size());
  EXPECT_EQ(BlockKind::code, d.sections[0].blocks[0].kind);
  EXPECT_EQ(BlockKind::code, d.sections[0].blocks[1].kind);
}

TEST(Document, UnknownShortcodeIsABlockNotAHeading) {
  auto d = parse("# A\n\n{{< figure src=\"x.png\" >}}\n");
  ASSERT_EQ(1u, d.sections.size());
  ASSERT_EQ(1u, d.sections[0].blocks.size());
  EXPECT_EQ(BlockKind::shortcode, d.sections[0].blocks[0].kind);
  EXPECT_EQ("", d.sections[0].blocks[0].text);
}

TEST(Document, ConfiguredShortcodeNames) {
  DocumentOptions options;
  options.heading_shortcodes = {"pealkiri"};
  auto d = parse("{{% pealkiri \"1. A\" %}}\n\n{{% title4 \"2. B\" %}}\n", options);
  ASSERT_EQ(1u, d.sections.size());
  EXPECT_EQ(2, d.sections[0].level);
  EXPECT_EQ(1u, d.sections[0].blocks.size());
}

TEST(Document, BlocksKeepSourceAndPlainText) {
  auto d = parse(
      "# A\n\nSee **[our site](https://x.example/a)** and `code`.\n\n- one\n- two\n"
      "  - nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<br>\n\n> quoted\n\n---\n");
  const auto& blocks = d.sections.at(0).blocks;
  ASSERT_EQ(8u, blocks.size());
  EXPECT_EQ("See our site and code.", blocks[0].text);
  EXPECT_EQ("See **[our site](https://x.example/a)** and `code`.", blocks[0].source);
  EXPECT_EQ(std::vector<std::string>{"https://x.example/a"}, blocks[0].urls);
  EXPECT_EQ(BlockKind::list_item, blocks[1].kind);
  EXPECT_EQ("one", blocks[1].text);
  EXPECT_EQ(1, blocks[1].depth);
  EXPECT_EQ(2, blocks[3].depth);
  EXPECT_EQ("nested", blocks[3].text);
  EXPECT_EQ(BlockKind::table, blocks[4].kind);
  EXPECT_EQ("a b 1 2", blocks[4].text);
  EXPECT_EQ(BlockKind::html, blocks[5].kind);
  EXPECT_EQ("<br>", blocks[5].source);
  EXPECT_EQ(BlockKind::quote, blocks[6].kind);
  EXPECT_EQ("quoted", blocks[6].text);
  EXPECT_EQ(BlockKind::thematic_break, blocks[7].kind);
}

// cmark-gfm places a paragraph that a table interrupts at line 0 and the
// table at the paragraph's line (tests/fuzz/regressions/document/).
TEST(Document, TableRightAfterAParagraphKeepsBothLines) {
  auto d = parse("# 1. Scope\n\nIntro text\n| a | b |\n| - | - |\n| 1 | 2 |\n");
  ASSERT_EQ(1u, d.sections.size());
  const auto& blocks = d.sections[0].blocks;
  ASSERT_EQ(2u, blocks.size());
  EXPECT_EQ(BlockKind::paragraph, blocks[0].kind);
  EXPECT_EQ(3, blocks[0].line);
  EXPECT_EQ(3, blocks[0].end_line);
  EXPECT_EQ("Intro text", blocks[0].source);
  EXPECT_EQ(BlockKind::table, blocks[1].kind);
  EXPECT_EQ(4, blocks[1].line);
  EXPECT_EQ(6, blocks[1].end_line);
  EXPECT_EQ("a b 1 2", blocks[1].text);
  EXPECT_EQ(6, d.sections[0].end_line);
}

TEST(Document, TableWithoutBodyRowsAfterAParagraph) {
  auto d = parse("First line\nsecond line\n| h |\n| - |\n\n# 1. Next\n");
  ASSERT_EQ(2u, d.sections.size());
  const auto& preamble = d.sections[0];
  ASSERT_EQ(2u, preamble.blocks.size());
  EXPECT_EQ(1, preamble.blocks[0].line);
  EXPECT_EQ(2, preamble.blocks[0].end_line);
  EXPECT_EQ(3, preamble.blocks[1].line);
  EXPECT_EQ(4, preamble.blocks[1].end_line);
  EXPECT_EQ(6, d.sections[1].line);
}

// A table that starts a block keeps the lines cmark gives it.
TEST(Document, TableAfterABlankLineStartsAtItsHeader) {
  auto d = parse("# 1. A\n\nText.\n\n| a |\n| - |\n| 1 |\n");
  const auto& blocks = d.sections.at(0).blocks;
  ASSERT_EQ(2u, blocks.size());
  EXPECT_EQ(3, blocks[0].line);
  EXPECT_EQ(5, blocks[1].line);
  EXPECT_EQ(7, blocks[1].end_line);
}

TEST(Document, HeadingInsideListIsNotASection) {
  auto d = parse("# A\n\n- # inner\n");
  EXPECT_EQ(1u, d.sections.size());
}

TEST(Document, EmptyFileHasNoSections) {
  auto d = parse("");
  EXPECT_TRUE(d.sections.empty());
}

TEST(Document, LineNumbersSurviveCrlfAndBom) {
  auto decoded =
      decode_text("\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n\r\n# 1. A\r\n\r\ntext\r\n", "d.md");
  ASSERT_TRUE(decoded);
  auto d = parse(*decoded);
  ASSERT_EQ(1u, d.sections.size());
  EXPECT_EQ(5, d.sections[0].line);
  EXPECT_EQ(7, d.sections[0].blocks.at(0).line);
  EXPECT_EQ(2, d.front_matter.entries.at(0).line);
}

TEST(Document, ABlockBeforeAHeadingShortcodeEndsBeforeIt) {
  // cmark extends a thematic break (and list items) over the blank lines
  // after it; the heading shortcode's line, blanked for the second parse, is
  // one of them and must not become part of the block's source.
  Document d = parse(
      "Intro.\n\n---\n\n{{% title4 \"1. A\" %}}\nText.\n\n- item\n\n"
      "{{% title4 \"2. B\" %}}\nMore.\n");
  ASSERT_EQ(3u, d.sections.size());
  ASSERT_EQ(2u, d.sections[0].blocks.size());
  EXPECT_EQ("---", d.sections[0].blocks[1].source);
  EXPECT_EQ(3, d.sections[0].blocks[1].end_line);
  EXPECT_EQ(3, d.sections[0].end_line);
  ASSERT_EQ(2u, d.sections[1].blocks.size());
  EXPECT_EQ("- item", d.sections[1].blocks[1].source);
  EXPECT_EQ(8, d.sections[1].end_line);
  EXPECT_EQ(10, d.sections[2].line);
}

TEST(Document, RejectsDeepNestedLists) {
  std::string md;
  for (int i = 0; i < 300; ++i) md += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- x\n";
  auto r = parse_document(md, "d.md");
  ASSERT_FALSE(r);
  EXPECT_EQ("d.md:201: lists nested deeper than 200 levels; flatten the list",
            r.error().to_string());
}

TEST(Document, SeedHasTheTenSectionsAndItsQuirks) {
  auto path = test::source_dir() / "fixtures/site/content/privacy.et.md";
  Document d = read_document(path.string());
  ASSERT_EQ(10u, d.sections.size());
  EXPECT_EQ(10u, d.titled_section_count());
  EXPECT_EQ((std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8", "9", ""}),
            numbers(d));
  EXPECT_EQ("Sissejuhatus", d.sections[0].title);
  EXPECT_EQ(8, d.sections[0].line);
  EXPECT_EQ(13, d.sections[0].end_line);
  EXPECT_EQ("For how long we store your data?", d.sections[5].title);  // leading space before it
  EXPECT_EQ(" 8. Possible changes to this Privacy Policy. ", d.sections[7].raw_title);
  EXPECT_EQ("Possible changes to this Privacy Policy", d.sections[7].title);
  EXPECT_EQ("Cookie Policy", d.sections[9].title);
  EXPECT_EQ(4, d.sections[9].level);
  // Section 2's first paragraph spans two lines.
  EXPECT_EQ(17, d.sections[1].blocks[0].line);
  EXPECT_EQ(18, d.sections[1].blocks[0].end_line);
  std::size_t blocks = 0;
  for (const auto& s : d.sections) blocks += s.blocks.size();
  EXPECT_EQ(68u, blocks);
  ASSERT_EQ(4u, d.front_matter.entries.size());
  EXPECT_EQ("description", d.front_matter.entries[2].key);
  EXPECT_EQ(4, d.front_matter.entries[2].line);
}

TEST(Document, SeedCopyIsByteIdenticalToTheSeed) {
  auto fixture = test::slurp(test::source_dir() / "fixtures/site/content/privacy.et.md");
  auto seed_path = test::source_dir() / "../shared/seeds/000_68cbf73eff8f7f3a.txt";
  // CI clones main with shared/ beside it; so does every developer machine.
  ASSERT_TRUE(std::filesystem::exists(seed_path)) << seed_path;
  EXPECT_EQ(test::slurp(seed_path), fixture);
}

// Documents that are not Hugo-tidy (issue 15): headings inferred only when
// the document has too few real ones.
std::vector<std::string> titles(const Document& d) {
  std::vector<std::string> out;
  for (const auto& s : d.sections) out.push_back(s.title);
  return out;
}

TEST(InferredHeadings, BoldLinesBecomeHeadingsInADocumentWithout) {
  auto d = parse(
      "Privacy Policy\n\n**1. Who we are**\n\nWe run a booking site.\n\n"
      "**2. What we collect**\n\nNames and dates of stay.\n\n"
      "**3. Your rights**\n\nYou may ask for a copy.\n");
  ASSERT_EQ(4u, d.sections.size());
  EXPECT_EQ((std::vector<std::string>{"", "Who we are", "What we collect", "Your rights"}),
            titles(d));
  EXPECT_EQ((std::vector<std::string>{"", "1", "2", "3"}), numbers(d));
  EXPECT_EQ(HeadingKind::inferred, d.sections[1].heading);
  ASSERT_EQ(1u, d.sections[1].blocks.size());
  EXPECT_EQ("We run a booking site.", d.sections[1].blocks[0].text);
}

TEST(InferredHeadings, BoldRunInClauseTitles) {
  auto d = parse(
      "# Terms of Service\n\n**1. Services.** We provide video meetings.\n\n"
      "**2. Fees.** You pay the fees of your plan.\n\n"
      "**3. Termination.** Either party may end the contract.\n\n"
      "**4. Law.** The laws of Ireland apply.\n");
  EXPECT_EQ(
      (std::vector<std::string>{"Terms of Service", "Services", "Fees", "Termination", "Law"}),
      titles(d));
  // The clause keeps its text, title words included.
  EXPECT_EQ("2. Fees. You pay the fees of your plan.", d.sections[2].blocks[0].text);
}

TEST(InferredHeadings, NumberedLinesAndClauseNumbers) {
  auto d = parse(
      "1. Who we are\n\nWe are a small company.\n\n2. What we collect\n\nYour e-mail.\n\n"
      "2.1 Account data. We keep your name.\n\n2.2 Usage data. We keep logs.\n");
  EXPECT_EQ((std::vector<std::string>{"1", "2", "2.1", "2.2"}), numbers(d));
  EXPECT_EQ(
      (std::vector<std::string>{"Who we are", "What we collect", "Account data", "Usage data"}),
      titles(d));
  EXPECT_EQ(3, d.sections[2].level);
}

TEST(InferredHeadings, UnderlinesAfterABlankLine) {
  auto d = parse(
      "Scope\n\n-----\n\nThis applies to the app.\n\nData\n\n=====\n\nWe keep logs.\n\n"
      "Rights\n\n-----\n\nAsk us.\n");
  EXPECT_EQ((std::vector<std::string>{"Scope", "Data", "Rights"}), titles(d));
  EXPECT_EQ("This applies to the app.", d.sections[0].blocks[0].text);
}

TEST(InferredHeadings, HeadingsThatAreOnlyANumberTakeTheLineAfter) {
  auto d = parse(
      "## 1\n\n**Scope**\n\nThis applies.\n\n## 2\n\nData\n\nWe keep logs.\n\n"
      "## 3\n\nRights\n\nAsk us.\n");
  EXPECT_EQ((std::vector<std::string>{"Scope", "Data", "Rights"}), titles(d));
  EXPECT_EQ((std::vector<std::string>{"1", "2", "3"}), numbers(d));
  ASSERT_EQ(1u, d.sections[0].blocks.size());
  EXPECT_EQ("This applies.", d.sections[0].blocks[0].text);
}

TEST(InferredHeadings, ADocumentWithEnoughRealHeadingsIsLeftAlone) {
  auto d = parse(
      "# 1. Scope\n\n**Important**\n\nThis applies.\n\n# 2. Data\n\n**Note**\n\nLogs.\n\n"
      "# 3. Rights\n\n**Also**\n\nAsk us.\n");
  EXPECT_EQ((std::vector<std::string>{"Scope", "Data", "Rights"}), titles(d));
  EXPECT_EQ(2u, d.sections[0].blocks.size());
  // Fewer than three candidates: nothing inferred either.
  auto e = parse("Intro.\n\n**Only one bold line**\n\nText.\n\n**And two**\n\nMore.\n");
  EXPECT_EQ(1u, e.sections.size());
  // A bold sentence of prose is not a heading.
  auto f = parse(
      "**You must be 16 or older to use the service, and you must keep your password "
      "secret at all times.**\n\n**A**\n\nx\n\n**B**\n\ny\n\n**C**\n\nz\n");
  EXPECT_EQ((std::vector<std::string>{"", "A", "B", "C"}), titles(f));
}

}  // namespace
}  // namespace accord
