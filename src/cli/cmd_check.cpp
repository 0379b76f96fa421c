// accord check [PATH…]: the translation rules, for editors and for CI.
#include <accord/check.hpp>
#include <accord/document.hpp>
#include <algorithm>
#include <set>

#include "cli.hpp"
#include "findings_format.hpp"
#include "pair_set.hpp"

namespace accord::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string fail_on = "error";
};

int run_check(const CheckOptions& opts, const GlobalOptions& global) {
  CheckSummary summary;
  auto selected = select_pairs(opts.paths, summary.notices);
  std::vector<std::string> languages;
  for (const auto& s : selected) {
    for (const auto& l : {s.pair.source_language, s.pair.target_language}) {
      if (std::find(languages.begin(), languages.end(), l) == languages.end()) languages.push_back(l);
    }
  }
  std::vector<Finding> findings;
  summary.pairs = selected.size();
  if (!selected.empty()) {
    LanguageIdentifier langid(languages);
    for (const auto& s : selected) {
      auto root = s.config.root;
      Document source = read_document((root / s.pair.source).string(), s.config.document,
                                      global.max_file_size);
      Document target = read_document((root / s.pair.target).string(), s.config.document,
                                      global.max_file_size);
      PairInput input{source,
                      target,
                      s.source_display,
                      s.target_display,
                      s.pair.source_language,
                      s.pair.target_language,
                      s.config.translatable_keys};
      auto pair_findings = check_pair(input, langid);
      findings.insert(findings.end(), pair_findings.begin(), pair_findings.end());
    }
  } else if (summary.notices.empty()) {
    summary.notices.push_back("no translation pairs found; run 'accord pairs' to see why");
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });

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
            app.add_option("--fail-on", opts->fail_on,
                           "Exit 1 when a finding is at or above this severity")
                ->check(CLI::IsMember({"error", "warning", "never"}))
                ->capture_default_str();
            app.footer(
                "Rules (docs/rules.md): untranslated, untranslated-front-matter, missing-section,\n"
                "extra-section, invariant-mismatch, structure-mismatch (warning), length-ratio\n"
                "(warning), front-matter-mismatch (warning).\n\n"
                "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;\n"
                "2 usage or input error; 3 internal error.\n\n"
                "Examples:\n"
                "  accord check                          # every pair of the site here\n"
                "  accord check content/privacy.et.md    # the pair this file belongs to\n"
                "  accord check --format github          # annotations in GitHub Actions\n"
                "  accord check --format sarif > accord.sarif\n"
                "  accord check --fail-on warning");
            return [opts, &global] { return run_check(*opts, global); };
          }};
}

}  // namespace accord::cli
