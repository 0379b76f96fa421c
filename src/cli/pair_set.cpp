#include "pair_set.hpp"

#include <accord/error.hpp>
#include <algorithm>

namespace accord::cli {
namespace fs = std::filesystem;
namespace {

// The nearest folder at or above DIR with a .git, or empty.
fs::path repository_root(const fs::path& dir) {
  std::error_code ec;
  for (fs::path p = fs::absolute(dir, ec); !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) return p;
    if (p == p.parent_path()) break;
  }
  return {};
}

std::string display(const Config& config, const std::string& rel) {
  fs::path repo = repository_root(config.root);
  if (repo.empty()) return rel;
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(config.root / rel, ec), ec);
  return fs::relative(abs, fs::weakly_canonical(repo, ec), ec).generic_string();
}

void add_site(const fs::path& root, const std::optional<fs::path>& only,
              std::vector<SelectedPair>& out, std::vector<std::string>& notices) {
  Config config = load_config(root);
  std::error_code ec;
  if (only && config.language_content_dirs.empty() &&
      std::none_of(config.content_paths.begin(), config.content_paths.end(),
                   [&](const std::string& c) { return fs::is_directory(root / c, ec); })) {
    // A file outside any Hugo site (README.md in a pre-commit run).
    notices.push_back(only->string() +
                      ": not part of any translation pair, skipped; run 'accord pairs' to see the "
                      "pairs of the site");
    return;
  }
  SiteScan scan = scan_site(config);
  notices.insert(notices.end(), scan.notes.begin(), scan.notes.end());
  std::size_t matched = 0;
  for (const auto& p : scan.pairs) {
    if (only) {
      auto file = fs::weakly_canonical(*only, ec);
      if (fs::weakly_canonical(root / p.source, ec) != file &&
          fs::weakly_canonical(root / p.target, ec) != file) {
        continue;
      }
    }
    SelectedPair selected{config, p, display(config, p.source), display(config, p.target)};
    bool seen = std::any_of(out.begin(), out.end(), [&](const SelectedPair& s) {
      return s.source_display == selected.source_display &&
             s.target_display == selected.target_display;
    });
    if (!seen) out.push_back(std::move(selected));
    ++matched;
  }
  if (only && matched == 0) {
    notices.push_back(only->string() +
                      ": not part of any translation pair, skipped; run 'accord pairs' to see the "
                      "pairs of the site");
  }
}

// The site root PATH (a command-line PATH) stands for: the folder itself, or
// the root found from a file's folder.
fs::path site_root_of(const fs::path& p) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) return p;
  return find_root(p.parent_path().empty() ? fs::path(".") : p.parent_path());
}

}  // namespace

std::vector<SelectedPair> select_pairs(const std::vector<std::string>& paths,
                                       std::vector<std::string>& notices) {
  std::vector<SelectedPair> out;
  if (paths.empty()) {
    add_site(find_root(fs::current_path()), std::nullopt, out, notices);
    return out;
  }
  std::error_code ec;
  for (const auto& path : paths) {
    fs::path p(path);
    if (!fs::exists(p, ec)) throw Error(path, 0, "no such file or folder", "check the path");
    if (fs::is_directory(p, ec)) {
      add_site(p, std::nullopt, out, notices);
    } else {
      add_site(site_root_of(p), p, out, notices);
    }
  }
  return out;
}

std::vector<ProtectedPath> site_inputs(const std::vector<std::string>& paths,
                                       const std::vector<SelectedPair>& selected) {
  std::vector<ProtectedPath> out;
  for (const auto& s : selected) {
    out.push_back({s.config.root / s.pair.source, "a document this run reads"});
    out.push_back({s.config.root / s.pair.target, "a document this run reads"});
  }
  std::vector<fs::path> roots;
  if (paths.empty()) roots.push_back(find_root(fs::current_path()));
  for (const auto& path : paths) roots.push_back(site_root_of(path));
  for (const auto& root : roots) {
    Config config = load_config(root);
    for (const auto& c : config.content_paths) {
      out.push_back({root / c, "the content folder of the site"});
    }
    for (const auto& [language, dir] : config.language_content_dirs) {
      out.push_back({root / dir, "the " + language + " content folder of the site"});
    }
    for (const char* name : {"accord.toml", "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
                             "config.toml", "config.yaml", "config.yml", "config.json"}) {
      out.push_back({root / name, "a configuration file of the site"});
    }
  }
  return out;
}

std::vector<SelectedPair> select_pairs(const std::vector<std::string>& paths) {
  std::vector<std::string> notices;
  auto pairs = select_pairs(paths, notices);
  if (!notices.empty()) throw Error("", 0, notices.front());
  return pairs;
}

}  // namespace accord::cli
