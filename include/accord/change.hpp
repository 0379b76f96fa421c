// Changes between two versions of a document, in one language: a word-level
// diff (dtl over ICU word-break tokens), sections aligned first so moved and
// renumbered sections are understood, and each change classified as
// substantial or editorial with its reasons.
#pragma once

#include <accord/document.hpp>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

// One run of a word diff.
struct DiffOp {
  enum class Kind { equal, insert, remove };
  Kind kind = Kind::equal;
  std::string text;  // the tokens of the run, joined (spaces and punctuation included)
};

// "equal", "insert" or "delete".
std::string_view to_string(DiffOp::Kind kind);

// Word diff of two texts: ICU word-break tokens (words, spaces and
// punctuation alike) compared with dtl; adjacent tokens of one kind joined.
std::vector<DiffOp> word_diff(std::string_view old_text, std::string_view new_text,
                              std::string_view locale);

// Why a change is what it is. Kinds, editorial: "whitespace", "punctuation",
// "case", "quotes", "markup", "renumbering", "moved", "typo", "link" (a link
// to the same resource written differently), "stamp" (a "Last updated" or
// version stamp), "chrome" (navigation or table-of-contents links),
// "reordered" (the same content words in another order); substantial:
// "number", "date", "email", "url", "phone", "organisation", "negation",
// "modal", "added", "removed", "wording". docs/rules.md has examples.
struct ChangeReason {
  std::string kind;
  std::string old_value;  // what was there ("" when not applicable)
  std::string new_value;
  std::string detail = {};  // why, when the kind alone does not say ("" for most)
};

// Whether a reason of KIND leaves a change editorial.
bool is_editorial_kind(std::string_view kind);

struct Classification {
  bool substantial = false;
  std::vector<ChangeReason> reasons;  // at least one for any change
};

// The reasons as `accord diff` and `accord log` write them in JSON:
// [{"kind": …, "old": …, "new": …}], null for a value that does not apply,
// and "detail" when the reason has one.
nlohmann::ordered_json reasons_json(const Classification& classification);

// A reason as the text outputs show it: "typo", "number: 14 -> 30",
// "added: +Sentence.", "email: -old@example.org", with the detail in
// parentheses when there is one.
std::string to_string(const ChangeReason& reason);

// Whether WORD is spelled right in the document's language; used to tell a
// typo fix from a change of wording. An empty function knows no words (no
// typo fix is then ever recognised).
using WordChecker = std::function<bool(std::string_view word)>;

// Classifies the change from OLD_TEXT to NEW_TEXT (plain text in LANGUAGE,
// ISO 639-1). Editorial: white space, punctuation, letter case, quote and dash
// style, a typo fix (old word unknown, new word known, at most 2 edits apart),
// a URL in the text rewritten to the same resource, a changed "Last updated"
// or version stamp (not an effective date), the same sentences in another
// order, the same content words in another order.
// Anything else is substantial, with reasons naming numbers, dates, e-mails,
// URLs, phones, organisation names, negations, modals, added or removed
// sentences, or other wording. Identical texts give an editorial result with
// no reasons.
Classification classify_change(std::string_view old_text, std::string_view new_text,
                               std::string_view language, const WordChecker& known = {});

// One string for every URL of one resource (https, no "www." or staging
// host label, no fragment, no tracking or session parameters, the others
// sorted, redirect wrappers unwrapped); docs/rules.md, "Links".
std::string canonical_url(std::string_view url);

// Whether two URLs lead to the same resource.
bool same_resource(std::string_view a, std::string_view b);

// Adds to REASONS a "link" reason for OLD_URL -> NEW_URL (one resource),
// saying what differed; links that differ alike share one reason.
void add_link_reason(std::vector<ChangeReason>& reasons, std::string_view old_url,
                     std::string_view new_url);

// Classifies the change between sections OLD_SECTIONS of OLD_DOC and
// NEW_SECTIONS of NEW_DOC, as diff_documents does for a pair it aligned:
// classify_change on their text, and besides it navigation and
// table-of-contents links ("chrome"), link destinations (same resource:
// "link"; another: "url"), markup (a bare URL made a link, a broken link
// fixed, emphasis, list markers, heading level), heading numbers
// ("renumbering") and, when MOVED, the move.
Classification classify_sections(const Document& old_doc,
                                 const std::vector<std::size_t>& old_sections,
                                 const Document& new_doc,
                                 const std::vector<std::size_t>& new_sections,
                                 std::string_view language, const WordChecker& known = {},
                                 bool moved = false);

// classify_sections on all the sections of two Markdown fragments.
Classification classify_markdown_change(std::string_view old_markdown,
                                        std::string_view new_markdown, std::string_view language,
                                        const WordChecker& known = {});

enum class ChangeStatus { changed, added, removed, moved, renumbered };

// "changed", "added", "removed", "moved", "renumbered".
std::string_view to_string(ChangeStatus status);

// One section that differs between two versions.
struct SectionDiff {
  ChangeStatus status = ChangeStatus::changed;
  std::vector<std::size_t> old_sections;  // indices into the old document (empty: added)
  std::vector<std::size_t> new_sections;  // indices into the new document (empty: removed)
  Classification classification;
  std::vector<DiffOp> diff;  // word diff of the sections' text (title and blocks)
};

// The sections that differ between OLD_DOC and NEW_DOC, in new-document
// order (removed sections where they stood). Unchanged sections are left
// out. Text is compared on Block::text, so Markdown markup that changes no
// text or URL is an editorial "markup" change.
std::vector<SectionDiff> diff_documents(const Document& old_doc, const Document& new_doc,
                                        std::string_view language, const WordChecker& known = {});

// Levenshtein distance between two UTF-8 words, in code points, stopping at
// LIMIT + 1.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit = 3);

}  // namespace accord
