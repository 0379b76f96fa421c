#include <fmt/format.h>
#include <toml++/toml.h>
#include <unicode/utf8.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <accord/front_matter.hpp>
#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_set>

namespace accord {
namespace {

using json = nlohmann::ordered_json;

// Appends a member to an object without looking the key up first.
// ordered_json's operator[] and contains() search a vector, so building a
// map of n keys through them takes O(n^2) time (a minute for 100,000 keys);
// every caller here has already made sure the key is new.
void append_member(json& object, std::string key, json value) {
  object.get_ref<json::object_t&>().emplace_back(std::move(key), std::move(value));
}

// Thrown inside this file only; parse_front_matter turns it into a value.
struct Stop {
  Failure failure;
};

// A line of the text, without its '\n'.
struct Line {
  std::string_view text;
  std::size_t offset;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      if (pos < text.size()) lines.push_back({text.substr(pos), pos});
      break;
    }
    lines.push_back({text.substr(pos, nl - pos), pos});
    pos = nl + 1;
  }
  return lines;
}

std::string_view rtrim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_integer(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// --- YAML -----------------------------------------------------------------

// TEXT, a scalar as yaml-cpp decoded it, as valid UTF-8; nullopt when it is
// not. The front matter's text is valid UTF-8 (decode_text), and yaml-cpp
// (0.7) writes every escape as UTF-8 but two: "\N" (U+0085) and "\_"
// (U+00A0) come out as the single bytes 0x85 and 0xA0. A lone such byte is
// written as its code point's two UTF-8 bytes; anything else ill-formed is
// refused rather than passed on.
std::optional<std::string> yaml_utf8(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 2);
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c >= 0) {
      out.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    } else if (i == start + 1 && (p[start] == 0x85 || p[start] == 0xA0)) {
      out += '\xC2';
      out += static_cast<char>(p[start]);
    } else {
      return std::nullopt;
    }
  }
  return out;
}

class YamlConverter {
 public:
  YamlConverter(const std::string& file, int first_line) : m_file(file), m_first_line(first_line) {}

  json convert(const YAML::Node& node, int depth) {
    if (++m_nodes > k_max_front_matter_nodes) {
      fail(node,
           fmt::format("front matter expands to more than {} values (YAML aliases?)",
                       k_max_front_matter_nodes),
           "remove the repeated aliases");
    }
    if (depth > k_max_front_matter_depth) {
      fail(node, fmt::format("front matter nested deeper than {} levels", k_max_front_matter_depth),
           "flatten the front matter");
    }
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        return nullptr;
      case YAML::NodeType::Scalar:
        return scalar(node);
      case YAML::NodeType::Sequence: {
        json out = json::array();
        for (const auto& item : node) out.push_back(convert(item, depth + 1));
        return out;
      }
      case YAML::NodeType::Map: {
        json out = json::object();
        std::unordered_set<std::string> seen;
        for (const auto& kv : node) {
          std::string key = kv.first.IsScalar() ? text_of(kv.first) : std::string{};
          if (!seen.insert(key).second) {
            fail(kv.first, fmt::format("duplicate front matter key '{}'", key),
                 "Hugo rejects duplicate keys too; keep one");
          }
          append_member(out, std::move(key), convert(kv.second, depth + 1));
        }
        return out;
      }
    }
    return nullptr;
  }

  int line_of(const YAML::Node& node) const { return m_first_line + node.Mark().line; }

  [[noreturn]] void fail(const YAML::Node& node, std::string what, std::string hint) const {
    throw Stop{Failure{m_file, line_of(node), std::move(what), std::move(hint)}};
  }

  // NODE's scalar text as valid UTF-8 (see yaml_utf8), or a failure at its
  // line.
  std::string text_of(const YAML::Node& node) const {
    auto text = yaml_utf8(node.Scalar());
    if (!text) {
      fail(node, "a YAML escape in the front matter decodes to text that is not valid UTF-8",
           "write the character itself instead of the escape");
    }
    return std::move(*text);
  }

 private:
  json scalar(const YAML::Node& node) const {
    const std::string s = text_of(node);
    if (node.Tag() != "?") return s;  // quoted or explicitly tagged: keep the text
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
    if (is_integer(s)) {
      long long v = 0;
      auto begin = s.data() + (s.front() == '+' ? 1 : 0);
      auto [ptr, ec] = std::from_chars(begin, s.data() + s.size(), v);
      if (ec == std::errc() && ptr == s.data() + s.size()) return v;
    }
    double d = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec == std::errc() && ptr == s.data() + s.size() && s.find_first_of(".eE") != s.npos) {
      return d;
    }
    return s;
  }

  const std::string& m_file;
  int m_first_line;
  std::size_t m_nodes = 0;
};

void parse_yaml(std::string_view body, int first_line, const std::string& file, FrontMatter& fm) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(body));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp stops at 500 levels with the message "bad file"; say what the
    // limit below would have said.
    throw Stop{
        Failure{file, first_line + std::max(0, e.mark.line),
                fmt::format("front matter nested deeper than {} levels", k_max_front_matter_depth),
                "flatten the front matter"}};
  } catch (const YAML::Exception& e) {
    throw Stop{Failure{file, first_line + std::max(0, e.mark.line),
                       fmt::format("malformed YAML front matter: {}", e.msg),
                       "fix the YAML between the '---' lines"}};
  }
  if (root.IsNull()) return;
  YamlConverter conv(file, first_line);
  if (!root.IsMap()) {
    conv.fail(root, "YAML front matter is not a map of keys", "write 'key: value' lines");
  }
  std::set<std::string> seen;
  for (const auto& kv : root) {
    std::string key = kv.first.IsScalar() ? conv.text_of(kv.first) : std::string{};
    if (!seen.insert(key).second) {
      conv.fail(kv.first, fmt::format("duplicate front matter key '{}'", key),
                "Hugo rejects duplicate keys too; keep one");
    }
    fm.entries.push_back({key, conv.convert(kv.second, 1), conv.line_of(kv.first)});
  }
}

// --- TOML -----------------------------------------------------------------

json toml_to_json(const toml::node& node, int depth, const std::string& file) {
  if (depth > k_max_front_matter_depth) {
    throw Stop{
        Failure{file, static_cast<int>(node.source().begin.line),
                fmt::format("front matter nested deeper than {} levels", k_max_front_matter_depth),
                "flatten the front matter"}};
  }
  if (auto* t = node.as_table()) {
    std::vector<std::pair<const toml::key*, const toml::node*>> items;
    for (auto&& [k, v] : *t) items.emplace_back(&k, &v);
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
      return a.first->source().begin < b.first->source().begin;
    });
    json out = json::object();
    // toml++ has already rejected duplicate keys.
    for (auto& [k, v] : items)
      append_member(out, std::string(k->str()), toml_to_json(*v, depth + 1, file));
    return out;
  }
  if (auto* a = node.as_array()) {
    json out = json::array();
    for (auto&& v : *a) out.push_back(toml_to_json(v, depth + 1, file));
    return out;
  }
  if (auto* s = node.as_string()) return s->get();
  if (auto* i = node.as_integer()) return i->get();
  if (auto* f = node.as_floating_point()) return f->get();
  if (auto* b = node.as_boolean()) return b->get();
  std::ostringstream os;
  if (auto* d = node.as_date()) os << d->get();
  if (auto* t = node.as_time()) os << t->get();
  if (auto* dt = node.as_date_time()) os << dt->get();
  return os.str();
}

void parse_toml(std::string_view body, int first_line, const std::string& file, FrontMatter& fm) {
  // Pad with newlines so toml++'s line numbers are the file's.
  std::string padded(static_cast<std::size_t>(first_line - 1), '\n');
  padded.append(body);
  toml::table table;
  try {
    table = toml::parse(padded, file);
  } catch (const toml::parse_error& e) {
    throw Stop{Failure{file, static_cast<int>(e.source().begin.line),
                       fmt::format("malformed TOML front matter: {}", e.description()),
                       "fix the TOML between the '+++' lines"}};
  }
  std::vector<std::pair<const toml::key*, const toml::node*>> items;
  for (auto&& [k, v] : table) items.emplace_back(&k, &v);
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
    return a.first->source().begin < b.first->source().begin;
  });
  for (auto& [k, v] : items) {
    fm.entries.push_back({std::string(k->str()), toml_to_json(*v, 1, file),
                          static_cast<int>(k->source().begin.line)});
  }
}

// --- JSON -----------------------------------------------------------------

// Finds the end of Hugo JSON front matter (the brace that closes the first
// one), and on the way the top-level keys' lines and any duplicate key,
// which nlohmann-json would otherwise silently merge.
struct JsonScan {
  std::size_t end = std::string_view::npos;  // one past the closing brace
  std::vector<std::pair<std::string, int>> top_keys;
};

JsonScan scan_json(std::string_view text, const std::string& file) {
  JsonScan scan;
  std::vector<std::set<std::string>> objects;  // one per open '{'; arrays push nothing
  std::vector<char> stack;
  int line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') ++line;
    if (c == '"') {
      int key_line = line;
      std::size_t start = ++i;
      while (i < text.size() && text[i] != '"') {
        if (text[i] == '\\') ++i;
        if (i < text.size() && text[i] == '\n') ++line;
        ++i;
      }
      if (i >= text.size()) break;
      std::string str(text.substr(start, i - start));
      std::size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n')) ++j;
      if (j < text.size() && text[j] == ':' && !stack.empty() && stack.back() == '{') {
        if (!objects.back().insert(str).second) {
          throw Stop{Failure{file, key_line, fmt::format("duplicate front matter key '{}'", str),
                             "Hugo rejects duplicate keys too; keep one"}};
        }
        if (stack.size() == 1) scan.top_keys.emplace_back(str, key_line);
      }
      continue;
    }
    if (c == '{' || c == '[') {
      stack.push_back(c);
      if (c == '{') objects.emplace_back();
      if (static_cast<int>(stack.size()) > k_max_front_matter_depth) {
        throw Stop{Failure{
            file, line,
            fmt::format("front matter nested deeper than {} levels", k_max_front_matter_depth),
            "flatten the front matter"}};
      }
    } else if (c == '}' || c == ']') {
      if (stack.empty()) break;
      if (stack.back() == '{') objects.pop_back();
      stack.pop_back();
      if (stack.empty()) {
        scan.end = i + 1;
        break;
      }
    }
  }
  return scan;
}

// Builds the ordered_json of JSON front matter in linear time, as a SAX
// handler for nlohmann-json's own parser (ordered_json::parse inserts every
// key through operator[], which is quadratic; see append_member). Parse
// errors are rethrown as the exceptions json::parse would have thrown.
class OrderedJsonBuilder {
 public:
  explicit OrderedJsonBuilder(const std::string& file) : m_file(file) {}

  json take() { return std::move(m_root); }

  bool null() { return add(nullptr) != nullptr; }
  bool boolean(bool v) { return add(v) != nullptr; }
  bool number_integer(json::number_integer_t v) { return add(v) != nullptr; }
  bool number_unsigned(json::number_unsigned_t v) { return add(v) != nullptr; }
  bool number_float(json::number_float_t v, const json::string_t&) { return add(v) != nullptr; }
  bool string(json::string_t& v) { return add(std::move(v)) != nullptr; }
  bool binary(json::binary_t& v) { return add(json::binary(std::move(v))) != nullptr; }
  bool start_object(std::size_t) {
    m_stack.push_back(add(json::object()));
    m_keys.emplace_back();
    return true;
  }
  bool key(json::string_t& k) {
    // scan_json compares keys as written; "a" and "\u0061" differ there
    // and are the same key here.
    if (!m_keys.back().insert(k).second) {
      throw Stop{Failure{m_file, 1, fmt::format("duplicate front matter key '{}'", k),
                         "Hugo rejects duplicate keys too; keep one"}};
    }
    m_key = std::move(k);
    return true;
  }
  bool end_object() {
    m_stack.pop_back();
    m_keys.pop_back();
    return true;
  }
  bool start_array(std::size_t) {
    m_stack.push_back(add(json::array()));
    return true;
  }
  bool end_array() {
    m_stack.pop_back();
    return true;
  }
  template <class Exception>
  bool parse_error(std::size_t, const std::string&, const Exception& ex) {
    throw ex;
  }

 private:
  // Adds a value to the open array or object (or makes it the root) and
  // returns where it now lives. Pointers on m_stack stay valid: only the
  // innermost open container grows.
  json* add(json value) {
    if (m_stack.empty()) {
      m_root = std::move(value);
      return &m_root;
    }
    json& top = *m_stack.back();
    if (top.is_array()) {
      top.push_back(std::move(value));
      return &top.back();
    }
    auto& members = top.get_ref<json::object_t&>();
    members.emplace_back(std::move(m_key), std::move(value));
    return &members.back().second;
  }

  const std::string& m_file;
  json m_root;
  std::vector<json*> m_stack;
  std::vector<std::unordered_set<std::string>> m_keys;
  std::string m_key;
};

int line_at(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(byte), '\n'));
}

}  // namespace

std::string_view to_string(FrontMatterFormat format) {
  switch (format) {
    case FrontMatterFormat::none:
      return "none";
    case FrontMatterFormat::yaml:
      return "yaml";
    case FrontMatterFormat::toml:
      return "toml";
    case FrontMatterFormat::json:
      return "json";
  }
  return "none";
}

const FrontMatterEntry* FrontMatter::find(std::string_view key) const {
  for (const auto& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

tl::expected<FrontMatterSplit, Failure> parse_front_matter(std::string_view text,
                                                           const std::string& file) {
  FrontMatterSplit split;
  if (text.empty()) return split;
  try {
    // "{{" opens a shortcode, not JSON front matter.
    if (text.front() == '{' && (text.size() < 2 || text[1] != '{')) {
      auto scan = scan_json(text, file);
      if (scan.end == std::string_view::npos) {
        return tl::unexpected(Failure{file, 1, "JSON front matter opened at line 1 is never closed",
                                      "add the closing '}'"});
      }
      std::string_view body = text.substr(0, scan.end);
      json value;
      try {
        OrderedJsonBuilder builder(file);
        json::sax_parse(body, &builder);
        value = builder.take();
      } catch (const json::parse_error& e) {
        return tl::unexpected(Failure{file, line_at(text, e.byte == 0 ? 0 : e.byte - 1),
                                      "malformed JSON front matter",
                                      "fix the JSON object at the top of the file"});
      } catch (const json::out_of_range& e) {
        // nlohmann-json reports a number too large for a double (1e999) as
        // out_of_range ("number overflow parsing '1e999'"), not parse_error.
        std::string_view what = e.what();
        auto open = what.find('\'');
        auto close = what.rfind('\'');
        std::string number =
            open < close ? std::string(what.substr(open + 1, close - open - 1)) : std::string();
        auto at = number.empty() ? std::string_view::npos : body.find(number);
        return tl::unexpected(Failure{file, line_at(text, at == std::string_view::npos ? 0 : at),
                                      fmt::format("number {}in JSON front matter is too large",
                                                  number.empty() ? "" : number + " "),
                                      "write a smaller number, or quote it to keep it as text"});
      }
      split.front_matter.format = FrontMatterFormat::json;
      split.front_matter.line = 1;
      split.front_matter.end_line = line_at(text, scan.end - 1);
      std::size_t k = 0;
      for (auto& [key, v] : value.items()) {
        int line = k < scan.top_keys.size() ? scan.top_keys[k].second : 1;
        split.front_matter.entries.push_back({key, v, line});
        ++k;
      }
      auto nl = text.find('\n', scan.end);
      split.body_offset = nl == std::string_view::npos ? text.size() : nl + 1;
      split.body_line = split.front_matter.end_line + 1;
      return split;
    }

    auto lines = split_lines(text);
    if (lines.empty()) return split;
    std::string_view opener = rtrim(lines[0].text);
    FrontMatterFormat format = opener == "---"   ? FrontMatterFormat::yaml
                               : opener == "+++" ? FrontMatterFormat::toml
                                                 : FrontMatterFormat::none;
    if (format == FrontMatterFormat::none) return split;
    std::size_t close = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
      if (rtrim(lines[i].text) == opener) {
        close = i;
        break;
      }
    }
    if (close == 0) {
      return tl::unexpected(
          Failure{file, 1,
                  fmt::format("{} front matter opened at line 1 is never closed",
                              format == FrontMatterFormat::yaml ? "YAML" : "TOML"),
                  fmt::format("add a closing '{}' line after the last key", opener)});
    }
    std::size_t body_start = lines[1].offset;
    std::string_view inner = text.substr(body_start, lines[close].offset - body_start);
    split.front_matter.format = format;
    split.front_matter.line = 1;
    split.front_matter.end_line = static_cast<int>(close) + 1;
    if (format == FrontMatterFormat::yaml) {
      parse_yaml(inner, 2, file, split.front_matter);
    } else {
      parse_toml(inner, 2, file, split.front_matter);
    }
    split.body_offset = lines[close].offset + lines[close].text.size();
    if (split.body_offset < text.size()) ++split.body_offset;  // the '\n'
    split.body_line = static_cast<int>(close) + 2;
    return split;
  } catch (const Stop& stop) {
    return tl::unexpected(stop.failure);
  }
}

}  // namespace accord
