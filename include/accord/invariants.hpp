// Invariants: what a faithful translation keeps unchanged. Numbers (by
// value, number words included), durations, amounts, e-mail addresses, URLs,
// phone numbers and organisation names.
#pragma once

#include <accord/text.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

struct Invariants {
  std::vector<std::string> emails;   // lower-cased
  std::vector<std::string> urls;     // as written, trailing punctuation removed
  std::vector<std::string> phones;   // digits only, with a leading '+' when written
  std::vector<std::string> numbers;  // canonical values: "14", "1.5"; durations count here too
  std::vector<std::string> names;    // organisation names with a legal form: "Aligner OÜ"

  bool empty() const {
    return emails.empty() && urls.empty() && phones.empty() && numbers.empty() && names.empty();
  }
};

// Extracts the invariants of plain text written in LANGUAGE (ISO 639-1; it
// decides the decimal separator and the number words: "fourteen days" and
// "neliteist päeva" both give 14). Number words count only before a unit of
// time ("one month"), so that "one of the parties" is not a number. Each
// list keeps repeats, in order of appearance.
Invariants extract_invariants(std::string_view text, std::string_view language);

// extract_invariants(TEXT, LANGUAGE), breaking TEXT into words once for
// both: TEXT_SPANS is set to token_spans(TEXT, LANGUAGE), the pieces of the
// text as written, and the pieces of the text with URLs, addresses and phones
// blanked are derived from them (token_spans_after_edit). The same result as
// the two-argument form.
Invariants extract_invariants(std::string_view text, std::string_view language,
                              std::vector<TokenSpan>& text_spans);

// The value of a number word in LANGUAGE ("fourteen" → 14, "neliteist" → 14),
// from ICU's spell-out rules, for 0–1000; -1 when WORD is not one.
long long number_word_value(std::string_view word, std::string_view language);

// Whether WORD (any case) names a unit of time in LANGUAGE: day(s), päeva,
// Tage, month, kuu, …
bool is_time_unit(std::string_view word, std::string_view language);

}  // namespace accord
