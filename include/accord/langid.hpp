// Language identification of prose blocks: libexttextcat n-gram fingerprints
// decide, hunspell dictionaries give a second opinion word by word. Both are
// restricted to the languages a site is configured for.
#pragma once

#include <accord/error.hpp>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

// One configured language and how strongly a text points at it.
struct LanguageScore {
  std::string language;  // ISO 639-1 code as configured, e.g. "et"
  double score = 0;      // 0..1; the scores of one guess sum to 1 (0 when there is no evidence)
};

// Result of identifying one piece of text.
struct LanguageGuess {
  std::string language;            // best language code; empty when there is no evidence
  double confidence = 0;           // 0..1: margin between best and second, damped for short texts
  std::size_t evidence_words = 0;  // words that counted as evidence (after removing neutral tokens)
  std::vector<LanguageScore> scores;  // every configured language, best first
};

// The words of a text that count as evidence of its language, each with the
// verdicts of the dictionaries: the first half of identifying it. Made by
// LanguageIdentifier::evidence() and only meaningful to the identifier that
// made it. A plain value: copyable, owns its words.
class LanguageEvidence {
 public:
  // Appends OTHER's words after this one's. The result is the evidence of
  // this text and OTHER's joined by a line break ('\n'), as long as both
  // were gathered with the same neutral words: a line break ends a sentence
  // and a chunk, and is a word boundary and a normalisation boundary, so no
  // word depends on what lies across it.
  void append(const LanguageEvidence& other);

  // How many words count as evidence (LanguageGuess::evidence_words).
  std::size_t words() const { return m_words.size(); }

 private:
  friend class LanguageIdentifier;
  struct Word {
    std::string text;   // NFC, as written
    uint32_t mask = 0;  // bit i: the i-th language's dictionary accepts it
    double vote = 1;    // weight of its hunspell vote
  };
  std::vector<Word> m_words;
};

// Where the identifier finds its data. Empty fields take the default.
struct LanguageIdentifierOptions {
  // Folder of libexttextcat <code>.lm fingerprints. Empty: $ACCORD_TEXTCAT_DIR
  // when set, else the folder found at build time (/usr/share/libexttextcat).
  std::string textcat_dir;
  // Folder of hunspell <name>.aff/<name>.dic pairs. Empty: $ACCORD_HUNSPELL_DIR
  // when set, else the folder found at build time (/usr/share/hunspell).
  std::string hunspell_dir;
  // Dictionary name per language code, e.g. {"en", "en_GB"}; languages not
  // named here use installed_hunspell_dictionary() in hunspell_dir.
  std::map<std::string, std::string> dictionaries;
};

// The hunspell dictionary a language uses by default: "et" → "et_EE", "en" →
// "en_US", "de" → "de_DE", "fi" → "fi_FI", "sv" → "sv_SE", "no" → "nb_NO";
// any other code "xx" → "xx_XX".
std::string default_hunspell_dictionary(std::string_view language);

// The dictionary LANGUAGE gets in DIR, by what is installed there: the
// default name when its .dic is there, else "xx_XX", else "xx", else the
// first "xx_*" in name order (only es_AR and es_MX: es_AR). The default
// name when none is, so the error names the file and package expected.
std::string installed_hunspell_dictionary(std::string_view language, const std::string& dir);

// Identifies which of a fixed set of languages a text is written in. Holds
// the fingerprints and dictionaries in memory (en_US + et_EE: about 40 MB;
// loading takes 0.1-0.5 s), so make one and reuse it. identify()
// may be called from several threads at once; it serialises the hunspell
// lookups internally. Movable, not copyable.
class LanguageIdentifier {
 public:
  // LANGUAGES: ISO 639-1 codes, e.g. {"en", "et"}; duplicates are ignored.
  // Loads <code>.lm from the textcat folder and the hunspell dictionary of
  // each language, and nothing else. Throws Error when LANGUAGES is empty or
  // holds something that is not a lower-case code, and when a fingerprint or
  // dictionary file is missing or unreadable: the message names the file and
  // the Debian package to install (libexttextcat-data, myspell-et,
  // hunspell-en-us, hunspell-de-de, …) or the variable to set.
  explicit LanguageIdentifier(std::vector<std::string> languages,
                              const LanguageIdentifierOptions& options = {});
  ~LanguageIdentifier();
  LanguageIdentifier(LanguageIdentifier&&) noexcept;
  LanguageIdentifier& operator=(LanguageIdentifier&&) noexcept;
  LanguageIdentifier(const LanguageIdentifier&) = delete;
  LanguageIdentifier& operator=(const LanguageIdentifier&) = delete;

  // The configured languages, deduplicated, in the order given.
  const std::vector<std::string>& languages() const;

  // Identifies TEXT (plain UTF-8 text, e.g. Block::text; invalid UTF-8 is
  // not evidence). NEUTRAL: extra words or phrases (e.g. names found on both
  // sides of a translation pair) that are not evidence of any language;
  // compared case-insensitively, word by word. URLs, e-mail addresses, domain
  // names, numbers, dates, phone numbers, code-like tokens, acronyms in
  // capitals, one-letter words, and capitalised words that all dictionaries
  // or none accept (names) are not evidence either. Never throws for any
  // input; an empty or all-neutral text gives an empty language, confidence 0
  // and zero scores. Confidence is low (< 0.5) for texts of one or two
  // evidence words, so a caller can lean on the surrounding section.
  LanguageGuess identify(std::string_view text, const std::vector<std::string>& neutral = {}) const;

  // The first half of identify(TEXT, NEUTRAL): which words count as evidence
  // and what the dictionaries say of each. identify(evidence(t, n)) equals
  // identify(t, n). Never throws for any input; thread-safe.
  LanguageEvidence evidence(std::string_view text,
                            const std::vector<std::string>& neutral = {}) const;

  // The second half: textcat's n-gram fingerprint of the evidence words and
  // the weighing of both sources. EVIDENCE must come from this identifier.
  LanguageGuess identify(const LanguageEvidence& evidence) const;

  // Whether identify(EVIDENCE) can name LANGUAGE with at least MIN_WORDS
  // evidence words and a confidence of at least MIN_CONFIDENCE. False means
  // it certainly does not; true means it may (call identify() to know).
  // Decided from the dictionary verdicts alone: textcat's share of the score
  // is bounded by its weight, which the length of the evidence fixes, so the
  // fingerprint (the expensive part of identify) is never made. The bound
  // leans towards true by a margin far above rounding error, so a false is
  // exact. False for a language not configured here. Thread-safe.
  bool may_identify_as(const LanguageEvidence& evidence, std::string_view language,
                       std::size_t min_words, double min_confidence) const;

  // Whether LANGUAGE's hunspell dictionary accepts WORD (UTF-8, as written;
  // hunspell's own case rules apply). False for a language not configured
  // here and for a word the dictionary's charset cannot hold. Thread-safe.
  bool spells(std::string_view word, std::string_view language) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace accord
