// ICU's and hunspell's parts of library_versions(): text/ owns both.
#include <unicode/uversion.h>

#include <accord/versions.hpp>

#ifndef ACCORD_HUNSPELL_VERSION
#define ACCORD_HUNSPELL_VERSION "unknown"
#endif

namespace accord {

LibraryVersion icu_version() {
  UVersionInfo info;
  u_getVersion(info);
  char text[U_MAX_VERSION_STRING_LENGTH] = {};
  u_versionToString(info, text);
  return {"ICU", text};
}

// Set from pkg-config by CMakeLists.txt, for this file only.
LibraryVersion hunspell_version() { return {"hunspell", ACCORD_HUNSPELL_VERSION}; }

}  // namespace accord
