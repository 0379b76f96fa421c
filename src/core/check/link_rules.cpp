// wrong-language-link: links of a translation that lead readers back to the
// source-language pages.
#include <fmt/format.h>

#include <accord/invariants.hpp>
#include <accord/report.hpp>
#include <string_view>
#include <vector>

#include "check/rules_internal.hpp"

namespace accord {
namespace {

using json = nlohmann::ordered_json;

// The path segments of a link inside the site, before any query or
// fragment; empty for a link to another site or an address.
std::vector<std::string> site_path_segments(std::string_view link) {
  std::vector<std::string> out;
  if (link.empty() || (link[0] != '/' && link[0] != '.')) return out;
  if (link.rfind("//", 0) == 0) return out;  // protocol-relative: another host
  link = link.substr(0, link.find_first_of("?#"));
  std::size_t start = 0;
  for (std::size_t i = 0; i <= link.size(); ++i) {
    if (i == link.size() || link[i] == '/') {
      if (i > start) out.emplace_back(link.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// Whether SEGMENT names LANGUAGE: "en", "en-us", "en_GB".
bool names_language(std::string_view segment, std::string_view language) {
  if (segment.size() < language.size()) return false;
  if (fold_case(segment.substr(0, language.size())) != language) return false;
  return segment.size() == language.size() ||
         (segment.size() == language.size() + 3 &&
          (segment[language.size()] == '-' || segment[language.size()] == '_'));
}

bool has_language_segment(std::string_view link, std::string_view language) {
  for (const auto& segment : site_path_segments(link)) {
    if (names_language(segment, language)) return true;
  }
  return false;
}

// Whether the site keeps pages in LANGUAGE under their own path: the
// translation lives in a LANGUAGE folder (content/fr/…), or one of its own
// links already leads to a LANGUAGE page.
bool site_has_language_pages(const PairInput& in) {
  if (has_language_segment("/" + in.target_file, in.target_language)) return true;
  for (const auto& s : in.target.sections) {
    for (const auto& b : s.blocks) {
      for (const auto& url : b.urls) {
        if (has_language_segment(url, in.target_language)) return true;
      }
    }
  }
  return false;
}

}  // namespace

void check_links(const PairInput& in, std::vector<Finding>& out) {
  if (in.source_language == in.target_language || !site_has_language_pages(in)) return;
  const std::string source_name = language_name(in.source_language);
  const std::string target_name = language_name(in.target_language);
  for (const auto& s : in.target.sections) {
    for (const auto& b : s.blocks) {
      for (const auto& url : b.urls) {
        if (!has_language_segment(url, in.source_language)) continue;
        Finding f = make_finding("wrong-language-link", in.target_file, b.line);
        f.section = section_ref(s);
        f.message =
            fmt::format("a link in {} leads to the {} page {}; link the {} page instead ({})",
                        describe(s), source_name, url, target_name,
                        normalise_link(url, in.source_language, in.target_language));
        f.evidence = json{{"url", url},
                          {"page", normalise_link(url, in.source_language, in.target_language)},
                          {"link_language", in.source_language},
                          {"expected_language", in.target_language}};
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace accord
