// Notice periods and effective dates: what a policy promises ("Substantial
// changes … will be notified at least 14 days before they become
// effective"), read from the policy itself.
#pragma once

#include <accord/document.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace accord {

// A promised period of notice.
struct NoticePeriod {
  int amount = 0;          // 14
  std::string unit;        // "day", "week" or "month"
  std::string phrase;      // the sentence it was read from, as written
  int line = 0;            // the block's first line; 0 when configured, not read
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

}  // namespace accord
