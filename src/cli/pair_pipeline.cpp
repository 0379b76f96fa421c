#include "pair_pipeline.hpp"

#include <accord/error.hpp>
#include <accord/history.hpp>
#include <accord/langid.hpp>
#include <algorithm>
#include <filesystem>
#include <future>
#include <memory>
#include <system_error>

#include "cli.hpp"
#include "revision_input.hpp"

namespace accord::cli {
namespace {

// Whether DIR is inside a git work tree (a .git at or above it).
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

}  // namespace

PairPipelineResult check_selected_pairs(const std::vector<SelectedPair>& selected,
                                        const PairPipelineOptions& options) {
  PairPipelineResult result;
  if (selected.empty()) return result;
  std::vector<std::string> languages;
  for (const auto& s : selected) {
    for (const auto& l : {s.pair.source_language, s.pair.target_language}) {
      if (std::find(languages.begin(), languages.end(), l) == languages.end())
        languages.push_back(l);
    }
  }
  BackgroundIdentifier langid(languages);
  bool noted = false;
  for (const auto& s : selected) {
    const auto& root = s.config.root;
    std::string source_path = (root / s.pair.source).string();
    std::string target_path = (root / s.pair.target).string();
    // Kept until exit, one repository per work tree: see open_kept_document.
    GitDocument* source_git = nullptr;
    GitDocument* target_git = nullptr;
    std::string unopened;  // why the repository could not be opened
    if (in_repository(root)) {
      try {
        source_git = &open_kept_document(source_path);
        target_git = &open_kept_document(target_path);
      } catch (const Error& e) {
        // A repository that another user owns (safe.directory), say: the
        // documents on disk are still checked. With --rev they come from
        // git, so it is an error.
        if (!options.rev.empty()) throw;
        source_git = target_git = nullptr;
        unopened = e.what();
      }
    } else if (!options.rev.empty()) {
      throw Error(root.string(), 0, "--rev needs a git repository, and this site is not in one",
                  "run accord check without --rev, or from inside the repository");
    }
    auto read = [&](const std::string& path, GitDocument* git, const std::string& display) {
      return options.rev.empty()
                 ? read_document(path, s.config.document, options.max_file_size)
                 : read_at(*git, options.rev, display, s.config.document, options.max_file_size)
                       .document;
    };
    // The documents first: the history rules read history only as far back
    // as the target's sections need.
    CheckedPair pair{s,
                     read(source_path, source_git, s.source_display),
                     read(target_path, target_git, s.target_display),
                     std::nullopt,
                     "",
                     {}};
    if (source_git) {
      try {
        const std::string rev = options.rev.empty() ? "HEAD" : options.rev;
        pair.history = read_pair_history(*source_git, *target_git, pair.target, rev);
      } catch (const Error& e) {
        // A page not committed yet, a repository with no commits, an object
        // missing behind HEAD: the documents are still checked, only their
        // history is not. With --rev the documents come from git, so it is
        // an error.
        if (!options.rev.empty()) throw;
        pair.history_unavailable = e.what();
        result.notices.push_back(std::string(e.what()) +
                                 " (the history rules were skipped for this pair)");
      }
    } else if (!unopened.empty()) {
      pair.history_unavailable = unopened;
      result.notices.push_back(unopened + " (the history rules were skipped for this pair)");
    } else {
      pair.history_unavailable = "not in a git repository";
      if (!noted) {
        result.notices.push_back(root.string() +
                                 ": not in a git repository; the history rules (outdated) were "
                                 "skipped");
        noted = true;
      }
    }
    // Outside the history's try: a missing dictionary is an error.
    const LanguageIdentifier& id = langid.get();
    if (pair.history) {
      const std::string language = s.pair.source_language;
      pair.history->known = [&id, language](std::string_view w) { return id.spells(w, language); };
    }
    PairInput input{pair.source,
                    pair.target,
                    s.source_display,
                    s.target_display,
                    s.pair.source_language,
                    s.pair.target_language,
                    s.config.translatable_keys,
                    pair.history ? &*pair.history : nullptr};
    pair.findings = check_pair(input, id);
    result.pairs.push_back(std::move(pair));
  }
  return result;
}

}  // namespace accord::cli
