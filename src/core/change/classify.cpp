// Substantial or editorial: what a change does to the meaning of a text.
#include <fmt/format.h>
#include <unicode/unistr.h>

#include <accord/change.hpp>
#include <accord/invariants.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <dtl/dtl.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "change/link_identity.hpp"
#include "change/stamps.hpp"

namespace accord {
namespace {

struct Tok {
  std::string text;
  bool is_word;
};

std::vector<Tok> tokens_of(std::string_view text, std::string_view language) {
  std::vector<Tok> out;
  for_each_token(text, language, [&](std::string_view piece, std::size_t, bool is_word) {
    out.push_back({std::string(piece), is_word});
  });
  return out;
}

bool is_space_token(const Tok& t) {
  if (t.is_word) return false;
  return t.text == "\u00A0" || std::all_of(t.text.begin(), t.text.end(), [](char c) {
           return c == ' ' || c == '\t' || c == '\n' || c == '\r';
         });
}

// Typographic variants that say the same: curly and straight quotes, the
// dashes, guillemets.
std::string normalise_quotes(std::string_view s) {
  static const std::pair<std::string_view, std::string_view> k_map[] = {
      {"\u201C", "\""}, {"\u201D", "\""}, {"\u201E", "\""}, {"\u00AB", "\""},
      {"\u00BB", "\""}, {"\u2018", "'"},  {"\u2019", "'"},  {"\u201A", "'"},
      {"\u2013", "-"},  {"\u2014", "-"},  {"\u2212", "-"},  {"\u2011", "-"}};
  std::string out(s);
  for (auto [from, to] : k_map) {
    std::size_t pos = 0;
    while ((pos = out.find(from, pos)) != std::string::npos) {
      out.replace(pos, from.size(), to);
      pos += to.size();
    }
  }
  return out;
}

const std::set<std::string, std::less<>>& negations(std::string_view language) {
  static const std::map<std::string, std::set<std::string, std::less<>>, std::less<>> k = {
      {"en",
       {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "don't",
        "doesn't", "won't", "cannot", "can't", "isn't", "aren't", "shouldn't", "mustn't", "n't"}},
      {"et", {"ei", "mitte", "pole", "ega", "ilma", "kunagi", "keegi", "midagi", "ära", "ärge"}},
      {"de",
       {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "niemals", "nie", "ohne", "weder",
        "noch"}},
      {"fi", {"ei", "en", "et", "emme", "ette", "eivät", "ilman", "koskaan"}},
      {"ru", {"не", "нет", "ни", "никогда", "никто", "ничего", "никому", "без", "нельзя"}},
      // Latvian and Lithuanian verbs take "ne-" as a prefix ("nevar",
      // "negali"): see negation_prefix.
      {"lv", {"ne", "nav", "nekad", "neviens", "nekas", "nevienam", "bez", "nedz"}},
      {"lt", {"ne", "nėra", "niekada", "niekas", "niekam", "be", "nei"}},
      {"fr", {"ne", "pas", "jamais", "aucun", "aucune", "sans", "ni", "rien", "non"}},
      {"es",
       {"no", "nunca", "jamás", "ningún", "ninguna", "ninguno", "sin", "ni", "nada", "nadie"}},
      {"sv", {"inte", "ej", "icke", "aldrig", "ingen", "inget", "inga", "utan", "varken"}},
      {"pl", {"nie", "nigdy", "żaden", "żadna", "żadne", "żadnych", "bez", "ani", "nic"}},
  };
  static const std::set<std::string, std::less<>> empty;
  auto it = k.find(language);
  return it == k.end() ? empty : it->second;
}

// The prefix that negates a verb in LANGUAGE ("var" → "nevar"); empty for
// a language that writes negation as a word of its own.
std::string_view negation_prefix(std::string_view language) {
  return language == "lv" || language == "lt" ? "ne" : "";
}

const std::set<std::string, std::less<>>& modals(std::string_view language) {
  static const std::map<std::string, std::set<std::string, std::less<>>, std::less<>> k = {
      {"en",
       {"may", "might", "can", "could", "will", "shall", "must", "should", "would", "required",
        "entitled"}},
      {"et",
       {"võime", "võib", "võivad", "võid", "võite", "peame", "peab", "peavad", "pead", "peate",
        "tohib", "tohime", "tuleb", "saame", "saab", "saavad", "kohustub", "kohustume", "õigus"}},
      {"de",
       {"kann", "können", "darf", "dürfen", "muss", "müssen", "soll", "sollen", "wird", "werden",
        "möchten"}},
      {"fi", {"voi", "voimme", "voivat", "täytyy", "pitää", "on", "saa", "saamme"}},
      {"ru",
       {"может", "можем", "могут", "должен", "должна", "должны", "обязан", "обязаны", "вправе",
        "право", "будет", "будут", "разрешается"}},
      {"lv", {"var", "varam", "drīkst", "drīkstam", "pienākums", "tiesības", "tiks", "būs"}},
      {"lt", {"gali", "galime", "turi", "turime", "privalo", "privalome", "teisė", "bus"}},
      {"fr",
       {"peut", "pouvons", "peuvent", "pourra", "pourrons", "doit", "devons", "doivent", "devra",
        "devrons", "obligatoire", "autorisé"}},
      {"es",
       {"puede", "podemos", "pueden", "podrá", "podremos", "debe", "debemos", "deben", "deberá",
        "obligatorio", "autorizado"}},
      {"sv", {"får", "kan", "kommer", "måste", "ska", "skall", "bör", "skyldig", "skyldiga"}},
      {"pl",
       {"może", "możemy", "mogą", "musi", "musimy", "muszą", "powinien", "powinni", "należy",
        "wolno", "będzie", "będą"}},
  };
  static const std::set<std::string, std::less<>> empty;
  auto it = k.find(language);
  return it == k.end() ? empty : it->second;
}

// A verb negated or un-negated by its prefix within one hunk ("var" removed,
// "nevar" added) counts as a negation word on the side that has the prefix.
void add_prefix_negations(const std::vector<std::string>& removed,
                          const std::vector<std::string>& added, std::string_view prefix,
                          std::vector<std::string>& neg_old, std::vector<std::string>& neg_new) {
  if (prefix.empty()) return;
  auto negates = [&](const std::string& negated, const std::string& plain) {
    return negated.size() > prefix.size() + 1 && negated.compare(0, prefix.size(), prefix) == 0 &&
           std::string_view(negated).substr(prefix.size()) == plain;
  };
  for (const auto& r : removed) {
    for (const auto& a : added) {
      if (negates(a, r)) neg_new.push_back(a);
      if (negates(r, a)) neg_old.push_back(r);
    }
  }
}

std::vector<std::string> minus(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::string join(const std::vector<std::string>& v, std::string_view sep = ", ") {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

void add_reason(Classification& c, std::string kind, std::string old_value, std::string new_value) {
  for (const auto& r : c.reasons) {
    if (r.kind == kind && r.old_value == old_value && r.new_value == new_value) return;
  }
  c.reasons.push_back({std::move(kind), std::move(old_value), std::move(new_value), ""});
}

// Dates: digits joined by '-', '.' or '/' into three parts ("2026-04-09",
// "9.4.2026", "04/09/2026").
std::vector<std::string> dates_in(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  auto digit = [&](std::size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
  while (i < text.size()) {
    if (!digit(i) || (i > 0 && digit(i - 1))) {
      ++i;
      continue;
    }
    std::size_t k = i;
    int parts = 0;
    char sep = 0;
    while (true) {
      std::size_t start = k;
      while (digit(k)) ++k;
      if (k == start) break;
      ++parts;
      if (k < text.size() && (text[k] == '-' || text[k] == '.' || text[k] == '/') && digit(k + 1) &&
          (sep == 0 || sep == text[k]) && parts < 3) {
        sep = text[k];
        ++k;
        continue;
      }
      break;
    }
    if (parts == 3) out.emplace_back(text.substr(i, k - i));
    i = std::max(k, i + 1);
  }
  // Dates with a month name ("9 April 2026", "3. märtsil 2025").
  for (auto& d : stamp::month_dates_in(text)) out.push_back(std::move(d));
  return out;
}

// Invariants that differ: each a substantial reason with both sides.
void invariant_reasons(std::string_view old_text, std::string_view new_text,
                       std::string_view language, Classification& c) {
  auto old_dates = dates_in(old_text), new_dates = dates_in(new_text);
  auto gone_dates = minus(old_dates, new_dates), new_only_dates = minus(new_dates, old_dates);
  if (!gone_dates.empty() || !new_only_dates.empty()) {
    add_reason(c, "date", join(gone_dates), join(new_only_dates));
  }
  // Numbers inside the dates were reported as dates.
  auto strip_dates = [](std::string text, const std::vector<std::string>& dates) {
    for (const auto& d : dates) {
      auto pos = text.find(d);
      if (pos != std::string::npos) text.replace(pos, d.size(), 1, ' ');
    }
    return text;
  };
  Invariants a = extract_invariants(strip_dates(std::string(old_text), old_dates), language);
  Invariants b = extract_invariants(strip_dates(std::string(new_text), new_dates), language);
  auto compare = [&](const char* kind, const std::vector<std::string>& x,
                     const std::vector<std::string>& y) {
    auto gone = minus(x, y), added = minus(y, x);
    if (!gone.empty() || !added.empty()) add_reason(c, kind, join(gone), join(added));
  };
  compare("number", a.numbers, b.numbers);
  compare("email", a.emails, b.emails);
  compare("url", a.urls, b.urls);
  compare("phone", a.phones, b.phones);
  compare("organisation", a.names, b.names);
}

// The sentences of TEXT, each as its folded words: split after '.', '!',
// '?' or ';' followed by a space, and at line ends.
std::vector<std::vector<std::string>> sentences_of(std::string_view text,
                                                   std::string_view language) {
  std::vector<std::vector<std::string>> out;
  std::size_t start = 0;
  auto flush = [&](std::size_t end) {
    std::vector<std::string> words;
    for (const auto& t : tokens_of(text.substr(start, end - start), language)) {
      if (t.is_word) words.push_back(fold_case(normalise_quotes(t.text)));
    }
    if (!words.empty()) out.push_back(std::move(words));
    start = end;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool end = c == '\n' || ((c == '.' || c == '!' || c == '?' || c == ';') &&
                             (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n'));
    if (end) flush(i + 1);
  }
  flush(text.size());
  return out;
}

// Function words that may come and go when a phrase is turned around
// ("Stayfinder's interests" -> "the interests of Stayfinder"). Estonian has
// none: its cases carry what English says with "of".
bool is_function_word(std::string_view w, std::string_view language) {
  if (language != "en") return false;
  return w == "the" || w == "a" || w == "an" || w == "of";
}

// A word without its possessive ending: "stayfinder's" -> "stayfinder".
std::string without_possessive(std::string w) {
  for (std::string_view end : {"'s", "\u2019s", "'", "\u2019"}) {
    if (w.size() > end.size() && w.compare(w.size() - end.size(), end.size(), end) == 0) {
      w.erase(w.size() - end.size());
      break;
    }
  }
  return w;
}

std::vector<std::string> content_words(const std::vector<std::string>& words,
                                       std::string_view language) {
  std::vector<std::string> out;
  for (const auto& w : words) {
    std::string bare = without_possessive(normalise_quotes(w));
    if (!is_function_word(bare, language)) out.push_back(bare);
  }
  return out;
}

// Whether B says what A says with its content words in another order. In
// English word order carries who does what to whom, so only one block of
// words may move past another (A X Y B -> A Y X B: "for X's interests" ->
// "for the interests of X", "With consent, we share" -> "We share … with
// consent"); "X shares with Y" -> "Y shares with X" is not that. In Estonian
// the cases carry it, so any order of the same word forms is the same.
bool is_reordering(const std::vector<std::string>& a, const std::vector<std::string>& b,
                   std::string_view language) {
  auto x = content_words(a, language), y = content_words(b, language);
  if (x.size() != y.size() || x.empty()) return false;
  auto sx = x, sy = y;
  std::sort(sx.begin(), sx.end());
  std::sort(sy.begin(), sy.end());
  if (sx != sy) return false;
  if (x == y) return a != b && language == "en";  // only "of"/"the" changed with the order
  if (language != "en") return true;
  std::size_t p = 0, q = 0;
  while (p < x.size() && x[p] == y[p]) ++p;
  while (q < x.size() - p && x[x.size() - 1 - q] == y[y.size() - 1 - q]) ++q;
  std::vector<std::string> mx(x.begin() + static_cast<long>(p), x.end() - static_cast<long>(q));
  std::vector<std::string> my(y.begin() + static_cast<long>(p), y.end() - static_cast<long>(q));
  for (std::size_t k = 1; k < mx.size(); ++k) {
    std::vector<std::string> r(mx.begin() + static_cast<long>(k), mx.end());
    r.insert(r.end(), mx.begin(), mx.begin() + static_cast<long>(k));
    if (r == my) return true;
  }
  return false;
}

std::string sentence_text(const std::vector<std::string>& words) { return join(words, " "); }

// The same sentences in another order ("moved"), or the same sentences with
// some turned around ("reordered"): editorial. Nothing when any sentence
// says something else.
std::optional<ChangeReason> sentence_shape(std::string_view old_text, std::string_view new_text,
                                           std::string_view language) {
  auto a = sentences_of(old_text, language), b = sentences_of(new_text, language);
  if (a.size() != b.size() || a.empty()) return std::nullopt;
  auto sa = a, sb = b;
  std::sort(sa.begin(), sa.end());
  std::sort(sb.begin(), sb.end());
  if (sa == sb) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i] != b[i]) {
        return ChangeReason{"moved", sentence_text(a[i]), "",
                            "the same sentences in another order"};
      }
    }
    return std::nullopt;
  }
  std::optional<ChangeReason> out;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (!is_reordering(a[i], b[i], language)) return std::nullopt;
    if (!out) {
      out = ChangeReason{"reordered", sentence_text(a[i]), sentence_text(b[i]),
                         "the same content words in another order"};
    }
  }
  return out;
}

bool is_number_word(std::string_view w) {
  return !w.empty() && std::isdigit(static_cast<unsigned char>(w.front()));
}

// URLs written in the text that lead to the same resource as one on the
// other side, written differently: the new one is written as the old one,
// and a "link" reason says what differed.
void same_resource_links(std::string& a, std::string& b, std::vector<ChangeReason>& reasons) {
  auto spans_a = link::urls_in_text(a), spans_b = link::urls_in_text(b);
  std::vector<std::string> ua, ub;
  for (auto s : spans_a) ua.push_back(a.substr(s.offset, s.length));
  for (auto s : spans_b) ub.push_back(b.substr(s.offset, s.length));
  std::vector<bool> used(ub.size(), false);
  std::vector<std::pair<std::size_t, std::string>> rewrites;  // span index in b, new text
  for (const auto& u : ua) {
    if (std::find(ub.begin(), ub.end(), u) != ub.end()) continue;
    std::string canon = link::canonical(u);
    for (std::size_t j = 0; j < ub.size(); ++j) {
      if (used[j] || std::find(ua.begin(), ua.end(), ub[j]) != ua.end()) continue;
      if (link::canonical(ub[j]) != canon) continue;
      used[j] = true;
      rewrites.emplace_back(j, u);
      add_link_reason(reasons, u, ub[j]);
      break;
    }
  }
  std::sort(rewrites.begin(), rewrites.end(),
            [](const auto& x, const auto& y) { return x.first > y.first; });
  for (const auto& [j, text] : rewrites) b.replace(spans_b[j].offset, spans_b[j].length, text);
}

// A line that is only link text and the link destinations `accord log`
// writes after it ("Home <https://x/>", "Products | Pricing </products>
// </pricing>"): at most four words a link, no sentence end.
struct NavLine {
  std::size_t offset = 0, length = 0;
  std::string text;                // the words before the destinations
  std::vector<std::string> sites;  // registrable hosts ("" for relative links)
};

std::optional<NavLine> nav_line(std::string_view line, std::size_t offset) {
  NavLine out{offset, line.size(), "", {}};
  std::string_view rest = line;
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  std::size_t links = 0;
  while (!rest.empty() && rest.back() == '>') {
    auto open = rest.rfind(" <");
    if (open == std::string_view::npos) return std::nullopt;
    std::string_view url = rest.substr(open + 2, rest.size() - open - 3);
    auto p = link::parse(url);
    if (!(p.relative || p.scheme == "http" || p.scheme == "https")) return std::nullopt;
    std::string site;
    if (!p.relative) {
      auto last = p.host.rfind('.');
      auto before =
          last == std::string::npos || last == 0 ? std::string::npos : p.host.rfind('.', last - 1);
      site = before == std::string::npos ? p.host : p.host.substr(before + 1);
    }
    out.sites.push_back(site);
    ++links;
    rest = rest.substr(0, open);
  }
  if (links == 0 || rest.empty()) return std::nullopt;
  char last = rest.back();
  if (last == '.' || last == ':' || last == ';' || last == ',' || last == '?' || last == '!')
    return std::nullopt;
  std::size_t words = 0;
  bool in_word = false;
  for (char ch : rest) {
    bool letter = std::isalnum(static_cast<unsigned char>(ch)) || (ch & 0x80);
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  if (words == 0 || words > 4 * links) return std::nullopt;
  out.text = std::string(rest);
  return out;
}

// Runs of three or more nav lines, all on one site: menus and tables of
// contents as `accord log` sees them.
std::vector<NavLine> chrome_lines(std::string_view text) {
  std::vector<NavLine> out, run;
  std::set<std::string> sites;
  auto flush = [&] {
    std::set<std::string> named;
    for (const auto& s : sites) {
      if (!s.empty()) named.insert(s);
    }
    std::size_t links = 0;
    for (const auto& l : run) links += l.sites.size();
    if ((run.size() >= 3 || links >= 3) && named.size() <= 1) {
      out.insert(out.end(), run.begin(), run.end());
    }
    run.clear();
    sites.clear();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty()) {
      if (auto nav = nav_line(line, start)) {
        sites.insert(nav->sites.begin(), nav->sites.end());
        run.push_back(std::move(*nav));
      } else {
        flush();
      }
    }
    start = end + 1;
  }
  flush();
  return out;
}

// Site chrome taken out of both texts, with a "chrome" reason when it
// differs.
void strip_chrome(std::string& a, std::string& b, std::vector<ChangeReason>& reasons) {
  auto ca = chrome_lines(a), cb = chrome_lines(b);
  if (ca.empty() && cb.empty()) return;
  std::vector<std::string> ta, tb;
  std::string ra, rb;
  auto text_of = [](const std::string& text, const std::vector<NavLine>& lines) {
    std::string out;
    for (const auto& l : lines) out += text.substr(l.offset, l.length) + "\n";
    return out;
  };
  if (text_of(a, ca) == text_of(b, cb)) return;
  for (const auto& l : ca) ta.push_back(l.text);
  for (const auto& l : cb) tb.push_back(l.text);
  reasons.push_back({"chrome", join(minus(ta, tb)), join(minus(tb, ta)),
                     "navigation or table-of-contents links of the site, not the policy"});
  auto cut = [](std::string& text, const std::vector<NavLine>& lines) {
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) text.erase(it->offset, it->length);
  };
  cut(a, ca);
  cut(b, cb);
}

// Stamps ("Last updated: …", "Version …", "Effective date: …") taken out of
// both texts; a changed revision stamp is an editorial "stamp", a changed
// effective date a substantial "date".
void strip_stamps(std::string& a, std::string& b, std::vector<ChangeReason>& reasons) {
  auto sa = stamp::find_stamps(a), sb = stamp::find_stamps(b);
  if (sa.empty() && sb.empty()) return;
  auto values = [](const std::vector<stamp::Stamp>& v, bool effective) {
    std::vector<const stamp::Stamp*> out;
    for (const auto& s : v) {
      if (s.effective == effective) out.push_back(&s);
    }
    return out;
  };
  for (bool effective : {false, true}) {
    auto x = values(sa, effective), y = values(sb, effective);
    for (std::size_t i = 0; i < std::max(x.size(), y.size()); ++i) {
      std::string before = i < x.size() ? x[i]->value : "";
      std::string after = i < y.size() ? y[i]->value : "";
      if (before == after) continue;
      std::string label = i < y.size() ? y[i]->label : x[i]->label;
      if (effective) {
        reasons.push_back(
            {"date", before, after,
             fmt::format("the effective date (\"{}\"): when the policy applies", label)});
      } else {
        reasons.push_back(
            {"stamp", before, after,
             fmt::format("the \"{}\" stamp is metadata, not the effective date", label)});
      }
    }
  }
  auto cut = [](std::string& text, const std::vector<stamp::Stamp>& stamps) {
    for (auto it = stamps.rbegin(); it != stamps.rend(); ++it)
      text.replace(it->offset, it->length, 1, ' ');  // (count, char): no -Wrestrict in GCC 12
  };
  cut(a, sa);
  cut(b, sb);
  // The texts around the stamps compare without the spaces left behind.
  auto squeeze = [](std::string& text) {
    std::string out;
    for (char ch : text) {
      if (ch == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) continue;
      out += ch;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    text = out;
  };
  squeeze(a);
  squeeze(b);
}

}  // namespace

bool is_editorial_kind(std::string_view kind) {
  static const std::set<std::string, std::less<>> k = {
      "whitespace", "punctuation", "case", "quotes", "markup", "renumbering",
      "moved",      "typo",        "link", "stamp",  "chrome", "reordered"};
  return k.count(kind) > 0;
}

void add_link_reason(std::vector<ChangeReason>& reasons, std::string_view old_url,
                     std::string_view new_url) {
  std::string detail = link::difference(old_url, new_url);
  for (auto& r : reasons) {
    if (r.kind != "link") continue;
    if (r.old_value == old_url && r.new_value == new_url) return;
    // One reason for many links that differ the same way ("… (3 links)").
    std::string base = r.detail.substr(0, r.detail.find(" (")), count;
    if (base != detail) continue;
    auto open = r.detail.find(" (");
    int n = open == std::string::npos ? 1 : std::stoi(r.detail.substr(open + 2));
    r.detail = fmt::format("{} ({} links)", base, n + 1);
    return;
  }
  reasons.push_back({"link", std::string(old_url), std::string(new_url), detail});
}

std::string canonical_url(std::string_view url) { return link::canonical(url); }

bool same_resource(std::string_view a, std::string_view b) {
  return link::canonical(a) == link::canonical(b);
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  auto ua =
      icu::UnicodeString::fromUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())));
  auto ub =
      icu::UnicodeString::fromUTF8(icu::StringPiece(b.data(), static_cast<int32_t>(b.size())));
  std::vector<UChar32> x, y;
  for (int32_t i = 0; i < ua.length(); i = ua.moveIndex32(i, 1)) x.push_back(ua.char32At(i));
  for (int32_t i = 0; i < ub.length(); i = ub.moveIndex32(i, 1)) y.push_back(ub.char32At(i));
  if ((x.size() > y.size() ? x.size() - y.size() : y.size() - x.size()) > limit) return limit + 1;
  std::vector<std::size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= y.size(); ++j) {
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[y.size()], limit + 1);
}

namespace {

// Classification of the words of two texts (links and stamps already dealt
// with): identical texts give no reasons.
Classification classify_words(std::string_view old_text, std::string_view new_text,
                              std::string_view language, const WordChecker& known) {
  Classification c;
  if (old_text == new_text) return c;
  auto old_tokens = tokens_of(old_text, language);
  auto new_tokens = tokens_of(new_text, language);

  std::vector<std::string> old_words, new_words, old_exact, new_exact, old_marks, new_marks;
  for (const auto& t : old_tokens) {
    if (t.is_word) {
      old_exact.push_back(t.text);
      old_words.push_back(fold_case(normalise_quotes(t.text)));
    } else if (!is_space_token(t)) {
      old_marks.push_back(t.text);
    }
  }
  for (const auto& t : new_tokens) {
    if (t.is_word) {
      new_exact.push_back(t.text);
      new_words.push_back(fold_case(normalise_quotes(t.text)));
    } else if (!is_space_token(t)) {
      new_marks.push_back(t.text);
    }
  }

  if (old_words == new_words) {
    // The same words: only form changed.
    if (old_exact != new_exact) add_reason(c, "case", "", "");
    if (old_marks != new_marks) {
      std::vector<std::string> a, b;
      for (const auto& m : old_marks) a.push_back(normalise_quotes(m));
      for (const auto& m : new_marks) b.push_back(normalise_quotes(m));
      add_reason(c, a == b ? "quotes" : "punctuation", join(minus(old_marks, new_marks), " "),
                 join(minus(new_marks, old_marks), " "));
    }
    if (c.reasons.empty()) add_reason(c, "whitespace", "", "");
    return c;
  }

  if (auto shape = sentence_shape(old_text, new_text, language)) {
    c.reasons.push_back(std::move(*shape));
    return c;
  }

  invariant_reasons(old_text, new_text, language, c);

  // Hunks of the word diff: runs of removed and added words between equal ones.
  dtl::Diff<std::string, std::vector<std::string>> diff(old_words, new_words);
  diff.onHuge();
  diff.compose();
  struct Hunk {
    std::vector<std::string> removed, added;
    std::vector<long long> removed_at, added_at;  // indices into old/new words
  };
  std::vector<Hunk> hunks;
  Hunk current;
  for (const auto& [word, info] : diff.getSes().getSequence()) {
    if (info.type == dtl::SES_COMMON) {
      if (!current.removed.empty() || !current.added.empty()) hunks.push_back(std::move(current));
      current = Hunk{};
    } else if (info.type == dtl::SES_DELETE) {
      current.removed.push_back(word);
      current.removed_at.push_back(info.beforeIdx - 1);
    } else {
      current.added.push_back(word);
      current.added_at.push_back(info.afterIdx - 1);
    }
  }
  if (!current.removed.empty() || !current.added.empty()) hunks.push_back(std::move(current));

  const auto& neg = negations(language);
  const auto& mod = modals(language);
  for (const auto& h : hunks) {
    auto only_numbers = [](const std::vector<std::string>& v) {
      return std::all_of(v.begin(), v.end(),
                         [](const std::string& w) { return is_number_word(w); });
    };
    if (only_numbers(h.removed) && only_numbers(h.added)) continue;  // reported as invariants
    // A whole sentence (or more) added or removed says so, whatever words
    // it holds.
    if (h.removed.empty() && h.added.size() >= 4) {
      add_reason(c, "added", "", join(h.added, " "));
      continue;
    }
    if (h.added.empty() && h.removed.size() >= 4) {
      add_reason(c, "removed", join(h.removed, " "), "");
      continue;
    }
    std::vector<std::string> neg_old, neg_new, mod_old, mod_new;
    for (const auto& w : h.removed) {
      if (neg.count(w)) neg_old.push_back(w);
      if (mod.count(w)) mod_old.push_back(w);
    }
    for (const auto& w : h.added) {
      if (neg.count(w)) neg_new.push_back(w);
      if (mod.count(w)) mod_new.push_back(w);
    }
    add_prefix_negations(h.removed, h.added, negation_prefix(language), neg_old, neg_new);
    bool explained = false;
    if (minus(neg_old, neg_new) != minus(neg_new, neg_old) || neg_old.size() != neg_new.size()) {
      add_reason(c, "negation", join(neg_old), join(neg_new));
      explained = true;
    }
    if (!mod_old.empty() || !mod_new.empty()) {
      if (mod_old != mod_new) {
        add_reason(c, "modal", join(mod_old), join(mod_new));
        explained = true;
      }
    }
    if (h.removed.size() == 1 && h.added.size() == 1 && known) {
      const std::string& before = old_exact[static_cast<std::size_t>(h.removed_at[0])];
      const std::string& after = new_exact[static_cast<std::size_t>(h.added_at[0])];
      if (!known(before) && known(after) && edit_distance(before, after, 2) <= 2) {
        add_reason(c, "typo", before, after);
        continue;
      }
    }
    if (explained) continue;
    // Invariant-only hunks (a changed name, an e-mail) were reported above.
    bool invariant_hunk =
        !c.reasons.empty() && h.removed.size() <= 2 && h.added.size() <= 2 &&
        std::any_of(c.reasons.begin(), c.reasons.end(), [](const ChangeReason& r) {
          return r.kind == "organisation" || r.kind == "email" || r.kind == "url" ||
                 r.kind == "phone" || r.kind == "number" || r.kind == "date";
        });
    if (invariant_hunk) continue;
    if (h.removed.empty()) {
      add_reason(c, h.added.size() >= 4 ? "added" : "wording", "", join(h.added, " "));
    } else if (h.added.empty()) {
      add_reason(c, h.removed.size() >= 4 ? "removed" : "wording", join(h.removed, " "), "");
    } else {
      add_reason(c, "wording", join(h.removed, " "), join(h.added, " "));
    }
  }

  c.substantial = std::any_of(c.reasons.begin(), c.reasons.end(),
                              [](const ChangeReason& r) { return !is_editorial_kind(r.kind); });
  // A typo fix in a text whose other differences are only form stays editorial.
  if (c.reasons.empty()) add_reason(c, "whitespace", "", "");
  return c;
}

}  // namespace

Classification classify_change(std::string_view old_text, std::string_view new_text,
                               std::string_view language, const WordChecker& known) {
  if (old_text == new_text) return {};
  std::string a(old_text), b(new_text);
  std::vector<ChangeReason> extra;
  strip_chrome(a, b, extra);
  same_resource_links(a, b, extra);
  strip_stamps(a, b, extra);
  Classification c = classify_words(a, b, language, known);
  if (a == b) c.reasons.clear();
  for (auto& r : extra) {
    if (!is_editorial_kind(r.kind)) c.substantial = true;
    bool seen = std::any_of(c.reasons.begin(), c.reasons.end(), [&](const ChangeReason& x) {
      return x.kind == r.kind && x.old_value == r.old_value && x.new_value == r.new_value;
    });
    if (!seen) c.reasons.push_back(std::move(r));
  }
  if (c.reasons.empty()) c.reasons.push_back({"whitespace", "", "", ""});
  return c;
}

nlohmann::ordered_json reasons_json(const Classification& classification) {
  using json = nlohmann::ordered_json;
  json out = json::array();
  for (const auto& r : classification.reasons) {
    json j{{"kind", r.kind}};
    j["old"] = r.old_value.empty() ? json(nullptr) : json(r.old_value);
    j["new"] = r.new_value.empty() ? json(nullptr) : json(r.new_value);
    if (!r.detail.empty()) j["detail"] = r.detail;
    out.push_back(j);
  }
  return out;
}

std::string to_string(const ChangeReason& r) {
  std::string out;
  if (r.old_value.empty() && r.new_value.empty()) {
    out = r.kind;
  } else if (r.old_value.empty()) {
    out = fmt::format("{}: +{}", r.kind, r.new_value);
  } else if (r.new_value.empty()) {
    out = fmt::format("{}: -{}", r.kind, r.old_value);
  } else {
    out = fmt::format("{}: {} -> {}", r.kind, r.old_value, r.new_value);
  }
  if (!r.detail.empty()) out += " (" + r.detail + ")";
  return out;
}

}  // namespace accord
