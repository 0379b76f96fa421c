// accord help and version, the "did you mean" suggestions, and the man pages
// and shell completions written from the command table (`accord __generate`).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "test_support.hpp"

namespace accord {
namespace {
namespace fs = std::filesystem;
using test::run_accord;
using test::shell;
using test::slurp;
using test::source_dir;

std::string sh_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The commands `accord --help` lists (its SUBCOMMANDS section).
std::vector<std::string> listed_commands() {
  std::vector<std::string> out;
  bool in_section = false;
  for (const auto& line : lines_of(run_accord({"--help"}).out)) {
    if (line == "Subcommands:") {
      in_section = true;
    } else if (in_section && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ') {
      out.push_back(line.substr(2, line.find(' ', 2) - 2));
    } else if (in_section && line.empty()) {
      break;
    }
  }
  return out;
}

// The option names `accord ARGS --help` lists ("-h", "--help", "--format").
std::vector<std::string> listed_options(std::vector<std::string> args) {
  args.push_back("--help");
  std::vector<std::string> out;
  bool in_section = false;
  for (const auto& line : lines_of(run_accord(args).out)) {
    if (line == "Options:") {
      in_section = true;
    } else if (in_section && line.rfind("  -", 0) == 0) {
      std::string names = line.substr(2, line.find(' ', 2) - 2);
      for (std::size_t start = 0; start < names.size();) {
        auto comma = names.find(',', start);
        if (comma == std::string::npos) comma = names.size();
        out.push_back(names.substr(start, comma - start));
        start = comma + 1;
      }
    } else if (in_section && line.empty()) {
      break;
    }
  }
  return out;
}

std::string roff_escaped(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

TEST(Help, HelpPrintsWhatDashDashHelpPrints) {
  auto help = run_accord({"help"});
  auto dash = run_accord({"--help"});
  EXPECT_EQ(0, help.exit_code) << help.err;
  EXPECT_EQ(dash.out, help.out);
  EXPECT_NE(std::string::npos, help.out.find("Subcommands:")) << help.out;
  EXPECT_EQ("", help.err);
}

TEST(Help, HelpCommandPrintsWhatCommandDashDashHelpPrints) {
  auto commands = listed_commands();
  ASSERT_GE(commands.size(), 14u);
  for (const auto& c : commands) {
    auto help = run_accord({"help", c});
    auto dash = run_accord({c, "--help"});
    EXPECT_EQ(0, help.exit_code) << c << ": " << help.err;
    EXPECT_EQ(dash.out, help.out) << c;
    EXPECT_NE(std::string::npos, help.out.find("\nUsage: accord " + c + " ")) << help.out;
  }
}

TEST(Help, EveryFooterPointsToTheManPageNotASourcePath) {
  EXPECT_NE(std::string::npos,
            run_accord({"--help"}).out.find("See 'man accord' and 'accord help COMMAND'"));
  for (const auto& c : listed_commands()) {
    auto help = run_accord({c, "--help"});
    std::string line = "See 'man accord-" + c + "' or 'accord help " + c + "'.\n";
    EXPECT_EQ(help.out.size() - line.size(), help.out.rfind(line)) << help.out;
    EXPECT_EQ(std::string::npos, help.out.find("docs/cli.md")) << c;
  }
  EXPECT_EQ(std::string::npos, run_accord({"--help"}).out.find("docs/cli.md"));
}

TEST(Help, UnknownCommandIsAUsageErrorWithASuggestion) {
  auto r = run_accord({"help", "chek"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: unknown command 'chek'; did you mean 'check'?\n", r.err);
  EXPECT_EQ("", r.out);
  auto far = run_accord({"help", "frobnicate"});
  EXPECT_EQ(2, far.exit_code);
  EXPECT_EQ("accord: error: unknown command 'frobnicate'; see 'accord help'\n", far.err);
}

std::string pkg_config_version(const std::string& module) {
  std::string version = shell("pkg-config --modversion " + module);
  while (!version.empty() && version.back() == '\n') version.pop_back();
  return version;
}

TEST(Version, PrintsVersionCommitBuildTypeAndLibraries) {
  auto r = run_accord({"--version"});
  EXPECT_EQ(0, r.exit_code) << r.err;
  auto lines = lines_of(r.out);
  ASSERT_EQ(2u, lines.size()) << r.out;
  // accord 0.2.0 (commit 821be4926c93, RelWithDebInfo); the version is
  // CMake's project(VERSION), passed in by tests/CMakeLists.txt.
  const std::string head = std::string("accord ") + ACCORD_VERSION + " (commit ";
  ASSERT_EQ(0u, lines[0].find(head)) << lines[0];
  ASSERT_EQ(')', lines[0].back()) << lines[0];
  std::string inside = lines[0].substr(head.size(), lines[0].size() - head.size() - 1);
  auto comma = inside.find(", ");
  ASSERT_NE(std::string::npos, comma) << lines[0];
  std::string commit = inside.substr(0, comma);
  std::string type = inside.substr(comma + 2);
  EXPECT_TRUE(
      commit == "unknown" ||
      (commit.size() == 12 && commit.find_first_not_of("0123456789abcdef") == std::string::npos))
      << commit;
  EXPECT_TRUE(type == "Debug" || type == "Release" || type == "RelWithDebInfo" ||
              type == "MinSizeRel")
      << type;
  // Built from this checkout: the commit is one of its commits.
  if (fs::exists(source_dir() / ".git")) {
    ASSERT_NE("unknown", commit);
    int status = -1;
    shell("git -C " + sh_quoted(source_dir().string()) + " cat-file -e " + commit + "^{commit}",
          &status);
    EXPECT_EQ(0, status) << commit;
  }
  // The libraries linked in: the run-time versions agree with the build's.
  EXPECT_EQ("libgit2 " + pkg_config_version("libgit2") + ", ICU " + pkg_config_version("icu-uc") +
                ", hunspell " + pkg_config_version("hunspell") + ", cmark-gfm " +
                pkg_config_version("libcmark-gfm"),
            lines[1]);
  auto version = run_accord({"version"});
  EXPECT_EQ(0, version.exit_code);
  EXPECT_EQ(r.out, version.out);
  EXPECT_EQ("", version.err);
}

TEST(Suggest, UnknownCommandGetsTheNearestOne) {
  auto r = run_accord({"chek"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: unknown command 'chek'; did you mean 'check'?\n", r.err);
  EXPECT_EQ("", r.out);
  // A swap of two letters is one edit; the global options' values are skipped.
  EXPECT_EQ("accord: error: unknown command 'piars'; did you mean 'pairs'?\n",
            run_accord({"--color", "never", "piars"}).err);
  EXPECT_EQ("accord: error: unknown command 'chek'; did you mean 'check'?\n",
            run_accord({"--color=never", "chek"}).err);
  EXPECT_EQ("accord: error: unknown command 'ntoes'; did you mean 'notes'?\n",
            run_accord({"--max-file-size", "1M", "ntoes", "--from", "v1"}).err);
  EXPECT_EQ("accord: error: unknown command 'chek'; did you mean 'check'?\n",
            run_accord({"chek", "--help"}).err);
}

TEST(Suggest, NothingNearSaysSeeAccordHelp) {
  auto r = run_accord({"frobnicate"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: unknown command 'frobnicate'; see 'accord help'\n", r.err);
  // Three edits are too many, and so are two in a word of four letters.
  EXPECT_EQ("accord: error: unknown command 'chxxk'; see 'accord help'\n",
            run_accord({"chxxk"}).err);
  EXPECT_EQ("accord: error: unknown command 'clok'; see 'accord help'\n", run_accord({"clok"}).err);
}

TEST(Suggest, UnknownOptionGetsTheNearestOne) {
  auto r = run_accord({"check", "--fromat", "json"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: unknown option '--fromat'; did you mean '--format'?\n", r.err);
  EXPECT_EQ("", r.out);
  EXPECT_EQ("accord: error: unknown option '--fail-no'; did you mean '--fail-on'?\n",
            run_accord({"check", "--format", "json", "--fail-no=warning"}).err);
  // The global options count after the command, and alone before it.
  EXPECT_EQ("accord: error: unknown option '--colr'; did you mean '--color'?\n",
            run_accord({"check", "--colr", "never"}).err);
  EXPECT_EQ("accord: error: unknown option '--fromat'; see 'accord help'\n",
            run_accord({"--fromat", "json", "check"}).err);
}

TEST(Suggest, UnknownOptionWithNothingNearSaysSeeTheCommandsHelp) {
  auto r = run_accord({"sections", "--frobnicate", "x.md"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("accord: error: unknown option '--frobnicate'; see 'accord help sections'\n", r.err);
}

TEST(Suggest, KnownWordsStillWork) {
  auto r = run_accord(
      {"--color", "never", "sections", "fixtures/site/content/privacy.et.md", "--format", "json"},
      source_dir());
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ(slurp(source_dir() / "fixtures/golden/sections-seed.json"), r.out);
}

// The generated man pages and completions, written by the binary under test
// into a fresh folder.
class Generated : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new test::TempDir();
    auto r = run_accord({"__generate", s_dir->path().string()});
    ASSERT_EQ(0, r.exit_code) << r.err;
    ASSERT_EQ("", r.out);
  }
  static void TearDownTestSuite() {
    delete s_dir;
    s_dir = nullptr;
  }
  static fs::path dir() { return s_dir->path(); }
  static test::TempDir* s_dir;
};
test::TempDir* Generated::s_dir = nullptr;

TEST_F(Generated, HiddenGeneratorIsNotListed) {
  EXPECT_EQ(std::string::npos, run_accord({"--help"}).out.find("__generate"));
  EXPECT_FALSE(fs::exists(dir() / "man1/accord-__generate.1"));
  // Named once each, in the "Generated by 'accord __generate'" comment.
  for (const char* file :
       {"man1/accord.1", "completions/accord", "completions/_accord", "completions/accord.fish"}) {
    std::string text = slurp(dir() / file);
    auto first = text.find("__generate");
    EXPECT_NE(std::string::npos, first) << file;
    EXPECT_EQ(std::string::npos, text.find("__generate", first + 1)) << file;
  }
}

TEST_F(Generated, EveryCommandHasAPageWithEveryOption) {
  std::string index = slurp(dir() / "man1/accord.1");
  for (const auto& o : listed_options({}))
    EXPECT_NE(std::string::npos, index.find("\\fB" + roff_escaped(o) + "\\fR")) << o;
  for (const auto& c : listed_commands()) {
    EXPECT_NE(std::string::npos, index.find("\\fBaccord\\-" + c + "\\fR(1)")) << c;
    fs::path page = dir() / "man1" / ("accord-" + c + ".1");
    ASSERT_TRUE(fs::exists(page)) << page;
    std::string text = slurp(page);
    for (const char* section :
         {".SH NAME\naccord\\-", ".SH SYNOPSIS\n.B accord ", ".SH DESCRIPTION\n", ".SH OPTIONS\n",
          ".SH EXIT STATUS\n", ".SH EXAMPLES\n", ".SH SEE ALSO\n\\fBaccord\\fR(1)"})
      EXPECT_NE(std::string::npos, text.find(section)) << c << ": " << section;
    auto options = listed_options({c});
    EXPECT_FALSE(options.empty()) << c;
    for (const auto& o : options)
      EXPECT_NE(std::string::npos, text.find("\\fB" + roff_escaped(o) + "\\fR")) << c << " " << o;
  }
  // Choices and defaults come from the checks, examples from the footer.
  std::string check = slurp(dir() / "man1/accord-check.1");
  EXPECT_NE(std::string::npos,
            check.find(".TP\n\\fB\\-\\-format\\fR \\fITEXT\\fR\nOutput format. One of: text, "
                       "json, github, sarif. Default: text.\n"))
      << check;
  EXPECT_NE(std::string::npos, check.find("accord check \\-\\-format sarif > accord.sarif\n"))
      << check;
  EXPECT_EQ(std::string::npos, check.find("See 'man")) << check;
}

TEST_F(Generated, ManPagesRenderWithoutWarnings) {
  int status = -1;
  std::string version = shell("groff --version", &status);
  ASSERT_EQ(0, status) << "groff is missing: run scripts/setup --test (groff-base)";
  std::size_t pages = 0;
  for (const auto& entry : fs::directory_iterator(dir() / "man1")) {
    ++pages;
    std::string path = sh_quoted(entry.path().string());
    std::string warnings = shell("groff -man -Tutf8 -ww -z " + path, &status);
    EXPECT_EQ(0, status) << entry.path();
    EXPECT_EQ("", warnings) << entry.path();
    std::string text = shell("groff -man -Tascii -P-c -P-b -P-u " + path, &status);
    EXPECT_NE(std::string::npos, text.find("EXIT STATUS")) << text;
  }
  EXPECT_EQ(listed_commands().size() + 1, pages);
  std::string check = shell("groff -man -Tascii -P-b -P-u -P-c " +
                            sh_quoted((dir() / "man1/accord-check.1").string()));
  EXPECT_NE(std::string::npos, check.find("       --format TEXT\n")) << check;
}

// The words of "options='…'" in the bash script's case for COMMAND.
std::vector<std::string> bash_options(const std::string& script, const std::string& command) {
  std::string start = "    " + command + ")\n      options='";
  auto at = script.find(start);
  if (at == std::string::npos) return {};
  at += start.size();
  std::vector<std::string> words;
  std::istringstream in(script.substr(at, script.find('\'', at) - at));
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

TEST_F(Generated, CompletionsNameEveryCommandAndOption) {
  std::string bash = slurp(dir() / "completions/accord");
  std::string zsh = slurp(dir() / "completions/_accord");
  std::string fish = slurp(dir() / "completions/accord.fish");
  EXPECT_EQ(0u, zsh.find("#compdef accord\n"));
  for (const auto& c : listed_commands()) {
    EXPECT_NE(std::string::npos, bash.find("    " + c + ")\n")) << c;
    EXPECT_NE(std::string::npos, zsh.find("'" + c + ":")) << c;
    EXPECT_NE(std::string::npos, zsh.find("        " + c + ")\n")) << c;
    EXPECT_NE(std::string::npos, fish.find("__fish_use_subcommand -a " + c + " ")) << c;
    std::string fish_condition = "complete -c accord -n '__fish_seen_subcommand_from " + c + "'";
    for (const auto& o : listed_options({c})) {
      auto words = bash_options(bash, c);
      EXPECT_NE(words.end(), std::find(words.begin(), words.end(), o)) << c << " " << o;
      EXPECT_NE(std::string::npos, zsh.find("'" + o + "[")) << c << " " << o;
      std::string fish_option = o.rfind("--", 0) == 0 ? " -l " + o.substr(2) : " -s " + o.substr(1);
      bool found = false;
      for (const auto& line : lines_of(fish))
        found = found || (line.rfind(fish_condition, 0) == 0 &&
                          (line + " ").find(fish_option + " ") != std::string::npos);
      EXPECT_TRUE(found) << c << " " << o;
    }
  }
  EXPECT_NE(std::string::npos, fish.find(" -l format -x -a 'text json github sarif' ")) << fish;
  EXPECT_NE(std::string::npos, zsh.find("'--format[Output format]:TEXT:(text json github sarif)'"))
      << zsh;
}

// What the bash completion offers for the words WORDS (the last one being
// completed).
std::string complete_bash(const fs::path& script, const std::string& words) {
  return shell("bash -c " +
               sh_quoted("source " + sh_quoted(script.string()) + "; COMP_WORDS=(" + words +
                         "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _accord; printf '%s\\n' "
                         "\"${COMPREPLY[@]}\""));
}

TEST_F(Generated, BashCompletesCommandsOptionsAndValues) {
  fs::path script = dir() / "completions/accord";
  EXPECT_EQ("check\n", complete_bash(script, "accord ch"));
  EXPECT_EQ("--format\n", complete_bash(script, "accord check --fo"));
  EXPECT_EQ("text\njson\ngithub\nsarif\n", complete_bash(script, "accord check --format ''"));
  EXPECT_EQ("warning\n", complete_bash(script, "accord check --fail-on w"));
  EXPECT_EQ("auto\nalways\nnever\n", complete_bash(script, "accord --color ''"));
  EXPECT_EQ("notice\nnotes\n", complete_bash(script, "accord --color never no"));
  EXPECT_EQ("notes\n", complete_bash(script, "accord help note"));
  EXPECT_EQ("--color\n", complete_bash(script, "accord sections --co"));
  // A PATH: files.
  std::string stem = (source_dir() / "fixtures/site/content/privacy.et").string();
  EXPECT_EQ(stem + ".md\n", complete_bash(script, "accord check " + sh_quoted(stem)));
}

TEST_F(Generated, ZshScriptParsesAndFishCompletes) {
  int status = -1;
  std::string zsh = shell("zsh -n " + sh_quoted((dir() / "completions/_accord").string()), &status);
  EXPECT_EQ(0, status) << "zsh -n (zsh missing? run scripts/setup --test): " << zsh;
  EXPECT_EQ("", zsh);
  auto fish = [&](const std::string& line) {
    return shell(
        "fish -c " + sh_quoted("source " + sh_quoted((dir() / "completions/accord.fish").string()) +
                               "; complete -C " + sh_quoted(line)),
        &status);
  };
  EXPECT_EQ(
      "github\tOutput format\njson\tOutput format\nsarif\tOutput format\ntext\tOutput "
      "format\n",
      fish("accord check --format "));
  EXPECT_EQ(0, status) << "fish missing? run scripts/setup --test";
  EXPECT_EQ("check\tCheck translation pairs: untranslated text, missing sections, mismatches\n",
            fish("accord ch"));
  EXPECT_EQ("--format\tOutput format\n", fish("accord check --fo"));
}

}  // namespace
}  // namespace accord
