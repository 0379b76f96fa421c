// Loading language identification's data: see langid_data.hpp.
#include "text/langid_data.hpp"

#include <fmt/format.h>
#include <unicode/ucnv_err.h>
#include <unicode/unistr.h>

#include <accord/error.hpp>
#include <accord/langid.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <vector>

namespace accord {
namespace langid_data {
namespace {

struct KnownLanguage {
  std::string_view code;
  std::string_view dictionary;
  std::string_view package;  // Debian package with the dictionary; empty: none exists
};

// The languages whose Debian 12 package accord can name. The dictionary is
// the name the package installs as far as it was checked (et, en, de); for
// the others, and for any language, installed_dictionary() looks at what is
// on disk ("sv" → sv_SE, "no" → nb_NO). Finnish has no hunspell package:
// Debian spells it with voikko.
constexpr KnownLanguage k_known_languages[] = {
    {"et", "et_EE", "myspell-et"},     {"en", "en_US", "hunspell-en-us"},
    {"de", "de_DE", "hunspell-de-de"}, {"fi", "fi_FI", ""},
    {"fr", "fr_FR", "hunspell-fr"},    {"es", "es_ES", "hunspell-es"},
    {"ru", "ru_RU", "hunspell-ru"},    {"sv", "sv_SE", "hunspell-sv"},
    {"da", "da_DK", "hunspell-da"},    {"nb", "nb_NO", "hunspell-no"},
    {"nn", "nn_NO", "hunspell-no"},    {"no", "nb_NO", "hunspell-no"},
    {"pl", "pl_PL", "hunspell-pl"},    {"lv", "lv_LV", "hunspell-lv"},
    {"lt", "lt_LT", "hunspell-lt"},    {"it", "it_IT", "hunspell-it"},
    {"pt", "pt_PT", "hunspell-pt-pt"}, {"nl", "nl_NL", "hunspell-nl"},
    {"cs", "cs_CZ", "hunspell-cs"},    {"sk", "sk_SK", "hunspell-sk"},
    {"sl", "sl_SI", "hunspell-sl"},    {"hr", "hr_HR", "hunspell-hr"},
    {"hu", "hu_HU", "hunspell-hu"},    {"ro", "ro_RO", "hunspell-ro"},
    {"bg", "bg_BG", "hunspell-bg"},    {"el", "el_GR", "hunspell-el"},
    {"uk", "uk_UA", "hunspell-uk"},    {"tr", "tr_TR", "hunspell-tr"},
    {"ga", "ga_IE", "myspell-ga"},
};

// Languages whose data Debian files under another code: Norwegian "no" is
// Bokmål, "nb".
std::string_view data_code(std::string_view language) {
  return language == "no" ? std::string_view("nb") : language;
}

const KnownLanguage* find_known(std::string_view code) {
  for (const auto& k : k_known_languages) {
    if (k.code == code) return &k;
  }
  return nullptr;
}

bool readable_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  return static_cast<bool>(in);
}

std::string missing_dictionary_hint(const std::string& language, const std::string& name,
                                    bool name_is_default) {
  const KnownLanguage* known = find_known(language);
  std::string files = fmt::format("{}.aff and {}.dic", name, name);
  if (name_is_default && known != nullptr && !known->package.empty()) {
    return fmt::format(
        "install the Debian package {}, or set ACCORD_HUNSPELL_DIR to a folder with {}",
        known->package, files);
  }
  if (name_is_default && known != nullptr) {
    return fmt::format(
        "Debian has no hunspell package for \"{}\"; set ACCORD_HUNSPELL_DIR to a "
        "folder with {}",
        language, files);
  }
  return fmt::format(
      "install a hunspell dictionary for \"{}\", or set ACCORD_HUNSPELL_DIR to a "
      "folder with {}",
      language, files);
}

}  // namespace

std::string resolve_dir(const std::string& option, const char* env_name, const char* built_in) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv(env_name); env != nullptr && *env != '\0') return env;
  return built_in;
}

Fingerprint load_fingerprint(const std::string& language, const std::string& dir) {
  const std::string path =
      (std::filesystem::path(dir) / (std::string(data_code(language)) + ".lm")).string();
  if (!readable_file(path)) {
    throw Error(path, 0, fmt::format("no libexttextcat fingerprint for language \"{}\"", language),
                "install the Debian package libexttextcat-data, or set ACCORD_TEXTCAT_DIR to a "
                "folder that has " +
                    language + ".lm");
  }
  Fingerprint fp(fp_Init(language.c_str()));
  if (!fp) throw Error(path, 0, "libexttextcat could not allocate a fingerprint");
  fp_SetProperty(fp.get(), TCPROP_UTF8AWARE, TC_TRUE);
  if (fp_Read(fp.get(), path.c_str(), k_max_ngrams) == 0) {
    throw Error(path, 0, "libexttextcat could not read the fingerprint",
                "check the file; reinstall libexttextcat-data");
  }
  return fp;
}

Dictionary load_dictionary(const std::string& language, const std::string& name,
                           bool name_is_default, const std::string& dir) {
  const auto base = std::filesystem::path(dir) / name;
  const std::string aff = base.string() + ".aff";
  const std::string dic = base.string() + ".dic";
  for (const std::string& path : {dic, aff}) {
    if (!readable_file(path)) {
      throw Error(path, 0, fmt::format("no hunspell dictionary for language \"{}\"", language),
                  missing_dictionary_hint(language, name, name_is_default));
    }
  }
  Dictionary d{language, Hunspeller(Hunspell_create(aff.c_str(), dic.c_str())), nullptr};
  if (!d.handle) throw Error(dic, 0, "hunspell could not load the dictionary");
  // The .aff file's SET line names the encoding hunspell expects words in;
  // Debian's et_EE is still ISO-8859-15.
  const char* set = Hunspell_get_dic_encoding(d.handle.get());
  std::string encoding = set != nullptr ? set : "ISO8859-1";
  std::string upper;
  for (char c : encoding) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  if (upper != "UTF-8" && upper != "UTF8") {
    UErrorCode status = U_ZERO_ERROR;
    d.converter.reset(ucnv_open(encoding.c_str(), &status));
    if (U_FAILURE(status) || !d.converter) {
      throw Error(aff, 0, fmt::format("unknown character set \"{}\" in the SET line", encoding),
                  "fix the SET line or use another dictionary");
    }
    // A word the dictionary's charset cannot spell is simply not in it.
    status = U_ZERO_ERROR;
    ucnv_setFromUCallBack(d.converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                          &status);
  }
  return d;
}

bool spell(const Dictionary& d, const std::string& utf8_word) {
  if (!d.converter) return Hunspell_spell(d.handle.get(), utf8_word.c_str()) != 0;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8_word);
  std::string bytes(static_cast<std::size_t>(u.length()) * 4 + 4, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = ucnv_fromUChars(d.converter.get(), bytes.data(), static_cast<int32_t>(bytes.size()),
                              u.getBuffer(), u.length(), &status);
  ucnv_reset(d.converter.get());
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return false;
  bytes.resize(static_cast<std::size_t>(n));
  return Hunspell_spell(d.handle.get(), bytes.c_str()) != 0;
}

}  // namespace langid_data

std::string installed_hunspell_dictionary(std::string_view language, const std::string& dir) {
  const std::string fallback = default_hunspell_dictionary(language);
  auto installed = [&](const std::string& name) {
    return langid_data::readable_file(std::filesystem::path(dir) / (name + ".dic"));
  };
  const std::string code(langid_data::data_code(language));
  std::string upper;
  for (char c : code) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  for (const std::string& name : {fallback, code + "_" + upper, code}) {
    if (installed(name)) return name;
  }
  // Any region of the language, in name order: "sv" finds sv_SE, "es"
  // es_AR when only the Latin American sets are there.
  std::vector<std::string> regions;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::filesystem::path& p = it->path();
    const std::string stem = p.stem().string();
    if (p.extension() == ".dic" && stem.size() > code.size() + 1 &&
        stem.compare(0, code.size() + 1, code + "_") == 0) {
      regions.push_back(stem);
    }
  }
  std::sort(regions.begin(), regions.end());
  return regions.empty() ? fallback : regions.front();
}

std::string default_hunspell_dictionary(std::string_view language) {
  if (const auto* known = langid_data::find_known(language)) return std::string(known->dictionary);
  std::string upper;
  for (char c : language) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  return fmt::format("{}_{}", language, upper);
}

}  // namespace accord
