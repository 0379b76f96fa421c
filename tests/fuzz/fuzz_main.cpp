// libFuzzer's entry point for one target: ACCORD_FUZZ_ENTRY names the
// accord_fuzz_<name> function (set per executable by cmake/Fuzz.cmake).
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return ACCORD_FUZZ_ENTRY(data, size);
}
