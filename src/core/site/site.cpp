#include <fmt/format.h>

#include <accord/front_matter.hpp>
#include <accord/site.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace accord {
namespace fs = std::filesystem;
namespace {

bool is_markdown(const fs::path& p) {
  auto ext = p.extension().string();
  return ext == ".md" || ext == ".markdown";
}

bool inside(const fs::path& root_canonical, const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::canonical(p, ec);
  if (ec) return false;
  auto r = root_canonical.generic_string();
  auto s = c.generic_string();
  return s == r || (s.size() > r.size() && s.compare(0, r.size(), r) == 0 && s[r.size()] == '/');
}

// Markdown files under DIR, skipping anything whose real path leaves ROOT.
std::vector<fs::path> markdown_files(const fs::path& dir, const fs::path& root_canonical) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (auto it =
           fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const auto& entry = *it;
    if (!is_markdown(entry.path())) continue;
    if (!entry.is_regular_file(ec)) continue;
    if (!inside(root_canonical, entry.path())) continue;
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string rel(const fs::path& p, const fs::path& root) {
  return fs::relative(p, root).generic_string();
}

// name.LANG.md → {name, LANG}; LANG must pass IS_LANG.
template <class IsLang>
std::pair<std::string, std::string> split_language(const fs::path& p, IsLang is_lang) {
  std::string stem = p.stem().string();
  auto dot = stem.rfind('.');
  if (dot != std::string::npos && dot > 0) {
    std::string lang = stem.substr(dot + 1);
    if (is_lang(lang)) return {stem.substr(0, dot), lang};
  }
  return {stem, ""};
}

std::optional<std::string> translation_key(const fs::path& p, std::size_t max_size) {
  std::string text = read_text_file(p.string(), max_size);
  auto fm = parse_front_matter(text, p.string());
  if (!fm) throw Error(fm.error());
  const FrontMatterEntry* e = fm->front_matter.find("translationKey");
  if (!e || !e->value.is_string()) return std::nullopt;
  return e->value.get<std::string>();
}

// "et", "en", "pt-br", "zh-Hant": two or three lower-case letters and an
// optional region or script subtag.
bool looks_like_language_code(std::string_view s) {
  auto dash = s.find('-');
  std::string_view lang = s.substr(0, dash);
  if (lang.size() < 2 || lang.size() > 3) return false;
  if (!std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return false;
  if (dash == std::string_view::npos) return true;
  std::string_view sub = s.substr(dash + 1);
  return sub.size() >= 2 && sub.size() <= 8 && std::all_of(sub.begin(), sub.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c));
         });
}

struct Member {
  fs::path path;
  bool by_key = false;
};

}  // namespace

SiteScan scan_site(const Config& config) {
  SiteScan scan;
  std::error_code ec;
  fs::path root_canonical = fs::canonical(config.root, ec);
  if (ec) throw Error(config.root.string(), 0, "no such folder", "name the site root");

  std::set<std::string> known(config.hugo_languages.begin(), config.hugo_languages.end());
  known.insert(config.target_languages.begin(), config.target_languages.end());
  for (auto& [lang, dir] : config.language_content_dirs) known.insert(lang);
  const bool open_set = known.empty();
  known.insert(config.source_language);
  auto is_lang = [&](const std::string& s) {
    return known.count(s) > 0 || (open_set && looks_like_language_code(s));
  };

  std::set<std::string> found_languages;
  // group key → language → file
  std::map<std::string, std::map<std::string, Member>> groups;

  // A folder the config names outside the root (contentDir = "/etc") would
  // be walked whole for nothing: every file in it is then skipped.
  auto outside = [&](const fs::path& base, const std::string& origin, const std::string& dir) {
    if (is_inside(root_canonical, base)) return false;
    scan.notes.push_back(
        fmt::format("{} '{}' is outside the site, not read; name a folder inside {}",
                    origin.empty() ? "content folder" : origin, dir, config.root.string()));
    return true;
  };

  if (!config.language_content_dirs.empty()) {
    // content/LANG/… trees: files match by their path inside the tree.
    for (const auto& [lang, dir] : config.language_content_dirs) {
      fs::path base = config.root / dir;
      found_languages.insert(lang);
      if (outside(base, config.hugo_config + ": languages." + lang + ".contentDir", dir)) continue;
      for (const auto& p : markdown_files(base, root_canonical)) {
        groups["dir:" + rel(p, base)][lang] = Member{p, false};
      }
    }
  } else {
    for (const auto& content : config.content_paths) {
      fs::path base = config.root / content;
      if (outside(base, config.content_paths_origin, content)) continue;
      if (!fs::is_directory(base, ec)) {
        throw Error((config.root / content).string(), 0, "content folder not found",
                    "create it, or set content_paths in accord.toml");
      }
      for (const auto& p : markdown_files(base, root_canonical)) {
        auto [stem, lang] = split_language(p, is_lang);
        if (lang.empty()) lang = config.source_language;
        found_languages.insert(lang);
        if (auto key = translation_key(p, config.max_file_size)) {
          groups["key:" + *key][lang] = Member{p, true};
        } else {
          groups["file:" + rel(p.parent_path() / stem, config.root)][lang] = Member{p, false};
        }
      }
    }
  }

  if (!config.target_languages.empty()) {
    scan.languages = config.target_languages;
  } else {
    std::set<std::string> langs = found_languages;
    langs.insert(config.hugo_languages.begin(), config.hugo_languages.end());
    for (const auto& l : langs) {
      if (l != config.source_language) scan.languages.push_back(l);
    }
  }

  for (const auto& [key, members] : groups) {
    auto src = members.find(config.source_language);
    if (src == members.end()) continue;
    for (const auto& lang : scan.languages) {
      auto tgt = members.find(lang);
      if (tgt == members.end()) {
        scan.missing.push_back({rel(src->second.path, config.root), lang});
        continue;
      }
      std::string how = key.rfind("dir:", 0) == 0   ? "content-dir"
                        : key.rfind("key:", 0) == 0 ? "translation-key"
                                                    : "filename";
      scan.pairs.push_back({rel(src->second.path, config.root), rel(tgt->second.path, config.root),
                            config.source_language, lang, how});
    }
  }
  auto by_source = [](const auto& a, const auto& b) {
    return std::tie(a.source, a.target) < std::tie(b.source, b.target);
  };
  std::sort(scan.pairs.begin(), scan.pairs.end(), by_source);
  std::sort(scan.missing.begin(), scan.missing.end(), [](const auto& a, const auto& b) {
    return std::tie(a.source, a.language) < std::tie(b.source, b.language);
  });
  return scan;
}

}  // namespace accord
