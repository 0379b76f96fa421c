// Header stamps ("Last updated: 22 Dec 2023", "Version: July 2025",
// "Viimati uuendatud: 05.09.2024", "Effective date: 1 March 2025") and dates
// written with month names, found in plain text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace accord::stamp {

struct Stamp {
  std::size_t offset = 0;  // the label's first byte
  std::size_t length = 0;  // label and value, trailing punctuation left out
  bool effective = false;  // the policy's effective date, not its revision
  std::string label;       // as written: "Last updated", "Effective date"
  std::string value;       // as written: "22 Dec 2023", "3.1"
};

// Stamps in TEXT: a label at the start of a line, after a separator
// (". ", ", ", "– ", "| ") or written with a capital, followed by a date or
// (for "Version") a version number. "This policy was last updated on …" is
// not a stamp: it is a sentence of the policy.
std::vector<Stamp> find_stamps(std::string_view text);

// Dates written with a month name, in English and Estonian: "9 April 2026",
// "March 3, 2025", "3. märtsil 2025", "22 Dec 2023". Each needs a day or a
// year beside the month.
std::vector<std::string> month_dates_in(std::string_view text);

}  // namespace accord::stamp
