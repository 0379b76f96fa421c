// The rule families of check_pair, one file each.
#pragma once

#include <accord/check.hpp>

namespace accord {

// untranslated: target sections and blocks in the source language.
void check_untranslated(const PairInput& input, const std::vector<AlignedPair>& alignment,
                        const LanguageIdentifier& langid, std::vector<Finding>& out);

// untranslated-front-matter and front-matter-mismatch.
void check_front_matter(const PairInput& input, const LanguageIdentifier& langid,
                        std::vector<Finding>& out);

// missing-section, extra-section, invariant-mismatch, structure-mismatch,
// length-ratio. ALIGNMENT: align_sections_with_invariants() of the pair.
void check_alignment(const PairInput& input, const SectionAlignment& alignment,
                     std::vector<Finding>& out);

// wrong-language-link: target links to source-language pages of the site.
void check_links(const PairInput& input, std::vector<Finding>& out);

// placeholder-mismatch: shortcode arguments, template actions and printf
// verbs that differ between aligned sections.
void check_placeholders(const PairInput& input, const std::vector<AlignedPair>& alignment,
                        std::vector<Finding>& out);

// outdated and history-truncated, from input.history.
void check_history(const PairInput& input, const std::vector<AlignedPair>& alignment,
                   std::vector<Finding>& out);

// notice-violation, from input.history: published versions of the source
// that take effect before the promised notice has run out.
void check_notice(const PairInput& input, std::vector<Finding>& out);

// A finding with the rule's default severity.
Finding make_finding(std::string_view rule, const std::string& file, int line);

// How a message names a section: 'section 6 "For how long…"', 'section
// "Cookie Policy"', 'the preamble'.
std::string describe(const Section& section);

// All prose of a section, title first, blocks after, one per line.
std::string section_text(const Section& section);

}  // namespace accord
