// The pipeline that `accord check` and `accord report` share: for each
// selected pair, its documents, its history when it is in git, and the
// findings of every rule. One function, so that the two commands cannot
// drift (a damaged history degrades both the same way). It returns a value;
// the commands only format it.
#pragma once

#include <accord/check.hpp>
#include <accord/document.hpp>
#include <accord/history.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pair_set.hpp"

namespace accord::cli {

struct PairPipelineOptions {
  std::string rev;  // empty: the working tree's documents, history up to HEAD
  std::size_t max_file_size = k_default_max_file_size;
};

// One pair, checked.
struct CheckedPair {
  SelectedPair selected;
  Document source;
  Document target;
  // Set when the pair is in a git repository and its history could be read
  // (the rules then include the history rules).
  std::optional<PairHistory> history;
  // Why history is unset: "not in a git repository", or the error that
  // stopped the history from being read. Empty when history is set.
  std::string history_unavailable;
  std::vector<Finding> findings;  // sorted by file and line (check_pair)
};

struct PairPipelineResult {
  std::vector<CheckedPair> pairs;  // in SELECTED's order
  // Things the reader should know that are not findings: a site outside
  // git (once per run), a pair whose history could not be read (with why).
  std::vector<std::string> notices;
};

// Reads and checks SELECTED. Documents come from the working tree, or from
// git at options.rev when it is set. History is read up to options.rev (or
// HEAD) where a pair is in a git repository; a history that cannot be read
// (a page not committed yet, no commits, a missing or corrupt object behind
// HEAD) skips the history rules for that pair with a notice, without
// options.rev. Throws Error for an unreadable document, a history error
// with options.rev set, options.rev outside a repository, and a dictionary
// that cannot be loaded. Repositories and the language identifier are kept
// until exit (see keep_until_exit). Main thread only.
PairPipelineResult check_selected_pairs(const std::vector<SelectedPair>& selected,
                                        const PairPipelineOptions& options);

}  // namespace accord::cli
