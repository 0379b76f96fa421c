#include <fmt/format.h>
#include <unicode/dcfmtsym.h>
#include <unicode/rbnf.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <accord/invariants.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace accord {
namespace {

bool is_ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Characters that may end a URL or address as written but belong to the
// sentence around it.
void trim_trailing_punctuation(std::string& s) {
  while (!s.empty() && std::string_view(".,;:!?)]}>\"'").find(s.back()) != std::string_view::npos) {
    if (s.back() == ')' &&
        std::count(s.begin(), s.end(), '(') >= std::count(s.begin(), s.end(), ')'))
      break;
    s.pop_back();
  }
  // Closing typographic quotes (” “ ’ »).
  for (std::string_view q : {"\u201D", "\u201C", "\u2019", "\u00BB"}) {
    if (s.size() >= q.size() && s.compare(s.size() - q.size(), q.size(), q) == 0) {
      s.resize(s.size() - q.size());
      trim_trailing_punctuation(s);
      return;
    }
  }
}

bool is_url_char(char c) {
  return !(c == ' ' || c == '\t' || c == '\n' || c == '<' || c == '>' || c == '"' || c == '`');
}

bool is_email_char(char c) {
  return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// Removes [begin, end) from TEXT's scan by blanking it, so numbers inside
// URLs and addresses are not counted again.
void blank(std::string& text, std::size_t begin, std::size_t end) {
  std::fill(text.begin() + static_cast<long>(begin), text.begin() + static_cast<long>(end), ' ');
}

void take_urls(std::string& text, Invariants& out) {
  for (std::string_view scheme : {"https://", "http://", "www."}) {
    std::size_t pos = 0;
    while ((pos = text.find(scheme, pos)) != std::string::npos) {
      if (scheme == "www." && pos > 0 && (is_ascii_alnum(text[pos - 1]) || text[pos - 1] == '/')) {
        pos += scheme.size();
        continue;
      }
      std::size_t end = pos;
      while (end < text.size() && is_url_char(text[end])) ++end;
      std::string url = text.substr(pos, end - pos);
      trim_trailing_punctuation(url);
      if (url.size() > scheme.size()) out.urls.push_back(url);
      blank(text, pos, end);
      pos = end;
    }
  }
}

void take_emails(std::string& text, Invariants& out) {
  std::size_t at = 0;
  while ((at = text.find('@', at)) != std::string::npos) {
    std::size_t begin = at;
    while (begin > 0 && is_email_char(text[begin - 1])) --begin;
    std::size_t end = at + 1;
    while (end < text.size() && is_email_char(text[end])) ++end;
    std::string email = text.substr(begin, end - begin);
    trim_trailing_punctuation(email);
    auto dot = email.find('.', email.find('@'));
    if (begin < at && dot != std::string::npos && dot + 1 < email.size()) {
      std::transform(email.begin(), email.end(), email.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      out.emails.push_back(email);
      blank(text, begin, end);
    }
    at = end;
  }
}

// "+372 5555 1234", "+1 (555) 010-2030": a '+' and at least 7 digits.
void take_phones(std::string& text, Invariants& out) {
  std::size_t pos = 0;
  while ((pos = text.find('+', pos)) != std::string::npos) {
    std::size_t end = pos + 1;
    std::string digits = "+";
    while (end < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == ' ' ||
            text[end] == '-' || text[end] == '(' || text[end] == ')')) {
      if (std::isdigit(static_cast<unsigned char>(text[end]))) digits += text[end];
      ++end;
    }
    if (digits.size() >= 8) {
      out.phones.push_back(digits);
      blank(text, pos, end);
    }
    pos = end;
  }
}

constexpr std::array<std::string_view, 20> k_legal_forms = {
    "AS",  "OÜ", "MTÜ", "SA",   "Ltd", "Inc", "LLC", "GmbH", "AG",   "Oy",
    "Oyj", "AB", "plc", "Corp", "N.V", "B.V", "S.A", "SAS",  "SARL", "SE"};

bool starts_upper(std::string_view word) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  return u.length() > 0 && u_isupper(u.char32At(0));
}

// The decimal and grouping separators of LANGUAGE, from ICU's symbols.
struct Separators {
  std::string decimal = ".";
  std::string grouping = ",";
};

const Separators& separators(std::string_view language) {
  thread_local std::map<std::string, Separators, std::less<>> cache;
  auto found = cache.find(language);
  if (found != cache.end()) return found->second;
  Separators out;
  UErrorCode status = U_ZERO_ERROR;
  icu::DecimalFormatSymbols symbols(icu::Locale(std::string(language).c_str()), status);
  if (U_SUCCESS(status)) {
    std::string d, g;
    symbols.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol).toUTF8String(d);
    symbols.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol).toUTF8String(g);
    if (!d.empty()) out.decimal = d;
    if (!g.empty()) out.grouping = g;
  }
  return cache.emplace(std::string(language), out).first->second;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string strip_zeros(std::string_view digits) {
  std::size_t first = digits.find_first_not_of('0');
  return first == std::string_view::npos ? "0" : std::string(digits.substr(first));
}

// "14th", "1st", "14e", "1er", "1re", "2ème", "3ième": the digits; empty when
// TOKEN is no ordinal.
std::string ordinal_digits(std::string_view token) {
  std::size_t n = 0;
  while (n < token.size() && token[n] >= '0' && token[n] <= '9') ++n;
  if (n == 0 || n == token.size()) return {};
  std::string suffix = fold_case(token.substr(n));
  for (std::string_view s :
       {"st", "nd", "rd", "th", "e", "er", "re", "ère", "ème", "eme", "ième", "ieme", "è"}) {
    if (suffix == s) return strip_zeros(token.substr(0, n));
  }
  return {};
}

// The value of a number token as written in LANGUAGE, compared as text:
// grouping removed, the decimal separator made '.', the fraction as written
// ("4.10" stays 4.10: clause numbers are identifiers). The last separator is
// a grouping one only when three digits follow it and it is not LANGUAGE's
// decimal separator; every earlier one is grouping when three digits follow.
std::string canonical_number(std::string_view token, std::string_view language) {
  if (all_digits(token)) return token.size() < 16 ? strip_zeros(token) : std::string(token);
  if (auto ordinal = ordinal_digits(token); !ordinal.empty()) return ordinal;
  std::vector<std::string_view> groups;
  std::vector<char> seps;
  std::size_t start = 0;
  for (std::size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    if (c >= '0' && c <= '9') continue;
    if (c != '.' && c != ',') return std::string(token);
    groups.push_back(token.substr(start, i - start));
    seps.push_back(c);
    start = i + 1;
  }
  groups.push_back(token.substr(start));
  for (auto g : groups) {
    if (!all_digits(g)) return std::string(token);
  }
  if (groups.size() > 2 &&
      std::adjacent_find(seps.begin(), seps.end(), std::not_equal_to<>()) == seps.end()) {
    // "2.0.1", "1,500,000": grouping only when every group after the first
    // has three digits.
    bool grouping = std::all_of(groups.begin() + 1, groups.end(),
                                [](std::string_view g) { return g.size() == 3; });
    if (!grouping) return std::string(token);
    std::string out;
    for (auto g : groups) out += g;
    return strip_zeros(out);
  }
  const Separators& sep = separators(language);
  const char last = seps.back();
  const bool last_is_decimal =
      groups.back().size() != 3 || (sep.decimal.size() == 1 && sep.decimal[0] == last);
  std::string whole;
  for (std::size_t k = 0; k + 1 < groups.size(); ++k) {
    if (k > 0 && groups[k].size() != 3) return std::string(token);
    whole += groups[k];
  }
  if (!last_is_decimal) return strip_zeros(whole + std::string(groups.back()));
  if (seps.size() > 1 && seps.front() == last) return std::string(token);
  return strip_zeros(whole) + "." + std::string(groups.back());
}

struct NumberWords {
  std::unordered_map<std::string, long long> values;
};

const NumberWords& number_words(std::string_view language) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<NumberWords>, std::less<>> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(language);
  if (it != cache.end()) return *it->second;
  auto words = std::make_unique<NumberWords>();
  UErrorCode status = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat rbnf(icu::URBNF_SPELLOUT, icu::Locale(std::string(language).c_str()),
                                  status);
  if (U_SUCCESS(status)) {
    for (long long v = 0; v <= 1000; ++v) {
      icu::UnicodeString spelled;
      rbnf.format(static_cast<int64_t>(v), spelled);
      std::string s;
      spelled.foldCase().toUTF8String(s);
      if (s.find(' ') == std::string::npos && s.find('-') == std::string::npos) {
        words->values.emplace(s, v);
      }
    }
  }
  auto& ref = *words;
  cache.emplace(std::string(language), std::move(words));
  return ref;
}

}  // namespace

namespace {

// Estonian numerals in the genitive stem that case endings attach to
// ("neljateistkümne päeva jooksul", "viiele", "kahe tööpäeva").
std::string et_genitive(std::string_view nominative) {
  static const std::map<std::string, std::string, std::less<>> units = {
      {"null", "nulli"},      {"üks", "ühe"},       {"kaks", "kahe"},   {"kolm", "kolme"},
      {"neli", "nelja"},      {"viis", "viie"},     {"kuus", "kuue"},   {"seitse", "seitsme"},
      {"kaheksa", "kaheksa"}, {"üheksa", "üheksa"}, {"kümme", "kümne"}, {"sada", "saja"},
      {"tuhat", "tuhande"}};
  if (auto it = units.find(nominative); it != units.end()) return it->second;
  auto ends = [&](std::string_view tail) {
    return nominative.size() > tail.size() &&
           nominative.compare(nominative.size() - tail.size(), tail.size(), tail) == 0;
  };
  auto head = [&](std::string_view tail) {
    auto it = units.find(nominative.substr(0, nominative.size() - tail.size()));
    return it == units.end() ? std::string() : it->second;
  };
  if (ends("teist")) {
    std::string h = head("teist");
    return h.empty() ? std::string() : h + "teistkümne";
  }
  if (ends("kümmend")) {
    std::string h = head("kümmend");
    return h.empty() ? std::string() : h + "kümne";
  }
  if (ends("sada")) {
    std::string h = head("sada");
    return h.empty() ? std::string() : h + "saja";
  }
  return {};
}

// Estonian case endings after the genitive stem.
constexpr std::array<std::string_view, 14> k_et_endings = {"",  "l",   "le", "lt", "ks", "ga", "st",
                                                           "s", "sse", "ni", "na", "ta", "d",  "t"};

long long dozen_value(const std::string& folded) {
  for (std::string_view w : {"dozen", "dozens", "douzaine", "douzaines", "dutzend"}) {
    if (folded == w) return 12;
  }
  // Estonian "tosin" inflects: tosina, tosinas, tosinat.
  if (folded.rfind("tosin", 0) == 0 && folded.size() <= 8) return 12;
  // French round counts, "une vingtaine de personnes": about twenty, written
  // for "20" or "about 20" in the other language. Not "quarantaine", which
  // is also a quarantine.
  static const std::array<std::pair<std::string_view, long long>, 6> k_round = {
      {{"dizaine", 10},
       {"quinzaine", 15},
       {"vingtaine", 20},
       {"trentaine", 30},
       {"cinquantaine", 50},
       {"centaine", 100}}};
  // The plural, "des centaines", is "hundreds of": no number.
  for (const auto& [word, value] : k_round) {
    if (folded == word) return value;
  }
  return -1;
}

}  // namespace

long long number_word_value(std::string_view word, std::string_view language) {
  const auto& words = number_words(language);
  const std::string folded = fold_case(word);
  auto it = words.values.find(folded);
  if (it != words.values.end()) return it->second;
  if (long long dozen = dozen_value(folded); dozen >= 0) return dozen;
  if (language == "et") {
    static const std::unordered_map<std::string, long long> inflected = [] {
      std::unordered_map<std::string, long long> out;
      for (const auto& [nominative, value] : number_words("et").values) {
        std::string stem = et_genitive(nominative);
        if (stem.empty()) continue;
        for (auto ending : k_et_endings) out.emplace(stem + std::string(ending), value);
      }
      return out;
    }();
    if (auto f = inflected.find(folded); f != inflected.end()) return f->second;
  }
  return -1;
}

namespace {

// The units of time of one language, and the ASCII letters they begin with.
struct TimeUnits {
  std::vector<std::string> units;
  bool whole_words = false;  // English units are whole words; the others stems
  std::array<bool, 128> first_letters{};
};

// LANGUAGE's units of time; null for a language without any.
const TimeUnits* time_units(std::string_view language) {
  static const std::map<std::string, TimeUnits, std::less<>> k_units = [] {
    const std::map<std::string, std::vector<std::string>> lists = {
        {"en",
         {"day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
          "minute", "minutes", "business"}},
        {"et", {"päev", "nädal", "kuu", "aasta", "tund", "tunni", "minut", "tööpäev"}},
        {"de", {"tag", "woche", "monat", "jahr", "stunde", "minute", "werktag"}},
        {"fi",
         {"päivä", "päivää", "viikko", "viikkoa", "kuukausi", "kuukautta", "vuosi", "vuotta"}},
        {"fr",
         {"jour", "jours", "semaine", "semaines", "mois", "an", "ans", "année", "années", "heure",
          "heures", "minute", "minutes"}},
    };
    std::map<std::string, TimeUnits, std::less<>> out;
    for (const auto& [code, units] : lists) {
      TimeUnits& t = out[code];
      t.units = units;
      t.whole_words = code == "en" || code == "fr";
      for (const auto& unit : units) {
        if (static_cast<unsigned char>(unit[0]) < 0x80)
          t.first_letters[static_cast<unsigned char>(unit[0])] = true;
      }
    }
    return out;
  }();
  auto it = k_units.find(language);
  return it == k_units.end() ? nullptr : &it->second;
}

bool is_unit_of(std::string_view word, const TimeUnits& units) {
  // Most words are not units: an ASCII first letter folds to its lower case
  // whatever follows, so a word whose first letter begins no unit is none.
  if (!word.empty() && static_cast<unsigned char>(word[0]) < 0x80) {
    const char first =
        word[0] >= 'A' && word[0] <= 'Z' ? static_cast<char>(word[0] - 'A' + 'a') : word[0];
    if (!units.first_letters[static_cast<unsigned char>(first)]) return false;
  }
  // An ASCII word folds to its lower case: compared in place, no copy.
  if (std::all_of(word.begin(), word.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    for (const auto& unit : units.units) {
      const std::size_t n = units.whole_words ? word.size() : unit.size();
      if (unit.size() != n && units.whole_words) continue;
      if (word.size() < n) continue;
      bool same = true;
      for (std::size_t k = 0; k < n && same; ++k) same = lower(word[k]) == unit[k];
      if (same) return true;
    }
    return false;
  }
  std::string w = fold_case(word);
  for (const auto& unit : units.units) {
    // English units are whole words; Estonian, German and Finnish inflect,
    // so a stem match is needed ("päeva", "päevaga", "Tagen").
    if (units.whole_words ? w == unit : w.rfind(unit, 0) == 0) return true;
  }
  return false;
}

}  // namespace

bool is_time_unit(std::string_view word, std::string_view language) {
  const TimeUnits* units = time_units(language);
  return units != nullptr && is_unit_of(word, *units);
}

namespace {

// How one language names the months: each month's forms, and how many
// letters of case ending may follow one (0: the form must be the whole word).
struct MonthNames {
  std::array<std::vector<std::string_view>, 12> forms;
  std::size_t max_ending = 0;
};

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

const std::map<std::string, MonthNames, std::less<>>& month_names() {
  static const std::map<std::string, MonthNames, std::less<>> k = {
      {"en",
       {{{{"january"},
          {"february"},
          {"march"},
          {"april"},
          {"may"},
          {"june"},
          {"july"},
          {"august"},
          {"september"},
          {"october"},
          {"november"},
          {"december"}}},
        0}},
      {"fr",
       {{{{"janvier"},
          {"février"},
          {"mars"},
          {"avril"},
          {"mai"},
          {"juin"},
          {"juillet"},
          {"août"},
          {"septembre"},
          {"octobre"},
          {"novembre"},
          {"décembre"}}},
        0}},
      {"de",
       {{{{"januar"},
          {"februar"},
          {"märz"},
          {"april"},
          {"mai"},
          {"juni"},
          {"juli"},
          {"august"},
          {"september"},
          {"oktober"},
          {"november"},
          {"dezember"}}},
        0}},
      // Estonian months take case endings: "maist", "märtsil".
      {"et",
       {{{{"jaanuar"},
          {"veebruar"},
          {"märts"},
          {"aprill"},
          {"mai"},
          {"juuni"},
          {"juuli"},
          {"august"},
          {"september", "septembr"},
          {"oktoober", "oktoobr"},
          {"november", "novembr"},
          {"detsember", "detsembr"}}},
        3}},
      // Russian dates put the month in the genitive: "1 мая 2020 г.".
      {"ru",
       {{{{"январ"},
          {"феврал"},
          {"март"},
          {"апрел"},
          {"май", "мая", "мае"},
          {"июн"},
          {"июл"},
          {"август"},
          {"сентябр"},
          {"октябр"},
          {"ноябр"},
          {"декабр"}}},
        2}},
      {"uk",
       {{{{"січ"},
          {"лют"},
          {"берез"},
          {"квіт"},
          {"трав"},
          {"черв"},
          {"лип"},
          {"серп"},
          {"верес"},
          {"жовт"},
          {"листопад"},
          {"груд"}}},
        4}},
      // Latvian "2020. gada 1. maijā", "aprīļa".
      {"lv",
       {{{{"janvār"},
          {"februār"},
          {"mart"},
          {"aprīl", "aprīļ"},
          {"maij"},
          {"jūnij"},
          {"jūlij"},
          {"august"},
          {"septembr"},
          {"oktobr"},
          {"novembr"},
          {"decembr"}}},
        3}},
      // Lithuanian "2020 m. gegužės 1 d.".
      {"lt",
       {{{{"saus"},
          {"vasar"},
          {"kov"},
          {"baland"},
          {"geguž"},
          {"biržel"},
          {"liep"},
          {"rugpjū"},
          {"rugsėj"},
          {"spal"},
          {"lapkri"},
          {"gruod"}}},
        4}},
      // Finnish "1. toukokuuta 2020", "toukokuussa".
      {"fi",
       {{{{"tammikuu"},
          {"helmikuu"},
          {"maaliskuu"},
          {"huhtikuu"},
          {"toukokuu"},
          {"kesäkuu"},
          {"heinäkuu"},
          {"elokuu"},
          {"syyskuu"},
          {"lokakuu"},
          {"marraskuu"},
          {"joulukuu"}}},
        4}},
      {"pl",
       {{{{"styczeń", "stycznia", "styczniu"},
          {"luty", "lutego", "lutym"},
          {"marzec", "marca", "marcu"},
          {"kwiecień", "kwietnia", "kwietniu"},
          {"maj", "maja", "maju"},
          {"czerwiec", "czerwca", "czerwcu"},
          {"lipiec", "lipca", "lipcu"},
          {"sierpień", "sierpnia", "sierpniu"},
          {"wrzesień", "września", "wrześniu"},
          {"październik", "października", "październiku"},
          {"listopad", "listopada", "listopadzie"},
          {"grudzień", "grudnia", "grudniu"}}},
        0}},
      {"es",
       {{{{"enero"},
          {"febrero"},
          {"marzo"},
          {"abril"},
          {"mayo"},
          {"junio"},
          {"julio"},
          {"agosto"},
          {"septiembre", "setiembre"},
          {"octubre"},
          {"noviembre"},
          {"diciembre"}}},
        0}},
      {"pt",
       {{{{"janeiro"},
          {"fevereiro"},
          {"março"},
          {"abril"},
          {"maio"},
          {"junho"},
          {"julho"},
          {"agosto"},
          {"setembro"},
          {"outubro"},
          {"novembro"},
          {"dezembro"}}},
        0}},
      {"it",
       {{{{"gennaio"},
          {"febbraio"},
          {"marzo"},
          {"aprile"},
          {"maggio"},
          {"giugno"},
          {"luglio"},
          {"agosto"},
          {"settembre"},
          {"ottobre"},
          {"novembre"},
          {"dicembre"}}},
        0}},
      {"nl",
       {{{{"januari"},
          {"februari"},
          {"maart"},
          {"april"},
          {"mei"},
          {"juni"},
          {"juli"},
          {"augustus"},
          {"september"},
          {"oktober"},
          {"november"},
          {"december"}}},
        0}},
      {"sv",
       {{{{"januari"},
          {"februari"},
          {"mars"},
          {"april"},
          {"maj"},
          {"juni"},
          {"juli"},
          {"augusti"},
          {"september"},
          {"oktober"},
          {"november"},
          {"december"}}},
        0}},
  };
  return k;
}

// The month (1-12) WORD names in LANGUAGE, in any case and, where the
// language inflects its months, with a short case ending ("maist",
// "мая", "maijā"); 0 for none. English "May" counts only capitalised: "may"
// is a verb.
int month_of(std::string_view word, std::string_view language) {
  const auto& all = month_names();
  auto it = all.find(language);
  if (it == all.end() || word.size() < 3) return 0;
  const MonthNames& names = it->second;
  const std::string w = fold_case(word);
  for (std::size_t m = 0; m < 12; ++m) {
    for (std::string_view form : names.forms[m]) {
      const bool match =
          names.max_ending == 0
              ? w == form
              : w.rfind(form, 0) == 0 &&
                    code_points(std::string_view(w).substr(form.size())) <= names.max_ending;
      if (!match) continue;
      if (language == "en" && m == 4 && word[0] != 'M') return 0;
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

// The word LANGUAGE may put between a day or a year and its month: English
// "the 4th of September", Spanish and Portuguese "1 de mayo de 2020".
std::string_view month_connector(std::string_view language) {
  if (language == "en") return "of";
  if (language == "es" || language == "pt") return "de";
  return {};
}

bool is_digit_word(std::string_view w) {
  return !w.empty() && std::isdigit(static_cast<unsigned char>(w[0]));
}

// Whether only white space lies between offsets A and B of TEXT.
bool only_space(std::string_view text, std::size_t a, std::size_t b) {
  for (std::size_t i = a; i < b; ++i) {
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n') return false;
  }
  return true;
}

bool is_legal_form(std::string_view w) {
  return std::find(k_legal_forms.begin(), k_legal_forms.end(), w) != k_legal_forms.end();
}

// A legal form with an Estonian case ending after an apostrophe: "AS'le",
// "OÜ’ga". The form alone; empty when W is none.
std::string_view legal_form_of(std::string_view w) {
  if (is_legal_form(w)) return w;
  for (std::string_view apostrophe : {"'", "\u2019"}) {
    auto at = w.find(apostrophe);
    if (at != std::string_view::npos && at > 0 && is_legal_form(w.substr(0, at))) {
      return w.substr(0, at);
    }
  }
  return {};
}

struct Word {
  std::string_view text;
  std::size_t offset;
};

// Organisation names: the capitalised words (up to four) right before a
// legal form, or right after it when none come before ("OÜ Boonus Meedia"),
// written together by white space only. The name is given legal form last.
void take_name(std::string_view text, const std::vector<Word>& words, std::size_t i,
               std::string_view form, Invariants& out) {
  auto joined = [&](std::size_t a, std::size_t b) {  // words a..b-1, one space apart
    std::string name;
    for (std::size_t k = a; k < b; ++k) {
      if (!name.empty()) name += ' ';  // appended apart: no -Wrestrict in GCC 12 at -O2
      name += words[k].text;
    }
    return name;
  };
  // Between the name and its form English may put a comma: "Europe, Ltd.".
  auto joins = [&](std::size_t k) {  // words k-1 and k written together
    std::size_t end = words[k - 1].offset + words[k - 1].text.size();
    if (k == i && end < words[k].offset && text[end] == ',') ++end;
    return only_space(text, end, words[k].offset);
  };
  std::size_t begin = i;
  while (begin > 0 && i - begin < 4 && starts_upper(words[begin - 1].text) &&
         !legal_form_of(words[begin - 1].text).size() && joins(begin)) {
    --begin;
  }
  if (begin < i) {
    out.names.push_back(joined(begin, i) + " " + std::string(form));
    return;
  }
  std::size_t end = i + 1;
  while (end < words.size() && end - i <= 4 && starts_upper(words[end].text) &&
         legal_form_of(words[end].text).empty() &&
         only_space(text, words[end - 1].offset + words[end - 1].text.size(), words[end].offset)) {
    ++end;
  }
  if (end > i + 1) out.names.push_back(joined(i + 1, end) + " " + std::string(form));
}

// A date written with dots or slashes, "01.05.2020", "1/5/2020": its day,
// month and year as numbers. False when TOKEN is none.
bool take_numeric_date(std::string_view token, Invariants& out) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= token.size(); ++i) {
    if (i == token.size() || token[i] == '.' || token[i] == '/') {
      parts.push_back(token.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() != 3 || !all_digits(parts[0]) || !all_digits(parts[1]) ||
      !all_digits(parts[2]) || parts[0].size() > 2 || parts[1].size() > 2 || parts[2].size() != 4) {
    return false;
  }
  for (auto p : parts) {
    out.numbers.push_back(strip_zeros(p));
    out.number_text.emplace_back(token);
  }
  return true;
}

// The invariants of TEXT, URLs, addresses and phones already taken into OUT
// and blanked, from its word-break pieces SPANS.
void take_words(const std::string& text, const std::vector<TokenSpan>& spans,
                std::string_view language, Invariants& out) {
  std::vector<Word> words;
  const std::string_view all(text);
  for (const auto& span : spans) {
    if (span.is_word) words.push_back({all.substr(span.offset, span.length), span.offset});
  }
  const TimeUnits* units = time_units(language);
  auto unit_follows = [&](std::size_t i) {
    if (units == nullptr) return false;
    for (std::size_t k = i + 1; k < words.size() && k <= i + 2; ++k) {
      if (is_unit_of(words[k].text, *units)) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i].text;
    if (is_digit_word(w)) {
      if (take_numeric_date(w, out)) continue;
      out.numbers.push_back(canonical_number(w, language));
      out.number_text.emplace_back(w);
      continue;
    }
    // "4th of September", "1 de mayo de 2020": a connector between the
    // month and its day or year.
    const std::string_view connector = month_connector(language);
    const bool day_of = !connector.empty() && i > 1 && fold_case(words[i - 1].text) == connector &&
                        is_digit_word(words[i - 2].text);
    const bool of_year = language != "en" && !connector.empty() && i + 2 < words.size() &&
                         fold_case(words[i + 1].text) == connector &&
                         is_digit_word(words[i + 2].text);
    if (int month = month_of(w, language);
        month > 0 && (day_of || of_year || (i > 0 && is_digit_word(words[i - 1].text)) ||
                      (i + 1 < words.size() && is_digit_word(words[i + 1].text)))) {
      out.numbers.push_back(std::to_string(month));
      out.number_text.emplace_back(w);
      continue;
    }
    const std::string folded = fold_case(w);
    if (long long dozen = dozen_value(folded); dozen >= 0) {
      out.numbers.push_back(std::to_string(dozen));
      out.number_text.emplace_back(w);
      continue;
    }
    if (long long v = number_word_value(w, language); v >= 0) {
      if (unit_follows(i)) {
        out.numbers.push_back(std::to_string(v));
        out.number_text.emplace_back(w);
      } else {
        out.spelled.push_back(std::to_string(v));
      }
    }
    if (std::string_view form = legal_form_of(w); !form.empty())
      take_name(all, words, i, form, out);
  }
}

// "100 000", "1 500" (space, no-break space U+00A0, narrow no-break space
// U+202F, thin space U+2009 between groups of three digits): the digits are
// moved together in place ("100000  "), so the word break sees one number.
// The first group has 1-3 digits and no digit or separator before it.
void join_digit_groups(std::string& text) {
  auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  auto space_len = [&](std::size_t i) -> std::size_t {
    if (i >= text.size()) return 0;
    if (text[i] == ' ') return 1;
    if (text.compare(i, 2, "\u00A0") == 0) return 2;
    if (text.compare(i, 3, "\u202F") == 0 || text.compare(i, 3, "\u2009") == 0) return 3;
    return 0;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!digit(i) || (i > 0 && (digit(i - 1) || text[i - 1] == '.' || text[i - 1] == ','))) {
      continue;
    }
    std::size_t end = i;
    while (digit(end)) ++end;
    if (end - i > 3) {
      i = end;
      continue;
    }
    std::string digits = text.substr(i, end - i);
    std::size_t at = end;
    while (true) {
      std::size_t gap = space_len(at);
      if (gap == 0 || !digit(at + gap) || !digit(at + gap + 1) || !digit(at + gap + 2) ||
          digit(at + gap + 3)) {
        break;
      }
      digits += text.substr(at + gap, 3);
      at += gap + 3;
    }
    if (at == end) {
      i = end;
      continue;
    }
    std::string rewritten = digits + std::string(at - i - digits.size(), ' ');
    text.replace(i, at - i, rewritten);
    i = at;
  }
}

// Clock times "9:00" and "9 h 00", "9h00" (spaces may be no-break): written
// "9.00" in place, as Estonian and German write them, so all read alike.
void normalise_times(std::string& text) {
  auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  auto skip_space = [&](std::size_t i) {
    while (true) {
      if (i < text.size() && text[i] == ' ') {
        ++i;
      } else if (text.compare(i, 2, "\u00A0") == 0) {
        i += 2;
      } else if (text.compare(i, 3, "\u202F") == 0) {
        i += 3;
      } else {
        return i;
      }
    }
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!digit(i) || (i > 0 && (digit(i - 1) || text[i - 1] == '.' || text[i - 1] == ':'))) {
      continue;
    }
    std::size_t end = i;
    while (digit(end)) ++end;
    if (end - i > 2) {
      i = end;
      continue;
    }
    std::size_t at = end;
    bool hour_mark = false;
    if (at < text.size() && text[at] == ':') {
      ++at;
    } else {
      std::size_t h = skip_space(at);
      if (h < text.size() && text[h] == 'h') {
        at = skip_space(h + 1);
        hour_mark = true;
      } else {
        i = end;
        continue;
      }
    }
    if (!digit(at) || !digit(at + 1) || digit(at + 2) ||
        (at + 2 < text.size() && std::isalpha(static_cast<unsigned char>(text[at + 2])))) {
      i = end;
      continue;
    }
    if (!hour_mark && at - end != 1) {
      i = end;
      continue;
    }
    std::string rewritten = text.substr(i, end - i) + "." + text.substr(at, 2);
    const std::size_t span = at + 2 - i;
    rewritten += std::string(span - rewritten.size(), ' ');
    text.replace(i, span, rewritten);
    i = at + 1;
  }
}

// Footnote references "[^12]" and definition labels "[^12]:": references
// are kept, both are blanked so their digits are no number.
void take_footnotes(std::string& text, Invariants& out) {
  std::size_t pos = 0;
  while ((pos = text.find("[^", pos)) != std::string::npos) {
    std::size_t end = pos + 2;
    while (end < text.size() && (is_ascii_alnum(text[end]) || text[end] == '-' || text[end] == '_'))
      ++end;
    if (end == pos + 2 || end >= text.size() || text[end] != ']') {
      pos += 2;
      continue;
    }
    const bool definition = end + 1 < text.size() && text[end + 1] == ':';
    if (!definition) out.footnotes.push_back(text.substr(pos + 2, end - pos - 2));
    blank(text, pos, end + 1);
    pos = end + 1;
  }
}

// The edits before the word break, in place.
void prepare(std::string& text, Invariants& out) {
  take_urls(text, out);
  take_emails(text, out);
  take_phones(text, out);
  take_footnotes(text, out);
  normalise_times(text);
  join_digit_groups(text);
}

}  // namespace

Invariants extract_invariants(std::string_view input, std::string_view language) {
  Invariants out;
  std::string text(input);
  prepare(text, out);
  std::vector<TokenSpan> spans;
  token_spans(text, language, spans);
  take_words(text, spans, language, out);
  return out;
}

Invariants extract_invariants(std::string_view input, std::string_view language,
                              std::vector<TokenSpan>& input_spans) {
  input_spans.clear();
  token_spans(input, language, input_spans);
  Invariants out;
  std::string text(input);
  prepare(text, out);
  // Blanking rewrites bytes in place, so the pieces away from what was
  // blanked are those of the text as written.
  take_words(text, token_spans_after_edit(input, input_spans, text, language), language, out);
  return out;
}

namespace {

bool is_language_code(std::string_view s, std::string_view a, std::string_view b) {
  // "en", "fr-FR", "en_US", "fr-fr": one of the two languages, with or
  // without a region.
  for (std::string_view lang : {a, b}) {
    if (lang.empty() || s.size() < lang.size()) continue;
    if (fold_case(s.substr(0, lang.size())) != lang) continue;
    if (s.size() == lang.size()) return true;
    if (s.size() == lang.size() + 3 && (s[lang.size()] == '-' || s[lang.size()] == '_') &&
        std::isalpha(static_cast<unsigned char>(s[lang.size() + 1])) &&
        std::isalpha(static_cast<unsigned char>(s[lang.size() + 2]))) {
      return true;
    }
  }
  return false;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// "report.en.pdf", "report-en.pdf", "report_fr.pdf" → "report.pdf", and a
// language code inside the stem, "app-fr-1.png" → "app-1.png" (screenshots
// numbered per language). The first piece of the stem is never taken: it
// names the file.
std::string without_language_infix(std::string_view name, std::string_view a, std::string_view b) {
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::string(name);
  std::string_view stem = name.substr(0, dot);
  auto is_sep = [](char c) { return c == '.' || c == '-' || c == '_'; };
  std::size_t start = 0;
  while (start < stem.size() && !is_sep(stem[start])) ++start;  // the first piece
  while (start < stem.size()) {
    std::size_t end = start + 1;
    while (end < stem.size() && !is_sep(stem[end])) ++end;
    if (is_language_code(stem.substr(start + 1, end - start - 1), a, b)) {
      return std::string(stem.substr(0, start)) + std::string(stem.substr(end)) +
             std::string(name.substr(dot));
    }
    start = end;
  }
  return std::string(name);
}

}  // namespace

std::string normalise_link(std::string_view link, std::string_view a, std::string_view b) {
  const std::string trimmed = trim(link);
  std::string_view rest = trimmed;
  if (rest.rfind("mailto:", 0) == 0) return fold_case(rest.substr(7));
  bool had_scheme = false;
  for (std::string_view scheme : {"https://", "http://", "//"}) {
    if (rest.size() >= scheme.size() && fold_case(rest.substr(0, scheme.size())) == scheme) {
      rest.remove_prefix(scheme.size());
      had_scheme = true;
      break;
    }
  }
  if (auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  std::string_view query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  // The host: what comes before the first '/' when the link had a scheme or
  // starts with "www.", or looks like a domain.
  std::string host;
  std::string_view path = rest;
  const bool had_host = had_scheme || rest.rfind("www.", 0) == 0;
  if (!rest.empty() && rest[0] != '/' && rest[0] != '.') {
    auto slash = rest.find('/');
    std::string_view first = rest.substr(0, slash);
    if (had_host || first.find('.') != std::string_view::npos) {
      host = fold_case(first);
      path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    }
  }
  bool language_host = false;
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  if (auto dot = host.find('.'); dot != std::string::npos &&
                                 std::count(host.begin(), host.end(), '.') >= 2 &&
                                 is_language_code(std::string_view(host).substr(0, dot), a, b)) {
    host.erase(0, dot + 1);
    language_host = true;
  }
  std::string out = host;
  auto segments = split(path, '/');
  std::size_t kept = 0;
  for (std::size_t k = 0; k < segments.size(); ++k) {
    std::string_view seg = segments[k];
    if (seg.empty() || is_language_code(seg, a, b)) continue;
    if (language_host && kept == 1) break;  // the article title is translated
    out += '/';
    out += k + 1 == segments.size() ? without_language_infix(seg, a, b) : std::string(seg);
    ++kept;
  }
  if (out.empty()) out = "/";
  std::vector<std::string_view> params;
  for (auto p : split(query, '&')) {
    if (p.empty()) continue;
    auto eq = p.find('=');
    std::string key = fold_case(p.substr(0, eq));
    std::string_view value = eq == std::string_view::npos ? std::string_view() : p.substr(eq + 1);
    if ((key == "hl" || key == "lang" || key == "locale" || key == "language" || key == "lng") &&
        is_language_code(value, a, b)) {
      continue;
    }
    params.push_back(p);
  }
  std::sort(params.begin(), params.end());
  for (std::size_t k = 0; k < params.size(); ++k) {
    out += k == 0 ? '?' : '&';
    out += params[k];
  }
  return out;
}

bool is_site_link(std::string_view normalised) {
  return !normalised.empty() && (normalised[0] == '/' || normalised[0] == '.');
}

}  // namespace accord
