// What the build knew: written by CMake into the build tree
// (cmake/build_info.cpp.in), so that only that file is compiled again when
// the commit changes.
#pragma once

namespace accord::cli {

// The commit accord was built from (12 hex digits), or "unknown" when the
// sources were not a git checkout.
extern const char* const k_build_commit;
// CMAKE_BUILD_TYPE ("RelWithDebInfo"), or "unknown".
extern const char* const k_build_type;

}  // namespace accord::cli
