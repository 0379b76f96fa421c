// accord check [PATH…]: the translation rules, for editors and for CI.
#include <accord/check.hpp>
#include <accord/document.hpp>
#include <accord/history.hpp>
#include <algorithm>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <system_error>

#include "cli.hpp"
#include "findings_format.hpp"
#include "pair_set.hpp"
#include "revision_input.hpp"

namespace accord::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string rev;  // empty: the working tree
  std::string format = "text";
  std::string fail_on = "error";
};

// The nearest folder at or above DIR with a .git, or empty.
bool in_repository(const std::filesystem::path& dir) {
  std::error_code ec;
  for (auto p = std::filesystem::absolute(dir, ec); !p.empty(); p = p.parent_path()) {
    if (std::filesystem::exists(p / ".git", ec)) return true;
    if (p == p.parent_path()) break;
  }
  return false;
}

// The LanguageIdentifier of LANGUAGES, loaded on another thread from
// construction on, while the first pair's documents and history are read:
// loading the hunspell dictionaries takes about as long as walking a
// 10,000-commit history. get() waits for it, rethrows the loader's Error
// (a missing dictionary), and keeps the identifier until exit (see
// keep_until_exit); call it until it has returned once, not after it threw.
// An error of the first pair's documents or history is reported before the
// loader's. Where no thread can be started, the identifier loads in get().
// Until get() returns, the main thread must not create or destroy a
// Hunspell object (lazy_speller, another LanguageIdentifier): hunspell 1.7
// counts the users of a process-wide table without a lock.
class BackgroundIdentifier {
 public:
  explicit BackgroundIdentifier(std::vector<std::string> languages) {
    auto load = [languages = std::move(languages)] {
      return std::make_shared<const LanguageIdentifier>(languages);
    };
    try {
      m_loading = std::async(std::launch::async, load);
    } catch (const std::system_error&) {
      m_loading = std::async(std::launch::deferred, load);  // no thread to be had
    }
  }

  const LanguageIdentifier& get() {
    if (!m_ready) {
      m_ready = m_loading.get();
      keep_until_exit(m_ready);
    }
    return *m_ready;
  }

 private:
  std::future<std::shared_ptr<const LanguageIdentifier>> m_loading;
  std::shared_ptr<const LanguageIdentifier> m_ready;
};

int run_check(const CheckOptions& opts, const GlobalOptions& global) {
  CheckSummary summary;
  auto selected = select_pairs(opts.paths, summary.notices);
  std::vector<std::string> languages;
  for (const auto& s : selected) {
    for (const auto& l : {s.pair.source_language, s.pair.target_language}) {
      if (std::find(languages.begin(), languages.end(), l) == languages.end())
        languages.push_back(l);
    }
  }
  std::vector<Finding> findings;
  summary.pairs = selected.size();
  if (!selected.empty()) {
    BackgroundIdentifier langid(languages);
    bool noted = false;
    for (const auto& s : selected) {
      auto root = s.config.root;
      std::string source_path = (root / s.pair.source).string();
      std::string target_path = (root / s.pair.target).string();
      std::optional<PairHistory> history;
      // Kept until exit, one repository per work tree: see
      // open_kept_document.
      GitDocument* source_git = nullptr;
      GitDocument* target_git = nullptr;
      if (in_repository(root)) {
        source_git = &open_kept_document(source_path);
        target_git = &open_kept_document(target_path);
      } else if (!opts.rev.empty()) {
        throw Error(root.string(), 0, "--rev needs a git repository, and this site is not in one",
                    "run accord check without --rev, or from inside the repository");
      }
      // The documents first: the history rules read history only as far
      // back as the target's sections need.
      Document source = opts.rev.empty()
                            ? read_document(source_path, s.config.document, global.max_file_size)
                            : read_at(*source_git, opts.rev, s.source_display, s.config.document,
                                      global.max_file_size)
                                  .document;
      Document target = opts.rev.empty()
                            ? read_document(target_path, s.config.document, global.max_file_size)
                            : read_at(*target_git, opts.rev, s.target_display, s.config.document,
                                      global.max_file_size)
                                  .document;
      if (source_git) {
        history.emplace();
        try {
          const std::string rev = opts.rev.empty() ? "HEAD" : opts.rev;
          *history = read_pair_history(*source_git, *target_git, target, rev);
        } catch (const Error& e) {
          // A page not committed yet, or a repository with no commits: the
          // documents are still checked, only their history is not. With
          // --rev the documents must come from git, so it is an error.
          if (!opts.rev.empty()) throw;
          history.reset();
          summary.notices.push_back(std::string(e.what()) +
                                    " (the history rules were skipped for this pair)");
        }
      } else if (!noted) {
        summary.notices.push_back(root.string() +
                                  ": not in a git repository; the history rules (outdated) were "
                                  "skipped");
        noted = true;
      }
      // Outside the history's try: a missing dictionary is an error.
      const LanguageIdentifier& id = langid.get();
      if (history) {
        const std::string language = s.pair.source_language;
        history->known = [&id, language](std::string_view w) { return id.spells(w, language); };
      }
      PairInput input{source,
                      target,
                      s.source_display,
                      s.target_display,
                      s.pair.source_language,
                      s.pair.target_language,
                      s.config.translatable_keys,
                      history ? &*history : nullptr};
      auto pair_findings = check_pair(input, id);
      findings.insert(findings.end(), pair_findings.begin(), pair_findings.end());
    }
  } else if (summary.notices.empty()) {
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
  return {
      "check", "Check translation pairs: untranslated text, missing sections, mismatches",
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
        app.footer(
            "Rules (docs/rules.md): untranslated, untranslated-front-matter, missing-section,\n"
            "extra-section, invariant-mismatch, structure-mismatch (warning), length-ratio\n"
            "(warning), front-matter-mismatch (warning), outdated, history-truncated (warning).\n"
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
            "  accord check --rev v2.0              # as the documents were at tag v2.0");
        return [opts, &global] { return run_check(*opts, global); };
      }};
}

}  // namespace accord::cli
