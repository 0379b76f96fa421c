#include "seeds.hpp"

#include <accord/document.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "fuzz_support.hpp"

namespace accord::fuzz {
namespace fs = std::filesystem;
namespace {

std::vector<fs::path> files_with(const fs::path& dir, std::string_view extension) {
  std::vector<fs::path> out;
  for (const auto& path : input_files(dir)) {
    if (path.extension() == extension) out.push_back(path);
  }
  return out;
}

// The example pages: whole, real-looking documents.
std::vector<std::string> pages(const fs::path& fixtures) {
  std::vector<std::string> out;
  for (const char* site : {"site", "translated", "de"}) {
    for (const auto& path : files_with(fixtures / site, ".md")) out.push_back(read_bytes(path));
  }
  return out;
}

std::vector<std::string> bad_inputs(const fs::path& fixtures) {
  std::vector<std::string> out;
  for (const auto& path : files_with(fixtures / "bad-input", ".md")) {
    out.push_back(read_bytes(path));
  }
  return out;
}

// Section texts of a page (heading line and blocks), for small classifier
// seeds; empty when the page does not parse.
std::vector<std::string> section_texts(const std::string& page) {
  std::vector<std::string> out;
  auto text = decode_text(page, "seed.md");
  if (!text) return out;
  auto doc = parse_document(*text, "seed.md");
  if (!doc) return out;
  for (const auto& section : doc->sections) {
    std::string s = section.raw_title;
    for (const auto& block : section.blocks) s += "\n\n" + block.source;
    out.push_back(std::move(s));
  }
  return out;
}

// Pairs of old and new text anywhere in fixtures/changes/changes.json: any
// object with string members old/new, old_text/new_text or before/after.
// fuzz_classify picks the language by the old text's size modulo 4 (en, et,
// de, fi), so the old text is padded with spaces to select the entry's
// "language" when it has one.
void change_pairs(const nlohmann::json& j, std::vector<std::string>& out) {
  if (j.is_object()) {
    for (auto [a, b] : {std::pair{"old", "new"}, std::pair{"old_text", "new_text"},
                        std::pair{"before", "after"}}) {
      if (j.contains(a) && j.contains(b) && j[a].is_string() && j[b].is_string()) {
        std::string old_text = j[a].get<std::string>();
        const std::string language = j.value("language", "");
        const std::vector<std::string> languages = {"en", "et", "de", "fi"};
        auto it = std::find(languages.begin(), languages.end(), language);
        if (it != languages.end()) {
          auto want = static_cast<std::size_t>(it - languages.begin());
          while (old_text.size() % languages.size() != want) old_text += ' ';
        }
        out.push_back(join_inputs(old_text, j[b].get<std::string>()));
      }
    }
  }
  if (j.is_object() || j.is_array()) {
    for (const auto& item : j) change_pairs(item, out);
  }
}

// Hugo configs in the other formats, so each parser has a start.
constexpr const char* k_hugo_yaml =
    "baseURL: https://www.aligner.io/\ndefaultContentLanguage: en\ncontentDir: content\n"
    "languages:\n  en:\n    weight: 1\n  et:\n    weight: 2\n    contentDir: content/et\n";
constexpr const char* k_hugo_json =
    "{\"defaultContentLanguage\": \"en\", \"languages\": {\"en\": {\"weight\": 1}, "
    "\"de\": {\"weight\": 2, \"contentDir\": \"content/de\"}}}\n";
constexpr const char* k_accord_toml_full =
    "source_language = \"en\"\ntarget_languages = [\"et\", \"de\"]\n"
    "content_paths = [\"content\", \"policies\"]\nheading_shortcodes = [\"title4\", \"heading\"]\n"
    "translatable_keys = [\"title\", \"description\"]\n";

}  // namespace

std::vector<fs::path> input_files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::string name = entry.path().filename().string();
    if (name.starts_with(".") || name == "README.md") continue;
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> seed_inputs(std::string_view target, const fs::path& source_dir) {
  const fs::path fixtures = source_dir / "fixtures";
  std::vector<std::string> out;
  if (target == "document" || target == "front_matter") {
    out = pages(fixtures);
    auto bad = bad_inputs(fixtures);
    out.insert(out.end(), std::make_move_iterator(bad.begin()), std::make_move_iterator(bad.end()));
  } else if (target == "align" || target == "classify") {
    auto all = pages(fixtures);
    for (std::size_t i = 0; i < all.size(); ++i) {
      for (std::size_t j = 0; j < all.size(); ++j) out.push_back(join_inputs(all[i], all[j]));
    }
    if (target == "classify") {
      // Section by section, page against page: small texts with real edits.
      for (std::size_t i = 0; i < all.size(); ++i) {
        auto a = section_texts(all[i]);
        for (std::size_t j = i + 1; j < all.size(); ++j) {
          auto b = section_texts(all[j]);
          for (std::size_t k = 0; k < std::min(a.size(), b.size()); ++k) {
            out.push_back(join_inputs(a[k], b[k]));
          }
        }
      }
      std::error_code ec;
      fs::path changes = fixtures / "changes" / "changes.json";
      if (fs::exists(changes, ec)) {
        change_pairs(nlohmann::json::parse(read_bytes(changes)), out);
      }
    }
  } else if (target == "config") {
    std::vector<std::string> accord_tomls = {"", k_accord_toml_full};
    for (const auto& path : files_with(fixtures, ".toml")) {
      if (path.filename() == "accord.toml") accord_tomls.push_back(read_bytes(path));
    }
    std::vector<std::string> hugos = {"", k_hugo_yaml, k_hugo_json};
    for (const auto& path : files_with(fixtures, ".toml")) {
      if (path.filename() == "hugo.toml") hugos.push_back(read_bytes(path));
    }
    for (const auto& a : accord_tomls) {
      for (const auto& h : hugos) out.push_back(join_inputs(a, h));
    }
  } else if (target == "notice_template") {
    out = {
        "# Changes to our {title}\n\nThe changes take effect on {effective}.\n\n{sections}\n"
        "Published on {published}, {period} before ({count} sections).\n",
        "{{title}} {{ }} {title:>20} {0} {} {author}\n{title", "}{count!r}{period:.3}"};
  } else {
    throw std::runtime_error("unknown fuzz target '" + std::string(target) + "'");
  }
  // Identical seeds (a page paired with its byte-identical twin) run once.
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace accord::fuzz
