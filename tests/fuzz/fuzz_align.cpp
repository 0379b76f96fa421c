// The aligner: two documents (split_input), each decoded and parsed, then
// align_sections and align_blocks on every one-to-one section pair.
#include <accord/align.hpp>
#include <accord/document.hpp>
#include <accord/error.hpp>
#include <accord/text.hpp>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

namespace {

using accord::fuzz::require;

std::optional<accord::Document> parse(std::string_view bytes, const std::string& file) {
  auto text = accord::decode_text(bytes, file);
  if (!text) return std::nullopt;
  auto doc = accord::parse_document(std::move(*text), file);
  if (!doc) return std::nullopt;
  return std::move(*doc);
}

// The header's promise: every item of both sides exactly once, confidence in
// 0..1, and (for blocks) no moves.
void check_cover(const std::vector<accord::AlignedPair>& pairs, std::size_t source_count,
                 std::size_t target_count, bool moves_allowed) {
  std::vector<int> source_seen(source_count, 0);
  std::vector<int> target_seen(target_count, 0);
  for (const auto& pair : pairs) {
    require(!pair.source.empty() || !pair.target.empty(), "a pair has at least one side");
    for (auto i : pair.source) {
      require(i < source_count, "source index in range");
      ++source_seen[i];
    }
    for (auto i : pair.target) {
      require(i < target_count, "target index in range");
      ++target_seen[i];
    }
    require(std::isfinite(pair.confidence) && pair.confidence >= 0 && pair.confidence <= 1,
            "confidence in 0..1");
    require(moves_allowed || !pair.moved, "blocks are aligned without moves");
  }
  for (int n : source_seen) require(n == 1, "every source item exactly once");
  for (int n : target_seen) require(n == 1, "every target item exactly once");
}

}  // namespace

int accord_fuzz_align(const uint8_t* data, size_t size) {
  try {
    auto [a, b] = accord::fuzz::split_input(accord::fuzz::as_text(data, size));
    auto source = parse(a, "source.md");
    auto target = parse(b, "target.md");
    if (!source || !target) return 0;
    auto sections = accord::align_sections(*source, *target);
    check_cover(sections, source->sections.size(), target->sections.size(), true);
    for (const auto& pair : sections) {
      if (pair.source.size() != 1 || pair.target.size() != 1) continue;
      const auto& s = source->sections[pair.source[0]];
      const auto& t = target->sections[pair.target[0]];
      check_cover(accord::align_blocks(s, t), s.blocks.size(), t.blocks.size(), false);
    }
  } catch (const accord::Error&) {
  }
  return 0;
}
