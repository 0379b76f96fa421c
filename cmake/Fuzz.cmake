# Fuzzing (docs/reliability.md). The fuzz targets' entry functions live in
# accord_fuzz_entries (tests/fuzz), built whenever the tests or the fuzzers
# are: the replay test runs them with the normal compiler and sanitizers.
# With ACCORD_FUZZ=ON (clang only) every target that links the core is built
# with -fsanitize=fuzzer-no-link,address,undefined through accord_sanitizers
# (never global flags), and each fuzz_<name> executable links libFuzzer.
set(ACCORD_FUZZ_TARGETS document front_matter align classify config notice_template)

if(ACCORD_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "ACCORD_FUZZ needs clang (libFuzzer); configure with CXX=clang++, "
                      "or use scripts/fuzz")
endif()

if(ACCORD_FUZZ OR ACCORD_TESTS)
  set(_accord_fuzz_dir ${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz)
  set(_accord_fuzz_sources ${_accord_fuzz_dir}/fuzz_support.cpp ${_accord_fuzz_dir}/seeds.cpp)
  foreach(_target IN LISTS ACCORD_FUZZ_TARGETS)
    list(APPEND _accord_fuzz_sources ${_accord_fuzz_dir}/fuzz_${_target}.cpp)
  endforeach()
  add_library(accord_fuzz_entries STATIC ${_accord_fuzz_sources})
  target_include_directories(accord_fuzz_entries PUBLIC ${_accord_fuzz_dir})
  target_link_libraries(accord_fuzz_entries PUBLIC accord_core PRIVATE accord_warnings)
endif()

if(ACCORD_FUZZ)
  target_compile_options(accord_sanitizers INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  target_link_options(accord_sanitizers INTERFACE -fsanitize=address,undefined)
  foreach(_target IN LISTS ACCORD_FUZZ_TARGETS)
    add_executable(fuzz_${_target} ${_accord_fuzz_dir}/fuzz_main.cpp)
    target_compile_definitions(fuzz_${_target} PRIVATE ACCORD_FUZZ_ENTRY=accord_fuzz_${_target})
    target_link_libraries(fuzz_${_target} PRIVATE accord_fuzz_entries accord_warnings
                                                  accord_sanitizers)
    target_link_options(fuzz_${_target} PRIVATE -fsanitize=fuzzer,address,undefined)
  endforeach()
  # Writes a target's seed corpus from fixtures/ (scripts/fuzz).
  add_executable(accord_fuzz_seeds ${_accord_fuzz_dir}/seeds_main.cpp)
  target_link_libraries(accord_fuzz_seeds PRIVATE accord_fuzz_entries accord_warnings
                                                  accord_sanitizers)
endif()
