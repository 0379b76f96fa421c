// Heading titles: the number in front ("1.", "1.2", "§ 3", "IV.", "Article 4")
// and the title after it.
#include <accord/document.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <array>
#include <cctype>

namespace accord {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t'; }

// Reads "1", "1.2", "1.2.3" (a trailing '.' or ')' is consumed, not kept).
// Returns the number of bytes consumed, 0 when s does not start with one.
std::size_t read_arabic(std::string_view s, std::string& number) {
  std::size_t i = 0;
  while (true) {
    std::size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == start) return 0;
    if (i < s.size() && s[i] == '.' && i + 1 < s.size() && is_digit(s[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  number = std::string(s.substr(0, i));
  if (i < s.size() && (s[i] == '.' || s[i] == ')')) ++i;
  return i;
}

// Roman numerals need a '.' or ')' after them, so that "I think" or "CV of
// the author" are not read as numbers.
std::size_t read_roman(std::string_view s, std::string& number) {
  std::size_t i = 0;
  while (i < s.size() && std::string_view("IVXLCDM").find(s[i]) != std::string_view::npos) ++i;
  if (i == 0 || i >= s.size() || (s[i] != '.' && s[i] != ')')) return 0;
  number = std::string(s.substr(0, i));
  return i + 1;
}

bool ends_number(std::string_view rest) { return rest.empty() || is_space(rest.front()); }

// Words that introduce a number in policy headings, in the languages accord
// ships fixtures for. Compared case-insensitively (ASCII only is enough).
constexpr std::array<std::string_view, 12> k_number_words = {
    "article", "artikkel", "artikel", "art.", "section", "paragraph",
    "jaotis", "paragrahv", "punkt", "chapter", "peatükk", "abschnitt"};

bool iequals_prefix(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != static_cast<unsigned char>(word[i]))
      return false;
  }
  return true;
}

std::string clean_title(std::string_view rest) {
  std::string title = trim(rest);
  // A heading's own trailing period or colon is punctuation, not title.
  while (!title.empty() && (title.back() == '.' || title.back() == ':') &&
         !(title.size() >= 3 && title.compare(title.size() - 3, 3, "...") == 0)) {
    title.pop_back();
    title = trim(title);
  }
  if (!title.empty() && (title.front() == '-' || title.front() == ':')) title = trim(title.substr(1));
  return title;
}

}  // namespace

HeadingTitle split_heading_title(std::string_view heading) {
  std::string text = trim(heading);
  std::string_view s = text;
  HeadingTitle out;

  if (s.rfind("§", 0) == 0) {
    std::string_view rest = s.substr(std::string_view("§").size());
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    std::size_t n = read_arabic(rest, out.number);
    if (n > 0 && ends_number(rest.substr(n))) {
      out.title = clean_title(rest.substr(n));
      return out;
    }
    out.number.clear();
  }

  for (std::string_view word : k_number_words) {
    if (!iequals_prefix(s, word)) continue;
    std::string_view rest = s.substr(word.size());
    if (rest.empty() || !is_space(rest.front())) continue;
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    std::size_t n = read_arabic(rest, out.number);
    if (n == 0) n = read_roman(rest, out.number);
    if (n == 0) {
      // "Article IV" without a dot.
      std::size_t i = 0;
      while (i < rest.size() && std::string_view("IVXLCDM").find(rest[i]) != rest.npos) ++i;
      if (i > 0 && ends_number(rest.substr(i))) {
        out.number = std::string(rest.substr(0, i));
        n = i;
      }
    }
    if (n > 0 && ends_number(rest.substr(n))) {
      out.title = clean_title(rest.substr(n));
      return out;
    }
    out.number.clear();
  }

  std::size_t n = read_arabic(s, out.number);
  if (n == 0) n = read_roman(s, out.number);
  if (n > 0 && ends_number(s.substr(n))) {
    out.title = clean_title(s.substr(n));
    return out;
  }
  out.number.clear();
  out.title = clean_title(s);
  return out;
}

}  // namespace accord
