// What accord writes for people and programs to read: JSON that is valid
// UTF-8 whatever bytes reached it, and text made safe for a terminal.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace accord::cli {

// VALUE as accord prints JSON (two-space indent, then "\n"). A string that
// is not valid UTF-8 (a file name in another charset, say) has each
// ill-formed sequence written as U+FFFD instead of failing. Never throws.
std::string json_text(const nlohmann::ordered_json& value);

}  // namespace accord::cli
