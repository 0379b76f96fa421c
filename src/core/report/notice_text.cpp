// Notices in plain language, from built-in or configured templates.
#include <fmt/args.h>
#include <fmt/format.h>

#include <accord/error.hpp>
#include <accord/notice.hpp>

namespace accord {
namespace {

constexpr const char* k_template_en = R"(# Changes to our {title}

We have updated our {title}. The changes take effect on {effective}.

What changes:

{sections}
These changes were published on {published}, {period} before they take effect.
)";

constexpr const char* k_template_et = R"(# Muudatused: {title}

Oleme uuendanud dokumenti „{title}”. Muudatused jõustuvad {effective}.

Mis muutub:

{sections}
Muudatused avaldati {published}, {period} enne jõustumist.
)";

constexpr const char* k_editorial_en = R"(# Corrections to our {title}

We have made editorial corrections to our {title}. They do not change its meaning and apply from {effective}.

{sections})";

constexpr const char* k_editorial_et = R"(# Parandused: {title}

Tegime dokumendis „{title}” toimetuslikke parandusi. Need ei muuda selle sisu ja kehtivad alates {effective}.

{sections})";

struct Words {
  const char* section;
  const char* open_quote;
  const char* close_quote;
  const char* day;
  const char* days;
  const char* week;
  const char* weeks;
  const char* month;
  const char* months;
  const char* new_section;
  const char* removed_section;
};

const Words& words(std::string_view language) {
  static const Words en{"Section",
                        "“",
                        "”",
                        "day",
                        "days",
                        "week",
                        "weeks",
                        "month",
                        "months",
                        "a new section",
                        "the section was removed"};
  static const Words et{"Jaotis",  "„",   "”",    "päev",       "päeva",           "nädal",
                        "nädalat", "kuu", "kuud", "uus jaotis", "jaotis eemaldati"};
  return language == "et" ? et : en;
}

std::string period_text(const std::optional<NoticePeriod>& p, std::string_view language) {
  return p ? describe_period(*p, language) : std::string();
}

std::string section_list(const std::vector<NoticeSection>& sections, std::string_view language) {
  std::string out;
  for (const auto& s : sections) {
    std::string why = describe_status(s.status, language);
    if (why.empty()) {
      for (const auto& r : s.reasons)
        why += (why.empty() ? "" : "; ") + describe_reason(r, language);
    }
    out += fmt::format("- {}: {}.\n", describe_section(s.number, s.title, language), why);
  }
  return out;
}

}  // namespace

std::string describe_period(const NoticePeriod& p, std::string_view language) {
  const Words& w = words(language);
  const char* unit = p.unit == "month"  ? (p.amount == 1 ? w.month : w.months)
                     : p.unit == "week" ? (p.amount == 1 ? w.week : w.weeks)
                                        : (p.amount == 1 ? w.day : w.days);
  return fmt::format("{} {}", p.amount, unit);
}

std::string describe_section(std::string_view number, std::string_view title,
                             std::string_view language) {
  const Words& w = words(language);
  std::string quoted = fmt::format("{}{}{}", w.open_quote, title, w.close_quote);
  return number.empty() ? quoted : fmt::format("{} {} {}", w.section, number, quoted);
}

std::string describe_status(ChangeStatus status, std::string_view language) {
  const Words& w = words(language);
  if (status == ChangeStatus::added) return w.new_section;
  if (status == ChangeStatus::removed) return w.removed_section;
  return {};
}

bool has_builtin_notice_template(std::string_view language) {
  return language == "en" || language == "et";
}

std::string describe_reason(const ChangeReason& r, std::string_view language) {
  bool et = language == "et";
  std::string values;
  if (!r.old_value.empty() && !r.new_value.empty()) {
    values = fmt::format(" ({} → {})", r.old_value, r.new_value);
  }
  auto pick = [&](const char* en_text, const char* et_text) {
    return std::string(et ? et_text : en_text);
  };
  if (r.kind == "number")
    return pick("a number or period changed", "muutus arv või tähtaeg") + values;
  if (r.kind == "date") return pick("a date changed", "muutus kuupäev") + values;
  if (r.kind == "email")
    return pick("a contact e-mail address changed", "muutus e-posti aadress") + values;
  if (r.kind == "url") return pick("a web address changed", "muutus veebiaadress") + values;
  if (r.kind == "phone") return pick("a phone number changed", "muutus telefoninumber") + values;
  if (r.kind == "organisation")
    return pick("a company name changed", "muutus ettevõtte nimi") + values;
  if (r.kind == "negation") return pick("a statement was reversed", "väide muutus vastupidiseks");
  if (r.kind == "modal")
    return pick("an obligation or permission changed", "muutus kohustus või õigus");
  if (r.kind == "added") return pick("text was added", "lisati teksti");
  if (r.kind == "removed") return pick("text was removed", "eemaldati teksti");
  if (r.kind == "wording") return pick("the wording changed", "muudeti sõnastust");
  if (r.kind == "typo") return pick("a spelling mistake was corrected", "parandati kirjaviga");
  if (r.kind == "renumbering") return pick("the section was renumbered", "jaotise number muutus");
  if (r.kind == "moved") return pick("the section moved", "jaotis liikus");
  if (r.kind == "punctuation") return pick("punctuation was corrected", "parandati kirjavahemärke");
  if (r.kind == "case") return pick("letter case was corrected", "parandati suur- ja väiketähti");
  if (r.kind == "quotes")
    return pick("quotation marks or dashes were changed", "muudeti jutumärke või kriipse");
  return pick("the formatting changed", "muutus vormistus");
}

std::string render_notice(const NoticeContent& c, const std::string& template_text) {
  std::string tmpl = template_text;
  if (tmpl.empty()) {
    if (!has_builtin_notice_template(c.language)) {
      throw Error(
          "", 0, fmt::format("no built-in notice template for language '{}'", c.language),
          fmt::format("name one in accord.toml: [notice_templates] {} = \"path/to/notice.{}.md\"",
                      c.language, c.language));
    }
    bool et = c.language == "et";
    tmpl = c.substantial ? (et ? k_template_et : k_template_en)
                         : (et ? k_editorial_et : k_editorial_en);
  }
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  args.push_back(fmt::arg("title", c.document_title));
  args.push_back(fmt::arg("published", format_date(c.published, c.language)));
  args.push_back(fmt::arg("effective", format_date(c.effective, c.language)));
  args.push_back(fmt::arg("period", period_text(c.period, c.language)));
  args.push_back(
      fmt::arg("sections", section_list(c.substantial ? c.sections : c.editorial, c.language)));
  args.push_back(fmt::arg("count", c.substantial ? c.sections.size() : c.editorial.size()));
  try {
    return fmt::vformat(tmpl, args);
  } catch (const fmt::format_error& e) {
    throw Error("", 0,
                fmt::format("notice template for '{}' is malformed: {}", c.language, e.what()),
                "use only {title}, {published}, {effective}, {period}, {sections} and {count}");
  }
}

}  // namespace accord
