# Every dependency is a Debian 12 package installed by scripts/setup.
# No FetchContent, no downloads at build time.
find_package(PkgConfig REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(tl-expected REQUIRED)
# zlib: only for the truncated-loose-object guard (src/core/git/loose_guard.hpp).
find_package(ZLIB REQUIRED)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm)
pkg_check_modules(EXTTEXTCAT REQUIRED IMPORTED_TARGET libexttextcat)
pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)

# dtl is header-only and ships no CMake or pkg-config file.
find_path(DTL_INCLUDE_DIR dtl/dtl.hpp REQUIRED)
add_library(dtl INTERFACE)
target_include_directories(dtl SYSTEM INTERFACE ${DTL_INCLUDE_DIR})
add_library(dtl::dtl ALIAS dtl)

# Data files looked up at run time; overridable with ACCORD_HUNSPELL_DIR and
# ACCORD_TEXTCAT_DIR in the environment.
pkg_get_variable(EXTTEXTCAT_DATADIR libexttextcat pkgdatadir)
set(ACCORD_TEXTCAT_DIR "${EXTTEXTCAT_DATADIR}" CACHE PATH "libexttextcat fingerprint folder")
set(ACCORD_HUNSPELL_DIR "/usr/share/hunspell" CACHE PATH "hunspell dictionary folder")
