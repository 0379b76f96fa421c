#include <gtest/gtest.h>

#include <accord/front_matter.hpp>

namespace accord {
namespace {

FrontMatterSplit ok(std::string_view text) {
  auto r = parse_front_matter(text, "p.md");
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().to_string());
  return r ? *r : FrontMatterSplit{};
}

std::string error(std::string_view text) {
  auto r = parse_front_matter(text, "p.md");
  EXPECT_FALSE(r.has_value());
  return r ? std::string() : r.error().to_string();
}

TEST(FrontMatter, YamlKeepsKeyOrderLinesAndTypes) {
  auto s =
      ok("---\ntitle: Privaatsuspoliitika\nweight: 3\ndraft: false\ndescription: \"true\"\n"
         "tags: [a, b]\n---\nbody\n");
  const auto& fm = s.front_matter;
  EXPECT_EQ(FrontMatterFormat::yaml, fm.format);
  EXPECT_EQ(1, fm.line);
  EXPECT_EQ(7, fm.end_line);
  ASSERT_EQ(5u, fm.entries.size());
  EXPECT_EQ("title", fm.entries[0].key);
  EXPECT_EQ(2, fm.entries[0].line);
  EXPECT_EQ("weight", fm.entries[1].key);
  EXPECT_EQ(3, fm.entries[1].value.get<int>());
  EXPECT_EQ(false, fm.entries[2].value.get<bool>());
  EXPECT_EQ("true", fm.entries[3].value.get<std::string>());  // quoted: stays a string
  EXPECT_EQ(6, fm.entries[4].line);
  EXPECT_EQ(R"(["a","b"])", fm.entries[4].value.dump());
  EXPECT_EQ(8, s.body_line);
  EXPECT_EQ(std::string_view("---\ntitle: Privaatsuspoliitika\nweight: 3\ndraft: false\n"
                             "description: \"true\"\ntags: [a, b]\n---\n")
                .size(),
            s.body_offset);
}

// yaml-cpp decodes "\_" and "\N" to the single bytes 0xA0 and 0x85, which
// are not UTF-8; found by the front_matter fuzz target (a JSON dump threw).
// They must come out as U+00A0 and U+0085, in values and in keys.
TEST(FrontMatter, YamlEscapesOfNoBreakSpaceAndNextLineAreUtf8) {
  auto s = ok("---\ntitle: \"a\\_b \\N c\"\n\"k\\_ey\": \"\\_\\u00e9\\_\"\n---\nbody\n");
  const auto& fm = s.front_matter;
  ASSERT_EQ(2u, fm.entries.size());
  EXPECT_EQ(
      "a\xC2\xA0"
      "b \xC2\x85 c",
      fm.entries[0].value.get<std::string>());
  EXPECT_EQ(
      "k\xC2\xA0"
      "ey",
      fm.entries[1].key);
  EXPECT_EQ("\xC2\xA0\xC3\xA9\xC2\xA0", fm.entries[1].value.get<std::string>());
  EXPECT_EQ(
      "\"a\xC2\xA0"
      "b \xC2\x85 c\"",
      fm.entries[0].value.dump());
  // Text written as itself is passed through unchanged.
  auto plain =
      ok("---\ntitle: \"a\xC2\xA0"
         "b é\"\n---\n");
  EXPECT_EQ(
      "a\xC2\xA0"
      "b \xC3\xA9",
      plain.front_matter.entries[0].value.get<std::string>());
}

TEST(FrontMatter, TomlKeepsFileOrderNotAlphabetical) {
  auto s =
      ok("+++\ntitle = \"Privacy\"\ndate = 2026-04-09\nauthor = \"x\"\n[params]\nk = 1\n+++\n");
  const auto& fm = s.front_matter;
  EXPECT_EQ(FrontMatterFormat::toml, fm.format);
  ASSERT_EQ(4u, fm.entries.size());
  EXPECT_EQ("title", fm.entries[0].key);
  EXPECT_EQ(2, fm.entries[0].line);
  EXPECT_EQ("date", fm.entries[1].key);
  EXPECT_EQ("2026-04-09", fm.entries[1].value.get<std::string>());
  EXPECT_EQ("author", fm.entries[2].key);
  EXPECT_EQ("params", fm.entries[3].key);
  EXPECT_EQ(5, fm.entries[3].line);
  EXPECT_EQ(8, s.body_line);
}

TEST(FrontMatter, JsonKeepsOrderAndLines) {
  auto s =
      ok("{\n  \"title\": \"Privacy\",\n  \"weight\": 2,\n  \"x\": {\"a\": [1, {\"b\": 2}]}\n}\n# "
         "H\n");
  const auto& fm = s.front_matter;
  EXPECT_EQ(FrontMatterFormat::json, fm.format);
  EXPECT_EQ(5, fm.end_line);
  ASSERT_EQ(3u, fm.entries.size());
  EXPECT_EQ("title", fm.entries[0].key);
  EXPECT_EQ(2, fm.entries[0].line);
  EXPECT_EQ("weight", fm.entries[1].key);
  EXPECT_EQ(3, fm.entries[1].line);
  EXPECT_EQ(4, fm.entries[2].line);
  EXPECT_EQ(6, s.body_line);
}

TEST(FrontMatter, NoneWhenTheFileStartsWithTextOrAShortcode) {
  EXPECT_EQ(FrontMatterFormat::none, ok("# Title\n").front_matter.format);
  EXPECT_EQ(FrontMatterFormat::none, ok("{{% title4 \"1. A\" %}}\n").front_matter.format);
  EXPECT_EQ(FrontMatterFormat::none, ok("").front_matter.format);
}

TEST(FrontMatter, EmptyYamlBlockHasNoKeys) {
  auto s = ok("---\n---\ntext\n");
  EXPECT_EQ(FrontMatterFormat::yaml, s.front_matter.format);
  EXPECT_TRUE(s.front_matter.entries.empty());
  EXPECT_EQ(3, s.body_line);
}

TEST(FrontMatter, RejectsUnterminatedYaml) {
  EXPECT_EQ(
      "p.md:1: YAML front matter opened at line 1 is never closed; add a closing '---' line "
      "after the last key",
      error("---\ntitle: x\n\nbody\n"));
}

TEST(FrontMatter, RejectsUnterminatedToml) {
  EXPECT_EQ(
      "p.md:1: TOML front matter opened at line 1 is never closed; add a closing '+++' line "
      "after the last key",
      error("+++\ntitle = 'x'\n"));
}

TEST(FrontMatter, RejectsUnterminatedJson) {
  EXPECT_EQ("p.md:1: JSON front matter opened at line 1 is never closed; add the closing '}'",
            error("{\n\"title\": \"x\"\n"));
}

TEST(FrontMatter, RejectsDuplicateYamlKey) {
  EXPECT_EQ("p.md:4: duplicate front matter key 'title'; Hugo rejects duplicate keys too; keep one",
            error("---\ntitle: a\nx: 1\ntitle: b\n---\n"));
}

TEST(FrontMatter, RejectsDuplicateNestedYamlKey) {
  EXPECT_EQ("p.md:4: duplicate front matter key 'a'; Hugo rejects duplicate keys too; keep one",
            error("---\nparams:\n  a: 1\n  a: 2\n---\n"));
}

TEST(FrontMatter, RejectsDuplicateTomlKey) {
  std::string e = error("+++\ntitle = 'a'\ntitle = 'b'\n+++\n");
  EXPECT_EQ(0u, e.rfind("p.md:3: malformed TOML front matter: ", 0)) << e;
}

TEST(FrontMatter, RejectsDuplicateJsonKey) {
  EXPECT_EQ("p.md:3: duplicate front matter key 'title'; Hugo rejects duplicate keys too; keep one",
            error("{\n\"title\": \"a\",\n\"title\": \"b\"\n}\n"));
}

TEST(FrontMatter, RejectsMalformedYamlWithItsLine) {
  std::string e = error("---\ntitle: ok\nbad: [unclosed\n---\n");
  EXPECT_EQ(0u, e.rfind("p.md:", 0)) << e;
  EXPECT_NE(std::string::npos, e.find("malformed YAML front matter")) << e;
  EXPECT_NE(std::string::npos, e.find("fix the YAML between the '---' lines")) << e;
}

TEST(FrontMatter, RejectsMalformedJson) {
  EXPECT_EQ("p.md:2: malformed JSON front matter; fix the JSON object at the top of the file",
            error("{\n\"title\" \"a\"\n}\n"));
}

TEST(FrontMatter, RejectsYamlThatIsNotAMap) {
  EXPECT_EQ("p.md:2: YAML front matter is not a map of keys; write 'key: value' lines",
            error("---\n- a\n- b\n---\n"));
}

TEST(FrontMatter, RejectsBillionLaughs) {
  std::string yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    yaml += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) yaml += std::string(i ? ", *" : "*") + prev;
    yaml += "]\n";
    prev = c;
  }
  yaml += "---\n";
  std::string e = error(yaml);
  EXPECT_NE(std::string::npos, e.find("front matter expands to more than 100000 values")) << e;
}

TEST(FrontMatter, RejectsVeryDeepJsonNesting) {
  std::string json = "{\"a\": " + std::string(500, '[') + std::string(500, ']') + "}\n";
  EXPECT_EQ("p.md:1: front matter nested deeper than 100 levels; flatten the front matter",
            error(json));
}

}  // namespace
}  // namespace accord
