// A version's sections reduced to what history compares: a key (number +
// title) and the normalised text of the blocks.
#pragma once

#include <accord/document.hpp>
#include <accord/error.hpp>
#include <accord/history.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord::git {

struct KeyedSection {
  std::string key;  // number + title, plus the occurrence for duplicates
  std::string number;
  std::string title;
  bool preamble = false;
  int line = 0;
  std::string text;  // normalised block text (see SectionChange)
};

// One blob, parsed. Either sections or failure is meaningful.
struct VersionSections {
  std::vector<KeyedSection> sections;
  std::optional<Failure> failure;  // the blob does not decode or parse
};

// Decodes and parses BYTES as a document through CACHE (versions of one
// document share most of their text); FILE names it in failures
// ("0123456789ab:content/privacy.en.md").
VersionSections parse_version(std::string_view bytes, const std::string& file, ParseCache& cache);

// The sections of NOW that are added or changed against OLD, in NOW's order,
// then those removed, in OLD's order.
std::vector<SectionChange> compare_sections(const VersionSections& old, const VersionSections& now);

// TEXT reduced to its words, NFC and case folded, one space apart: what is
// left when white space, punctuation, letter case and quote/dash style are
// normalised away (k_blame_basis).
std::string substantive_text(std::string_view text);

}  // namespace accord::git
