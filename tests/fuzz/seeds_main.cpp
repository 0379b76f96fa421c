// accord_fuzz_seeds SOURCE_DIR TARGET OUT_DIR: writes TARGET's seed corpus
// (see seeds.hpp) to OUT_DIR as seed-0001, seed-0002, … for scripts/fuzz.
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>

#include "seeds.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: accord_fuzz_seeds SOURCE_DIR TARGET OUT_DIR\n");
    return 2;
  }
  try {
    std::filesystem::path out_dir = argv[3];
    std::filesystem::create_directories(out_dir);
    auto seeds = accord::fuzz::seed_inputs(argv[2], argv[1]);
    for (std::size_t i = 0; i < seeds.size(); ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "seed-%04zu", i + 1);
      std::ofstream out(out_dir / name, std::ios::binary);
      out.write(seeds[i].data(), static_cast<std::streamsize>(seeds[i].size()));
      if (!out) throw std::runtime_error("cannot write " + (out_dir / name).string());
    }
    std::printf("%zu seeds for %s\n", seeds.size(), argv[2]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "accord_fuzz_seeds: %s\n", e.what());
    return 2;
  }
  return 0;
}
