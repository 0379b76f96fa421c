#include <unicode/locid.h>

#include <accord/check.hpp>
#include <algorithm>
#include <stdexcept>

#include "check/rules_internal.hpp"

namespace accord {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "note") return Severity::note;
  if (s == "warning") return Severity::warning;
  if (s == "error") return Severity::error;
  return std::nullopt;
}

const std::vector<RuleInfo>& rules() {
  static const std::vector<RuleInfo> table = {
      {"untranslated", Severity::error, "A target section or block is in the source language."},
      {"untranslated-front-matter", Severity::error,
       "A translatable front-matter value is identical to the source or in the source language."},
      {"missing-section", Severity::error, "A source section has no counterpart in the target."},
      {"extra-section", Severity::error, "A target section has no counterpart in the source."},
      {"invariant-mismatch", Severity::error,
       "Numbers, durations, e-mails, URLs, phone numbers or organisation names differ between "
       "aligned sections."},
      {"structure-mismatch", Severity::warning,
       "List items, tables or code blocks differ in count, or the block count differs beyond "
       "what translation explains."},
      {"length-ratio", Severity::warning,
       "An aligned section's length ratio is outside the band for the language pair."},
      {"front-matter-mismatch", Severity::warning,
       "A non-translatable front-matter key (ogImage, date, weight, …) differs."},
      {"outdated", Severity::error,
       "The source section changed substantially after the translation was last touched or "
       "reviewed."},
      {"history-truncated", Severity::warning,
       "The repository is a shallow clone: history rules see only part of the history."},
      {"notice-violation", Severity::error,
       "A published version with substantial changes takes effect before the promised notice "
       "period has run out."},
      {"wrong-language-link", Severity::warning,
       "A link in the translation leads to the source-language page of the site."},
      {"placeholder-mismatch", Severity::error,
       "Shortcode arguments, template actions or printf verbs differ between aligned "
       "sections."},
  };
  return table;
}

Severity default_severity(std::string_view rule) {
  for (const auto& r : rules()) {
    if (r.id == rule) return r.severity;
  }
  throw std::out_of_range("unknown rule id");
}

std::string language_name(std::string_view code) {
  icu::Locale locale(std::string(code).c_str());
  icu::UnicodeString name;
  locale.getDisplayLanguage(icu::Locale::getEnglish(), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? std::string(code) : out;
}

std::vector<Finding> check_pair(const PairInput& input, const LanguageIdentifier& langid) {
  std::vector<Finding> findings;
  AlignOptions options;
  options.source_language = input.source_language;
  options.target_language = input.target_language;
  const SectionAlignment aligned =
      align_sections_with_invariants(input.source, input.target, options);
  const std::vector<AlignedPair>& alignment = aligned.pairs;
  check_untranslated(input, alignment, langid, findings);
  check_front_matter(input, langid, findings);
  check_alignment(input, aligned, findings);
  check_links(input, findings);
  check_placeholders(input, alignment, findings);
  if (input.history) check_history(input, alignment, findings);
  if (input.history) check_notice(input, findings);
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });
  return findings;
}

void merge_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });
  std::vector<Finding> merged;
  merged.reserve(findings.size());
  for (auto& f : findings) {
    // Repeats are equal in file and line, so they sit in the same run.
    bool repeat = false;
    for (auto it = merged.rbegin(); it != merged.rend() && it->file == f.file && it->line == f.line;
         ++it) {
      if (it->rule == f.rule && it->message == f.message) {
        repeat = true;
        break;
      }
    }
    if (!repeat) merged.push_back(std::move(f));
  }
  findings = std::move(merged);
}

}  // namespace accord
