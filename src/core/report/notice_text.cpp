// Notices in plain language, from built-in or configured templates.
#include <fmt/format.h>

#include <accord/error.hpp>
#include <accord/notice.hpp>
#include <algorithm>
#include <iterator>

namespace accord {
namespace {

constexpr const char* k_template_en = R"(# Changes to our {title}

We have updated our {title}. The changes take effect on {effective}.

What changes:

{sections}
These changes were published on {published}, {period} before they take effect.
)";

constexpr const char* k_template_et = R"(# Muudatused: {title}

Oleme uuendanud dokumenti „{title}”. Muudatused jõustuvad {effective_on}.

Mis muutub:

{sections}
Muudatused avaldati {published_on}, {period} enne jõustumist.
)";

constexpr const char* k_editorial_en = R"(# Corrections to our {title}

We have made editorial corrections to our {title}. They do not change its meaning and apply from {effective}.

{sections})";

constexpr const char* k_editorial_et = R"(# Parandused: {title}

Tegime dokumendis „{title}” toimetuslikke parandusi. Need ei muuda selle sisu ja kehtivad alates {effective_from}.

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

constexpr const char* k_fields_hint =
    "use only {title}, {published}, {effective}, {published_on}, {effective_on}, "
    "{effective_from}, {period}, {sections} and {count}, and {{ or }} for a brace";

// TEMPLATE with each {name} replaced by its field's text, and {{ and }} by
// one brace. Nothing else is a format: no widths, no precision (fmt's
// "{title:>2000000000}" once wrote 2 GB), no positions. The template is
// written by the site's authors but read from a file, so anything else is
// refused at its line.
template <std::size_t N>
std::string substitute(std::string_view tmpl,
                       const std::pair<std::string_view, std::string> (&fields)[N],
                       const std::string& file) {
  std::string out;
  out.reserve(tmpl.size());
  int line = 1;
  std::size_t line_start = 0;
  auto fail = [&](std::size_t at, std::string what) {
    throw Error(file, line,
                fmt::format("notice template, column {}: {}", at - line_start + 1, what),
                k_fields_hint);
  };
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    const char ch = tmpl[i];
    if (ch == '\n') {
      ++line;
      line_start = i + 1;
    }
    if (ch == '}') {
      if (i + 1 < tmpl.size() && tmpl[i + 1] == '}') {
        out += '}';
        ++i;
        continue;
      }
      fail(i, "'}' without an opening '{'");
    }
    if (ch != '{') {
      out += ch;
      continue;
    }
    if (i + 1 < tmpl.size() && tmpl[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    const std::size_t close = tmpl.find_first_of("{}\n", i + 1);
    if (close == std::string_view::npos || tmpl[close] != '}') {
      fail(i, "'{' is never closed on its line");
    }
    const std::string_view name = tmpl.substr(i + 1, close - i - 1);
    const auto* field = std::find_if(std::begin(fields), std::end(fields),
                                     [&](const auto& f) { return f.first == name; });
    if (field == std::end(fields)) {
      const std::string_view shown = name.substr(0, 40);
      const char* more = name.size() > shown.size() ? "…" : "";
      const auto colon = name.find_first_of(":!");
      const bool spec = colon != std::string_view::npos &&
                        std::any_of(std::begin(fields), std::end(fields), [&](const auto& f) {
                          return f.first == name.substr(0, colon);
                        });
      fail(i, spec ? fmt::format("'{{{}{}}}' has a format spec; write {{{}}} alone", shown, more,
                                 name.substr(0, colon))
                   : fmt::format("unknown field '{{{}{}}}'", shown, more));
    }
    out += field->second;
    i = close;
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

std::string render_notice(const NoticeContent& c, const std::string& template_text,
                          const std::string& template_file) {
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
  const std::pair<std::string_view, std::string> fields[] = {
      {"title", c.document_title},
      {"published", format_date(c.published, c.language)},
      {"effective", format_date(c.effective, c.language)},
      {"published_on", format_date(c.published, c.language, DateForm::on)},
      {"effective_on", format_date(c.effective, c.language, DateForm::on)},
      {"effective_from", format_date(c.effective, c.language, DateForm::from)},
      {"period", period_text(c.period, c.language)},
      {"sections", section_list(c.substantial ? c.sections : c.editorial, c.language)},
      {"count", std::to_string(c.substantial ? c.sections.size() : c.editorial.size())},
  };
  return substitute(tmpl, fields, template_file);
}

}  // namespace accord
