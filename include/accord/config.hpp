// Configuration: accord.toml at the site/repository root, plus what accord
// reads from Hugo's own configuration (hugo.* or config.*).
#pragma once

#include <accord/document.hpp>
#include <accord/text.hpp>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace accord {

struct Config {
  std::filesystem::path root;  // the folder that holds accord.toml / the Hugo config
  // Language of the originals: accord.toml's source_language, else Hugo's
  // defaultContentLanguage, else "en".
  std::string source_language = "en";
  // Languages translated into; empty means every language found.
  std::vector<std::string> target_languages;
  // Content folders relative to root. Default: Hugo's contentDir or "content".
  std::vector<std::string> content_paths;
  // Per-language content folders from Hugo's languages.<lang>.contentDir.
  std::map<std::string, std::string> language_content_dirs;
  // Languages Hugo's config declares (languages.<lang>), in file order.
  std::vector<std::string> hugo_languages;
  // Front-matter keys whose values are translated.
  std::vector<std::string> translatable_keys = {"title",    "description", "summary", "linkTitle",
                                                "subtitle", "keywords",    "tags",    "categories",
                                                "alt",      "caption"};
  DocumentOptions document;  // heading shortcodes
  // accord.toml's notice_days: overrides the period read from the policy.
  std::optional<int> notice_days;
  // accord.toml's [notice_templates]: language → template file (relative to
  // root), for languages without a built-in template or to replace one.
  std::map<std::string, std::string> notice_templates;
  // Where content_paths came from, for messages: "FILE: KEY" (accord.toml's
  // content_paths or the Hugo config's contentDir); empty for the default.
  std::string content_paths_origin;
  std::string accord_toml;  // path of accord.toml when there is one
  std::string hugo_config;  // path of the Hugo config file when there is one
  // The size limit of every file read for this site (--max-file-size): the
  // configs themselves, the pages scan_site reads, notice templates.
  std::size_t max_file_size = k_default_max_file_size;
};

// Reads ROOT/accord.toml (optional) and the Hugo config there (optional).
// Throws Error on a malformed file or an unknown key in accord.toml, naming
// the file, the line and the key.
Config load_config(const std::filesystem::path& root,
                   std::size_t max_file_size = k_default_max_file_size);

// Whether PATH lies inside ROOT once both are resolved (symlinks followed as
// far as the path exists, "." and ".." removed), compared component by
// component: "/site2" is not inside "/site". An absolute PATH is taken as
// it is. False when either cannot be resolved.
bool is_inside(const std::filesystem::path& root, const std::filesystem::path& path);

// A notice template read from disk, and its file for messages.
struct NoticeTemplate {
  std::string file;
  std::string text;
};

// The template accord.toml's [notice_templates] names for LANGUAGE, read
// from config.root (at most config.max_file_size bytes); nullopt when none is
// named. load_config has refused a name that leaves the root; it is checked
// again here, as a symlink may have changed since. Throws Error naming the
// file when it is outside the root, missing or not UTF-8 text.
std::optional<NoticeTemplate> read_notice_template(const Config& config,
                                                   const std::string& language);

// The root to use when the user names none: the nearest folder at or above
// START with accord.toml, a Hugo config, or .git; START itself when none.
std::filesystem::path find_root(const std::filesystem::path& start);

}  // namespace accord
