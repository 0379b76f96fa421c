#include <fmt/format.h>
#include <unicode/decimfmt.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <accord/invariants.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace accord {
namespace {

bool is_ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Characters that may end a URL or address as written but belong to the
// sentence around it.
void trim_trailing_punctuation(std::string& s) {
  while (!s.empty() && std::string_view(".,;:!?)]}>\"'").find(s.back()) != std::string_view::npos) {
    if (s.back() == ')' &&
        std::count(s.begin(), s.end(), '(') >= std::count(s.begin(), s.end(), ')'))
      break;
    s.pop_back();
  }
  // Closing typographic quotes (” “ ’ »).
  for (std::string_view q : {"\u201D", "\u201C", "\u2019", "\u00BB"}) {
    if (s.size() >= q.size() && s.compare(s.size() - q.size(), q.size(), q) == 0) {
      s.resize(s.size() - q.size());
      trim_trailing_punctuation(s);
      return;
    }
  }
}

bool is_url_char(char c) {
  return !(c == ' ' || c == '\t' || c == '\n' || c == '<' || c == '>' || c == '"' || c == '`');
}

bool is_email_char(char c) {
  return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// Removes [begin, end) from TEXT's scan by blanking it, so numbers inside
// URLs and addresses are not counted again.
void blank(std::string& text, std::size_t begin, std::size_t end) {
  std::fill(text.begin() + static_cast<long>(begin), text.begin() + static_cast<long>(end), ' ');
}

void take_urls(std::string& text, Invariants& out) {
  for (std::string_view scheme : {"https://", "http://", "www."}) {
    std::size_t pos = 0;
    while ((pos = text.find(scheme, pos)) != std::string::npos) {
      if (scheme == "www." && pos > 0 && (is_ascii_alnum(text[pos - 1]) || text[pos - 1] == '/')) {
        pos += scheme.size();
        continue;
      }
      std::size_t end = pos;
      while (end < text.size() && is_url_char(text[end])) ++end;
      std::string url = text.substr(pos, end - pos);
      trim_trailing_punctuation(url);
      if (url.size() > scheme.size()) out.urls.push_back(url);
      blank(text, pos, end);
      pos = end;
    }
  }
}

void take_emails(std::string& text, Invariants& out) {
  std::size_t at = 0;
  while ((at = text.find('@', at)) != std::string::npos) {
    std::size_t begin = at;
    while (begin > 0 && is_email_char(text[begin - 1])) --begin;
    std::size_t end = at + 1;
    while (end < text.size() && is_email_char(text[end])) ++end;
    std::string email = text.substr(begin, end - begin);
    trim_trailing_punctuation(email);
    auto dot = email.find('.', email.find('@'));
    if (begin < at && dot != std::string::npos && dot + 1 < email.size()) {
      std::transform(email.begin(), email.end(), email.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      out.emails.push_back(email);
      blank(text, begin, end);
    }
    at = end;
  }
}

// "+372 5555 1234", "+1 (555) 010-2030": a '+' and at least 7 digits.
void take_phones(std::string& text, Invariants& out) {
  std::size_t pos = 0;
  while ((pos = text.find('+', pos)) != std::string::npos) {
    std::size_t end = pos + 1;
    std::string digits = "+";
    while (end < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == ' ' ||
            text[end] == '-' || text[end] == '(' || text[end] == ')')) {
      if (std::isdigit(static_cast<unsigned char>(text[end]))) digits += text[end];
      ++end;
    }
    if (digits.size() >= 8) {
      out.phones.push_back(digits);
      blank(text, pos, end);
    }
    pos = end;
  }
}

constexpr std::array<std::string_view, 14> k_legal_forms = {
    "AS", "OÜ", "MTÜ", "SA", "Ltd", "Inc", "LLC", "GmbH", "AG", "Oy", "Oyj", "AB", "plc", "Corp"};

bool starts_upper(std::string_view word) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  return u.length() > 0 && u_isupper(u.char32At(0));
}

// One number parser per language and thread: creating one is expensive.
icu::NumberFormat* number_format(std::string_view language) {
  thread_local std::map<std::string, std::unique_ptr<icu::NumberFormat>, std::less<>> cache;
  auto found = cache.find(language);
  if (found != cache.end()) return found->second.get();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::NumberFormat> format(
      icu::NumberFormat::createInstance(icu::Locale(std::string(language).c_str()), status));
  if (U_FAILURE(status)) format.reset();
  if (format) format->setParseIntegerOnly(false);
  auto* ptr = format.get();
  cache.emplace(std::string(language), std::move(format));
  return ptr;
}

std::string canonical_number(std::string_view token, std::string_view language) {
  // Plain digit runs need no parser.
  if (std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      token.size() < 16) {
    std::size_t first = token.find_first_not_of('0');
    return first == std::string_view::npos ? "0" : std::string(token.substr(first));
  }
  // ICU parses with the language's separators: "1,5" is 1.5 in Estonian.
  UErrorCode status = U_ZERO_ERROR;
  icu::NumberFormat* format = number_format(language);
  if (format) {
    icu::Formattable result;
    icu::ParsePosition position(0);
    auto u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(token.data(), static_cast<int32_t>(token.size())));
    format->parse(u, result, position);
    if (position.getIndex() == u.length()) {
      double v = result.getDouble(status);
      if (U_SUCCESS(status)) {
        // Range first: converting a double outside long long's range (or NaN)
        // is undefined behaviour.
        if (v > -1e15 && v < 1e15 && v == static_cast<double>(static_cast<long long>(v))) {
          return std::to_string(static_cast<long long>(v));
        }
        return fmt::format("{}", v);
      }
    }
  }
  return std::string(token);
}

struct NumberWords {
  std::unordered_map<std::string, long long> values;
};

const NumberWords& number_words(std::string_view language) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<NumberWords>, std::less<>> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(language);
  if (it != cache.end()) return *it->second;
  auto words = std::make_unique<NumberWords>();
  UErrorCode status = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat rbnf(icu::URBNF_SPELLOUT, icu::Locale(std::string(language).c_str()),
                                  status);
  if (U_SUCCESS(status)) {
    for (long long v = 0; v <= 1000; ++v) {
      icu::UnicodeString spelled;
      rbnf.format(static_cast<int64_t>(v), spelled);
      std::string s;
      spelled.foldCase().toUTF8String(s);
      if (s.find(' ') == std::string::npos && s.find('-') == std::string::npos) {
        words->values.emplace(s, v);
      }
    }
  }
  auto& ref = *words;
  cache.emplace(std::string(language), std::move(words));
  return ref;
}

}  // namespace

long long number_word_value(std::string_view word, std::string_view language) {
  const auto& words = number_words(language);
  auto it = words.values.find(fold_case(word));
  return it == words.values.end() ? -1 : it->second;
}

namespace {

// The units of time of one language, and the ASCII letters they begin with.
struct TimeUnits {
  std::vector<std::string> units;
  bool whole_words = false;  // English units are whole words; the others stems
  std::array<bool, 128> first_letters{};
};

// LANGUAGE's units of time; null for a language without any.
const TimeUnits* time_units(std::string_view language) {
  static const std::map<std::string, TimeUnits, std::less<>> k_units = [] {
    const std::map<std::string, std::vector<std::string>> lists = {
        {"en",
         {"day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
          "minute", "minutes", "business"}},
        {"et", {"päev", "nädal", "kuu", "aasta", "tund", "tunni", "minut", "tööpäev"}},
        {"de", {"tag", "woche", "monat", "jahr", "stunde", "minute", "werktag"}},
        {"fi",
         {"päivä", "päivää", "viikko", "viikkoa", "kuukausi", "kuukautta", "vuosi", "vuotta"}},
    };
    std::map<std::string, TimeUnits, std::less<>> out;
    for (const auto& [code, units] : lists) {
      TimeUnits& t = out[code];
      t.units = units;
      t.whole_words = code == "en";
      for (const auto& unit : units) {
        if (static_cast<unsigned char>(unit[0]) < 0x80)
          t.first_letters[static_cast<unsigned char>(unit[0])] = true;
      }
    }
    return out;
  }();
  auto it = k_units.find(language);
  return it == k_units.end() ? nullptr : &it->second;
}

bool is_unit_of(std::string_view word, const TimeUnits& units) {
  // Most words are not units: an ASCII first letter folds to its lower case
  // whatever follows, so a word whose first letter begins no unit is none.
  if (!word.empty() && static_cast<unsigned char>(word[0]) < 0x80) {
    const char first =
        word[0] >= 'A' && word[0] <= 'Z' ? static_cast<char>(word[0] - 'A' + 'a') : word[0];
    if (!units.first_letters[static_cast<unsigned char>(first)]) return false;
  }
  // An ASCII word folds to its lower case: compared in place, no copy.
  if (std::all_of(word.begin(), word.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    for (const auto& unit : units.units) {
      const std::size_t n = units.whole_words ? word.size() : unit.size();
      if (unit.size() != n && units.whole_words) continue;
      if (word.size() < n) continue;
      bool same = true;
      for (std::size_t k = 0; k < n && same; ++k) same = lower(word[k]) == unit[k];
      if (same) return true;
    }
    return false;
  }
  std::string w = fold_case(word);
  for (const auto& unit : units.units) {
    // English units are whole words; Estonian, German and Finnish inflect,
    // so a stem match is needed ("päeva", "päevaga", "Tagen").
    if (units.whole_words ? w == unit : w.rfind(unit, 0) == 0) return true;
  }
  return false;
}

}  // namespace

bool is_time_unit(std::string_view word, std::string_view language) {
  const TimeUnits* units = time_units(language);
  return units != nullptr && is_unit_of(word, *units);
}

namespace {

// The invariants of TEXT, URLs, addresses and phones already taken into OUT
// and blanked, from its word-break pieces SPANS.
void take_words(const std::string& text, const std::vector<TokenSpan>& spans,
                std::string_view language, Invariants& out) {
  struct Word {
    std::string_view text;
    std::size_t offset;
  };
  std::vector<Word> words;
  const std::string_view all(text);
  for (const auto& span : spans) {
    if (span.is_word) words.push_back({all.substr(span.offset, span.length), span.offset});
  }
  const TimeUnits* units = time_units(language);
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i].text;
    bool numeric = !w.empty() && std::isdigit(static_cast<unsigned char>(w[0]));
    if (numeric) {
      out.numbers.push_back(canonical_number(w, language));
      continue;
    }
    if (units != nullptr && i + 1 < words.size() && is_unit_of(words[i + 1].text, *units)) {
      long long v = number_word_value(w, language);
      if (v >= 0) out.numbers.push_back(std::to_string(v));
    }
    // Organisation names: the capitalised word right before a legal form.
    // One word only: the words before it may be a sentence's first word,
    // which differs between languages ("Contact Aligner OÜ").
    if (i > 0 && std::find(k_legal_forms.begin(), k_legal_forms.end(), w) != k_legal_forms.end() &&
        starts_upper(words[i - 1].text)) {
      std::size_t begin = words[i - 1].offset;
      std::size_t end = words[i].offset + w.size();
      out.names.push_back(text.substr(begin, end - begin));
    }
  }
}

}  // namespace

Invariants extract_invariants(std::string_view input, std::string_view language) {
  Invariants out;
  std::string text(input);
  take_urls(text, out);
  take_emails(text, out);
  take_phones(text, out);
  std::vector<TokenSpan> spans;
  token_spans(text, language, spans);
  take_words(text, spans, language, out);
  return out;
}

Invariants extract_invariants(std::string_view input, std::string_view language,
                              std::vector<TokenSpan>& input_spans) {
  input_spans.clear();
  token_spans(input, language, input_spans);
  Invariants out;
  std::string text(input);
  take_urls(text, out);
  take_emails(text, out);
  take_phones(text, out);
  // Blanking rewrites bytes in place, so the pieces away from what was
  // blanked are those of the text as written.
  take_words(text, token_spans_after_edit(input, input_spans, text, language), language, out);
  return out;
}

}  // namespace accord
