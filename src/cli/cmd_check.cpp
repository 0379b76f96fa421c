// accord check [PATH…]: the translation rules, for editors and for CI.
#include <fmt/format.h>

#include <accord/check.hpp>
#include <algorithm>
#include <memory>

#include "cli.hpp"
#include "findings_format.hpp"
#include "pair_pipeline.hpp"
#include "pair_set.hpp"

namespace accord::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string rev;  // empty: the working tree
  std::string format = "text";
  std::string fail_on = "error";
};

// "Rules (docs/rules.md): untranslated, …, notice-violation.", from rules(),
// each id with its default severity when that is not error, wrapped at 80
// columns: the help cannot leave out a rule.
std::string rules_footer() {
  std::string out = "Rules (docs/rules.md):";
  std::size_t column = out.size();
  const auto& all = rules();
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::string item(all[i].id);
    if (all[i].severity != Severity::error)
      item += fmt::format(" ({})", to_string(all[i].severity));
    item += i + 1 < all.size() ? "," : ".";
    if (column + 1 + item.size() > 80) {
      out += '\n';
      column = 0;
    } else {
      out += ' ';
      ++column;
    }
    out += item;
    column += item.size();
  }
  return out + "\n";
}

// `accord check --help`'s footer: the rules, then how the history rules run,
// the exit codes and examples.
std::string check_footer() {
  return rules_footer() +
         "In a git repository the history rules run too; elsewhere they are skipped with a\n"
         "note. A commit that changes the translation with an 'Accord-Reviewed: 6, 8'\n"
         "(or 'all') trailer marks those sections reviewed.\n\n"
         "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;\n"
         "2 usage or input error; 3 internal error.\n\n"
         "Examples:\n"
         "  accord check                          # every pair of the site here\n"
         "  accord check content/privacy.et.md    # the pair this file belongs to\n"
         "  accord check --format github          # annotations in GitHub Actions\n"
         "  accord check --format sarif > accord.sarif\n"
         "  accord check --fail-on warning\n"
         "  accord check --rev v2.0              # as the documents were at tag v2.0";
}

int run_check(const CheckOptions& opts, const GlobalOptions& global) {
  CheckSummary summary;
  auto selected = select_pairs(opts.paths, summary.notices);
  summary.pairs = selected.size();
  PairPipelineResult checked = check_selected_pairs(selected, {opts.rev, global.max_file_size});
  summary.notices.insert(summary.notices.end(), checked.notices.begin(), checked.notices.end());
  std::vector<Finding> findings;
  for (const auto& pair : checked.pairs) {
    findings.insert(findings.end(), pair.findings.begin(), pair.findings.end());
  }
  if (selected.empty() && summary.notices.empty()) {
    summary.notices.push_back("no translation pairs found; run 'accord pairs' to see why");
  }
  merge_findings(findings);

  if (opts.format == "json") {
    print(format_json(findings, summary));
  } else if (opts.format == "github") {
    print(format_github(findings));
  } else if (opts.format == "sarif") {
    print(format_sarif(findings));
  } else {
    print(format_text(findings, summary, Style(global, stdout)));
  }

  if (opts.fail_on == "never") return k_exit_ok;
  Severity threshold = *parse_severity(opts.fail_on);
  bool failed = std::any_of(findings.begin(), findings.end(),
                            [&](const Finding& f) { return f.severity >= threshold; });
  return failed ? k_exit_findings : k_exit_ok;
}

}  // namespace

Command check_command() {
  return {"check", "Check translation pairs: untranslated text, missing sections, mismatches",
          [](CLI::App& app, const GlobalOptions& global) {
            auto opts = std::make_shared<CheckOptions>();
            app.add_option("PATH", opts->paths,
                           "Site folders or Markdown files (default: the site found from the "
                           "current folder)");
            app.add_option("--format", opts->format, "Output format")
                ->check(CLI::IsMember({"text", "json", "github", "sarif"}))
                ->capture_default_str();
            app.add_option("--rev", opts->rev,
                           "Check the documents as they were at this revision (read through "
                           "libgit2); history rules see history up to it");
            app.add_option("--fail-on", opts->fail_on,
                           "Exit 1 when a finding is at or above this severity")
                ->check(CLI::IsMember({"error", "warning", "never"}))
                ->capture_default_str();
            app.footer(check_footer());
            return [opts, &global] { return run_check(*opts, global); };
          }};
}

}  // namespace accord::cli
