// Notice periods and effective dates: what a policy promises ("Substantial
// changes … will be notified at least 14 days before they become
// effective"), read from the policy itself.
#pragma once

#include <accord/date.hpp>
#include <accord/document.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace accord {

// A promised period of notice.
struct NoticePeriod {
  int amount = 0;      // 14
  std::string unit;    // "day", "week" or "month"
  std::string phrase;  // the sentence it was read from, as written
  int line = 0;        // the block's first line; 0 when configured, not read
  // Length in days for comparing periods: weeks are 7 days, months 31 (the
  // longest a month can be, so "one month" never loses to "30 days").
  int approximate_days() const;
};

// Finds the notice period DOC promises, written in LANGUAGE (ISO 639-1): a
// number or number word ("14", "fourteen", "neliteist", "üks") before a unit
// of days, weeks or months, in a sentence that speaks of notice ("notice",
// "notify", "in advance", "prior"; "teavita…", "ette"; "Frist", "im Voraus",
// "benachrichtig…"). When several sentences qualify, the longest period wins.
// nullopt when the document promises none.
std::optional<NoticePeriod> find_notice_period(const Document& doc, std::string_view language);

// PUBLISHED plus PERIOD, in calendar terms (ICU's Gregorian calendar):
// 14 days after 2026-04-09 is 2026-04-23; one month after 2026-01-31 is
// 2026-02-28.
Date add_period(const Date& published, const NoticePeriod& period);

// The part a date plays in a sentence, which some languages mark on the
// month: the date alone ("9. aprill 2026"), "on" it ("jõustub 9. aprillil
// 2026"; Latvian "2026. gada 9. aprīlī") or "from" it ("alates 9. aprillist
// 2026"; Latvian "no 2026. gada 9. aprīļa"). The languages whose long date
// needs no change (en, de, fr, fi, ru, pl, lt, es, sv, …) write all three
// alike; the sentence around the date carries the preposition.
enum class DateForm { plain, on, from };

// DATE written the way LANGUAGE writes a date in prose, by ICU's long date
// format: en "April 9, 2026", et "9. aprill 2026", de "9. April 2026",
// with the month in the case FORM needs (Estonian and Latvian).
std::string format_date(const Date& date, std::string_view language,
                        DateForm form = DateForm::plain);

}  // namespace accord

#include <accord/change.hpp>
#include <vector>

namespace accord {

// One section as a notice names it, in the notice's language.
struct NoticeSection {
  std::string number;
  std::string title;
  std::vector<ChangeReason> reasons;
  ChangeStatus status = ChangeStatus::changed;
};

// Everything one notice says, in one language.
struct NoticeContent {
  std::string language;        // ISO 639-1
  std::string document_title;  // front matter `title` in that language
  bool substantial = false;    // any substantial change
  Date published;
  Date effective;
  std::optional<NoticePeriod> period;    // the period applied; nullopt when editorial only
  std::vector<NoticeSection> sections;   // substantially changed sections, document order
  std::vector<NoticeSection> editorial;  // editorially changed sections
};

// Whether accord has a built-in notice template for LANGUAGE (en, et).
bool has_builtin_notice_template(std::string_view language);

// Markdown notice for CONTENT. TEMPLATE is text with the named fields
// {title}, {published}, {effective}, {period}, {sections} (a Markdown list)
// and {count}, the dates again in the form a sentence needs ({published_on},
// {effective_on}, {effective_from}: see DateForm), and {{ and }} for a literal brace; nothing else
// (no format specs, widths or positions). Empty means the built-in template of the language. Dates
// are written by format_date. Throws Error naming TEMPLATE_FILE, the line and column for an unknown
// field, a format spec, an unclosed '{' or a lone '}', and for a language with no built-in template
// and none given.
std::string render_notice(const NoticeContent& content, const std::string& template_text = {},
                          const std::string& template_file = {});

// PERIOD in words of LANGUAGE: en "14 days", "1 month"; et "14 päeva",
// "1 kuu". English for languages without built-in words.
std::string describe_period(const NoticePeriod& period, std::string_view language);

// A section as notices and release notes name it in LANGUAGE: en
// `Section 6 “Title”`, et `Jaotis 6 „Pealkiri”`, or the quoted title alone
// when NUMBER is empty. English for languages without built-in words.
std::string describe_section(std::string_view number, std::string_view title,
                             std::string_view language);

// What a notice says of an added or removed section in LANGUAGE: "a new
// section", "the section was removed"; et "uus jaotis", "jaotis eemaldati".
// Empty for any other status.
std::string describe_status(ChangeStatus status, std::string_view language);

// A reason in plain words in LANGUAGE ("a number or period changed (14 → 30)",
// "muutus arv või tähtaeg (14 → 30)"); English for other languages.
std::string describe_reason(const ChangeReason& reason, std::string_view language);

}  // namespace accord
