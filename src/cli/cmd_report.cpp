// accord report --html FILE [PATH…]: one self-contained HTML review page of
// the translation pairs, written atomically.
#include <fmt/format.h>

#include <accord/atomic_file.hpp>
#include <accord/check.hpp>
#include <accord/document.hpp>
#include <accord/history.hpp>
#include <accord/html_report.hpp>
#include <accord/langid.hpp>
#include <algorithm>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "cli.hpp"
#include "pair_set.hpp"
#include "revision_input.hpp"

namespace accord::cli {
namespace {

struct ReportOptions {
  std::string html;
  std::vector<std::string> paths;
};

// Whether DIR is inside a git work tree (a .git at or above it): then the
// history rules run and the notice status is read, as in `accord check`.
bool in_repository(const std::filesystem::path& dir) {
  std::error_code ec;
  for (auto p = std::filesystem::absolute(dir, ec); !p.empty(); p = p.parent_path()) {
    if (std::filesystem::exists(p / ".git", ec)) return true;
    if (p == p.parent_path()) break;
  }
  return false;
}

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
  HtmlReportOptions options;
  auto selected = select_pairs(opts.paths, options.notices);
  // Created before the (slower) checks run, so that a bad target (a device,
  // an input document) or an unwritable folder fails first.
  AtomicFile out(opts.html, site_inputs(opts.paths, selected));
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
    // Kept until exit, as the repositories below: see keep_until_exit.
    const LanguageIdentifier& langid = make_until_exit<LanguageIdentifier>(languages);
    bool noted = false;
    for (const auto& s : selected) {
      const auto& root = s.config.root;
      std::string source_path = (root / s.pair.source).string();
      std::string target_path = (root / s.pair.target).string();
      std::optional<PairHistory> pair_history;
      if (in_repository(root)) {
        LogOptions log;  // HEAD, with section changes for the outdated rule
        pair_history.emplace();
        // Kept until exit, one repository per work tree.
        const GitDocument& source_git = open_kept_document(source_path);
        const GitDocument& target_git = open_kept_document(target_path);
        // One walk of the commits for both.
        std::tie(pair_history->source, pair_history->target) =
            GitDocument::log_both(source_git, log, target_git, log);
        const std::string language = s.pair.source_language;
        pair_history->known = [&langid, language](std::string_view w) {
          return langid.spells(w, language);
        };
      } else if (!noted) {
        options.notices.push_back(root.string() +
                                  ": not in a git repository; the history rules (outdated) were "
                                  "skipped");
        noted = true;
      }
      ReportPair pair{read_document(source_path, s.config.document, global.max_file_size),
                      read_document(target_path, s.config.document, global.max_file_size),
                      s.source_display,
                      s.target_display,
                      s.pair.source_language,
                      s.pair.target_language,
                      {}};
      PairInput input{pair.source,
                      pair.target,
                      pair.source_file,
                      pair.target_file,
                      pair.source_language,
                      pair.target_language,
                      s.config.translatable_keys,
                      pair_history ? &*pair_history : nullptr};
      pair.findings = check_pair(input, langid);
      auto status = [&](const History* h, const std::string& file, const std::string& language) {
        if (!seen.insert(file).second) return;
        if (h) {
          history.push_back(history_status(*h, file, language, today));
          return;
        }
        HistoryStatus none;
        none.file = file;
        none.language = language;
        none.unavailable = "not in a git repository";
        history.push_back(std::move(none));
      };
      status(pair_history ? &pair_history->source : nullptr, s.source_display,
             s.pair.source_language);
      status(pair_history ? &pair_history->target : nullptr, s.target_display,
             s.pair.target_language);
      pairs.push_back(std::move(pair));
    }
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
