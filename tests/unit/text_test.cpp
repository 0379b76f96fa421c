#include <gtest/gtest.h>

#include <accord/text.hpp>
#include <string>
#include <vector>

namespace accord {
namespace {

std::string decode_ok(std::string_view bytes) {
  auto r = decode_text(bytes, "f.md");
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().to_string());
  return r ? *r : std::string();
}

std::string decode_error(std::string_view bytes, std::size_t max = k_default_max_file_size) {
  auto r = decode_text(bytes, "f.md", max);
  EXPECT_FALSE(r.has_value());
  return r ? std::string() : r.error().to_string();
}

TEST(DecodeText, StripsUtf8Bom) {
  EXPECT_EQ("a\nb", decode_ok("\xEF\xBB\xBF"
                              "a\nb"));
}

TEST(DecodeText, TurnsCrlfAndLoneCrIntoOneLfEach) {
  EXPECT_EQ("a\nb\nc\n\nd", decode_ok("a\r\nb\rc\r\n\rd"));
}

TEST(DecodeText, KeepsValidMultibyteText) {
  EXPECT_EQ("Täname „teid”", decode_ok("Täname „teid”"));
}

TEST(DecodeText, RejectsInvalidUtf8WithLineAndColumn) {
  EXPECT_EQ(
      "f.md:2: invalid UTF-8 (byte 0xFF at column 3); save the file as UTF-8; accord never "
      "guesses another encoding",
      decode_error("ok\nab\xFFz"));
}

TEST(DecodeText, RejectsOverlongForm) {
  EXPECT_EQ(
      "f.md:1: invalid UTF-8 (byte 0xC0 at column 1); save the file as UTF-8; accord never "
      "guesses another encoding",
      decode_error("\xC0\xAF"));
}

TEST(DecodeText, RejectsEncodedSurrogate) {
  EXPECT_EQ(
      "f.md:1: invalid UTF-8 (byte 0xED at column 2); save the file as UTF-8; accord never "
      "guesses another encoding",
      decode_error("x\xED\xA0\x80"));
}

TEST(DecodeText, RejectsLineNumbersAfterCrlfStayRight) {
  EXPECT_EQ(
      "f.md:3: invalid UTF-8 (byte 0xFE at column 1); save the file as UTF-8; accord never "
      "guesses another encoding",
      decode_error("a\r\nb\r\xFE"));
}

TEST(DecodeText, RejectsNulByte) {
  EXPECT_EQ(
      "f.md:2: NUL byte at column 2; accord reads text files only; remove the byte or check "
      "that this is the right file",
      decode_error(std::string("hello world, this is text\na\0b", 28)));
}

TEST(DecodeText, RejectsUtf16WithoutBom) {
  EXPECT_EQ(
      "f.md:1: NUL bytes: this looks like UTF-16 or UTF-32 text; convert the file to UTF-8, "
      "e.g. with iconv",
      decode_error(std::string("h\0i\0\n\0", 6)));
}

TEST(DecodeText, RejectsUtf16AndUtf32Boms) {
  EXPECT_EQ(
      "f.md:1: UTF-16LE byte-order mark: accord reads UTF-8 only; convert the file, e.g. "
      "iconv -f UTF-16LE -t UTF-8",
      decode_error("\xFF\xFEh\0"));
  EXPECT_EQ(
      "f.md:1: UTF-16BE byte-order mark: accord reads UTF-8 only; convert the file, e.g. "
      "iconv -f UTF-16BE -t UTF-8",
      decode_error("\xFE\xFF\0h"));
  EXPECT_EQ(
      "f.md:1: UTF-32LE byte-order mark: accord reads UTF-8 only; convert the file, e.g. "
      "iconv -f UTF-32LE -t UTF-8",
      decode_error(std::string("\xFF\xFE\0\0h\0\0\0", 8)));
  EXPECT_EQ(
      "f.md:1: UTF-32BE byte-order mark: accord reads UTF-8 only; convert the file, e.g. "
      "iconv -f UTF-32BE -t UTF-8",
      decode_error(std::string("\0\0\xFE\xFF\0\0\0h", 8)));
}

TEST(DecodeText, RejectsOversizedInput) {
  EXPECT_EQ(
      "f.md: file is 11 bytes, over the limit of 10 bytes; pass --max-file-size to raise "
      "the limit if the file is really a document",
      decode_error("hello world", 10));
}

TEST(Text, WordTokensRoundTripAndMarkWords) {
  auto tokens = word_tokens("Täname teid, 14 päeva!");
  std::string joined;
  std::vector<std::string> words;
  for (const auto& t : tokens) {
    joined += t.text;
    if (t.is_word) words.push_back(t.text);
  }
  EXPECT_EQ("Täname teid, 14 päeva!", joined);
  EXPECT_EQ((std::vector<std::string>{"Täname", "teid", "14", "päeva"}), words);
}

TEST(Text, FoldCaseAndNfc) {
  EXPECT_EQ("strasse äö", fold_case("Straße ÄÖ"));
  EXPECT_EQ("\xC3\xA4", nfc("a\xCC\x88"));  // a + combining diaeresis → ä
}

// The folded words joined by spaces: what same_words compares.
std::string folded_words(std::string_view text) {
  std::string out;
  for (const auto& t : word_tokens(text)) {
    if (t.is_word) out += fold_case(t.text) + ' ';
  }
  return out;
}

TEST(Text, SameWordsIgnoresCaseSpacingAndPunctuation) {
  EXPECT_TRUE(same_words("Hello, World!", "hello world"));
  EXPECT_TRUE(same_words("STRASSE  äö", "Straße ÄÖ."));
  EXPECT_TRUE(same_words("", ""));
  EXPECT_TRUE(same_words("", " ,.; "));
  EXPECT_TRUE(same_words("Section 6\nWe keep data.", "section 6 we keep data"));
  EXPECT_FALSE(same_words("Hello world", "Hello"));
  EXPECT_FALSE(same_words("Hello", "Hello world"));
  EXPECT_FALSE(same_words("", "word"));
  EXPECT_FALSE(same_words("we keep data", "we keep your data"));
  EXPECT_FALSE(same_words("don't", "dont"));
  EXPECT_FALSE(same_words("Säilitame andmeid", "We keep data"));
}

TEST(Text, SameWordsIsEqualityOfFoldedWords) {
  const std::vector<std::string> texts = {"Hello, World!",
                                          "hello world",
                                          "hello  world.",
                                          "Hello World again",
                                          "HELLO",
                                          "Straße",
                                          "STRASSE",
                                          "strasse",
                                          "ǅemal",
                                          "džemal",
                                          "DŽEMAL",
                                          "a\xCC\x88",
                                          "\xC3\xA4",
                                          "Ä",
                                          "e-mail",
                                          "e mail",
                                          "email",
                                          "3.14",
                                          "3,14",
                                          "3 14",
                                          "U.S.A.",
                                          "usa",
                                          "u s a",
                                          "it's",
                                          "it’s",
                                          "its",
                                          "",
                                          " ",
                                          "!",
                                          "\n\n",
                                          "Tere\nmaailm",
                                          "tere maailm",
                                          "support@aligner.io",
                                          "support aligner io",
                                          "support@aligner.io.",
                                          "ΣΊΣΥΦΟΣ",
                                          "σίσυφος",
                                          "σίσυφοσ",
                                          "İstanbul",
                                          "i̇stanbul",
                                          "istanbul",
                                          "ﬁle",
                                          "file",
                                          "FILE",
                                          "日本語",
                                          "日本 語"};
  std::size_t same = 0;
  for (const auto& a : texts) {
    for (const auto& b : texts) {
      const bool expected = folded_words(a) == folded_words(b);
      EXPECT_EQ(expected, same_words(a, b)) << "\"" << a << "\" vs \"" << b << "\"";
      same += expected;
    }
  }
  EXPECT_GT(same, texts.size() + 20);  // not only a text against itself
}

TEST(Text, TrimHandlesUnicodeSpace) { EXPECT_EQ("a b", trim("\xC2\xA0 a b \t")); }

}  // namespace
}  // namespace accord
