# `cmake --install BUILD [--prefix P]` and `cpack -G DEB` (docs/release.md).
# Installs the binary, the core as a static library with its public headers
# and a CMake package exporting accord::core, the docs, the man pages and the
# bash, zsh and fish completions.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set_target_properties(accord_core PROPERTIES EXPORT_NAME core)
install(TARGETS accord RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The INTERFACE targets the core links are exported with it: a static
# library's consumers link what it links.
install(TARGETS accord_core accord_warnings accord_sanitizers dtl
        EXPORT accordTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/accord DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT accordTargets NAMESPACE accord::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/accord)
configure_package_config_file(cmake/accordConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/accordConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/accord)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/accordConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/accordConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/accordConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/accord)
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The man pages and completions accord_docs writes (CMakeLists.txt).
install(DIRECTORY ${ACCORD_DOCS_DIR}/man1/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${ACCORD_DOCS_DIR}/completions/accord
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${ACCORD_DOCS_DIR}/completions/_accord
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${ACCORD_DOCS_DIR}/completions/accord.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES README.md LICENSE CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The .deb: its Depends are the Debian 12 runtime packages of
# `scripts/setup --runtime`, the dictionaries included.
set(CPACK_PACKAGE_NAME accord)
set(CPACK_PACKAGE_VENDOR "the accord authors")
set(CPACK_PACKAGE_CONTACT "accord maintainers <maintainers@users.noreply.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "keeps multilingual policy documents (Markdown/Hugo in git) honest")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_SOURCE_DIR}/LICENSE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/")
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "git, libgit2-1.5, libicu72, libfmt9, libyaml-cpp0.7, libcmark-gfm0.29.0.gfm.6, \
libcmark-gfm-extensions0.29.0.gfm.6, libexttextcat-2.0-0, libexttextcat-data, \
libhunspell-1.7-0, zlib1g, libc6, libstdc++6, libgcc-s1, myspell-et, hunspell-en-us")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hunspell-de-de")
set(CPACK_GENERATOR DEB)
include(CPack)
