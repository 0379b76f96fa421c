// placeholder-mismatch: shortcode arguments, Go template actions and printf
// verbs that a translation must keep as they are.
#include <fmt/format.h>

#include <accord/invariants.hpp>
#include <accord/report.hpp>
#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "check/rules_internal.hpp"
#include "doc/shortcode.hpp"

namespace accord {
namespace {

using json = nlohmann::ordered_json;

// Named shortcode arguments whose values are text to translate.
bool is_text_argument(std::string_view name) {
  for (std::string_view n :
       {"title", "caption", "alt", "text", "label", "description", "summary", "header", "footer",
        "linkTitle", "placeholder", "tooltip", "message", "subtitle", "button"}) {
    if (name == n) return true;
  }
  return false;
}

bool is_identifier(std::string_view v) {
  return !v.empty() && std::none_of(v.begin(), v.end(), [](char c) {
    return c == ' ' || static_cast<unsigned char>(c) >= 0x80;
  });
}

// A shortcode call "{{< name args >}}" / "{{% name args %}}" as compared:
// its name and the arguments that are not text. BODY is what lies between
// the delimiters.
std::string shortcode_signature(std::string_view body, std::string_view source_language,
                                std::string_view target_language) {
  auto args = split_shortcode_arguments(body);
  if (!args || args->empty()) return std::string(trim(body));
  std::string out = (*args)[0].value;
  for (std::size_t k = 1; k < args->size(); ++k) {
    const auto& a = (*args)[k];
    if (!a.name.empty() && is_text_argument(a.name)) continue;
    if (a.name.empty() && !is_identifier(a.value)) continue;  // quoted prose
    std::string value = a.value;
    if (value.find('/') != std::string::npos) {
      value = normalise_link(value, source_language, target_language);
    }
    out +=
        a.name.empty() ? fmt::format(" \"{}\"", value) : fmt::format(" {}=\"{}\"", a.name, value);
  }
  return out;
}

// printf verbs: %s, %d, %5.2f, %1$s, %[1]d, %v.
void take_printf(std::string_view text, std::vector<std::string>& out) {
  static constexpr std::string_view verbs = "sdfiouxXeEgGcqvtTbp";
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != '%') continue;
    if (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '%'))
      continue;
    std::size_t k = i + 1;
    if (k < text.size() && text[k] == '[') {
      while (k < text.size() && text[k] != ']') ++k;
      ++k;
    }
    while (k < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[k])) || text[k] == '$' || text[k] == '.' ||
            text[k] == '-' || text[k] == '+' || text[k] == '#')) {
      ++k;
    }
    if (k >= text.size() || verbs.find(text[k]) == std::string_view::npos) continue;
    if (k + 1 < text.size() && std::isalnum(static_cast<unsigned char>(text[k + 1]))) continue;
    out.emplace_back(text.substr(i, k + 1 - i));
    i = k;
  }
}

struct Placeholder {
  std::string text;
  int line;
};

// The placeholders of a block's Markdown source, in order.
void take_placeholders(const Block& b, const PairInput& in, std::vector<Placeholder>& out) {
  const std::string& src = b.source;
  std::string rest;  // the source with the {{ … }} parts blanked
  std::size_t pos = 0;
  while (pos < src.size()) {
    std::size_t open = src.find("{{", pos);
    if (open == std::string::npos) {
      rest += src.substr(pos);
      break;
    }
    rest += src.substr(pos, open - pos);
    const bool shortcode = open + 2 < src.size() && (src[open + 2] == '<' || src[open + 2] == '%');
    const std::string close_mark =
        shortcode ? std::string(1, src[open + 2] == '<' ? '>' : '%') + "}}" : "}}";
    std::size_t close = src.find(close_mark, open + (shortcode ? 3 : 2));
    if (close == std::string::npos) {
      rest += src.substr(open);
      break;
    }
    std::string_view body = std::string_view(src).substr(open + (shortcode ? 3 : 2),
                                                         close - open - (shortcode ? 3 : 2));
    std::string trimmed = trim(body);
    if (shortcode && !trimmed.empty() && trimmed[0] != '/') {
      out.push_back({fmt::format("{{{{< {} >}}}}", shortcode_signature(trimmed, in.source_language,
                                                                       in.target_language)),
                     b.line});
    } else if (!shortcode && !trimmed.empty()) {
      out.push_back({fmt::format("{{{{ {} }}}}", trimmed), b.line});
    }
    rest += std::string(close + close_mark.size() - open, ' ');
    pos = close + close_mark.size();
  }
  std::vector<std::string> verbs;
  take_printf(rest, verbs);
  for (auto& v : verbs) out.push_back({std::move(v), b.line});
}

// The placeholders of the sections INDICES of DOC, one list per block that
// has any.
std::vector<std::vector<Placeholder>> placeholders(const Document& doc,
                                                   const std::vector<std::size_t>& indices,
                                                   const PairInput& in) {
  std::vector<std::vector<Placeholder>> out;
  for (auto i : indices) {
    for (const auto& b : doc.sections[i].blocks) {
      if (b.kind == BlockKind::code) continue;  // code shows placeholders, it does not fill them
      std::vector<Placeholder> one;
      take_placeholders(b, in, one);
      if (!one.empty()) out.push_back(std::move(one));
    }
  }
  return out;
}

// Items of A not matched in B (multisets), with the line of each.
std::vector<Placeholder> unmatched(const std::vector<Placeholder>& a,
                                   const std::vector<Placeholder>& b) {
  std::map<std::string_view, int> left;
  for (const auto& p : b) ++left[p.text];
  std::vector<Placeholder> out;
  for (const auto& x : a) {
    auto it = left.find(x.text);
    if (it != left.end() && it->second > 0) {
      --it->second;
    } else {
      out.push_back(x);
    }
  }
  return out;
}

std::vector<Placeholder> flat(const std::vector<std::vector<Placeholder>>& v) {
  std::vector<Placeholder> out;
  for (const auto& one : v) out.insert(out.end(), one.begin(), one.end());
  return out;
}

// What differs, block by block when both sides have as many blocks with
// placeholders (so the line named is the block's), else over the sections.
void difference(const std::vector<std::vector<Placeholder>>& s,
                const std::vector<std::vector<Placeholder>>& t, std::vector<Placeholder>& missing,
                std::vector<Placeholder>& extra) {
  const auto all_missing = unmatched(flat(s), flat(t));
  const auto all_extra = unmatched(flat(t), flat(s));
  if (s.size() != t.size() || (all_missing.empty() && all_extra.empty())) {
    missing = all_missing;
    extra = all_extra;
    return;
  }
  for (std::size_t k = 0; k < s.size(); ++k) {
    for (auto& p : unmatched(s[k], t[k])) missing.push_back(std::move(p));
    for (auto& p : unmatched(t[k], s[k])) extra.push_back(std::move(p));
  }
}

std::string listed(const std::vector<Placeholder>& v) {
  if (v.empty()) return "none";
  std::string out;
  for (const auto& p : v) out += (out.empty() ? "" : ", ") + p.text;
  return fmt::format("{} (line {})", out, v.front().line);
}

json texts(const std::vector<Placeholder>& v) {
  json out = json::array();
  for (const auto& p : v) out.push_back(p.text);
  return out;
}

}  // namespace

void check_placeholders(const PairInput& in, const std::vector<AlignedPair>& alignment,
                        std::vector<Finding>& out) {
  for (const auto& p : alignment) {
    if (p.source.empty() || p.target.empty()) continue;
    const auto s = placeholders(in.source, p.source, in);
    const auto t = placeholders(in.target, p.target, in);
    std::vector<Placeholder> missing, extra;
    difference(s, t, missing, extra);
    if (missing.empty() && extra.empty()) continue;
    const Section& target = in.target.sections[p.target.front()];
    const int line = extra.empty() ? target.line : extra.front().line;
    Finding f = make_finding("placeholder-mismatch", in.target_file, line);
    f.section = section_ref(target);
    f.message = fmt::format(
        "placeholders in {} differ from the source: source has {}; target has {}; keep them as "
        "they are",
        describe(target), listed(missing), listed(extra));
    f.evidence = json{{"missing_in_target", texts(missing)},
                      {"extra_in_target", texts(extra)},
                      {"source_line", in.source.sections[p.source.front()].line}};
    out.push_back(std::move(f));
  }
}

}  // namespace accord
