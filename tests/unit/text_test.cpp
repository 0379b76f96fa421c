#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unicode/unistr.h>

#include <accord/text.hpp>
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.hpp"

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

// The one reader of files from disk (read_file_bytes, read_text_file).
std::string read_error(const std::string& path, std::size_t max = k_default_max_file_size) {
  try {
    read_text_file(path, max);
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << path << " was read";
  return {};
}

TEST(ReadFile, RefusesDevicesWithoutReadingThem) {
  // /dev/zero never ends: reading it whole grew without bound.
  EXPECT_EQ(
      "/dev/zero: is a character device, not a regular file; accord reads regular files only; "
      "name the file itself",
      read_error("/dev/zero"));
}

TEST(ReadFile, RefusesAFifoWithoutBlocking) {
  test::TempDir dir;
  std::string fifo = (dir / "f.md").string();
  ASSERT_EQ(0, ::mkfifo(fifo.c_str(), 0600));
  // Opening a FIFO for reading blocks until a writer comes; none will.
  EXPECT_EQ(fifo +
                ": is a named pipe (FIFO), not a regular file; accord reads regular files "
                "only; name the file itself",
            read_error(fifo));
}

TEST(ReadFile, StopsAtTheLimitWhateverStatSays) {
  // /proc files are regular files of size 0 by stat; their bytes come only
  // by reading. The read stops at the limit + 1 byte.
  EXPECT_EQ(0u, std::filesystem::file_size("/proc/self/maps"));
  EXPECT_EQ(
      "/proc/self/maps: file is over the limit of 100 bytes; pass --max-file-size to raise "
      "the limit if the file is really a document",
      read_error("/proc/self/maps", 100));
}

TEST(ReadFile, ReadsAFileOfExactlyTheLimit) {
  test::TempDir dir;
  std::string file = (dir / "f.md").string();
  test::write_file(file, std::string(100, 'a'));
  EXPECT_EQ(std::string(100, 'a'), read_text_file(file, 100));
  test::write_file(file, std::string(101, 'a'));
  EXPECT_EQ(file +
                ": file is 101 bytes, over the limit of 100 bytes; pass --max-file-size to "
                "raise the limit if the file is really a document",
            read_error(file, 100));
}

TEST(ReadFile, NamesAMissingFileAndADirectory) {
  test::TempDir dir;
  EXPECT_EQ((dir / "no.md").string() + ": no such file; check the path",
            read_error((dir / "no.md").string()));
  EXPECT_EQ(dir.path().string() + ": is a directory, not a file; name a Markdown file",
            read_error(dir.path().string()));
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

// Texts whose word breaks depend on context: letters, digits and separators
// against the edited stretch, combining marks (Extend), ZWJ, format
// characters, regional indicators, Thai (dictionary breaks), tabs and
// newlines.
const std::vector<std::string> k_edit_texts = {
    "Write to support@example.org, et küsida.",
    "see https://www.example.org/privacy.\nNext line +372 5555 1234!",
    "äsupport@example.org a.b 1,5 3.14 don't l'été",
    "x\u0301 y\u0301z \u200D\u00ADq  \t a\u200Db \U0001F1EA\U0001F1EA\U0001F1EA x",
    "ภาษาไทย ภาษา ไทย 12 abc",
    "Ab.Cd 12:30 a_b  \"q\" 'r' (s) x-y",
};

// Every text of k_edit_texts with each stretch of whole characters replaced
// by spaces, as extract_invariants blanks URLs, addresses and phones.
TEST(Text, TokenSpansAfterEditEqualBreakingTheEditedText) {
  auto same = [](const std::vector<TokenSpan>& a, const std::vector<TokenSpan>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i].offset != b[i].offset || a[i].length != b[i].length ||
          a[i].is_word != b[i].is_word) {
        return false;
      }
    }
    return true;
  };
  int compared = 0;
  for (const std::string& text : k_edit_texts) {
    for (std::string_view locale : {"en", "et"}) {
      std::vector<TokenSpan> original;
      token_spans(text, locale, original);
      std::vector<std::size_t> starts;  // character boundaries
      for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
          starts.push_back(i);
        }
      }
      for (std::size_t a = 0; a < starts.size(); ++a) {
        for (std::size_t b = a + 1; b < starts.size(); ++b) {
          std::string edited = text;
          std::fill(edited.begin() + static_cast<long>(starts[a]),
                    edited.begin() + static_cast<long>(starts[b]), ' ');
          std::vector<TokenSpan> expected;
          token_spans(edited, locale, expected);
          ASSERT_TRUE(same(expected, token_spans_after_edit(text, original, edited, locale)))
              << "text: " << text << "\nedited: " << edited;
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 5000);
}

TEST(Text, TokenSpansMatchForEachToken) {
  const std::string text = "Täname teid, 14 päeva!\nhttps://x.org";
  std::vector<TokenSpan> spans;
  token_spans(text, "et", spans);
  std::vector<Token> tokens = word_tokens(text, "et");
  ASSERT_EQ(tokens.size(), spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    EXPECT_EQ(tokens[i].offset, spans[i].offset);
    EXPECT_EQ(tokens[i].text, text.substr(spans[i].offset, spans[i].length));
    EXPECT_EQ(tokens[i].is_word, spans[i].is_word);
  }
}

// char_count counts eight bytes at a time: compare with counting the bytes
// that do not continue a character, at every length and alignment.
TEST(Text, CharCountCountsCodePoints) {
  const std::string text = "aä€𝄞 Täname teid, 14 päeva! \u0301x\U0001F1EA\U0001F1EAend";
  for (std::size_t begin = 0; begin < text.size(); ++begin) {
    for (std::size_t end = begin; end <= text.size(); ++end) {
      const std::string_view piece = std::string_view(text).substr(begin, end - begin);
      std::size_t expected = 0;
      for (unsigned char c : piece) expected += (c & 0xC0) != 0x80;
      ASSERT_EQ(expected, char_count(piece)) << begin << ".." << end;
    }
  }
  EXPECT_EQ(5u, char_count("aä€𝄞b"));
}

// fold_case folds ASCII and Latin-1 without ICU: compare with ICU's
// foldCase on every character up to U+00FF, alone and between others, and
// on texts that leave the fast path half-way.
TEST(Text, FoldCaseEqualsIcuFolding) {
  auto icu_fold = [](std::string_view text) {
    auto u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    u.foldCase();
    std::string out;
    u.toUTF8String(out);
    return out;
  };
  std::vector<std::string> texts = {
      "Straße ÄÖÜ Õ", "ÀÉÎÕÜ×÷ßÿ", "PÄEV Šokk ŽANR", "µ ſ K Ǆ", "Ä\u0301b", "ÉCOLE İstanbul", ""};
  for (UChar32 c = 1; c <= 0xFF; ++c) {
    std::string one;
    icu::UnicodeString(c).toUTF8String(one);
    texts.push_back(one);
    texts.push_back("aB" + one + "Ä" + one + "z");
  }
  for (const auto& text : texts) EXPECT_EQ(icu_fold(text), fold_case(text)) << text;
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
