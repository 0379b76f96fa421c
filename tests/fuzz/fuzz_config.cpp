// accord.toml and the Hugo config: two files (split_input) written to a
// temporary folder, then load_config on that folder.
#include <stdlib.h>

#include <accord/config.hpp>
#include <accord/error.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

namespace {

namespace fs = std::filesystem;
using accord::fuzz::require;

// One folder per process, removed at exit (libFuzzer ends with exit()).
class Folder {
 public:
  Folder() {
    std::string pattern = (fs::temp_directory_path() / "accord-fuzz-config-XXXXXX").string();
    require(mkdtemp(pattern.data()) != nullptr, "the fuzz target can make a temporary folder");
    m_path = pattern;
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

void put(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  require(static_cast<bool>(out), "the fuzz target can write its files");
}

const char* hugo_name(std::string_view text) {
  if (text.front() == '{') return "hugo.json";
  std::string_view first = text.substr(0, text.find('\n'));
  if ((!first.empty() && first.front() == '[') || first.find('=') != std::string_view::npos)
    return "hugo.toml";
  return "hugo.yaml";
}

}  // namespace

int accord_fuzz_config(const uint8_t* data, size_t size) {
  static Folder folder;
  auto [accord_toml, hugo] = accord::fuzz::split_input(accord::fuzz::as_text(data, size));
  std::error_code ec;
  for (const char* name : {"accord.toml", "hugo.json", "hugo.toml", "hugo.yaml"}) {
    fs::remove(folder.path() / name, ec);
  }
  if (!accord_toml.empty()) put(folder.path() / "accord.toml", accord_toml);
  if (!hugo.empty()) put(folder.path() / hugo_name(hugo), hugo);
  try {
    accord::Config config = accord::load_config(folder.path());
    require(config.root == folder.path(), "the root is the folder asked for");
    require(!config.content_paths.empty(), "there is always a content path");
  } catch (const accord::Error& e) {
    require(!e.failure().file.empty(), "a config error names the file");
  }
  return 0;
}
