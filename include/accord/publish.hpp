// Publishing a version of a policy: an annotated tag
// `policy/<path>/<effective date>` whose message records when the version was
// published and when it takes effect, with the effective date worked out from
// the notice period the policy itself promises. Tags are never moved or
// overwritten, and nothing but the tag is ever written.
#pragma once

#include <accord/change.hpp>
#include <accord/document.hpp>
#include <accord/history.hpp>
#include <accord/notice.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace accord {

// The document path as it appears in a policy tag's name (see
// policy_tag_name): PATH ('/'-separated, repo-relative) with exactly the
// bytes git refuses in a ref name percent-encoded ("%20" for a space), and
// '%' itself, so that every path gives a valid, distinct name: control
// bytes and DEL, space ~ ^ : ? * [ \ and %, a '.' that starts a component,
// follows another '.' or starts a component's ".lock" ending, and the '@' of
// "@{". Every other byte (UTF-8 included) is kept. Pure.
std::string encode_tag_path(std::string_view path);

// The inverse of encode_tag_path: "%XX" (two hex digits, either case) back
// to its byte; anything else, a '%' not followed by two hex digits
// included, is kept. A name without '%' (every tag written before the
// encoding) decodes to itself. Pure.
std::string decode_tag_path(std::string_view encoded);

struct PublishOptions {
  Date published;                  // the day the version is announced
  std::optional<Date> effective;   // asked for; nullopt: the earliest allowed
  bool force = false;              // accept an effective date before the earliest allowed
  std::optional<int> notice_days;  // overrides the period read from the policy (≥ 0)
  std::string language;            // the document's language (ISO 639-1)
  WordChecker known;               // spelling in LANGUAGE, to tell typo fixes; may be empty
  std::size_t max_file_size = k_default_max_file_size;
};

// A section that changed substantially since the previous publication.
struct PublishedSection {
  std::string number;  // "" when unnumbered
  std::string title;   // "" for the preamble
  bool preamble = false;
};

// What publish() did, or would do (see plan_publish).
struct PublishResult {
  std::string path;    // the document, repo-relative
  std::string tag;     // "policy/<path>/<effective>"
  std::string commit;  // the commit tagged (40 hex)
  std::string tag_id;  // the tag object (40 hex); "" before it is written
  Date published;
  Date effective;
  // published + the notice period when a change is substantial, else
  // published: the earliest effective date allowed without --force.
  Date earliest;
  int notice_days = 0;                        // effective − published, in days
  int required_days = 0;                      // earliest − published, in days
  bool forced = false;                        // effective < earliest, accepted with force
  std::string previous_tag;                   // the latest earlier publication; "" for the first
  std::string previous_commit;                // its commit (40 hex); "" for the first
  std::optional<NoticePeriod> period;         // the period that applies; set when substantial
  std::vector<PublishedSection> substantial;  // in document order
  std::string message;                        // the tag message
};

// Works out the publication of the document DOC (a path as the user wrote it)
// at HEAD without writing anything: the commit that last changed DOC as of
// HEAD (the one history reads the tag on), the previous publication (the
// `policy/<path>/*` tag with the latest date), the substantial changes since
// it, the notice period that applies (the longer of the two versions', or
// options.notice_days), and the effective date. Throws Error for a missing
// repository or document, a dirty work tree (modified or staged tracked
// files; untracked files are fine), substantial changes with no notice period
// found and none given, an effective date before published or before the
// earliest allowed without options.force, a tag that already exists, and a
// tag whose ref git cannot create (a tag `policy/content` blocks
// `policy/content/…`, and a tag inside the planned name blocks it too).
PublishResult plan_publish(const std::string& doc, const PublishOptions& options);

// plan_publish(), then writes the annotated tag at the planned commit, with
// the tagger from the repository's git configuration. Never moves or
// overwrites a tag. Throws Error, with nothing written, for anything
// plan_publish throws for, an unset user.name/user.email, and a locked ref
// (a `.lock` file of the tag's ref or of packed-refs).
PublishResult publish(const std::string& doc, const PublishOptions& options);

// `accord publish --format json`, version 1 (schema in docs/publish.md).
nlohmann::ordered_json to_json(const PublishResult& result);

}  // namespace accord
