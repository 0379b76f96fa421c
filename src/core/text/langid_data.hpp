// Language identification's data (internal to src/core/text): libexttextcat
// fingerprints and hunspell dictionaries, found on disk and loaded, with
// errors that name the file and the Debian package to install; and a
// dictionary lookup that converts a UTF-8 word to the dictionary's own
// character set through ICU (Debian's et_EE is ISO-8859-15).
#pragma once

#include <fingerprint.h>
#include <hunspell.h>
#include <unicode/ucnv.h>

#include <memory>
#include <string>

#include "util/handle.hpp"

namespace accord::langid_data {

using Fingerprint = Handle<void, fp_Done>;
using Hunspeller = Handle<Hunhandle, Hunspell_destroy>;
using Converter = Handle<UConverter, ucnv_close>;

// libexttextcat's own cap on a fingerprint's size (constants.h MAXNGRAMS).
constexpr int k_max_ngrams = 400;

struct Dictionary {
  std::string language;
  Hunspeller handle;
  Converter converter;  // null when the dictionary is UTF-8
};

// OPTION when set, else $ENV_NAME when set and not empty, else BUILT_IN.
std::string resolve_dir(const std::string& option, const char* env_name, const char* built_in);

// DIR/LANGUAGE.lm, UTF-8 aware. Throws Error naming the file and
// libexttextcat-data when it is missing or unreadable.
Fingerprint load_fingerprint(const std::string& language, const std::string& dir);

// DIR/NAME.aff and DIR/NAME.dic for LANGUAGE. Throws Error naming the file
// and, when NAME_IS_DEFAULT, the Debian package that has it.
Dictionary load_dictionary(const std::string& language, const std::string& name,
                           bool name_is_default, const std::string& dir);

// Whether D accepts UTF8_WORD; a word its character set cannot spell is not
// in it.
bool spell(const Dictionary& d, const std::string& utf8_word);

}  // namespace accord::langid_data
