// Link identity: whether two URLs lead to the same resource. The judgement
// (docs/rules.md, "Links"): the scheme (http/https), "www." and a staging
// host label, the fragment, the order of query parameters and their
// separator ('&' or ';'), a trailing '/', percent-encoding, and a redirect
// wrapper around the real destination do not change the resource; neither
// do query parameters that track a visit or a session, known by their names
// (utm_*, gclid, fbclid, sid, aid, label, ref, origin, session ids, …) or,
// for names that do not identify a page, by their values' shape (UUIDs,
// hex hashes, timestamps, long random tokens). The path, the host's
// registrable part and every other parameter identify the resource.
#include "change/link_identity.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace accord::link {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding; '+' stays (it is a space only in form encoding).
std::string decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Names of parameters that track a visit, a campaign, a referrer or a
// session, as seen in the links of scraped policy pages (Open Terms
// Archive's histories: Booking.com's aid/label/sid, Meta's l.php h= and
// entry_point, OpenAI's *-did, Optimizely, HubSpot, Google Analytics).
constexpr std::array<std::string_view, 52> k_tracking_names = {
    "gclid",     "dclid",       "fbclid",
    "msclkid",   "gbraid",      "wbraid",
    "yclid",     "twclid",      "ttclid",
    "li_fat_id", "igshid",      "mc_cid",
    "mc_eid",    "_ga",         "_gl",
    "_hsenc",    "_hsmi",       "__hstc",
    "__hssc",    "__hsfp",      "hsctatracking",
    "mkt_tok",   "trk",         "trkinfo",
    "spm",       "scm",         "ref",
    "ref_src",   "ref_url",     "referrer",
    "referer",   "source",      "src",
    "origin",    "entry_point", "entrypoint",
    "cmp",       "campaign",    "aid",
    "sid",       "label",       "session",
    "sessionid", "session_id",  "jsessionid",
    "phpsessid", "sessid",      "s_kwcid",
    "ef_id",     "rb_clickid",  "_branch_match_id",
    "soc_src"};

constexpr std::array<std::string_view, 10> k_tracking_prefixes = {
    "utm_", "pk_", "mtm_", "piwik_", "matomo_", "hsa_", "optimizely", "__hs", "_hs", "oly_"};

// Names that say which page or which part of a site is meant: their values
// identify the resource whatever they look like.
constexpr std::array<std::string_view, 24> k_identifying_names = {
    "id",      "page",      "p",    "doc",    "document", "docid",    "file",    "path",
    "article", "articleid", "post", "slug",   "topic",    "category", "section", "q",
    "query",   "lang",      "hl",   "locale", "language", "country",  "region",  "type"};

bool is_tracking_name(std::string_view name) {
  std::string n = lower(name);
  if (std::find(k_tracking_names.begin(), k_tracking_names.end(), n) != k_tracking_names.end())
    return true;
  for (auto p : k_tracking_prefixes) {
    if (starts_with(n, p)) return true;
  }
  // A device or visitor id: "openaicom-did", "x_did", "visitor_id".
  for (std::string_view suffix : {"-did", "_did", "visitor_id", "user_id", "client_id", "-ts"}) {
    if (n.size() > suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  }
  return false;
}

bool is_identifying_name(std::string_view name) {
  std::string n = lower(name);
  return std::find(k_identifying_names.begin(), k_identifying_names.end(), n) !=
         k_identifying_names.end();
}

bool is_uuid(std::string_view v) {
  if (v.size() != 36) return false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? v[i] != '-' : hex_value(v[i]) < 0) return false;
  }
  return true;
}

}  // namespace

// A value no one would type: a UUID, a hex hash of 16 or more digits, a
// timestamp of 10 or more digits, or a token of 20 or more letters, digits
// and -_.* with both letters and digits.
bool is_token_value(std::string_view v) {
  if (is_uuid(v)) return true;
  if (v.size() >= 16 && std::all_of(v.begin(), v.end(), [](char c) { return hex_value(c) >= 0; }))
    return true;
  if (v.size() >= 10 &&
      std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return true;
  if (v.size() < 20) return false;
  bool letters = false, digits = false;
  for (char c : v) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      letters = true;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      digits = true;
    } else if (c != '-' && c != '_' && c != '.' && c != '*' && c != '=') {
      return false;
    }
  }
  return letters && digits;
}

bool is_noise_parameter(std::string_view name, std::string_view value) {
  if (is_tracking_name(name)) return true;
  if (is_identifying_name(name)) return false;
  return is_token_value(value);
}

namespace {

// Host labels that name a pre-release copy of the same site. "dev" and
// "beta" are left out: dev.example.com is often a developer portal with its
// own terms.
constexpr std::array<std::string_view, 6> k_staging_labels = {"staging", "stage", "stg",
                                                              "preprod", "uat",   "qa"};

bool is_staging_part(std::string_view part) {
  return std::find(k_staging_labels.begin(), k_staging_labels.end(), part) !=
         k_staging_labels.end();
}

// "www.", a staging label ("staging.x.com") or part ("trust-staging.x.com")
// dropped from the labels in front of the registrable two.
std::string production_host(std::string host) {
  std::vector<std::string> labels;
  std::size_t start = 0;
  while (true) {
    auto dot = host.find('.', start);
    labels.push_back(host.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i + 2 >= labels.size()) {
      kept.push_back(labels[i]);
      continue;
    }
    std::string label;
    std::size_t s = 0;
    const std::string& l = labels[i];
    while (true) {
      auto dash = l.find('-', s);
      std::string part = l.substr(s, dash - s);
      if (!is_staging_part(part) && !(i == 0 && part == "www")) {
        label += (label.empty() ? "" : "-") + part;
      }
      if (dash == std::string::npos) break;
      s = dash + 1;
    }
    if (!label.empty()) kept.push_back(label);
  }
  std::string out;
  for (const auto& k : kept) out += (out.empty() ? "" : ".") + k;
  return out;
}

// Path segments (lower-cased) of redirect wrappers, and the parameters that
// carry the real destination.
constexpr std::array<std::string_view, 10> k_redirect_paths = {
    "l.php", "lm.php", "url", "redirect", "out", "link", "away", "r", "click", "goto"};
constexpr std::array<std::string_view, 8> k_redirect_params = {
    "u", "url", "q", "target", "dest", "destination", "to", "redirect"};

std::vector<std::pair<std::string, std::string>> parse_query(std::string_view q) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= q.size()) {
    std::size_t end = q.find_first_of("&;", start);
    if (end == std::string_view::npos) end = q.size();
    std::string_view item = q.substr(start, end - start);
    if (!item.empty()) {
      auto eq = item.find('=');
      std::string name = decode(item.substr(0, eq));
      std::string value = eq == std::string_view::npos ? "" : decode(item.substr(eq + 1));
      out.emplace_back(std::move(name), std::move(value));
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

Parts parse(std::string_view url) {
  Parts p;
  std::string_view s = url;
  while (!s.empty() && (s.front() == ' ' || s.front() == '<')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '>')) s.remove_suffix(1);
  if (auto hash = s.find('#'); hash != std::string_view::npos) {
    p.fragment = std::string(s.substr(hash + 1));
    s = s.substr(0, hash);
  }
  std::string l = lower(s.substr(0, 8));
  if (starts_with(l, "mailto:") || starts_with(l, "tel:")) {
    p.scheme = l.substr(0, l.find(':'));
    p.path = lower(s.substr(p.scheme.size() + 1));
    if (p.scheme == "tel") {
      std::string digits;
      for (char c : p.path) {
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '+') digits += c;
      }
      p.path = digits;
    }
    return p;
  }
  std::string_view rest = s;
  if (auto colon = s.find("://"); colon != std::string_view::npos && colon < 10) {
    p.scheme = lower(s.substr(0, colon));
    rest = s.substr(colon + 3);
  } else if (starts_with(s, "//")) {
    rest = s.substr(2);
  } else if (starts_with(l, "www.")) {
    // A bare "www.x.com/…" as written in running text.
  } else {
    rest = {};
    p.relative = true;
  }
  std::string_view path_query = s;
  if (!p.relative) {
    auto slash = rest.find_first_of("/?");
    std::string_view host = rest.substr(0, slash);
    path_query = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
    if (auto at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
    p.host = lower(host);
    if (auto colon = p.host.rfind(':'); colon != std::string::npos) {
      std::string port = p.host.substr(colon + 1);
      if (port == "80" || port == "443") p.host.erase(colon);
    }
  }
  auto qmark = path_query.find('?');
  std::string_view path = path_query.substr(0, qmark);
  if (qmark != std::string_view::npos) p.query = parse_query(path_query.substr(qmark + 1));
  // Path parameters: ";jsessionid=…" after a segment.
  std::string decoded = decode(path);
  std::string clean;
  std::size_t i = 0;
  while (i < decoded.size()) {
    if (decoded[i] == ';') {
      std::size_t end = decoded.find('/', i);
      std::string_view param = std::string_view(decoded).substr(i + 1, end - i - 1);
      auto eq = param.find('=');
      p.path_params.emplace_back(
          std::string(param.substr(0, eq)),
          eq == std::string_view::npos ? "" : std::string(param.substr(eq + 1)));
      i = end == std::string::npos ? decoded.size() : end;
      continue;
    }
    clean += decoded[i++];
  }
  while (clean.size() > 1 && clean.back() == '/') clean.pop_back();
  if (clean.empty() && !p.relative) clean = "/";
  p.path = clean;
  return p;
}

namespace {

std::string last_segment(const std::string& path) {
  auto slash = path.rfind('/');
  return lower(slash == std::string::npos ? path : path.substr(slash + 1));
}

}  // namespace

std::optional<std::string> redirect_target(const Parts& p) {
  if (p.relative || p.host.empty()) return std::nullopt;
  std::string seg = last_segment(p.path);
  if (std::find(k_redirect_paths.begin(), k_redirect_paths.end(), seg) == k_redirect_paths.end())
    return std::nullopt;
  for (const auto& [name, value] : p.query) {
    std::string n = lower(name);
    if (std::find(k_redirect_params.begin(), k_redirect_params.end(), n) == k_redirect_params.end())
      continue;
    std::string v = lower(value.substr(0, 8));
    if (starts_with(v, "http://") || starts_with(v, "https://")) return value;
  }
  return std::nullopt;
}

std::string canonical(std::string_view url) {
  Parts p = parse(url);
  for (int depth = 0; depth < 4; ++depth) {
    auto target = redirect_target(p);
    if (!target) break;
    p = parse(*target);
  }
  if (p.scheme == "mailto" || p.scheme == "tel") return p.scheme + ":" + p.path;
  std::string out;
  if (!p.relative) {
    std::string scheme = p.scheme == "http" || p.scheme.empty() ? "https" : p.scheme;
    out = scheme + "://" + production_host(p.host);
  }
  out += p.path;
  std::vector<std::string> kept;
  for (const auto& [name, value] : p.query) {
    if (!is_noise_parameter(name, value)) kept.push_back(name + "=" + value);
  }
  for (const auto& [name, value] : p.path_params) {
    if (!is_noise_parameter(name, value)) kept.push_back(";" + name + "=" + value);
  }
  std::sort(kept.begin(), kept.end());
  for (std::size_t i = 0; i < kept.size(); ++i) out += (i == 0 ? "?" : "&") + kept[i];
  if (out.empty()) out = "#";  // a link to a place in this same page
  return out;
}

std::string difference(std::string_view a, std::string_view b) {
  Parts x = parse(a), y = parse(b);
  std::vector<std::string> what;
  auto tx = redirect_target(x), ty = redirect_target(y);
  if (tx.has_value() != ty.has_value() || (tx && ty && x.query != y.query)) {
    what.emplace_back("redirect wrapper");
  }
  if (tx) x = parse(*tx);
  if (ty) y = parse(*ty);
  if (x.scheme != y.scheme && !x.scheme.empty() && !y.scheme.empty()) {
    what.push_back(x.scheme + " -> " + y.scheme);
  }
  if (x.host != y.host) what.push_back("host " + x.host + " -> " + y.host);
  if (x.path != y.path) what.emplace_back("path spelling");
  std::vector<std::string> params;
  auto value_of = [](const Parts& p, const std::string& name) -> std::optional<std::string> {
    for (const auto& [n, v] : p.query) {
      if (n == name) return v;
    }
    for (const auto& [n, v] : p.path_params) {
      if (n == name) return v;
    }
    return std::nullopt;
  };
  auto note = [&](const Parts& from, const Parts& to) {
    auto all = from.query;
    all.insert(all.end(), from.path_params.begin(), from.path_params.end());
    for (const auto& [n, v] : all) {
      if (value_of(to, n) == v) continue;
      if (std::find(params.begin(), params.end(), n) == params.end()) params.push_back(n);
    }
  };
  note(x, y);
  note(y, x);
  if (!params.empty()) {
    std::string list;
    for (const auto& n : params) list += (list.empty() ? "" : ", ") + n;
    what.push_back((params.size() == 1 ? "tracking or session parameter "
                                       : "tracking or session parameters ") +
                   list);
  } else if (x.query != y.query) {
    what.emplace_back("parameter order or separator");
  }
  if (x.fragment != y.fragment) what.emplace_back("fragment");
  if (what.empty()) what.emplace_back("spelling of the same address");
  std::string out = "same resource: ";
  for (std::size_t i = 0; i < what.size(); ++i) out += (i == 0 ? "" : "; ") + what[i];
  return out;
}

std::vector<Span> urls_in_text(std::string_view text) {
  std::vector<Span> out;
  // "<#content>", "</pricing>": a link's destination as `accord log` writes
  // it after the text.
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    if (at + 1 >= text.size() || (text[at + 1] != '#' && text[at + 1] != '/')) continue;
    auto close = text.find('>', at);
    if (close == std::string_view::npos) break;
    std::string_view inner = text.substr(at + 1, close - at - 1);
    if (inner.find(' ') != std::string_view::npos || inner.empty()) continue;
    out.push_back({at + 1, inner.size()});
  }
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = std::string_view::npos;
    for (std::string_view p : {"https://", "http://", "www."}) {
      auto pos = text.find(p, i);
      if (pos != std::string_view::npos && pos < start) start = pos;
    }
    if (start == std::string_view::npos) break;
    // "www." inside a word ("awww.") is not a URL.
    if (start > 0 && (std::isalnum(static_cast<unsigned char>(text[start - 1])) ||
                      text[start - 1] == '/' || text[start - 1] == '.')) {
      i = start + 1;
      continue;
    }
    std::size_t end = start;
    while (end < text.size()) {
      char c = text[end];
      if (c == ' ' || c == '\n' || c == '\t' || c == '<' || c == '>' || c == '"' || c == '`' ||
          c == ')' || c == ']' || c == '\'')
        break;
      ++end;
    }
    while (end > start && std::string_view(".,;:!?").find(text[end - 1]) != std::string_view::npos)
      --end;
    if (end - start > 8) out.push_back({start, end - start});
    i = std::max(end, start + 1);
  }
  std::sort(out.begin(), out.end(), [](Span a, Span b) { return a.offset < b.offset; });
  return out;
}

}  // namespace accord::link
