// Text primitives: decoding untrusted bytes into clean UTF-8, and the ICU
// operations later stages share (normalisation, case folding, word breaks).
#pragma once

#include <accord/error.hpp>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

namespace accord {

inline constexpr std::size_t k_default_max_file_size = 16u * 1024u * 1024u;

// Turns raw file bytes into UTF-8 text with LF line ends. Accepts and strips a
// UTF-8 BOM; turns CRLF and lone CR into one LF each, so line numbers stay
// those of the original. Fails, naming FILE and the line, on a UTF-16/UTF-32
// BOM, UTF-16/32 text without one, a NUL byte, ill-formed UTF-8 (overlong
// forms and surrogates included) and input over max_size bytes.
tl::expected<std::string, Failure> decode_text(std::string_view bytes, const std::string& file,
                                               std::size_t max_size = k_default_max_file_size);

// Reads a whole file and decodes it as above: the one way accord reads a text
// file from disk (documents, configs, templates). Throws Error as
// read_file_bytes does, or when the bytes fail decode_text.
std::string read_text_file(const std::string& path, std::size_t max_size = k_default_max_file_size);

// Reads a whole regular file's bytes, at most MAX_SIZE. Refuses, before
// opening it, anything that is not a regular file (a directory, a FIFO, a
// device, a socket; a symlink counts as what it points to), and opens
// without blocking so that a FIFO swapped in cannot hang; stops reading at
// MAX_SIZE + 1 bytes whatever stat says, so /proc files and files that grow
// are bounded too. Throws Error naming PATH when the file is missing,
// unreadable, not a regular file or over MAX_SIZE.
std::string read_file_bytes(const std::string& path,
                            std::size_t max_size = k_default_max_file_size);

// NFC-normalised copy of valid UTF-8 text.
std::string nfc(std::string_view text);

// Full Unicode case folding of valid UTF-8 text (for case-insensitive
// comparison, not display).
std::string fold_case(std::string_view text);

// One word-break token of a text: its UTF-8 bytes, its byte offset, and
// whether ICU's word-break rules call it a word (letters or numbers) rather
// than space or punctuation.
struct Token {
  std::string text;
  std::size_t offset = 0;
  bool is_word = false;
};

// Splits valid UTF-8 text into ICU word-break tokens, in order; joining all
// tokens' text gives back the input.
std::vector<Token> word_tokens(std::string_view text, std::string_view locale = "en");

// Calls FN(piece, byte offset, is_word) for each ICU word-break piece of
// valid UTF-8 TEXT, in order, without copying: the cheap form of
// word_tokens for hot loops. PIECE points into TEXT.
void for_each_token(std::string_view text, std::string_view locale,
                    const std::function<void(std::string_view, std::size_t, bool)>& fn);

// One word-break piece of a text by position: the text's bytes
// [offset, offset + length), a word or not as for_each_token says.
struct TokenSpan {
  std::size_t offset = 0;
  std::size_t length = 0;
  bool is_word = false;
};

// Appends to OUT the pieces for_each_token(TEXT, LOCALE) finds, in order,
// without copying text or calling back per piece.
void token_spans(std::string_view text, std::string_view locale, std::vector<TokenSpan>& out);

// token_spans(EDITED, LOCALE), reusing ORIGINAL_SPANS (token_spans(ORIGINAL,
// LOCALE)) where the texts agree. EDITED must be ORIGINAL with some bytes
// rewritten in place: the same length, both valid UTF-8. Only each stretch
// that differs, widened to the nearest ASCII "cut" on both sides in both texts
// (a space next to an ASCII character that is not a space), is broken again:
// under UAX #29 a cut is a break whatever surrounds it, and no rule looks
// across it, so the pieces between two cuts are the same in the whole text
// and on their own. Each cut is also checked against ORIGINAL_SPANS; where
// ICU did not break there, EDITED is broken whole. Either way the answer is
// token_spans(EDITED, LOCALE)'s.
std::vector<TokenSpan> token_spans_after_edit(std::string_view original,
                                              const std::vector<TokenSpan>& original_spans,
                                              std::string_view edited, std::string_view locale);

// Whether A and B have the same word tokens (as word_tokens finds them with
// LOCALE) in the same order, compared case-insensitively by fold_case: the
// words of "Hello, World!" and "hello world" are the same. Space and
// punctuation do not count. Stops at the first difference.
bool same_words(std::string_view a, std::string_view b, std::string_view locale = "en");

// Number of user-perceived characters (code points) in valid UTF-8 text.
std::size_t char_count(std::string_view text);

// Trims ASCII and Unicode white space at both ends.
std::string trim(std::string_view text);

// TEXT with each run of ASCII white space (space, tab, LF, CR, FF, VT)
// made one space and none at either end. Other bytes, Unicode spaces
// included, are kept as they are; any bytes are accepted.
std::string collapse_space(std::string_view text);

// BYTES with each ill-formed UTF-8 sequence replaced by one U+FFFD (the
// maximal subparts, as the Unicode standard recommends); BYTES unchanged
// when it is valid UTF-8. For names accord does not choose (git refs,
// commit text) that must be shown or written as JSON.
std::string to_valid_utf8(std::string_view bytes);

}  // namespace accord
