#include <fmt/format.h>
#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <accord/config.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

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

json yaml_to_json(const YAML::Node& node, int depth) {
  if (depth > 64) return nullptr;
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return node.Scalar();
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const auto& item : node) out.push_back(yaml_to_json(item, depth + 1));
      return out;
    }
    case YAML::NodeType::Map: {
      json out = json::object();
      for (const auto& kv : node)
        out[kv.first.as<std::string>("")] = yaml_to_json(kv.second, depth + 1);
      return out;
    }
    default:
      return nullptr;
  }
}

json toml_to_json(const toml::node& node) {
  if (auto* t = node.as_table()) {
    json out = json::object();
    for (auto&& [k, v] : *t) out[std::string(k.str())] = toml_to_json(v);
    return out;
  }
  if (auto* a = node.as_array()) {
    json out = json::array();
    for (auto&& v : *a) out.push_back(toml_to_json(v));
    return out;
  }
  if (auto* s = node.as_string()) return s->get();
  if (auto* i = node.as_integer()) return std::to_string(i->get());
  if (auto* b = node.as_boolean()) return b->get() ? "true" : "false";
  return nullptr;
}

// Hugo config as JSON with every key lower-cased (Hugo's keys are
// case-insensitive). Like yaml_to_json, values nested deeper than accord ever
// reads are dropped: nlohmann-json parses any depth, and recursing into a
// hugo.json of 200,000 nested '[' would overflow the stack.
json lower_keys(const json& j, int depth) {
  if (depth > 64) return nullptr;
  if (j.is_object()) {
    json out = json::object();
    for (auto& [k, v] : j.items()) out[lower(k)] = lower_keys(v, depth + 1);
    return out;
  }
  if (j.is_array()) {
    json out = json::array();
    for (const auto& v : j) out.push_back(lower_keys(v, depth + 1));
    return out;
  }
  return j;
}

json read_hugo_config(const fs::path& path) {
  std::string text = read_text_file(path.string());
  std::string ext = path.extension().string();
  try {
    if (ext == ".toml") return lower_keys(toml_to_json(toml::parse(text, path.string())), 0);
    if (ext == ".json") return lower_keys(json::parse(text), 0);
    return lower_keys(yaml_to_json(YAML::Load(text), 0), 0);
  } catch (const toml::parse_error& e) {
    throw Error(path.string(), static_cast<int>(e.source().begin.line),
                fmt::format("malformed Hugo config: {}", e.description()), "fix the TOML");
  } catch (const json::exception& e) {
    // parse_error, and out_of_range for a number too large (1e999).
    throw Error(path.string(), 0, fmt::format("malformed Hugo config: {}", e.what()),
                "fix the JSON");
  } catch (const YAML::Exception& e) {
    throw Error(path.string(), e.mark.line + 1, fmt::format("malformed Hugo config: {}", e.msg),
                "fix the YAML");
  }
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
  std::string text = read_text_file(file);
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

Config load_config(const fs::path& root) {
  Config config;
  config.root = root;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    throw Error(root.string(), 0, "not a folder", "name the site or repository root");
  }
  std::optional<std::string> hugo_default;
  for (const char* name : k_config_names) {
    fs::path p = root / name;
    if (!fs::exists(p, ec)) continue;
    json hugo = read_hugo_config(p);
    config.hugo_config = p.string();
    if (hugo.contains("defaultcontentlanguage") && hugo["defaultcontentlanguage"].is_string()) {
      hugo_default = lower(hugo["defaultcontentlanguage"].get<std::string>());
    }
    if (hugo.contains("contentdir") && hugo["contentdir"].is_string()) {
      config.content_paths = {hugo["contentdir"].get<std::string>()};
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
