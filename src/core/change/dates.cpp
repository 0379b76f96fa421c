#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <accord/notice.hpp>
#include <memory>
#include <stdexcept>

namespace accord {
namespace {

// A Gregorian calendar in UTC set to DATE at noon (noon keeps DST and
// offsets from moving the day).
std::unique_ptr<icu::Calendar> calendar_at(const Date& date, const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  auto cal = std::make_unique<icu::GregorianCalendar>(icu::TimeZone::getGMT()->clone(), locale, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU calendar unavailable");
  cal->clear();
  cal->set(date.year, date.month - 1, date.day, 12, 0, 0);
  return cal;
}

}  // namespace

Date add_period(const Date& published, const NoticePeriod& period) {
  auto cal = calendar_at(published, icu::Locale::getRoot());
  UErrorCode status = U_ZERO_ERROR;
  UCalendarDateFields field = period.unit == "month"  ? UCAL_MONTH
                              : period.unit == "week" ? UCAL_WEEK_OF_YEAR
                                                      : UCAL_DATE;
  cal->add(field, period.amount, status);
  Date out;
  out.year = cal->get(UCAL_YEAR, status);
  out.month = cal->get(UCAL_MONTH, status) + 1;
  out.day = cal->get(UCAL_DATE, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU date arithmetic failed");
  return out;
}

std::string format_date(const Date& date, std::string_view language) {
  icu::Locale locale(std::string(language).c_str());
  auto cal = calendar_at(date, locale);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
  if (!format) throw std::runtime_error("ICU date format unavailable");
  format->setTimeZone(*icu::TimeZone::getGMT());
  UDate when = cal->getTime(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU date conversion failed");
  icu::UnicodeString text;
  format->format(when, text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace accord
