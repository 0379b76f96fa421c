// The seed corpus of each fuzz target, built from the fixtures written by
// this project, so that scripts/fuzz and the replay test start from the same
// inputs.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace accord::fuzz {

// The seed inputs of TARGET ("document", … see k_targets), read from
// SOURCE_DIR/fixtures: the example pages (site, translated, de), the
// bad-input corpus, the Hugo configs and accord.toml files, and the entries
// of fixtures/changes/changes.json when it exists. Inputs for two-part
// targets are joined with join_inputs. Throws std::runtime_error for an
// unknown target or a fixture that cannot be read.
std::vector<std::string> seed_inputs(std::string_view target,
                                     const std::filesystem::path& source_dir);

// The files under DIR (recursively, sorted by path), or none when DIR does
// not exist. Hidden files (".gitkeep") and README.md are left out.
std::vector<std::filesystem::path> input_files(const std::filesystem::path& dir);

// A file's bytes. Throws std::runtime_error when it cannot be read.
std::string read_bytes(const std::filesystem::path& path);

}  // namespace accord::fuzz
