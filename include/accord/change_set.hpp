// A change set: one source document between two revisions, with its
// translations at the same two revisions. The source's section diff is the
// policy's change; each translation names the changed sections in its own
// language. Shared by `accord notice` and `accord notes`.
#pragma once

#include <accord/change.hpp>
#include <accord/document.hpp>
#include <accord/notice.hpp>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

// One document, in one language, at the two revisions compared.
struct DocumentVersions {
  std::string language;  // ISO 639-1
  Document before;       // at the older revision
  Document after;        // at the newer revision
};

// The front matter `title` of DOC, or DOC.file when it has none.
std::string document_title(const Document& doc);

// The source document's diff, and its translations to name sections with.
// Owns its documents; not copyable cheaply, move it.
class ChangeSet {
 public:
  // Diffs SOURCE.before against SOURCE.after (diff_documents, with KNOWN to
  // tell typo fixes in the source language) and aligns each translation's
  // versions with the source's (align_sections) once, for section_in().
  ChangeSet(DocumentVersions source, std::vector<DocumentVersions> translations,
            const WordChecker& known = {});

  const DocumentVersions& source() const { return m_source; }
  const std::vector<DocumentVersions>& translations() const { return m_translations; }
  // The source's changed sections, in document order.
  const std::vector<SectionDiff>& diffs() const { return m_diffs; }
  // Whether any change is substantial.
  bool substantial() const;
  // The translation in LANGUAGE, or nullptr (also for the source language).
  const DocumentVersions* translation(std::string_view language) const;

  // DIFF (one of diffs()) as LANGUAGE names it: the number and title of the
  // aligned section of that language's document (the newer version, or the
  // older for a removed section); the source's own when LANGUAGE is the
  // source's, has no translation here, or has no counterpart section.
  // Reasons and status are the source's.
  NoticeSection section_in(const SectionDiff& diff, std::string_view language) const;

  // Source section index → LANGUAGE's section index, in the newer versions
  // (AFTER = true) or the older ones; empty for a language with no
  // translation here.
  const std::map<std::size_t, std::size_t>& counterparts(std::string_view language,
                                                         bool after) const;

 private:
  DocumentVersions m_source;
  std::vector<DocumentVersions> m_translations;
  std::vector<SectionDiff> m_diffs;
  // Per translation (same order): counterparts before, after.
  std::vector<std::map<std::size_t, std::size_t>> m_before;
  std::vector<std::map<std::size_t, std::size_t>> m_after;
};

// Where the notice period that applies came from.
enum class PeriodOrigin {
  option,       // a command-line override (--notice-days)
  config,       // accord.toml's notice_days
  old_version,  // stated by the older version (it is the longer)
  new_version,  // stated by the newer version
};

// "option", "config", "old_version", "new_version".
std::string_view to_string(PeriodOrigin origin);

struct AppliedPeriod {
  NoticePeriod period;
  PeriodOrigin origin = PeriodOrigin::new_version;
};

// The notice period for a change from BEFORE to AFTER (both in LANGUAGE):
// OPTION_DAYS when set, else CONFIG_DAYS, else the longer of the periods the
// two versions state (find_notice_period; the newer one on a tie). A
// configured period is in days, with line 0 and no phrase. nullopt when none
// is set and neither version states one.
std::optional<AppliedPeriod> applicable_notice_period(const Document& before, const Document& after,
                                                      std::string_view language,
                                                      std::optional<int> option_days,
                                                      std::optional<int> config_days);

}  // namespace accord
