#include <accord/report.hpp>

namespace accord {

using json = nlohmann::ordered_json;

namespace {

json string_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json block_json(const Block& b) {
  json out;
  out["kind"] = to_string(b.kind);
  out["line"] = b.line;
  out["end_line"] = b.end_line;
  out["depth"] = b.depth;
  out["source"] = b.source;
  out["text"] = b.text;
  out["urls"] = b.urls;
  return out;
}

}  // namespace

json section_ref(const Section& section) {
  json out;
  out["number"] = string_or_null(section.number);
  out["title"] = section.is_preamble() ? json(nullptr) : json(section.title);
  return out;
}

json to_json(const Document& doc) {
  json out;
  out["version"] = 1;
  out["file"] = doc.file;
  json fm;
  fm["format"] = to_string(doc.front_matter.format);
  fm["line"] = doc.front_matter.line;
  fm["end_line"] = doc.front_matter.end_line;
  fm["keys"] = json::array();
  for (const auto& e : doc.front_matter.entries) {
    fm["keys"].push_back(json{{"key", e.key}, {"value", e.value}, {"line", e.line}});
  }
  out["front_matter"] = std::move(fm);
  out["sections"] = json::array();
  for (const auto& s : doc.sections) {
    json j = section_ref(s);
    j["raw_title"] = s.raw_title;
    j["heading"] = to_string(s.heading);
    if (s.heading == HeadingKind::shortcode) j["shortcode"] = s.shortcode;
    j["level"] = s.level;
    j["line"] = s.line;
    j["end_line"] = s.end_line;
    j["blocks"] = json::array();
    for (const auto& b : s.blocks) j["blocks"].push_back(block_json(b));
    out["sections"].push_back(std::move(j));
  }
  return out;
}

}  // namespace accord
