// A document's language, and a spelling checker for the change classifier,
// shared by the commands that classify changes (diff, log, blame, publish).
#pragma once

#include <accord/change.hpp>
#include <optional>
#include <string>

namespace accord::cli {

// The language in DOC's name: "privacy.et.md" → "et"; nullopt for
// "privacy.md".
std::optional<std::string> language_in_name(const std::string& doc);

// language_in_name(DOC), else the source language of the site around DOC
// (accord.toml or the Hugo config, found upwards from DOC's folder).
std::string document_language(const std::string& doc);

// A WordChecker for LANGUAGE that loads its hunspell dictionary on the first
// word it is asked about (about 0.1 s), so a run that classifies no one-word
// change never pays for it. Throws Error from that call when the dictionary
// is missing. Copies share one dictionary.
WordChecker lazy_speller(const std::string& language);

}  // namespace accord::cli
