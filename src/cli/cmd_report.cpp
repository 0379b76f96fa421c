// accord report --html FILE [PATH…]: one self-contained HTML review page of
// the translation pairs, written atomically.
#include <fmt/format.h>

#include <accord/atomic_file.hpp>
#include <accord/check.hpp>
#include <accord/document.hpp>
#include <accord/html_report.hpp>
#include <accord/langid.hpp>
#include <algorithm>
#include <csignal>
#include <ctime>
#include <memory>
#include <set>

#include "cli.hpp"
#include "pair_set.hpp"

namespace accord::cli {
namespace {

struct ReportOptions {
  std::string html;
  std::vector<std::string> paths;
};

Date local_today() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

int run_report(const ReportOptions& opts, const GlobalOptions& global) {
  // Past a `ulimit -f` limit, write() raises SIGXFSZ, whose default action
  // kills the process before AtomicFile can report the failure and remove
  // its temporary file.
  std::signal(SIGXFSZ, SIG_IGN);
  // Created first so that a missing or unwritable folder fails before the
  // (slower) checks run.
  AtomicFile out(opts.html);

  HtmlReportOptions options;
  auto selected = select_pairs(opts.paths, options.notices);
  std::vector<std::string> languages;
  for (const auto& s : selected) {
    for (const auto& l : {s.pair.source_language, s.pair.target_language}) {
      if (std::find(languages.begin(), languages.end(), l) == languages.end())
        languages.push_back(l);
    }
  }
  const Date today = local_today();
  std::vector<ReportPair> pairs;
  std::vector<HistoryStatus> history;
  std::set<std::string> seen;
  if (!selected.empty()) {
    LanguageIdentifier langid(languages);
    for (const auto& s : selected) {
      const auto& root = s.config.root;
      std::string source_path = (root / s.pair.source).string();
      std::string target_path = (root / s.pair.target).string();
      ReportPair pair{read_document(source_path, s.config.document, global.max_file_size),
                      read_document(target_path, s.config.document, global.max_file_size),
                      s.source_display,
                      s.target_display,
                      s.pair.source_language,
                      s.pair.target_language,
                      {}};
      PairInput input{
          pair.source,          pair.target,          pair.source_file,          pair.target_file,
          pair.source_language, pair.target_language, s.config.translatable_keys};
      pair.findings = check_pair(input, langid);
      if (seen.insert(s.source_display).second) {
        history.push_back(
            read_history_status(source_path, s.source_display, s.pair.source_language, today));
      }
      if (seen.insert(s.target_display).second) {
        history.push_back(
            read_history_status(target_path, s.target_display, s.pair.target_language, today));
      }
      pairs.push_back(std::move(pair));
    }
  }

  if (selected.empty()) {
    options.notices.push_back("no translation pairs found; run 'accord pairs' to see why");
  }
  options.today = today;
  options.version = ACCORD_VERSION;
  out.write(render_html_report(pairs, history, options));
  out.commit();

  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const auto& p : pairs) {
    for (const auto& f : p.findings) {
      if (f.severity == Severity::error) ++errors;
      if (f.severity == Severity::warning) ++warnings;
    }
  }
  print(fmt::format("wrote {}: {} error{}, {} warning{} in {} pair{}\n", opts.html, errors,
                    errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", pairs.size(),
                    pairs.size() == 1 ? "" : "s"));
  for (const auto& notice : options.notices) print("note: " + notice + "\n");
  return k_exit_ok;
}

}  // namespace

Command report_command() {
  return {"report", "Write a self-contained HTML review page of the translation pairs",
          [](CLI::App& app, const GlobalOptions& global) {
            auto opts = std::make_shared<ReportOptions>();
            app.add_option("--html", opts->html,
                           "The HTML file to write (replaced atomically; a failed run leaves an "
                           "older file as it was)")
                ->required();
            app.add_option("PATH", opts->paths,
                           "Site folders or Markdown files (default: the site found from the "
                           "current folder)");
            app.footer(
                "The page shows every pair side by side, section by section, with each finding\n"
                "at its section; filters by rule and severity; j/k (or n/p) jump between\n"
                "findings. One file, no external requests (docs/report.md).\n\n"
                "Exit codes: 0 the report was written (whatever it found: report has no\n"
                "--fail-on; gate CI with 'accord check'); 2 usage or input error (bad path,\n"
                "unreadable document, output folder missing or not writable, disk full);\n"
                "3 internal error.\n\n"
                "Examples:\n"
                "  accord report --html report.html                # every pair of the site here\n"
                "  accord report --html /tmp/review.html content/privacy.et.md");
            return [opts, &global] { return run_report(*opts, global); };
          }};
}

}  // namespace accord::cli
