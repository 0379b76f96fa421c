# Warnings as an INTERFACE target, never global flags.
option(ACCORD_WERROR "Treat warnings as errors" OFF)
add_library(accord_warnings INTERFACE)
target_compile_options(accord_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wformat=2
  $<$<CXX_COMPILER_ID:GNU>:-Wduplicated-cond -Wlogical-op>
  $<$<BOOL:${ACCORD_WERROR}>:-Werror>)
