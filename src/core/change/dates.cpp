#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <accord/notice.hpp>
#include <array>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace accord {
namespace {

// A Gregorian calendar in UTC set to DATE at noon (noon keeps DST and
// offsets from moving the day).
std::unique_ptr<icu::Calendar> calendar_at(const Date& date, const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  auto cal =
      std::make_unique<icu::GregorianCalendar>(icu::TimeZone::getGMT()->clone(), locale, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU calendar unavailable");
  cal->clear();
  cal->set(date.year, date.month - 1, date.day, 12, 0, 0);
  return cal;
}

// A month's name in the cases a date takes in a sentence, for a language
// that marks the case on the month (ICU's long date gives the nominative).
struct MonthCases {
  std::string_view nominative;
  std::string_view on;    // et adessive, lv locative
  std::string_view from;  // et elative, lv genitive
};

using MonthTable = std::array<MonthCases, 12>;

constexpr MonthTable k_et_months = {{{"jaanuar", "jaanuaril", "jaanuarist"},
                                     {"veebruar", "veebruaril", "veebruarist"},
                                     {"märts", "märtsil", "märtsist"},
                                     {"aprill", "aprillil", "aprillist"},
                                     {"mai", "mail", "maist"},
                                     {"juuni", "juunil", "juunist"},
                                     {"juuli", "juulil", "juulist"},
                                     {"august", "augustil", "augustist"},
                                     {"september", "septembril", "septembrist"},
                                     {"oktoober", "oktoobril", "oktoobrist"},
                                     {"november", "novembril", "novembrist"},
                                     {"detsember", "detsembril", "detsembrist"}}};

constexpr MonthTable k_lv_months = {{{"janvāris", "janvārī", "janvāra"},
                                     {"februāris", "februārī", "februāra"},
                                     {"marts", "martā", "marta"},
                                     {"aprīlis", "aprīlī", "aprīļa"},
                                     {"maijs", "maijā", "maija"},
                                     {"jūnijs", "jūnijā", "jūnija"},
                                     {"jūlijs", "jūlijā", "jūlija"},
                                     {"augusts", "augustā", "augusta"},
                                     {"septembris", "septembrī", "septembra"},
                                     {"oktobris", "oktobrī", "oktobra"},
                                     {"novembris", "novembrī", "novembra"},
                                     {"decembris", "decembrī", "decembra"}}};

const MonthTable* month_cases(std::string_view language) {
  if (language == "et") return &k_et_months;
  if (language == "lv") return &k_lv_months;
  return nullptr;
}

// TEXT, ICU's long date for MONTH (1-12), with the month's name put in the
// case FORM asks for. TEXT is unchanged when the name is not found in it
// (newer ICU data, say), rather than guessed at.
std::string inflect_month(std::string text, int month, std::string_view language, DateForm form) {
  const MonthTable* table = month_cases(language);
  if (table == nullptr || form == DateForm::plain || month < 1 || month > 12) return text;
  const MonthCases& m = (*table)[static_cast<std::size_t>(month - 1)];
  const std::size_t at = text.rfind(m.nominative);
  if (at == std::string::npos) return text;
  text.replace(at, m.nominative.size(), form == DateForm::on ? m.on : m.from);
  return text;
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

std::string format_date(const Date& date, std::string_view language, DateForm form) {
  icu::Locale locale(std::string(language).c_str());
  auto cal = calendar_at(date, locale);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateFormat> format(
      icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
  if (!format) throw std::runtime_error("ICU date format unavailable");
  format->setTimeZone(*icu::TimeZone::getGMT());
  UDate when = cal->getTime(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU date conversion failed");
  icu::UnicodeString text;
  format->format(when, text);
  std::string out;
  text.toUTF8String(out);
  return inflect_month(std::move(out), date.month, language, form);
}

}  // namespace accord
