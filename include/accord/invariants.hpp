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
  // numbers[i] as written ("10,20", "9 h 00", "14th"): text identical on
  // both sides is never a mismatch, whatever the two locales make of it.
  std::vector<std::string> number_text;
  std::vector<std::string> footnotes;  // footnote references: "1" for [^1]
  // Values of number words that are not numbers by themselves ("the five
  // stages", "une abstention"): not compared, but a number written in digits
  // on the other side matches one ("les cinq étapes" and "the 5 stages").
  std::vector<std::string> spelled;

  bool empty() const {
    return emails.empty() && urls.empty() && phones.empty() && numbers.empty() && names.empty() &&
           footnotes.empty();
  }
};

// Extracts the invariants of plain text written in LANGUAGE (ISO 639-1; it
// decides the decimal and grouping separators, read from ICU's symbols for
// the locale, and the number words: "fourteen days", "neliteist päeva",
// "neljateistkümne päeva" and "quatorze jours" all give 14). Number words
// count only before a unit of time ("one month", one word may come between:
// "trois prochaines années"), so that "one of the parties" is not a number;
// "dozen", "douzaine", "tosin" always count. Numbers are values: "10,20" in
// French or Estonian and "10.20" in English are "10.20"; "100 000" (space,
// no-break or thin space), "100,000" and "100.000" in German are "100000";
// clock times "9:00", "9.00" and "9 h 00" are "9.00"; ordinals "14th",
// "14e", "1er" are "14" and "1"; a fraction is kept as written, so clause
// "4.10" is not 4.1. A month name next to a number is its number ("May
// 2020" and "mai 2020" both give 5 and 2020), so a changed year is caught
// and a changed date format is not. Organisation names are the whole name
// with its legal form last, whichever side it was written on ("OÜ Boonus
// Meedia" and "Boonus Meedia OÜ-ga" both give "Boonus Meedia OÜ"). Footnote
// references ([^12]) are footnotes, not numbers. Each list keeps repeats, in
// order of appearance.
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

// LINK with what localisation changes removed, for comparing the links of a
// source and its translation in SOURCE_LANGUAGE and TARGET_LANGUAGE: scheme
// (http and https), "www.", a language host label (en.wikipedia.org; the
// article path is then dropped too, since titles are translated), language
// path segments (/en/, /fr-FR/, /en_US/), language file infixes
// (report.en.pdf), language query parameters (?hl=en, lang=, locale=), the
// fragment (anchors are translated) and a trailing slash. "mailto:" links
// give the address. Letter case of the host is folded.
std::string normalise_link(std::string_view link, std::string_view source_language,
                           std::string_view target_language);

// Whether a normalised link (normalise_link) points inside the site: a path
// with no host ("/page/coc", "../faq").
bool is_site_link(std::string_view normalised);

// Whether WORD (any case) names a unit of time in LANGUAGE: day(s), päeva,
// Tage, month, kuu, …
bool is_time_unit(std::string_view word, std::string_view language);

}  // namespace accord
