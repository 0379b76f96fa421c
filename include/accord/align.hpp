// Alignment of a source document and its translation, section by section
// and, inside aligned sections, block by block. Dynamic programming in the
// spirit of Gale–Church over numbering, content anchors (numbers, e-mails,
// URLs, names, words both sides share) and length, with 1–1, 1–0, 0–1, 2–1
// and 1–2 steps; sections left over are then paired out of order (moves).
#pragma once

#include <accord/document.hpp>
#include <accord/invariants.hpp>
#include <cstddef>
#include <string>
#include <vector>

namespace accord {

struct AlignOptions {
  std::string source_language = "en";
  std::string target_language = "et";
  // Expected target/source length ratio; 0 means learn it from the pair
  // (total target characters over total source characters).
  double length_ratio = 0;
};

// One step of an alignment. Both lists hold indices (into Document::sections
// or Section::blocks), in order; an empty side is a missing or extra item.
struct AlignedPair {
  std::vector<std::size_t> source;
  std::vector<std::size_t> target;
  double confidence = 0;  // 0..1; 1 for a certain match, the skip cost's share for 1–0/0–1
  bool moved = false;     // paired out of order after the monotone pass
};

// Aligns the sections of SOURCE and TARGET (preambles included). The result
// covers every section of both exactly once, ordered by target position
// (source-only pairs where they fall in source order).
std::vector<AlignedPair> align_sections(const Document& source, const Document& target,
                                        const AlignOptions& options = {});

// A section alignment and what the aligner extracted on the way.
struct SectionAlignment {
  std::vector<AlignedPair> pairs;  // as align_sections() returns them
  // One per section of each document: extract_invariants() of the section's
  // title followed by each block's text after a line break ("title\nb1\nb2";
  // empty blocks included), in the document's language.
  std::vector<Invariants> source_invariants;
  std::vector<Invariants> target_invariants;
};

// align_sections(), keeping each section's invariants, so that a caller
// that needs them does not extract them again.
SectionAlignment align_sections_with_invariants(const Document& source, const Document& target,
                                                const AlignOptions& options = {});

// Aligns the blocks of two aligned sections the same way, without moves.
std::vector<AlignedPair> align_blocks(const Section& source, const Section& target,
                                      const AlignOptions& options = {});

}  // namespace accord
