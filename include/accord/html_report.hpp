// The review page of `accord report --html`: one self-contained HTML file
// with every pair side by side, section by section, and its findings. Inline
// CSS and JS only, guarded by a Content-Security-Policy nonce; every piece of
// document text is escaped. See docs/report.md.
#pragma once

#include <accord/check.hpp>
#include <accord/document.hpp>
#include <accord/history.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

// One translation pair as the page shows it. Owns its documents.
struct ReportPair {
  Document source;
  Document target;
  std::string source_file;  // as findings name them (relative to the repository root)
  std::string target_file;
  std::string source_language;    // ISO 639-1, e.g. "en"
  std::string target_language;    // e.g. "et"
  std::vector<Finding> findings;  // check_pair() of this pair
};

// What git history knows about one document: the summary's notice status.
// Pending substantial changes are not part of it (see docs/report.md).
struct HistoryStatus {
  std::string file;      // as shown on the page
  std::string language;  // ISO 639-1
  // Why there is no history, e.g. "not in a git repository"; empty when the
  // history was read and the fields below are meaningful.
  std::string unavailable;
  std::size_t versions = 0;
  // The version in force on the report's date: the latest effective date on
  // or before it (see version_in_force()).
  std::optional<CommitInfo> in_force;
  // The next effective date after the report's date: the earliest version
  // that takes effect later, if any was committed.
  std::optional<CommitInfo> next;
  std::optional<Truncation> truncated;  // a shallow clone
};

// The notice status of a document from its HISTORY (GitDocument::log) as
// of TODAY. FILE and LANGUAGE are copied into the result. Pure.
HistoryStatus history_status(const History& history, std::string file, std::string language,
                             const Date& today);

struct HtmlReportOptions {
  // The Content-Security-Policy nonce of the inline <style> and <script>:
  // base64 characters only. Empty: a fresh one from make_csp_nonce().
  std::string nonce;
  Date today;           // the report's date (for "in force")
  std::string version;  // accord's version, shown in the footer
  // Things the reader should know that are not findings (e.g. a file that is
  // in no pair); shown at the top of the summary.
  std::vector<std::string> notices;
};

// Renders the page for PAIRS and the notice status of HISTORY (one entry per
// document; may be empty). Findings sit at the section (or front matter)
// they point at; rule "untranslated" highlights the block or section of its
// line. Pure: no I/O. Throws Error when options.nonce holds anything but
// base64 characters.
std::string render_html_report(const std::vector<ReportPair>& pairs,
                               const std::vector<HistoryStatus>& history,
                               const HtmlReportOptions& options);

// 18 random bytes (std::random_device), base64: a nonce for one report.
std::string make_csp_nonce();

// TEXT escaped for HTML element content and quoted attribute values: & < >
// " ' become entities; everything else, invalid UTF-8 included, is copied.
std::string html_escape(std::string_view text);

}  // namespace accord
