// Calendar days and times of day, with no dependency on the rest of accord:
// what history, notices, release notes and the report all count in.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace accord {

// A calendar day (proleptic Gregorian), with no time zone.
struct Date {
  int year = 0;
  int month = 0;  // 1–12
  int day = 0;    // 1–31

  friend auto operator<=>(const Date&, const Date&) = default;
  // "YYYY-MM-DD".
  std::string to_string() const;
};

// Parses exactly "YYYY-MM-DD" naming a real calendar day (years 1–9999);
// nullopt for anything else, including "2024-02-30" and trailing text.
std::optional<Date> parse_date(std::string_view text);

// A moment as a person's clock showed it: seconds since the epoch read in a
// UTC offset of OFFSET_MINUTES.
struct LocalTime {
  Date date;
  int hour = 0;
  int minute = 0;
  int second = 0;
};
LocalTime local_time(long long time, int offset_minutes);

// "YYYY-MM-DDTHH:MM:SS+HH:MM" for TIME in the UTC offset OFFSET_MINUTES.
std::string iso_time(long long time, int offset_minutes);

// Today in the machine's time zone (TZ).
Date today_local();

}  // namespace accord
