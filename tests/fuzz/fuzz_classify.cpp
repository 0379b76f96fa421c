// The change classifier: two texts (split_input) → classify_change,
// word_diff, edit_distance and, when both parse as documents, diff_documents.
#include <accord/change.hpp>
#include <accord/document.hpp>
#include <accord/error.hpp>
#include <accord/text.hpp>
#include <array>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

namespace {

using accord::fuzz::require;

constexpr std::array<std::string_view, 4> k_languages = {"en", "et", "de", "fi"};

// A stand-in for hunspell that knows some words and not others, so that the
// typo-fix path (old word unknown, new word known) is reached.
bool known_word(std::string_view word) { return word.size() % 2 == 0; }

void check_word_diff(const std::vector<accord::DiffOp>& ops, std::string_view old_text,
                     std::string_view new_text) {
  std::string old_side;
  std::string new_side;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const auto& op = ops[i];
    require(!op.text.empty(), "a diff run is not empty");
    require(i == 0 || ops[i - 1].kind != op.kind, "adjacent runs of one kind are joined");
    if (op.kind != accord::DiffOp::Kind::insert) old_side += op.text;
    if (op.kind != accord::DiffOp::Kind::remove) new_side += op.text;
  }
  require(old_side == old_text, "equal + removed runs give back the old text");
  require(new_side == new_text, "equal + inserted runs give back the new text");
}

void check_diff(const std::vector<accord::SectionDiff>& diffs, std::size_t old_count,
                std::size_t new_count) {
  std::vector<int> old_seen(old_count, 0);
  std::vector<int> new_seen(new_count, 0);
  for (const auto& d : diffs) {
    for (auto i : d.old_sections) {
      require(i < old_count, "old section index in range");
      ++old_seen[i];
    }
    for (auto i : d.new_sections) {
      require(i < new_count, "new section index in range");
      ++new_seen[i];
    }
    if (d.status == accord::ChangeStatus::added) {
      require(d.old_sections.empty() && !d.new_sections.empty(), "added: new side only");
    } else if (d.status == accord::ChangeStatus::removed) {
      require(!d.old_sections.empty() && d.new_sections.empty(), "removed: old side only");
    } else {
      require(!d.old_sections.empty() && !d.new_sections.empty(), "changed: both sides");
    }
  }
  for (int n : old_seen) require(n <= 1, "an old section is listed at most once");
  for (int n : new_seen) require(n <= 1, "a new section is listed at most once");
}

}  // namespace

int accord_fuzz_classify(const uint8_t* data, size_t size) {
  try {
    auto [a, b] = accord::fuzz::split_input(accord::fuzz::as_text(data, size));
    std::string_view language = k_languages[a.size() % k_languages.size()];
    auto old_text = accord::decode_text(a, "old.md");
    auto new_text = accord::decode_text(b, "new.md");
    if (!old_text || !new_text) return 0;

    auto c = accord::classify_change(*old_text, *new_text, language, known_word);
    if (*old_text == *new_text) {
      require(!c.substantial && c.reasons.empty(), "identical texts: editorial, no reasons");
    } else {
      require(!c.reasons.empty(), "a change has at least one reason");
    }
    check_word_diff(accord::word_diff(*old_text, *new_text, language), *old_text, *new_text);
    if (old_text->size() <= 64 && new_text->size() <= 64) {
      auto d = accord::edit_distance(*old_text, *new_text, 3);
      require(d <= 4, "edit_distance stops at limit + 1");
      require((d == 0) == (*old_text == *new_text), "edit distance 0 means equal");
    }

    auto old_doc = accord::parse_document(*old_text, "old.md");
    auto new_doc = accord::parse_document(*new_text, "new.md");
    if (!old_doc || !new_doc) return 0;
    check_diff(accord::diff_documents(*old_doc, *new_doc, language, known_word),
               old_doc->sections.size(), new_doc->sections.size());
  } catch (const accord::Error&) {
  }
  return 0;
}
