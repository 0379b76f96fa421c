// The pairs a command works on: every pair of the site, or those that the
// PATHs on the command line name.
#pragma once

#include <accord/atomic_file.hpp>
#include <accord/config.hpp>
#include <accord/site.hpp>
#include <filesystem>
#include <string>
#include <vector>

namespace accord::cli {

struct SelectedPair {
  Config config;               // of the site the pair belongs to
  TranslationPair pair;        // paths relative to config.root
  std::string source_display;  // path as findings show it: relative to the repository root
  std::string target_display;
};

// PATHS: site folders or Markdown files (a file selects the pairs it is part
// of); empty means the site found from the current folder. A pair named
// twice (both files of it, or a folder twice) is selected once. A Markdown
// file that is in no pair is skipped with a line in NOTICES (pre-commit hooks
// pass every changed .md file). Throws Error for a path that does not exist.
std::vector<SelectedPair> select_pairs(const std::vector<std::string>& paths,
                                       std::vector<std::string>& notices);

// As above, for commands that must not skip anything: a file that is in no
// pair is an Error.
std::vector<SelectedPair> select_pairs(const std::vector<std::string>& paths);

// What a command that writes a file must never write over (AtomicFile's
// PROTECT): the documents of SELECTED, and for each site that PATHS name (as
// select_pairs reads them, pairs or none) its content folders and its
// configuration files (accord.toml, hugo.* and config.*).
std::vector<ProtectedPath> site_inputs(const std::vector<std::string>& paths,
                                       const std::vector<SelectedPair>& selected);

}  // namespace accord::cli
