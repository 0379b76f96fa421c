// Translation pairs of a Hugo site, found with zero configuration.
#pragma once

#include <accord/config.hpp>
#include <string>
#include <vector>

namespace accord {

struct TranslationPair {
  std::string source;  // path relative to the root, '/' separated
  std::string target;
  std::string source_language;
  std::string target_language;
  // How the two were matched: "filename" (name.LANG.md side by side),
  // "content-dir" (content/LANG/… trees), "translation-key".
  std::string matched_by;
};

// A source document with no translation into LANGUAGE.
struct MissingTranslation {
  std::string source;
  std::string language;
};

struct SiteScan {
  std::vector<TranslationPair> pairs;  // sorted by source, then target language
  std::vector<MissingTranslation> missing;
  std::vector<std::string> languages;  // target languages considered
  // Problems that did not stop the scan, one line each, to show as notes:
  // a content folder from the config that lies outside the root, not read.
  std::vector<std::string> notes;
};

// Finds the pairs under config.root's content folders. Files behind
// symlinks that point outside the root are not followed; a content folder
// (contentDir, languages.LANG.contentDir, content_paths) outside the root is
// not walked, with a note naming the config file and key. Throws Error when
// a content folder named in the config is missing or a Markdown file's
// front matter cannot be read (for translationKey).
SiteScan scan_site(const Config& config);

}  // namespace accord
