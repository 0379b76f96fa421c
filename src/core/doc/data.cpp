#include <fmt/format.h>
#include <toml++/toml.h>
#include <unicode/utf8.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <accord/data.hpp>
#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_set>

#include "data_scan.hpp"

namespace accord {
namespace {

using json = nlohmann::ordered_json;

// Thrown inside this file only; parse_data turns it into a value.
struct Stop {
  Failure failure;
};

// Appends a member to an object without looking the key up first.
// ordered_json's operator[] and contains() search a vector, so building a
// map of n keys through them takes O(n^2) time (a minute for 100,000 keys);
// every caller here has already made sure the key is new.
void append_member(json& object, std::string key, json value) {
  object.get_ref<json::object_t&>().emplace_back(std::move(key), std::move(value));
}

bool is_integer(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Counts values and checks depth, the same for every format.
class Budget {
 public:
  explicit Budget(const DataSource& source) : m_source(source) {}

  // One more value at DEPTH, at LINE of the file.
  void take(int depth, int line) {
    if (++m_values > k_max_data_values) {
      throw Stop{Failure{m_source.file, line,
                         fmt::format("{} expands to more than {} values (YAML aliases?)",
                                     m_source.what, k_max_data_values),
                         "remove the repeated aliases"}};
    }
    if (depth > k_max_data_depth) too_deep(line);
  }
  [[noreturn]] void too_deep(int line) const {
    throw Stop{
        Failure{m_source.file, line,
                fmt::format("{} nested deeper than {} levels", m_source.what, k_max_data_depth),
                fmt::format("flatten the {}", m_source.what)}};
  }
  [[noreturn]] void duplicate(int line, const std::string& key) const {
    throw Stop{Failure{m_source.file, line,
                       fmt::format("duplicate {} key '{}'", m_source.what, key),
                       "Hugo rejects duplicate keys too; keep one"}};
  }
  const DataSource& source() const { return m_source; }

 private:
  const DataSource& m_source;
  std::size_t m_values = 0;
};

// --- YAML -----------------------------------------------------------------

// TEXT, a scalar as yaml-cpp decoded it, as valid UTF-8; nullopt when it is
// not. The text is valid UTF-8 (decode_text), and yaml-cpp (0.7) writes
// every escape as UTF-8 but two: "\N" (U+0085) and "\_" (U+00A0) come out as
// the single bytes 0x85 and 0xA0. A lone such byte is written as its code
// point's two UTF-8 bytes; anything else ill-formed is refused rather than
// passed on.
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

// yaml-cpp shares an aliased node wherever it is used, so the tree it
// returns is small; converting it expands every alias. The budget is taken
// per value converted, so a "billion laughs" stops after k_max_data_values.
class YamlConverter {
 public:
  explicit YamlConverter(Budget& budget) : m_budget(budget) {}

  json convert(const YAML::Node& node, int depth) {
    m_budget.take(depth, line_of(node));
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
          if (!seen.insert(key).second) m_budget.duplicate(line_of(kv.first), key);
          append_member(out, std::move(key), convert(kv.second, depth + 1));
        }
        return out;
      }
    }
    return nullptr;
  }

  int line_of(const YAML::Node& node) const {
    return m_budget.source().first_line + std::max(0, node.Mark().line);
  }

  [[noreturn]] void fail(const YAML::Node& node, std::string what, std::string hint) const {
    throw Stop{Failure{m_budget.source().file, line_of(node), std::move(what), std::move(hint)}};
  }

  // NODE's scalar text as valid UTF-8 (see yaml_utf8), or a failure at its
  // line.
  std::string text_of(const YAML::Node& node) const {
    auto text = yaml_utf8(node.Scalar());
    if (!text) {
      fail(node,
           fmt::format("a YAML escape in the {} decodes to text that is not valid UTF-8",
                       m_budget.source().what),
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

  Budget& m_budget;
};

DataMap parse_yaml(std::string_view text, Budget& budget) {
  const DataSource& source = budget.source();
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp stops at 500 levels with the message "bad file"; say what the
    // limit would have said.
    budget.too_deep(source.first_line + std::max(0, e.mark.line));
  } catch (const YAML::Exception& e) {
    throw Stop{Failure{source.file, source.first_line + std::max(0, e.mark.line),
                       fmt::format("{}: {}", source.malformed, e.msg), source.fix}};
  }
  DataMap out;
  if (root.IsNull()) return out;
  YamlConverter conv(budget);
  if (!root.IsMap()) {
    conv.fail(root, fmt::format("YAML {} is not a map of keys", source.what),
              "write 'key: value' lines");
  }
  std::set<std::string> seen;
  for (const auto& kv : root) {
    std::string key = kv.first.IsScalar() ? conv.text_of(kv.first) : std::string{};
    if (!seen.insert(key).second) budget.duplicate(conv.line_of(kv.first), key);
    out.key_lines.push_back(conv.line_of(kv.first));
    append_member(out.value, std::move(key), conv.convert(kv.second, 1));
  }
  return out;
}

// --- TOML -----------------------------------------------------------------

// A table's members in file order (toml++ keeps them sorted by key).
std::vector<std::pair<const toml::key*, const toml::node*>> in_file_order(const toml::table& t) {
  std::vector<std::pair<const toml::key*, const toml::node*>> items;
  for (auto&& [k, v] : t) items.emplace_back(&k, &v);
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
    return a.first->source().begin < b.first->source().begin;
  });
  return items;
}

json toml_to_json(const toml::node& node, int depth, Budget& budget) {
  budget.take(depth, static_cast<int>(node.source().begin.line));
  if (auto* t = node.as_table()) {
    json out = json::object();
    // toml++ has already rejected duplicate keys.
    for (auto& [k, v] : in_file_order(*t))
      append_member(out, std::string(k->str()), toml_to_json(*v, depth + 1, budget));
    return out;
  }
  if (auto* a = node.as_array()) {
    json out = json::array();
    for (auto&& v : *a) out.push_back(toml_to_json(v, depth + 1, budget));
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

DataMap parse_toml(std::string_view text, Budget& budget) {
  const DataSource& source = budget.source();
  // Pad with newlines so toml++'s line numbers are the file's.
  std::string padded(static_cast<std::size_t>(std::max(0, source.first_line - 1)), '\n');
  padded.append(text);
  toml::table table;
  try {
    table = toml::parse(padded, source.file);
  } catch (const toml::parse_error& e) {
    throw Stop{Failure{source.file, static_cast<int>(e.source().begin.line),
                       fmt::format("{}: {}", source.malformed, e.description()), source.fix}};
  }
  DataMap out;
  for (auto& [k, v] : in_file_order(table)) {
    out.key_lines.push_back(static_cast<int>(k->source().begin.line));
    append_member(out.value, std::string(k->str()), toml_to_json(*v, 1, budget));
  }
  return out;
}

// --- JSON -----------------------------------------------------------------

// Builds the ordered_json of a JSON text in linear time, as a SAX handler
// for nlohmann-json's own parser (ordered_json::parse inserts every key
// through operator[], which is quadratic; see append_member). Parse errors
// are rethrown as the exceptions json::parse would have thrown.
class OrderedJsonBuilder {
 public:
  explicit OrderedJsonBuilder(Budget& budget) : m_budget(budget) {}

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
    if (!m_keys.back().insert(k).second) m_budget.duplicate(m_budget.source().first_line, k);
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
  // innermost open container grows. The root object is not a value of its
  // own, as in YAML and TOML; scan_json has checked the depth with lines.
  json* add(json value) {
    if (m_stack.empty()) {
      m_root = std::move(value);
      return &m_root;
    }
    m_budget.take(0, m_budget.source().first_line);
    json& top = *m_stack.back();
    if (top.is_array()) {
      top.push_back(std::move(value));
      return &top.back();
    }
    auto& members = top.get_ref<json::object_t&>();
    members.emplace_back(std::move(m_key), std::move(value));
    return &members.back().second;
  }

  Budget& m_budget;
  json m_root;
  std::vector<json*> m_stack;
  std::vector<std::unordered_set<std::string>> m_keys;
  std::string m_key;
};

DataMap parse_json(std::string_view text, Budget& budget) {
  const DataSource& source = budget.source();
  auto scan = detail::scan_json(text, source);
  if (!scan) throw Stop{scan.error()};
  auto at_line = [&](std::size_t byte) {
    return source.first_line - 1 + detail::line_at(text, byte);
  };
  json value;
  try {
    OrderedJsonBuilder builder(budget);
    json::sax_parse(text, &builder);
    value = builder.take();
  } catch (const json::parse_error& e) {
    throw Stop{
        Failure{source.file, at_line(e.byte == 0 ? 0 : e.byte - 1), source.malformed, source.fix}};
  } catch (const json::out_of_range& e) {
    // nlohmann-json reports a number too large for a double (1e999) as
    // out_of_range ("number overflow parsing '1e999'"), not parse_error.
    std::string_view what = e.what();
    auto open = what.find('\'');
    auto close = what.rfind('\'');
    std::string number =
        open < close ? std::string(what.substr(open + 1, close - open - 1)) : std::string();
    auto at = number.empty() ? std::string_view::npos : text.find(number);
    throw Stop{Failure{source.file, at_line(at == std::string_view::npos ? 0 : at),
                       fmt::format("number {}in JSON {} is too large",
                                   number.empty() ? "" : number + " ", source.what),
                       "write a smaller number, or quote it to keep it as text"}};
  }
  DataMap out;
  if (value.is_null()) return out;
  if (!value.is_object()) {
    throw Stop{Failure{source.file, source.first_line,
                       fmt::format("JSON {} is not a map of keys", source.what),
                       "write an object, {\"key\": value}"}};
  }
  out.value = std::move(value);
  for (std::size_t k = 0; k < out.value.size(); ++k) {
    out.key_lines.push_back(k < scan->top_keys.size() ? scan->top_keys[k].second
                                                      : source.first_line);
  }
  return out;
}

}  // namespace

namespace detail {

int line_at(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(byte), '\n'));
}

tl::expected<JsonScan, Failure> scan_json(std::string_view text, const DataSource& source) {
  JsonScan scan;
  std::vector<std::set<std::string>> objects;  // one per open '{'; arrays push nothing
  std::vector<char> stack;
  int line = source.first_line;
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
          return tl::unexpected(Failure{source.file, key_line,
                                        fmt::format("duplicate {} key '{}'", source.what, str),
                                        "Hugo rejects duplicate keys too; keep one"});
        }
        if (stack.size() == 1) scan.top_keys.emplace_back(str, key_line);
      }
      continue;
    }
    if (c == '{' || c == '[') {
      stack.push_back(c);
      if (c == '{') objects.emplace_back();
      if (static_cast<int>(stack.size()) > k_max_data_depth) {
        return tl::unexpected(
            Failure{source.file, line,
                    fmt::format("{} nested deeper than {} levels", source.what, k_max_data_depth),
                    fmt::format("flatten the {}", source.what)});
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

}  // namespace detail

tl::expected<DataMap, Failure> parse_data(std::string_view text, DataFormat format,
                                          const DataSource& source) {
  Budget budget(source);
  try {
    switch (format) {
      case DataFormat::yaml:
        return parse_yaml(text, budget);
      case DataFormat::toml:
        return parse_toml(text, budget);
      case DataFormat::json:
        return parse_json(text, budget);
    }
  } catch (const Stop& stop) {
    return tl::unexpected(stop.failure);
  }
  return DataMap{};
}

}  // namespace accord
