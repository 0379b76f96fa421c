// The translation rules of `accord check`. Findings are data: every rule
// adds to one list, nothing is thrown for a problem in a document.
#pragma once

#include <accord/align.hpp>
#include <accord/change.hpp>
#include <accord/document.hpp>
#include <accord/langid.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

enum class Severity { note = 0, warning = 1, error = 2 };

// "note", "warning", "error".
std::string_view to_string(Severity severity);

// The severity named S, or nullopt.
std::optional<Severity> parse_severity(std::string_view s);

struct Finding {
  std::string rule;  // stable id, e.g. "untranslated"
  Severity severity = Severity::error;
  std::string file;  // relative to the repository root, '/' separated
  int line = 0;      // 1-based; 0 when the finding is about the whole file
  // {"number": …|null, "title": …|null} of the section concerned, or null.
  nlohmann::ordered_json section;
  std::string message;
  nlohmann::ordered_json evidence = nlohmann::ordered_json::object();
};

// A rule's id, default severity and one-line summary (docs/rules.md has
// the long form).
struct RuleInfo {
  std::string_view id;
  Severity severity;
  std::string_view summary;
};

// Every rule accord knows, in documentation order.
const std::vector<RuleInfo>& rules();

// The default severity of RULE; throws std::out_of_range for an unknown id.
Severity default_severity(std::string_view rule);

// Both documents' histories, for the history rules (history.hpp).
struct PairHistory;

// One translation pair, parsed, with what the rules need to know.
struct PairInput {
  const Document& source;
  const Document& target;
  std::string source_file;  // as shown in findings (relative to the root)
  std::string target_file;
  std::string source_language;
  std::string target_language;
  std::vector<std::string> translatable_keys;
  // Set when the pair is in a git repository: enables the history rules.
  const PairHistory* history = nullptr;
};

// Runs every translation rule on one pair and returns the findings, sorted
// by file and line. LANGID must know both languages.
std::vector<Finding> check_pair(const PairInput& input, const LanguageIdentifier& langid);

// Sorts FINDINGS of several pairs by file and line and drops repeats (same
// rule, file, line and message): a finding about a source document, such as
// notice-violation, is made once for every pair that shares the source.
void merge_findings(std::vector<Finding>& findings);

// The English name of a language code ("et" → "Estonian"), from ICU.
std::string language_name(std::string_view code);

}  // namespace accord
