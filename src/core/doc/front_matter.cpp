#include <fmt/format.h>

#include <accord/data.hpp>
#include <accord/front_matter.hpp>
#include <algorithm>

#include "data_scan.hpp"

namespace accord {
namespace {

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

DataSource source_of(const std::string& file, FrontMatterFormat format, int first_line) {
  switch (format) {
    case FrontMatterFormat::toml:
      return {file, first_line, "front matter", "malformed TOML front matter",
              "fix the TOML between the '+++' lines"};
    case FrontMatterFormat::json:
      return {file, first_line, "front matter", "malformed JSON front matter",
              "fix the JSON object at the top of the file"};
    default:
      return {file, first_line, "front matter", "malformed YAML front matter",
              "fix the YAML between the '---' lines"};
  }
}

tl::expected<void, Failure> take_entries(tl::expected<DataMap, Failure> data, FrontMatter& fm) {
  if (!data) return tl::unexpected(data.error());
  std::size_t k = 0;
  for (auto& [key, value] : data->value.items()) {
    fm.entries.push_back({key, std::move(value), data->key_lines[k++]});
  }
  return {};
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
  // "{{" opens a shortcode, not JSON front matter.
  if (text.front() == '{' && (text.size() < 2 || text[1] != '{')) {
    DataSource source = source_of(file, FrontMatterFormat::json, 1);
    auto scan = detail::scan_json(text, source);
    if (!scan) return tl::unexpected(scan.error());
    if (scan->end == std::string_view::npos) {
      return tl::unexpected(Failure{file, 1, "JSON front matter opened at line 1 is never closed",
                                    "add the closing '}'"});
    }
    auto taken = take_entries(parse_data(text.substr(0, scan->end), DataFormat::json, source),
                              split.front_matter);
    if (!taken) return tl::unexpected(taken.error());
    split.front_matter.format = FrontMatterFormat::json;
    split.front_matter.line = 1;
    split.front_matter.end_line = detail::line_at(text, scan->end - 1);
    auto nl = text.find('\n', scan->end);
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
  auto taken = take_entries(
      parse_data(inner, format == FrontMatterFormat::yaml ? DataFormat::yaml : DataFormat::toml,
                 source_of(file, format, 2)),
      split.front_matter);
  if (!taken) return tl::unexpected(taken.error());
  split.body_offset = lines[close].offset + lines[close].text.size();
  if (split.body_offset < text.size()) ++split.body_offset;  // the '\n'
  split.body_line = static_cast<int>(close) + 2;
  return split;
}

}  // namespace accord
