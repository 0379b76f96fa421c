#include <gtest/gtest.h>

#include <accord/site.hpp>

#include "test_support.hpp"

namespace accord {
namespace {

std::vector<std::string> pair_strings(const SiteScan& scan) {
  std::vector<std::string> out;
  for (const auto& p : scan.pairs) out.push_back(p.source + " -> " + p.target + " " + p.matched_by);
  return out;
}

TEST(Site, PairsFilesSideBySide) {
  test::TempDir dir;
  test::write_file(dir / "content/privacy.en.md", "# A\n");
  test::write_file(dir / "content/privacy.et.md", "# A\n");
  test::write_file(dir / "content/legal/terms.md", "# T\n");  // default language: en
  test::write_file(dir / "content/legal/terms.et.md", "# T\n");
  test::write_file(dir / "content/about.en.md", "# About\n");
  auto scan = scan_site(load_config(dir.path()));
  EXPECT_EQ(
      (std::vector<std::string>{"content/legal/terms.md -> content/legal/terms.et.md filename",
                                "content/privacy.en.md -> content/privacy.et.md filename"}),
      pair_strings(scan));
  ASSERT_EQ(1u, scan.missing.size());
  EXPECT_EQ("content/about.en.md", scan.missing[0].source);
  EXPECT_EQ("et", scan.missing[0].language);
}

TEST(Site, DefaultContentLanguageIsTheSource) {
  test::TempDir dir;
  test::write_file(dir / "hugo.toml",
                   "defaultContentLanguage = 'et'\n[languages.et]\n[languages.en]\n");
  test::write_file(dir / "content/privacy.md", "# A\n");
  test::write_file(dir / "content/privacy.en.md", "# A\n");
  Config config = load_config(dir.path());
  EXPECT_EQ("et", config.source_language);
  auto scan = scan_site(config);
  EXPECT_EQ(std::vector<std::string>{"content/privacy.md -> content/privacy.en.md filename"},
            pair_strings(scan));
}

TEST(Site, PairsPerLanguageContentDirs) {
  test::TempDir dir;
  test::write_file(dir / "config.yaml",
                   "defaultContentLanguage: en\nlanguages:\n  en:\n    contentDir: content/en\n"
                   "  et:\n    contentDir: content/et\n");
  test::write_file(dir / "content/en/legal/privacy.md", "# A\n");
  test::write_file(dir / "content/et/legal/privacy.md", "# A\n");
  test::write_file(dir / "content/en/legal/terms.md", "# T\n");
  auto scan = scan_site(load_config(dir.path()));
  EXPECT_EQ((std::vector<std::string>{
                "content/en/legal/privacy.md -> content/et/legal/privacy.md content-dir"}),
            pair_strings(scan));
  ASSERT_EQ(1u, scan.missing.size());
  EXPECT_EQ("content/en/legal/terms.md", scan.missing[0].source);
}

TEST(Site, PairsByTranslationKey) {
  test::TempDir dir;
  test::write_file(dir / "content/privacy.en.md", "---\ntranslationKey: privacy\n---\n# A\n");
  test::write_file(dir / "content/privaatsus.et.md", "---\ntranslationKey: privacy\n---\n# A\n");
  auto scan = scan_site(load_config(dir.path()));
  EXPECT_EQ((std::vector<std::string>{
                "content/privacy.en.md -> content/privaatsus.et.md translation-key"}),
            pair_strings(scan));
}

TEST(Site, AccordTomlSetsLanguagesAndPaths) {
  test::TempDir dir;
  test::write_file(dir / "accord.toml",
                   "source_language = 'en'\ntarget_languages = ['de']\ncontent_paths = ['docs']\n"
                   "heading_shortcodes = ['pealkiri']\ntranslatable_keys = ['title']\n");
  test::write_file(dir / "docs/p.en.md", "x\n");
  test::write_file(dir / "docs/p.de.md", "x\n");
  test::write_file(dir / "docs/p.et.md", "x\n");
  Config config = load_config(dir.path());
  EXPECT_EQ(std::vector<std::string>{"pealkiri"}, config.document.heading_shortcodes);
  EXPECT_EQ(std::vector<std::string>{"title"}, config.translatable_keys);
  auto scan = scan_site(config);
  EXPECT_EQ(std::vector<std::string>{"docs/p.en.md -> docs/p.de.md filename"}, pair_strings(scan));
}

TEST(Site, UnknownAccordTomlKeyIsAnErrorThatNamesIt) {
  test::TempDir dir;
  test::write_file(dir / "accord.toml", "source_language = 'en'\nsource_langauge = 'et'\n");
  try {
    load_config(dir.path());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(
        (dir / "accord.toml").string() +
            ":2: unknown key 'source_langauge'; known keys are source_language, "
            "target_languages, content_paths, heading_shortcodes, translatable_keys, notice_days, "
            "notice_templates",
        e.what());
  }
}

TEST(Site, WrongTypeInAccordTomlIsAnError) {
  test::TempDir dir;
  test::write_file(dir / "accord.toml", "target_languages = 'et'\n");
  try {
    load_config(dir.path());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ((dir / "accord.toml").string() +
                  ":1: 'target_languages' must be an array of strings; write target_languages = "
                  "[\"…\"]",
              e.what());
  }
}

TEST(Site, SymlinkOutsideTheRootIsNotFollowed) {
  test::TempDir outside;
  test::write_file(outside / "secret.et.md", "# S\n");
  test::TempDir dir;
  test::write_file(dir / "content/privacy.en.md", "# A\n");
  std::filesystem::create_symlink(outside / "secret.et.md", dir / "content/privacy.et.md");
  auto scan = scan_site(load_config(dir.path()));
  EXPECT_TRUE(scan.pairs.empty());
}

TEST(Site, MissingContentFolderIsAnError) {
  test::TempDir dir;
  try {
    scan_site(load_config(dir.path()));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ((dir / "content").string() +
                  ": content folder not found; create it, or set content_paths in accord.toml",
              e.what());
  }
}

TEST(Site, ExampleSiteHasOnePair) {
  auto scan = scan_site(load_config(test::source_dir() / "fixtures/site"));
  EXPECT_EQ(std::vector<std::string>{"content/privacy.en.md -> content/privacy.et.md filename"},
            pair_strings(scan));
}

}  // namespace
}  // namespace accord
