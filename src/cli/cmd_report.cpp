// accord report --html FILE [PATH…]: one self-contained HTML review page of
// the translation pairs, written atomically.
#include <fmt/format.h>

#include <accord/atomic_file.hpp>
#include <accord/check.hpp>
#include <accord/date.hpp>
#include <accord/history.hpp>
#include <accord/html_report.hpp>
#include <csignal>
#include <memory>
#include <set>

#include "cli.hpp"
#include "pair_pipeline.hpp"
#include "pair_set.hpp"
#include "terminal.hpp"

namespace accord::cli {
namespace {

struct ReportOptions {
  std::string html;
  std::vector<std::string> paths;
};

int run_report(const ReportOptions& opts, const GlobalOptions& global) {
  // Past a `ulimit -f` limit, write() raises SIGXFSZ, whose default action
  // kills the process before AtomicFile can report the failure and remove
  // its temporary file.
  std::signal(SIGXFSZ, SIG_IGN);
  HtmlReportOptions options;
  auto selected = select_pairs(opts.paths, options.notices);
  // Created before the (slower) checks run, so that a bad target (a device,
  // an input document) or an unwritable folder fails first.
  AtomicFile out(opts.html, site_inputs(opts.paths, selected));
  const Date today = today_local();
  PairPipelineResult checked = check_selected_pairs(selected, {"", global.max_file_size});
  options.notices.insert(options.notices.end(), checked.notices.begin(), checked.notices.end());
  std::vector<ReportPair> pairs;
  std::vector<HistoryStatus> history;
  std::set<std::string> seen;
  for (auto& c : checked.pairs) {
    const SelectedPair& s = c.selected;
    auto status = [&](const History* h, const std::string& file, const std::string& language) {
      if (!seen.insert(file).second) return;
      if (h) {
        history.push_back(history_status(*h, file, language, today));
        return;
      }
      HistoryStatus none;
      none.file = file;
      none.language = language;
      none.unavailable = c.history_unavailable;
      history.push_back(std::move(none));
    };
    status(c.history ? &c.history->source : nullptr, s.source_display, s.pair.source_language);
    status(c.history ? &c.history->target : nullptr, s.target_display, s.pair.target_language);
    pairs.push_back(ReportPair{std::move(c.source), std::move(c.target), s.source_display,
                               s.target_display, s.pair.source_language, s.pair.target_language,
                               std::move(c.findings)});
  }
  if (selected.empty() && options.notices.empty()) {
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
  print(
      terminal_safe(fmt::format("wrote {}: {} error{}, {} warning{} in {} pair{}\n", opts.html,
                                errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
                                pairs.size(), pairs.size() == 1 ? "" : "s")));
  for (const auto& notice : options.notices) print("note: " + terminal_safe(notice) + "\n");
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
