// What accord writes for people and programs to read: JSON that is valid
// UTF-8 whatever bytes reached it, and text made safe for a terminal.
//
// Text output carries names accord does not choose: file names, commit
// authors and summaries, tag messages, headings, finding messages. A byte
// a terminal acts on (ESC starting an OSC that sets the window title or
// the clipboard, CR overwriting a line, an 8-bit CSI) must not reach it as
// is; terminal_safe and terminal_text write each such character as a
// visible escape instead.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "cli.hpp"

namespace accord::cli {

// VALUE as accord prints JSON (two-space indent, then "\n"). A string that
// is not valid UTF-8 (a file name in another charset, say) has each
// ill-formed sequence written as U+FFFD instead of failing. Never throws.
// (JSON escapes C0 controls itself; it needs nothing else.)
std::string json_text(const nlohmann::ordered_json& value);

// TEXT with every character that a terminal could act on, or that could
// make it show something else than the text, written as a visible escape;
// tab and newline are kept:
//   C0 controls (U+0000–U+001F) and DEL (U+007F)        \x1b, \x0d, \x7f
//   C1 controls (U+0080–U+009F, as UTF-8 characters)     \u009b
//   line and paragraph separators U+2028, U+2029        \u2028
//   bidirectional embeddings, overrides and isolates
//   (U+202A–U+202E, U+2066–U+2069)                       \u202e
//   each byte of an ill-formed UTF-8 sequence           \xe9, \x9b
// Everything else (letters of every script, U+200E/U+200F marks, emoji) is
// kept. Never throws.
std::string terminal_safe(std::string_view text);

// TEXT, as a command formatted it for stdout with STYLE, made safe as
// terminal_safe does; when STYLE is on, the colour codes Style itself
// writes (ESC [ N m for N in 0, 1, 2, 31, 32, 33, 36) are kept and every
// other escape sequence is escaped. An untrusted name that contains one of
// exactly those seven codes can only change colour, as accord does.
std::string terminal_text(std::string_view text, const Style& style);

// Writes TEXT to stdout as terminal_text makes it: for every text format.
void print_text(std::string_view text, const Style& style);

}  // namespace accord::cli
