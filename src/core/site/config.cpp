#include <fmt/format.h>
#include <toml++/toml.h>

#include <accord/config.hpp>
#include <accord/data.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace accord {
namespace fs = std::filesystem;
namespace {

using json = nlohmann::ordered_json;

constexpr const char* k_config_names[] = {"hugo.toml",  "hugo.yaml",   "hugo.yml",
                                          "hugo.json",  "config.toml", "config.yaml",
                                          "config.yml", "config.json"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Hugo config as JSON with every key lower-cased (Hugo's keys are
// case-insensitive). parse_data has bounded the depth (k_max_data_depth).
json lower_keys(const json& j) {
  if (j.is_object()) {
    // Appended, not through operator[], which searches ordered_json's vector
    // (quadratic in the keys); "Title" and "title" are one key, the last wins.
    json out = json::object();
    auto& members = out.get_ref<json::object_t&>();
    std::unordered_map<std::string, std::size_t> index;
    for (auto& [k, v] : j.items()) {
      auto [at, fresh] = index.emplace(lower(k), members.size());
      if (fresh) {
        members.emplace_back(at->first, lower_keys(v));
      } else {
        (members.begin() + static_cast<long>(at->second))->second = lower_keys(v);
      }
    }
    return out;
  }
  if (j.is_array()) {
    json out = json::array();
    for (const auto& v : j) out.push_back(lower_keys(v));
    return out;
  }
  return j;
}

// The file's text through the bounded loader (data.hpp): aliases, nesting
// and size are limited as for front matter.
json checked_data(const std::string& text, const std::string& file, DataFormat format,
                  const std::string& what) {
  const char* language = format == DataFormat::toml   ? "TOML"
                         : format == DataFormat::json ? "JSON"
                                                      : "YAML";
  auto data = parse_data(text, format,
                         DataSource{file, 1, what, fmt::format("malformed {}", what),
                                    fmt::format("fix the {}", language)});
  if (!data) throw Error(data.error());
  return std::move(data->value);
}

json read_hugo_config(const fs::path& path, std::size_t max_size) {
  std::string ext = path.extension().string();
  DataFormat format = ext == ".toml"   ? DataFormat::toml
                      : ext == ".json" ? DataFormat::json
                                       : DataFormat::yaml;
  std::string file = path.string();
  return lower_keys(checked_data(read_text_file(file, max_size), file, format, "Hugo config"));
}

std::vector<std::string> string_list(const toml::node& node, const std::string& file,
                                     std::string_view key) {
  std::vector<std::string> out;
  const toml::array* arr = node.as_array();
  if (!arr) {
    throw Error(file, static_cast<int>(node.source().begin.line),
                fmt::format("'{}' must be an array of strings", key),
                fmt::format("write {} = [\"…\"]", key));
  }
  for (auto&& v : *arr) {
    auto* s = v.as_string();
    if (!s) {
      throw Error(file, static_cast<int>(v.source().begin.line),
                  fmt::format("'{}' must be an array of strings", key),
                  fmt::format("write {} = [\"…\"]", key));
    }
    out.push_back(s->get());
  }
  return out;
}

void read_accord_toml(const fs::path& path, Config& config) {
  std::string file = path.string();
  std::string text = read_text_file(file, config.max_file_size);
  // The limits first; the keys are then read with toml++'s types and lines.
  checked_data(text, file, DataFormat::toml, "accord.toml");
  toml::table table;
  try {
    table = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw Error(file, static_cast<int>(e.source().begin.line),
                fmt::format("malformed accord.toml: {}", e.description()), "fix the TOML");
  }
  config.accord_toml = file;
  for (auto&& [key, node] : table) {
    std::string_view k = key.str();
    int line = static_cast<int>(key.source().begin.line);
    if (k == "source_language") {
      auto* s = node.as_string();
      if (!s)
        throw Error(file, line, "'source_language' must be a string",
                    "e.g. source_language = \"en\"");
      config.source_language = s->get();
    } else if (k == "target_languages") {
      config.target_languages = string_list(node, file, k);
    } else if (k == "content_paths") {
      config.content_paths = string_list(node, file, k);
      config.content_paths_origin = file + ": content_paths";
    } else if (k == "heading_shortcodes") {
      config.document.heading_shortcodes = string_list(node, file, k);
    } else if (k == "translatable_keys") {
      config.translatable_keys = string_list(node, file, k);
    } else if (k == "notice_days") {
      auto* days = node.as_integer();
      if (!days || days->get() < 0 || days->get() > 3650) {
        throw Error(file, line, "'notice_days' must be a whole number of days from 0 to 3650",
                    "e.g. notice_days = 30");
      }
      config.notice_days = static_cast<int>(days->get());
    } else if (k == "notice_templates") {
      auto* templates = node.as_table();
      if (!templates) {
        throw Error(file, line, "'notice_templates' must be a table of language = file",
                    "e.g. [notice_templates] then de = \"notice.de.md\"");
      }
      for (auto&& [lang, value] : *templates) {
        auto* p = value.as_string();
        if (!p) {
          throw Error(file, static_cast<int>(lang.source().begin.line),
                      fmt::format("notice template for '{}' must be a file name", lang.str()),
                      "e.g. de = \"notice.de.md\"");
        }
        // A template's text goes into the notice: a path that leaves the
        // site would print any file the user can read (/etc/passwd).
        if (!is_inside(config.root, config.root / p->get())) {
          throw Error(
              file, static_cast<int>(value.source().begin.line),
              fmt::format("notice template for '{}' is outside the site: {}", lang.str(), p->get()),
              fmt::format("name a file inside {}, relative to it", config.root.string()));
        }
        config.notice_templates[std::string(lang.str())] = p->get();
      }
    } else {
      throw Error(file, line, fmt::format("unknown key '{}'", k),
                  "known keys are source_language, target_languages, content_paths, "
                  "heading_shortcodes, translatable_keys, notice_days, notice_templates");
    }
  }
}

}  // namespace

bool is_inside(const fs::path& root, const fs::path& path) {
  std::error_code ec;
  const fs::path r = fs::weakly_canonical(fs::absolute(root, ec), ec);
  if (ec) return false;
  const fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return false;
  auto at = p.begin();
  for (const auto& part : r) {
    if (part.empty()) continue;  // the trailing "" of "/a/b/"
    if (at == p.end() || *at != part) return false;
    ++at;
  }
  return true;
}

std::optional<NoticeTemplate> read_notice_template(const Config& config,
                                                   const std::string& language) {
  auto named = config.notice_templates.find(language);
  if (named == config.notice_templates.end()) return std::nullopt;
  fs::path path = config.root / named->second;
  if (!is_inside(config.root, path)) {
    throw Error(path.string(), 0,
                fmt::format("notice template for '{}' is outside the site (a symlink?)", language),
                fmt::format("keep the template inside {}", config.root.string()));
  }
  return NoticeTemplate{path.string(), read_text_file(path.string(), config.max_file_size)};
}

fs::path find_root(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / "accord.toml", ec) || fs::exists(p / ".git", ec)) return p;
    for (const char* name : k_config_names) {
      if (fs::exists(p / name, ec)) return p;
    }
    if (p == p.parent_path()) break;
  }
  return dir;
}

Config load_config(const fs::path& root, std::size_t max_file_size) {
  Config config;
  config.root = root;
  config.max_file_size = max_file_size;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    throw Error(root.string(), 0, "not a folder", "name the site or repository root");
  }
  std::optional<std::string> hugo_default;
  for (const char* name : k_config_names) {
    fs::path p = root / name;
    if (!fs::exists(p, ec)) continue;
    json hugo = read_hugo_config(p, max_file_size);
    config.hugo_config = p.string();
    if (hugo.contains("defaultcontentlanguage") && hugo["defaultcontentlanguage"].is_string()) {
      hugo_default = lower(hugo["defaultcontentlanguage"].get<std::string>());
    }
    if (hugo.contains("contentdir") && hugo["contentdir"].is_string()) {
      config.content_paths = {hugo["contentdir"].get<std::string>()};
      config.content_paths_origin = p.string() + ": contentDir";
    }
    if (hugo.contains("languages") && hugo["languages"].is_object()) {
      for (auto& [lang, settings] : hugo["languages"].items()) {
        config.hugo_languages.push_back(lang);
        if (settings.is_object() && settings.contains("contentdir") &&
            settings["contentdir"].is_string()) {
          config.language_content_dirs[lang] = settings["contentdir"].get<std::string>();
        }
      }
    }
    break;
  }
  if (hugo_default) config.source_language = *hugo_default;
  fs::path accord_toml = root / "accord.toml";
  if (fs::exists(accord_toml, ec)) read_accord_toml(accord_toml, config);
  if (config.content_paths.empty()) config.content_paths = {"content"};
  return config;
}

}  // namespace accord
