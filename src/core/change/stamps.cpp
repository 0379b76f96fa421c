// Header stamps and month-name dates in plain text (see stamps.hpp).
#include "change/stamps.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace accord::stamp {
namespace {

struct Word {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string bare;   // lower-cased (ASCII), leading "*_(" and trailing ".,:;*_)" removed
  char trailing = 0;  // the last punctuation removed from the end, 0 for none
  bool newline_before = false;
  bool capital = false;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  std::size_t i = 0;
  bool newline = true;
  while (i < text.size()) {
    if (is_space(text[i])) {
      if (text[i] == '\n') newline = true;
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    Word w;
    w.offset = start;
    w.length = i - start;
    w.newline_before = newline;
    newline = false;
    std::string_view s = text.substr(start, i - start);
    while (!s.empty() && std::string_view("*_(").find(s.front()) != std::string_view::npos) {
      s.remove_prefix(1);
    }
    while (!s.empty() && std::string_view(".,:;*_)").find(s.back()) != std::string_view::npos) {
      if (w.trailing == 0 || s.back() == '.' || s.back() == ',' || s.back() == ':')
        w.trailing = s.back() == '*' || s.back() == '_' || s.back() == ')' ? w.trailing : s.back();
      s.remove_suffix(1);
    }
    w.capital = !s.empty() && std::isupper(static_cast<unsigned char>(s.front()));
    for (char c : s) w.bare += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.push_back(std::move(w));
  }
  return out;
}

struct Label {
  std::array<std::string_view, 4> words;
  bool effective;
  bool version;  // a version number may follow
  bool strict;   // one common word ("updated"): needs a date, never a bare number
};

// Labels in English and Estonian, lower-case.
constexpr std::array<Label, 27> k_labels = {{
    {{"date", "of", "last", "update"}, false, false, false},
    {{"last", "updated", "", ""}, false, false, false},
    {{"last", "modified", "", ""}, false, false, false},
    {{"last", "revised", "", ""}, false, false, false},
    {{"last", "changed", "", ""}, false, false, false},
    {{"last", "reviewed", "", ""}, false, false, false},
    {{"last", "update", "", ""}, false, false, false},
    {{"updated", "", "", ""}, false, false, true},
    {{"revised", "", "", ""}, false, false, true},
    {{"version", "date", "", ""}, false, false, false},
    {{"version", "", "", ""}, false, true, false},
    {{"effective", "date", "", ""}, true, false, false},
    {{"effective", "as", "of", ""}, true, false, false},
    {{"effective", "from", "", ""}, true, false, false},
    {{"effective", "", "", ""}, true, false, true},
    {{"in", "force", "from", ""}, true, false, false},
    {{"entry", "into", "force", ""}, true, false, false},
    {{"viimati", "uuendatud", "", ""}, false, false, false},
    {{"viimati", "muudetud", "", ""}, false, false, false},
    {{"viimane", "uuendus", "", ""}, false, false, false},
    {{"uuendatud", "", "", ""}, false, false, true},
    {{"muudetud", "", "", ""}, false, false, true},
    {{"versioon", "", "", ""}, false, true, false},
    {{"kehtib", "alates", "", ""}, true, false, false},
    {{"kehtiv", "alates", "", ""}, true, false, false},
    {{"jõustumise", "kuupäev", "", ""}, true, false, false},
    {{"jõustub", "", "", ""}, true, false, true},
}};

constexpr std::array<std::string_view, 24> k_months_en = {
    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};

// Estonian months: the nominative and the adessive ("märtsil", "mail").
constexpr std::array<std::string_view, 24> k_months_et = {
    "jaanuar",   "veebruar",   "märts",      "aprill",    "mai",       "juuni",
    "juuli",     "august",     "september",  "oktoober",  "november",  "detsember",
    "jaanuaril", "veebruaril", "märtsil",    "aprillil",  "mail",      "juunil",
    "juulil",    "augustil",   "septembril", "oktoobril", "novembril", "detsembril"};

bool is_month(std::string_view w) {
  return std::find(k_months_en.begin(), k_months_en.end(), w) != k_months_en.end() ||
         std::find(k_months_et.begin(), k_months_et.end(), w) != k_months_et.end();
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_year(std::string_view w) {
  return w.size() == 4 && all_digits(w) && (w.substr(0, 2) == "19" || w.substr(0, 2) == "20");
}

bool is_day(std::string_view w) {
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (w.size() > 2 && w.substr(w.size() - 2) == suffix) w.remove_suffix(2);
  }
  return w.size() <= 2 && all_digits(w) && std::stoi(std::string(w)) >= 1 &&
         std::stoi(std::string(w)) <= 31;
}

// "2024-03-01", "01.03.2024", "03/04/2024".
bool is_numeric_date(std::string_view w) {
  int parts = 0;
  std::size_t i = 0;
  char sep = 0;
  while (i <= w.size()) {
    std::size_t start = i;
    while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
    if (i == start || i - start > 4) return false;
    ++parts;
    if (i == w.size()) break;
    if ((w[i] != '-' && w[i] != '.' && w[i] != '/') || (sep && w[i] != sep)) return false;
    sep = w[i++];
  }
  return parts == 3;
}

// "3.1", "v2", "2.4.1".
bool is_version_number(std::string_view w) {
  if (!w.empty() && (w.front() == 'v')) w.remove_prefix(1);
  if (w.empty() || !std::isdigit(static_cast<unsigned char>(w.front()))) return false;
  return std::all_of(w.begin(), w.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
  });
}

struct Expression {
  std::size_t first = 0;  // word indices [first, last)
  std::size_t last = 0;
  bool has_date = false;  // a year, a numeric date, or a day with a month
  bool has_number = false;
  bool has_month = false;
};

// The date (or version) expression starting at word I.
Expression expression_at(const std::vector<Word>& words, std::size_t i, bool version) {
  Expression e{i, i};
  bool day = false;
  while (i < words.size()) {
    const Word& w = words[i];
    bool part = false;
    if (is_year(w.bare)) {
      e.has_date = true;
      part = true;
    } else if (is_numeric_date(w.bare)) {
      e.has_date = true;
      part = true;
    } else if (is_month(w.bare)) {
      e.has_month = true;
      part = true;
    } else if (is_day(w.bare) && !e.has_number) {
      day = true;
      part = true;
    } else if (version && is_version_number(w.bare) && e.last == e.first) {
      e.has_number = true;
      part = true;
    } else if (w.bare == "of" && day && !e.has_month) {
      part = true;
    }
    if (!part || w.bare.empty()) break;
    e.last = ++i;
    // A sentence ends after a year or a month ("… 12th June 2023.").
    if (w.trailing == '.' && (is_year(w.bare) || is_month(w.bare) || is_numeric_date(w.bare)))
      break;
    if (w.trailing == ',' && (e.has_number || is_year(w.bare))) break;
  }
  if (day && e.has_month) e.has_date = true;
  if (day && !e.has_month && !e.has_date && version) e.has_number = true;
  return e;
}

bool after_separator(const std::vector<Word>& words, std::size_t i) {
  if (i == 0 || words[i].newline_before) return true;
  const Word& prev = words[i - 1];
  if (prev.trailing == '.' || prev.trailing == ',' || prev.trailing == ':' || prev.trailing == ';')
    return true;
  return prev.bare.empty();  // "–", "|", "·", "-"
}

// The end of word W's text without its trailing punctuation.
std::size_t end_of(std::string_view text, const Word& w) {
  std::size_t end = w.offset + w.length;
  while (end > w.offset && std::string_view(".,:;").find(text[end - 1]) != std::string_view::npos)
    --end;
  return end;
}

}  // namespace

std::vector<Stamp> find_stamps(std::string_view text) {
  std::vector<Stamp> out;
  auto words = words_of(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    for (const Label& label : k_labels) {
      std::size_t n = 0;
      while (n < label.words.size() && !label.words[n].empty()) ++n;
      if (i + n > words.size()) continue;
      bool match = true;
      for (std::size_t k = 0; k < n && match; ++k) {
        match = words[i + k].bare == label.words[k] && (k + 1 == n || words[i + k].trailing == 0);
      }
      if (!match || !(after_separator(words, i) || words[i].capital)) continue;
      std::size_t j = i + n;
      bool effective = label.effective;
      // "Last updated and effective: …"
      if (j + 1 < words.size() && words[j - 1].trailing == 0 &&
          (words[j].bare == "and" || words[j].bare == "&" || words[j].bare == "ja") &&
          (words[j + 1].bare == "effective" || words[j + 1].bare == "kehtiv")) {
        effective = true;
        j += 2;
      }
      while (j < words.size() && (words[j].bare.empty() || words[j].bare == "on" ||
                                  words[j].bare == "at" || words[j].bare == "date")) {
        if (!words[j].bare.empty() && words[j - 1].trailing != 0) break;
        ++j;
      }
      Expression e = expression_at(words, j, label.version);
      bool valid =
          e.last > e.first && (e.has_date || (label.version && (e.has_number || e.has_month)) ||
                               (!label.strict && e.has_month));
      // The stamp stands alone: the line, the sentence or the text ends, or
      // a separator or a capitalised word follows ("Version 2 of the app"
      // is prose).
      if (valid && e.last < words.size()) {
        const Word& after = words[e.last];
        bool separator = std::none_of(after.bare.begin(), after.bare.end(), [](char ch) {
          return std::isalnum(static_cast<unsigned char>(ch)) != 0;
        });
        valid =
            after.newline_before || words[e.last - 1].trailing != 0 || separator || after.capital;
      }
      if (!valid) continue;
      Stamp s;
      s.offset = words[i].offset;
      // Leading emphasis of the label ("**Last updated:**") stays out.
      while (s.offset < text.size() && (text[s.offset] == '*' || text[s.offset] == '_')) ++s.offset;
      std::size_t end = end_of(text, words[e.last - 1]);
      s.length = end - s.offset;
      s.effective = effective;
      std::size_t label_end = end_of(text, words[i + n - 1]);
      s.label = std::string(text.substr(s.offset, label_end - s.offset));
      std::size_t value_start = words[e.first].offset;
      s.value = std::string(text.substr(value_start, end - value_start));
      out.push_back(std::move(s));
      i = e.last - 1;
      break;
    }
  }
  return out;
}

std::vector<std::string> month_dates_in(std::string_view text) {
  std::vector<std::string> out;
  auto words = words_of(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!is_day(words[i].bare) && !is_month(words[i].bare)) continue;
    Expression e = expression_at(words, i, false);
    if (e.last <= e.first || !e.has_month) continue;
    bool year = false, day = false;
    for (std::size_t k = e.first; k < e.last; ++k) {
      year = year || is_year(words[k].bare);
      day = day || is_day(words[k].bare);
    }
    if (!year && !day) continue;
    std::size_t end = end_of(text, words[e.last - 1]);
    out.emplace_back(text.substr(words[e.first].offset, end - words[e.first].offset));
    i = e.last - 1;
  }
  return out;
}

}  // namespace accord::stamp
