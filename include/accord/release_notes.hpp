// Release notes: what changed in each policy document between two
// revisions, per language, with its translation status and when it takes
// effect. Built from a ChangeSet (the source's changes, named in each
// language), the translations' own diffs, the check findings at the newer
// revision, and the source's publication; rendered as Markdown or JSON.
#pragma once

#include <accord/change.hpp>
#include <accord/change_set.hpp>
#include <accord/check.hpp>
#include <accord/history.hpp>
#include <accord/notice.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace accord {

// One changed section, as one language's notes name it.
struct NoteChange {
  NoticeSection section;  // number and title in the notes' language; status, reasons
  bool preamble = false;  // the text before the first heading
  bool substantial = false;
  // True for a change made to the translation alone: its source section did
  // not change between the revisions (a translator's correction). Reasons
  // are then the translation's own, classified in its language.
  bool translation_only = false;
};

// A translation problem at the newer revision, one per rule and section.
struct TranslationIssue {
  std::string rule;    // "untranslated", "outdated" or "missing-section"
  std::string number;  // "" when unnumbered
  std::string title;   // "" for the preamble; the source's title for a missing section
  bool preamble = false;
  int line = 0;         // the first finding's line in the translation
  std::string message;  // the first finding's message (English, as `check` says it)
};

// The notes of one document in one language.
struct LanguageNotes {
  std::string language;                  // ISO 639-1
  std::string file;                      // that language's document, as findings show it
  std::string title;                     // its front matter title at the newer revision
  bool source = false;                   // the source language (no translation status)
  std::vector<NoteChange> changes;       // document order; source changes first
  std::vector<TranslationIssue> issues;  // by line; empty for the source
};

// When the newer version takes effect.
struct Publication {
  enum class State {
    published,    // `accord publish` recorded it (a policy tag or Effective-Date trailer)
    planned,      // not published; a publication date was given
    unpublished,  // not published and no date given
  };
  State state = State::unpublished;
  std::optional<Date> published;  // recorded or given; unset when unknown
  std::optional<Date> effective;  // recorded, or published + period; unset when unknown
  EffectiveSource source = EffectiveSource::commit;  // for published: tag or trailer
  std::string commit;  // the version's commit (40 hex): the one publish tags
};

// The notes of one source document and its translations.
struct DocumentNotes {
  std::string file;             // the source document, as findings show it
  std::string source_language;  // ISO 639-1
  std::string from_commit;      // the revisions, resolved (40 hex)
  std::string to_commit;
  bool substantial = false;             // any substantial change to the source
  std::optional<AppliedPeriod> period;  // the notice period, whether or not it applies
  Publication publication;
  std::vector<LanguageNotes> languages;  // the source first, then its translations
};

struct ReleaseNotes {
  std::string from;  // the revisions as the user named them
  std::string to;
  std::vector<DocumentNotes> documents;
};

// The changes of CHANGES in LANGUAGE (the source's or one of its
// translations'): every source change named in that language
// (ChangeSet::section_in), then, for a translation, the sections of its own
// diff whose aligned source section is unchanged, classified in LANGUAGE with
// KNOWN (translation_only; a section with no source counterpart counts too).
std::vector<NoteChange> note_changes(const ChangeSet& changes, std::string_view language,
                                     const WordChecker& known = {});

// The translation issues among FINDINGS (of check_pair on one pair at the
// newer revision): untranslated, outdated and missing-section findings,
// one per rule and section (the first by line), sorted by line.
std::vector<TranslationIssue> translation_issues(const std::vector<Finding>& findings);

// The publication of the newer version: published when VERSION (the
// document's newest version as of the newer revision, from
// GitDocument::log) has an effective date from a tag or trailer; else planned
// with PUBLISHED + the period (when substantial and a period applies; unset
// effective when substantial and none does), or unpublished when PUBLISHED is
// unset.
Publication publication_of(const Version& version, const std::optional<Date>& published,
                           bool substantial, const std::optional<AppliedPeriod>& period);

// The notes as Markdown: a heading for the revisions, one per document and
// one per language, with the labels, section names, reasons
// (describe_reason) and dates (format_date) in that language for en and et,
// in English for any other.
std::string render_release_notes(const ReleaseNotes& notes);

// `accord notes --format json`, version 1 (schema in docs/cli.md).
nlohmann::ordered_json to_json(const ReleaseNotes& notes);

}  // namespace accord
