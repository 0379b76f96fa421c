// Configuration: accord.toml at the site/repository root, plus what accord
// reads from Hugo's own configuration (hugo.* or config.*).
#pragma once

#include <accord/document.hpp>
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
  std::string accord_toml;  // path of accord.toml when there is one
  std::string hugo_config;  // path of the Hugo config file when there is one
};

// Reads ROOT/accord.toml (optional) and the Hugo config there (optional).
// Throws Error on a malformed file or an unknown key in accord.toml, naming
// the file, the line and the key.
Config load_config(const std::filesystem::path& root);

// The root to use when the user names none: the nearest folder at or above
// START with accord.toml, a Hugo config, or .git; START itself when none.
std::filesystem::path find_root(const std::filesystem::path& start);

}  // namespace accord
