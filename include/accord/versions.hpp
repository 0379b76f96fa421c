// The versions of the libraries the core is built with, for `accord
// --version`. Each stage folder answers for the library it owns (git: libgit2,
// text: ICU and hunspell, doc: cmark-gfm), so no other folder includes them.
#pragma once

#include <string>
#include <vector>

namespace accord {

// One library: its name as users know it ("libgit2") and its version
// ("1.5.1").
struct LibraryVersion {
  std::string name;
  std::string version;
};

// The libgit2 linked in, as git_libgit2_version reports it at run time
// (src/core/git/versions.cpp). Never throws.
LibraryVersion libgit2_version();
// ICU's run-time version, from u_getVersion (src/core/text/versions.cpp).
LibraryVersion icu_version();
// hunspell's version as pkg-config reported it at build time: hunspell has
// no run-time version call (src/core/text/versions.cpp).
LibraryVersion hunspell_version();
// cmark-gfm's run-time version, from cmark_version_string
// (src/core/doc/versions.cpp).
LibraryVersion cmark_gfm_version();

// libgit2, ICU, hunspell and cmark-gfm, in that order.
inline std::vector<LibraryVersion> library_versions() {
  return {libgit2_version(), icu_version(), hunspell_version(), cmark_gfm_version()};
}

}  // namespace accord
