#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <accord/text.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <utility>

namespace accord {
namespace {

bool starts_with_bytes(std::string_view s, std::initializer_list<unsigned char> prefix) {
  if (s.size() < prefix.size()) return false;
  std::size_t i = 0;
  for (unsigned char c : prefix) {
    if (static_cast<unsigned char>(s[i++]) != c) return false;
  }
  return true;
}

Failure bom_failure(const std::string& file, std::string_view name) {
  return Failure{file, 1, fmt::format("{} byte-order mark: accord reads UTF-8 only", name),
                 fmt::format("convert the file, e.g. iconv -f {} -t UTF-8", name)};
}

// Files with many NULs near the start are almost always UTF-16/32 without a
// BOM; saying so is more useful than "NUL byte".
bool looks_like_wide_encoding(std::string_view bytes) {
  std::size_t n = std::min<std::size_t>(bytes.size(), 256);
  std::size_t zeros = 0;
  for (std::size_t i = 0; i < n; ++i) zeros += bytes[i] == '\0';
  return n >= 4 && zeros * 4 >= n;
}

}  // namespace

tl::expected<std::string, Failure> decode_text(std::string_view bytes, const std::string& file,
                                               std::size_t max_size) {
  if (bytes.size() > max_size) {
    return tl::unexpected(
        Failure{file, 0,
                fmt::format("file is {} bytes, over the limit of {} bytes", bytes.size(), max_size),
                "pass --max-file-size to raise the limit if the file is really a document"});
  }
  if (starts_with_bytes(bytes, {0x00, 0x00, 0xFE, 0xFF}))
    return tl::unexpected(bom_failure(file, "UTF-32BE"));
  if (starts_with_bytes(bytes, {0xFF, 0xFE, 0x00, 0x00}))
    return tl::unexpected(bom_failure(file, "UTF-32LE"));
  if (starts_with_bytes(bytes, {0xFE, 0xFF})) return tl::unexpected(bom_failure(file, "UTF-16BE"));
  if (starts_with_bytes(bytes, {0xFF, 0xFE})) return tl::unexpected(bom_failure(file, "UTF-16LE"));
  if (starts_with_bytes(bytes, {0xEF, 0xBB, 0xBF})) bytes.remove_prefix(3);

  std::string out;
  out.reserve(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int line = 1;
  int32_t line_start = 0;
  int32_t i = 0;
  while (i < length) {
    // Runs of plain ASCII are copied as they are.
    int32_t run = i;
    while (i < length && s[i] < 0x80 && s[i] != '\r' && s[i] != 0) {
      if (s[i++] == '\n') {
        ++line;
        line_start = i;
      }
    }
    out.append(bytes.substr(static_cast<std::size_t>(run), static_cast<std::size_t>(i - run)));
    if (i >= length) break;
    int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    const int column = static_cast<int>(start - line_start) + 1;
    if (c < 0) {
      return tl::unexpected(Failure{
          file, line, fmt::format("invalid UTF-8 (byte 0x{:02X} at column {})", s[start], column),
          "save the file as UTF-8; accord never guesses another encoding"});
    }
    if (c == 0) {
      if (looks_like_wide_encoding(bytes)) {
        return tl::unexpected(Failure{file, line,
                                      "NUL bytes: this looks like UTF-16 or UTF-32 text",
                                      "convert the file to UTF-8, e.g. with iconv"});
      }
      return tl::unexpected(Failure{file, line, fmt::format("NUL byte at column {}", column),
                                    "accord reads text files only; remove the byte or check "
                                    "that this is the right file"});
    }
    if (c == '\r') {
      out += '\n';
      if (i < length && s[i] == '\n') ++i;
      ++line;
      line_start = i;
      continue;
    }
    if (c == '\n') {
      ++line;
      line_start = i;
    }
    out.append(bytes.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  return out;
}

namespace {

std::string too_large(std::size_t max_size) {
  return fmt::format("file is over the limit of {} bytes", max_size);
}

// What a file that is not a regular file is, for the message.
const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

[[noreturn]] void refuse_kind(const std::string& path, mode_t mode) {
  if (S_ISDIR(mode)) throw Error(path, 0, "is a directory, not a file", "name a Markdown file");
  throw Error(path, 0, fmt::format("is {}, not a regular file", kind_of(mode)),
              "accord reads regular files only; name the file itself");
}

// Closes a descriptor on every way out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : m_fd(fd) {}
  ~Descriptor() {
    if (m_fd >= 0) ::close(m_fd);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return m_fd; }

 private:
  int m_fd;
};

}  // namespace

std::string read_file_bytes(const std::string& path, std::size_t max_size) {
  // stat first, so that a device or FIFO is never opened at all (opening
  // some devices has effects); then open without blocking and check again
  // with fstat, for a file swapped in between.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) throw Error(path, 0, "no such file", "check the path");
    throw Error(path, 0, fmt::format("cannot open: {}", std::strerror(errno)),
                "check the path and permissions");
  }
  if (!S_ISREG(st.st_mode)) refuse_kind(path, st.st_mode);
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (fd.get() < 0) {
    throw Error(path, 0, fmt::format("cannot open: {}", std::strerror(errno)),
                "check the path and permissions");
  }
  if (::fstat(fd.get(), &st) != 0) {
    throw Error(path, 0, fmt::format("cannot read: {}", std::strerror(errno)),
                "check the disk and permissions");
  }
  if (!S_ISREG(st.st_mode)) refuse_kind(path, st.st_mode);
  if (st.st_size > 0 && static_cast<std::uintmax_t>(st.st_size) > max_size) {
    throw Error(path, 0,
                fmt::format("file is {} bytes, over the limit of {} bytes", st.st_size, max_size),
                "pass --max-file-size to raise the limit if the file is really a document");
  }
  // What stat said is only a hint: a file can grow while it is read, and
  // some (in /proc, on FUSE) say 0. Reading stops at MAX_SIZE + 1 bytes.
  std::string out;
  const std::size_t cap = max_size == SIZE_MAX ? max_size : max_size + 1;
  out.resize(std::min<std::size_t>(cap, static_cast<std::size_t>(st.st_size) + 1));
  std::size_t used = 0;
  while (used < cap) {
    if (used == out.size()) out.resize(std::min(cap, std::max<std::size_t>(out.size() * 2, 65536)));
    ssize_t n = ::read(fd.get(), out.data() + used, out.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(path, 0, fmt::format("read failed: {}", std::strerror(errno)),
                  "check the disk and permissions");
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  if (used > max_size) {
    throw Error(path, 0, too_large(max_size),
                "pass --max-file-size to raise the limit if the file is really a document");
  }
  out.resize(used);
  return out;
}

std::string read_text_file(const std::string& path, std::size_t max_size) {
  auto decoded = decode_text(read_file_bytes(path, max_size), path, max_size);
  if (!decoded) throw Error(decoded.error());
  return std::move(*decoded);
}

namespace {

std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

icu::UnicodeString from_utf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

}  // namespace

std::string nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normaliser unavailable");
  // ASCII is always in NFC.
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(text);
  }
  auto u = from_utf8(text);
  if (n->isNormalized(u, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  auto result = n->normalize(u, status);
  if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
  return to_utf8(result);
}

std::string fold_case(std::string_view text) {
  // ASCII and Latin-1 (U+00C0-U+00FF: a 0xC3 lead byte; most words of most
  // European policies) fold in place, as CaseFolding.txt says: A-Z and
  // U+00C0-U+00DE but U+00D7 to the code point 0x20 above, U+00DF (ß) to
  // "ss", the rest to themselves. Folding looks at no context, so a text
  // folds character by character; with any other character ICU folds it.
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      ++i;
      continue;
    }
    if (c != 0xC3 || i + 1 >= text.size()) break;
    const auto d = static_cast<unsigned char>(text[i + 1]);
    if (d < 0x80 || d > 0xBF) break;
    if (d == 0x9F) {
      out += "ss";
    } else {
      out += '\xC3';
      out += static_cast<char>(d <= 0x9E && d != 0x97 ? d + 0x20 : d);
    }
    i += 2;
  }
  if (i == text.size()) return out;
  auto u = from_utf8(text);
  u.foldCase();
  return to_utf8(u);
}

namespace {

// Creating a break iterator costs far more than using one: keep one per
// locale and thread. SLOT tells apart iterators that are used at once.
template <int Slot>
icu::BreakIterator& word_iterator(std::string_view locale) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> cache;
  auto found = cache.find(locale);
  if (found != cache.end()) return *found->second;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale(std::string(locale).c_str()), status));
  if (U_FAILURE(status) || !it) throw std::runtime_error("ICU word break iterator unavailable");
  auto& ref = *it;
  cache.emplace(std::string(locale), std::move(it));
  return ref;
}

// A break iterator set on the UTF-8 bytes of a text through UText: ICU's
// boundaries are then byte offsets, and nothing is converted to UTF-16 and
// back. The iterator keeps a pointer to the UText, so it is detached and the
// UText closed on every way out.
class AttachedIterator {
 public:
  AttachedIterator(icu::BreakIterator& it, std::string_view text) : m_it(it) {
    UErrorCode status = U_ZERO_ERROR;
    m_ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU cannot read the text");
    m_it.setText(m_ut, status);
    if (U_FAILURE(status)) {
      detach();
      throw std::runtime_error("ICU cannot read the text");
    }
  }
  ~AttachedIterator() { detach(); }
  AttachedIterator(const AttachedIterator&) = delete;
  AttachedIterator& operator=(const AttachedIterator&) = delete;
  icu::BreakIterator& operator*() { return m_it; }

 private:
  void detach() noexcept {
    icu::UnicodeString empty;
    m_it.setText(empty);
    utext_close(m_ut);
  }
  icu::BreakIterator& m_it;
  UText* m_ut = nullptr;
};

// Rule status >= UBRK_WORD_NUMBER: numbers, letters, kana, ideographs.
bool at_word(icu::BreakIterator& it) { return it.getRuleStatus() >= UBRK_WORD_NUMBER; }

// The word tokens of a text one at a time, as for_each_token finds them.
class WordCursor {
 public:
  WordCursor(icu::BreakIterator& it, std::string_view text) : m_text(text), m_attached(it, text) {
    m_prev = (*m_attached).first();
  }
  // The next word token; false at the end of the text.
  bool next(std::string_view& word) {
    icu::BreakIterator& it = *m_attached;
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; end = it.next()) {
      const int32_t begin = std::exchange(m_prev, end);
      if (at_word(it)) {
        word =
            m_text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
        return true;
      }
    }
    return false;
  }

 private:
  std::string_view m_text;
  AttachedIterator m_attached;
  int32_t m_prev = 0;
};

}  // namespace

void for_each_token(std::string_view text, std::string_view locale,
                    const std::function<void(std::string_view, std::size_t, bool)>& fn) {
  if (text.empty()) return;
  AttachedIterator attached(word_iterator<0>(locale), text);
  icu::BreakIterator& it = *attached;
  int32_t prev = it.first();
  for (int32_t next = it.next(); next != icu::BreakIterator::DONE; prev = next, next = it.next()) {
    auto offset = static_cast<std::size_t>(prev);
    fn(text.substr(offset, static_cast<std::size_t>(next - prev)), offset, at_word(it));
  }
}

void token_spans(std::string_view text, std::string_view locale, std::vector<TokenSpan>& out) {
  if (text.empty()) return;
  AttachedIterator attached(word_iterator<0>(locale), text);
  icu::BreakIterator& it = *attached;
  int32_t prev = it.first();
  for (int32_t next = it.next(); next != icu::BreakIterator::DONE; prev = next, next = it.next()) {
    out.push_back(TokenSpan{static_cast<std::size_t>(prev), static_cast<std::size_t>(next - prev),
                            at_word(it)});
  }
}

namespace {

// A position where UAX #29 breaks whatever the text around it: between an
// ASCII space and an ASCII character that is not one, either way round. No
// rule joins them (WB3d joins two spaces, WB4 attaches only Extend, Format
// and ZWJ, which are never ASCII), and no rule's context reaches across the
// space: the look-ahead of WB6/7, WB7b/c and WB11/12 passes only Extend and
// Format characters, and WB15/16 count regional indicators only. The text's
// ends count as cuts.
bool is_cut(std::string_view text, std::size_t at) {
  if (at == 0 || at >= text.size()) return true;
  const auto left = static_cast<unsigned char>(text[at - 1]);
  const auto right = static_cast<unsigned char>(text[at]);
  if (left >= 0x80 || right >= 0x80) return false;
  return (left == ' ') != (right == ' ');
}

}  // namespace

std::vector<TokenSpan> token_spans_after_edit(std::string_view original,
                                              const std::vector<TokenSpan>& original_spans,
                                              std::string_view edited, std::string_view locale) {
  std::vector<TokenSpan> out;
  auto whole = [&] {
    out.clear();
    token_spans(edited, locale, out);
    return out;
  };
  const std::size_t n = edited.size();
  if (original.size() != n) return whole();
  if (original == edited) return original_spans;
  auto cut = [&](std::size_t at) { return is_cut(original, at) && is_cut(edited, at); };
  std::vector<TokenSpan> piece;
  std::size_t next_span = 0;  // the first of ORIGINAL_SPANS not yet copied or passed
  // Copies ORIGINAL's spans over [from, to), both of them breaks of ORIGINAL,
  // or says that ICU did not break ORIGINAL at one of them.
  auto copy_until = [&](std::size_t to, bool keep) {
    while (next_span < original_spans.size() && original_spans[next_span].offset < to) {
      const TokenSpan& span = original_spans[next_span++];
      if (span.offset + span.length > to) return false;
      if (keep) out.push_back(span);
    }
    return next_span == original_spans.size() ? to == n : original_spans[next_span].offset == to;
  };
  std::size_t pos = 0;  // a cut; EDITED before it is done
  while (pos < n) {
    std::size_t diff = pos;
    // Eight bytes at a time to the word that differs, then byte by byte.
    while (diff + 8 <= n && std::memcmp(original.data() + diff, edited.data() + diff, 8) == 0) {
      diff += 8;
    }
    while (diff < n && original[diff] == edited[diff]) ++diff;
    if (diff == n) {
      if (!copy_until(n, true)) return whole();
      break;
    }
    std::size_t begin = diff;
    while (!cut(begin)) --begin;  // stops at POS at the latest: POS is a cut
    std::size_t end = diff + 1;
    while (!cut(end)) ++end;  // stops at N at the latest
    if (!copy_until(begin, true) || !copy_until(end, false)) return whole();
    piece.clear();
    token_spans(edited.substr(begin, end - begin), locale, piece);
    for (auto span : piece) {
      span.offset += begin;
      out.push_back(span);
    }
    pos = end;
  }
  return out;
}

bool same_words(std::string_view a, std::string_view b, std::string_view locale) {
  if (a == b) return true;
  // A text to attach must have an address, even when empty.
  if (a.empty()) a = std::string_view("", 0);
  if (b.empty()) b = std::string_view("", 0);
  // Word by word, so that texts differing early cost a few words, not two
  // whole tokenisations.
  WordCursor left(word_iterator<0>(locale), a);
  WordCursor right(word_iterator<1>(locale), b);
  std::string_view x, y;
  while (true) {
    const bool more_left = left.next(x);
    const bool more_right = right.next(y);
    if (!more_left || !more_right) return more_left == more_right;
    if (x != y && fold_case(x) != fold_case(y)) return false;
  }
}

std::vector<Token> word_tokens(std::string_view text, std::string_view locale) {
  std::vector<Token> tokens;
  for_each_token(text, locale, [&](std::string_view piece, std::size_t offset, bool is_word) {
    tokens.push_back(Token{std::string(piece), offset, is_word});
  });
  return tokens;
}

std::size_t char_count(std::string_view text) {
  // Bytes minus continuation bytes (10xxxxxx), eight at a time: x & ~(x << 1)
  // has bit 7 of a byte set where the byte's bit 7 is set and bit 6 clear.
  std::size_t continuation = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, text.data() + i, 8);
    // One bit per byte moved to bit 0, then the eight bytes summed by a
    // multiplication into the top byte (no popcnt instruction in baseline x86-64).
    const std::uint64_t marks = ((x & ~(x << 1)) >> 7) & std::uint64_t{0x0101010101010101};
    continuation += static_cast<std::size_t>((marks * std::uint64_t{0x0101010101010101}) >> 56);
  }
  for (; i < text.size(); ++i) {
    continuation += (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  }
  return text.size() - continuation;
}

std::string trim(std::string_view text) {
  auto u = from_utf8(text);
  int32_t begin = 0;
  int32_t end = u.length();
  while (begin < end && u_isUWhiteSpace(u.char32At(begin))) begin = u.moveIndex32(begin, 1);
  while (end > begin) {
    int32_t prev = u.moveIndex32(end, -1);
    if (!u_isUWhiteSpace(u.char32At(prev))) break;
    end = prev;
  }
  return to_utf8(u.tempSubStringBetween(begin, end));
}

std::string collapse_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace accord
