// Replays every input under tests/fuzz/regressions/<target>/ and
// tests/fuzz/corpus-extra/<target>/ through the fuzz targets' entry
// functions, built with the normal compiler and sanitizers (no libFuzzer).
// A target with no such inputs yet replays its seed corpus instead, so the
// test always runs real inputs. A crash, a sanitizer report or a broken
// contract aborts the test binary; the last "replaying" line names the input.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz_targets.hpp"
#include "seeds.hpp"

namespace accord::fuzz {
namespace {
namespace fs = std::filesystem;

fs::path fuzz_dir() { return fs::path(ACCORD_SOURCE_DIR) / "tests" / "fuzz"; }

int replay(const Target& target, const std::string& name, const std::string& input) {
  std::fprintf(stderr, "replaying %s\n", name.c_str());
  std::fflush(stderr);
  return target.entry(reinterpret_cast<const uint8_t*>(input.data()), input.size());
}

class FuzzReplay : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzReplay, RegressionInputsOrSeeds) {
  const Target& target = GetParam();
  const std::string name(target.name);
  auto files = input_files(fuzz_dir() / "regressions" / name);
  auto extra = input_files(fuzz_dir() / "corpus-extra" / name);
  files.insert(files.end(), extra.begin(), extra.end());
  if (!files.empty()) {
    for (const auto& path : files) {
      EXPECT_EQ(0, replay(target, path.string(), read_bytes(path))) << path;
    }
    RecordProperty("inputs", static_cast<int>(files.size()));
    return;
  }
  auto seeds = seed_inputs(name, ACCORD_SOURCE_DIR);
  ASSERT_FALSE(seeds.empty()) << "no seed inputs for " << name;
  std::printf("no regression inputs for %s yet: replaying its %zu seed inputs\n", name.c_str(),
              seeds.size());
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    EXPECT_EQ(0, replay(target, name + " seed " + std::to_string(i + 1), seeds[i]));
  }
  RecordProperty("seeds", static_cast<int>(seeds.size()));
}

// Every input in regressions/ belongs to a target (a misnamed folder would
// never be replayed).
TEST(FuzzReplayFolders, EveryFolderIsATarget) {
  for (const char* top : {"regressions", "corpus-extra"}) {
    std::error_code ec;
    if (!fs::is_directory(fuzz_dir() / top, ec)) continue;
    for (const auto& entry : fs::directory_iterator(fuzz_dir() / top)) {
      if (!entry.is_directory()) continue;
      std::string folder = entry.path().filename().string();
      bool known = false;
      for (const auto& t : k_targets) known = known || t.name == folder;
      EXPECT_TRUE(known) << entry.path() << " is not a fuzz target's folder";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzReplay, ::testing::ValuesIn(k_targets),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace accord::fuzz
