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
#include <set>

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
  };
  static const std::set<std::string, std::less<>> empty;
  auto it = k.find(language);
  return it == k.end() ? empty : it->second;
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
  };
  static const std::set<std::string, std::less<>> empty;
  auto it = k.find(language);
  return it == k.end() ? empty : it->second;
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
  c.reasons.push_back({std::move(kind), std::move(old_value), std::move(new_value)});
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

bool is_number_word(std::string_view w) {
  return !w.empty() && std::isdigit(static_cast<unsigned char>(w.front()));
}

}  // namespace

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

Classification classify_change(std::string_view old_text, std::string_view new_text,
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

  c.substantial = std::any_of(c.reasons.begin(), c.reasons.end(), [](const ChangeReason& r) {
    return r.kind != "typo" && r.kind != "case" && r.kind != "punctuation" && r.kind != "quotes" &&
           r.kind != "whitespace";
  });
  // A typo fix in a text whose other differences are only form stays editorial.
  if (c.reasons.empty()) add_reason(c, "whitespace", "", "");
  return c;
}

nlohmann::ordered_json reasons_json(const Classification& classification) {
  using json = nlohmann::ordered_json;
  json out = json::array();
  for (const auto& r : classification.reasons) {
    json j{{"kind", r.kind}};
    j["old"] = r.old_value.empty() ? json(nullptr) : json(r.old_value);
    j["new"] = r.new_value.empty() ? json(nullptr) : json(r.new_value);
    out.push_back(j);
  }
  return out;
}

std::string to_string(const ChangeReason& r) {
  if (r.old_value.empty() && r.new_value.empty()) return r.kind;
  if (r.old_value.empty()) return fmt::format("{}: +{}", r.kind, r.new_value);
  if (r.new_value.empty()) return fmt::format("{}: -{}", r.kind, r.old_value);
  return fmt::format("{}: {} -> {}", r.kind, r.old_value, r.new_value);
}

}  // namespace accord
