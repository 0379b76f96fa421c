// Stable JSON renderings of the core's data (schemas in docs/cli.md).
#pragma once

#include <accord/document.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace accord {

// The `accord sections --format json` schema, version 1:
// {"version":1,"file":…,"front_matter":{"format","line","end_line","keys":[{"key","value","line"}]},
//  "sections":[{"number"|null,"title"|null,"raw_title","heading","shortcode"?,"level","line",
//               "end_line","blocks":[{"kind","line","end_line","depth","source","text","urls"}]}]}
nlohmann::ordered_json to_json(const Document& doc);

// {"number": …|null, "title": …|null}: how findings and diffs name a section.
nlohmann::ordered_json section_ref(const Section& section);

// Markdown (CommonMark + GFM tables) to an HTML fragment with cmark-gfm in
// its safe mode: raw HTML and dangerous URLs in the input are dropped.
std::string markdown_to_html(std::string_view markdown);

}  // namespace accord
