// History: the versions of one document in git, read through libgit2 only.
// A version is a commit whose blob at the document's path differs from the
// blob in every parent; renames (`git mv`) are followed. Each version has an
// effective date, the section changes against its first parent, and the
// section-level blame built on them.
#pragma once

#include <accord/change.hpp>
#include <accord/date.hpp>
#include <accord/error.hpp>
#include <compare>
#include <cstddef>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord {

// Where a version's effective date came from, in order of precedence.
enum class EffectiveSource {
  trailer,  // the commit message's `Effective-Date: YYYY-MM-DD` trailer
  tag,      // an annotated tag policy/<path>/<date> whose message has one
  commit,   // the commit date, in the committer's time zone
};

// "trailer", "tag" or "commit".
std::string_view to_string(EffectiveSource source);

// The tag name `accord publish` gives a version of the document at PATH (the
// path relative to the repository root, '/'-separated) effective on DATE:
// "policy/<path>/<YYYY-MM-DD>". History reads tags by this name only.
std::string policy_tag_name(std::string_view path, const Date& date);

// A commit's author or committer.
struct Person {
  std::string name;
  std::string email;
  long long time = 0;      // seconds since the epoch
  int offset_minutes = 0;  // the person's UTC offset when they committed

  // "YYYY-MM-DDTHH:MM:SS+HH:MM" in the person's own time zone.
  std::string iso_time() const;
  // The calendar day of `time` in the person's own time zone.
  Date local_date() const;
};

// The commit a version (or a blame entry) points at.
struct CommitInfo {
  std::string id;  // 40 hex digits
  Person author;
  Person committer;
  std::string summary;  // the message's first line
  Date effective_date;
  EffectiveSource effective_source = EffectiveSource::commit;
  // The publication date `accord publish` recorded: the `Published:` line of
  // the policy tag that gave effective_date, or the commit's `Published:`
  // trailer when an `Effective-Date:` trailer gave it. nullopt otherwise
  // (and for a malformed date).
  std::optional<Date> published;
  // Section numbers the message's `Accord-Reviewed: 6, 8` trailer names
  // ("all" for every section): a translator checked them against the
  // source in this commit without having to edit them.
  std::vector<std::string> reviewed;
};

enum class SectionStatus { added, removed, changed };

// "added", "removed" or "changed".
std::string_view to_string(SectionStatus status);

// One section that differs between a version and its first parent. Sections
// are matched by number + title (the n-th duplicate with the n-th) and
// compared by their blocks' normalised text (Block::text, or the source with
// white space collapsed for code/HTML, plus link URLs), so markup-only edits
// are not changes.
//
// Classified (classify_change of old_text and new_text) when the caller
// asks for it with ClassifyOptions.
struct SectionChange {
  std::string number;     // "" when unnumbered
  std::string title;      // "" for the preamble
  bool preamble = false;  // the text before the first heading
  SectionStatus status = SectionStatus::changed;
  std::string old_text;                          // normalised text before; "" when added
  std::string new_text;                          // normalised text after; "" when removed
  std::optional<Classification> classification;  // substantial or editorial, with reasons
};

// How log and blame tell a substantial change from an editorial one: the
// change classifier in the document's language.
struct ClassifyOptions {
  std::string language;  // ISO 639-1, e.g. "en"
  WordChecker known;     // spelling, to recognise typo fixes; may be empty
};

// One version of the document.
struct Version {
  CommitInfo commit;
  std::string path;          // the document's path at this commit (repo-relative)
  std::string renamed_from;  // the path in the first parent when this commit renamed it
  std::string blob;          // 40 hex digits
  // Sections that differ from the first parent's version; every section
  // "added" for the first version. Empty when changes were not asked for.
  std::vector<SectionChange> changes;
  // Set when this version or its parent does not parse (bad front matter,
  // invalid UTF-8 back then): changes is empty and this says why.
  std::optional<Failure> unreadable;
  // Set on the oldest commit of a shallow clone: its parents are missing, so
  // this state may be older than the commit and its changes are unknown
  // (changes is empty).
  bool at_truncation = false;
  // Set when LogOptions::more_changes said no more were needed: changes
  // were not computed for this version (changes is empty).
  bool changes_skipped = false;
};

// How far a shallow clone's history goes.
struct Truncation {
  std::string oldest_commit;  // the oldest commit available (40 hex)
  Date oldest_date;           // its commit date, committer's time zone
  // "history is truncated (shallow clone): it goes back only to commit
  // 0123456789ab of 2024-01-02; run `git fetch --unshallow` for the rest".
  std::string message() const;
};

// Called now and then during a walk with the commits visited so far and the
// total (0 while still counting). Must not throw.
using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

struct LogOptions {
  std::string rev = "HEAD";   // where the walk starts
  bool with_changes = true;   // compute Version::changes (reads and parses blobs)
  ProgressCallback progress;  // may be empty
  // Classify each change (SectionChange::classification); needs with_changes.
  std::optional<ClassifyOptions> classify;
  // Called with each version, newest first, once its changes are known; when
  // it returns false, older versions get no changes (Version::changes_skipped),
  // which saves reading and parsing them. Empty: changes for every version.
  std::function<bool(const Version&)> more_changes;
};

// The versions of a document, newest first.
struct History {
  std::string repository;  // the work tree's root, absolute
  std::string path;        // the document's path at rev, repo-relative
  std::string rev;         // as asked
  std::string commit;      // rev resolved (40 hex)
  std::vector<Version> versions;
  std::optional<Truncation> truncated;  // set for a shallow clone
  std::vector<Failure> warnings;        // e.g. a malformed Effective-Date trailer
};

// What blame calls a substantive change: by default the classifier's
// "substantial"; without ClassifyOptions, any change left after white space,
// punctuation, letter case and quote/dash style are normalised away.
inline constexpr std::string_view k_blame_basis_classifier = "classifier";
inline constexpr std::string_view k_blame_basis_text = "normalised-text";

// One section of the document at rev and the versions that last changed it.
struct SectionBlame {
  std::string number;
  std::string title;
  bool preamble = false;
  int line = 0;  // the heading's line at rev
  // The newest version whose text of this section differs from its first
  // parent's at all (normalised block text, as in SectionChange).
  CommitInfo last_changed;
  // The newest version that changed this section substantively: classified
  // substantial, or, without a classifier, whose text differs after also
  // folding white space, punctuation, letter case and quote/dash style (see
  // Blame::basis).
  CommitInfo last_substantive;
  // History ends (shallow clone) before this section's origin: the commits
  // above are the oldest available and the real ones may be older.
  bool truncated = false;
};

struct Blame {
  std::string repository;
  std::string path;
  std::string rev;
  std::string commit;
  std::string basis;                   // k_blame_basis_classifier or k_blame_basis_text
  std::vector<SectionBlame> sections;  // in document order
  std::optional<Truncation> truncated;
  std::vector<Failure> warnings;
};

// A document's text as stored in one commit.
struct VersionText {
  std::string commit;  // 40 hex
  std::string path;    // repo-relative
  std::string text;    // the blob's bytes, exactly
};

// The version of HISTORY in force on DATE: the one with the latest effective
// date ≤ DATE (the newest commit on a tie). nullptr when every version takes
// effect after DATE. The pointer lives as long as HISTORY.
const Version* version_in_force(const History& history, const Date& date);

// One document in the git repository that contains it. Holds the repository
// open; not thread-safe. Every method throws Error naming the repository and
// what to do for an unknown revision, an unborn branch, a corrupt or missing
// object, or a document that is not in the revision.
class GitDocument {
 public:
  // Finds the repository that contains DOC (a path as the user wrote it,
  // relative to the current folder; the file need not exist in the work
  // tree). Throws Error "DOC: not inside a git repository; …" when there is
  // none, and Error for a bare repository.
  explicit GitDocument(const std::string& doc);
  ~GitDocument();
  GitDocument(GitDocument&&) noexcept;
  GitDocument& operator=(GitDocument&&) noexcept;

  // The work tree's root, absolute.
  const std::string& repository() const;
  // DOC relative to the work tree's root, '/'-separated.
  const std::string& path() const;

  // Uses OTHER's open repository, and so its object cache, from now on, when
  // both documents are in the same repository (the same work-tree root);
  // this document's own is closed unless something else shares it. Returns
  // whether they now share one. Several documents of a site then keep one
  // repository open instead of one each.
  bool share_repository(const GitDocument& other);

  // The versions of the document reachable from options.rev, newest first,
  // following renames.
  History log(const LogOptions& options = {}) const;

  // FIRST.log(FIRST_OPTIONS) and SECOND.log(SECOND_OPTIONS), in that order,
  // from one walk of the commits when both documents are in one repository
  // and the options name the same rev (else two walks, each reporting its
  // own options' progress). FIRST's history is complete, more_changes calls
  // included, before SECOND's versions are read, so
  // SECOND_OPTIONS.more_changes may depend on it. The one walk reports
  // FIRST_OPTIONS' progress.
  static std::pair<History, History> log_both(const GitDocument& first,
                                              const LogOptions& first_options,
                                              const GitDocument& second,
                                              const LogOptions& second_options);

  // The document's text at REV. Follows renames back from HEAD when the
  // path did not exist yet at REV.
  VersionText text_at(const std::string& rev) const;

  // The text of a version found by log().
  VersionText text_of(const Version& version) const;

  // Per section of the document at REV, the versions that last changed it
  // at all and substantively (see SectionBlame), the latter by CLASSIFY when
  // given.
  Blame blame(const std::string& rev = "HEAD", const ProgressCallback& progress = {},
              const std::optional<ClassifyOptions>& classify = std::nullopt) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// The git history of both documents of a pair, for the history rules
// (outdated, history-truncated). Versions newest first, as GitDocument::log
// gives them, with their section changes.
struct PairHistory {
  History source;
  History target;
  WordChecker known;  // spelling in the source language, to tell typo fixes
};

// The histories at REV that the history rules need for TARGET_DOCUMENT (the
// target as checked): GitDocument::log of both documents, with section
// changes computed only as far back as the rules look. The target's go back
// until each of TARGET_DOCUMENT's sections has its last change or review;
// the source's until the oldest of those. Older versions are listed with
// Version::changes_skipped. The findings are those of full histories. KNOWN
// is left empty.
PairHistory read_pair_history(const GitDocument& source, const GitDocument& target,
                              const Document& target_document, const std::string& rev);

// JSON renderings, schemas in docs/history.md. A commit:
// {"commit","author":{"name","email","date"},"committer":{…},"summary",
//  "effective_date","effective_source"}.
nlohmann::ordered_json to_json(const CommitInfo& commit);

// `accord log --format json`, version 1.
nlohmann::ordered_json to_json(const History& history);

// `accord blame --format json`, version 1.
nlohmann::ordered_json to_json(const Blame& blame);

}  // namespace accord
