#include "doc_language.hpp"

#include <accord/config.hpp>
#include <accord/langid.hpp>
#include <filesystem>
#include <memory>

#include "cli.hpp"

namespace accord::cli {

std::optional<std::string> language_in_name(const std::string& doc) {
  std::string stem = std::filesystem::path(doc).stem().string();
  auto dot = stem.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  std::string lang = stem.substr(dot + 1);
  if (lang.size() < 2 || lang.size() > 3) return std::nullopt;
  return lang;
}

std::string document_language(const std::string& doc) {
  if (auto lang = language_in_name(doc)) return *lang;
  // Absolute, so that find_root can walk up past the folder named on the
  // command line.
  return load_config(find_root(std::filesystem::absolute(doc).parent_path())).source_language;
}

WordChecker lazy_speller(const std::string& language) {
  // The identifier is kept until exit (see keep_until_exit).
  auto speller = std::make_shared<const LanguageIdentifier*>(nullptr);
  return [speller, language](std::string_view word) {
    if (!*speller) *speller = &make_until_exit<LanguageIdentifier>(std::vector{language});
    return (*speller)->spells(word, language);
  };
}

}  // namespace accord::cli
