// The fuzz targets' entry points. Each takes one input from libFuzzer (or
// from the replay test), runs one part of accord's core on it, and returns 0.
// Failures the core reports for bad input (tl::unexpected, accord::Error) are
// fine; anything else that escapes, a sanitizer report, or a broken contract
// (see fuzz_support.hpp) aborts, which is how a fuzzer finds a bug.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

// decode_text + parse_document (the Markdown and shortcode reader) and the
// document's JSON.
int accord_fuzz_document(const uint8_t* data, size_t size);

// decode_text + parse_front_matter (YAML, TOML or JSON) and each value's JSON.
int accord_fuzz_front_matter(const uint8_t* data, size_t size);

// Two documents (see split_input), parsed, then align_sections and, for each
// one-to-one pair, align_blocks.
int accord_fuzz_align(const uint8_t* data, size_t size);

// Two texts (see split_input): classify_change, word_diff, edit_distance and,
// when both parse as documents, diff_documents. The language is en, et, de or
// fi by the size of the first text modulo 4.
int accord_fuzz_classify(const uint8_t* data, size_t size);

// Two files (see split_input): accord.toml (left out when empty) and the
// Hugo config (left out when empty; hugo.json when it starts with '{',
// hugo.toml when its first line has '=' or starts with '[', else hugo.yaml),
// written to a temporary folder made once per process, then load_config.
int accord_fuzz_config(const uint8_t* data, size_t size);

// A notice template (decoded as a template file is) rendered by
// render_notice with fixed content: either a notice no larger than the
// template with every byte a field, or an Error naming the template's line.
int accord_fuzz_notice_template(const uint8_t* data, size_t size);

namespace accord::fuzz {

struct Target {
  std::string_view name;  // "document", … (tests/fuzz/fuzz_<name>.cpp)
  int (*entry)(const uint8_t* data, size_t size);
};

// Every target, in a fixed order.
inline constexpr std::array<Target, 6> k_targets = {{
    {"document", accord_fuzz_document},
    {"front_matter", accord_fuzz_front_matter},
    {"align", accord_fuzz_align},
    {"classify", accord_fuzz_classify},
    {"config", accord_fuzz_config},
    {"notice_template", accord_fuzz_notice_template},
}};

}  // namespace accord::fuzz
