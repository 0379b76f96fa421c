// README command 1 as a new user meets it: the README starts with the two
// commands and then "Install"; scripts/setup installs one set of packages
// per flag; scripts/demo installs only the runtime and build sets, builds
// only the accord target in Release, and runs accord check on the example
// site. The package tools (dpkg-query, apt-get, sudo) and the build tools
// (cmake, ninja) are stubs on PATH that record their arguments, so nothing is
// installed or compiled; the stub ninja puts the build tree's accord where
// the demo expects its binary.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace accord {
namespace {
namespace fs = std::filesystem;
using test::sh_quoted;
using test::shell;
using test::slurp;
using test::source_dir;
using test::TempDir;
using test::write_file;

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// A folder of stub commands that log "NAME ARGS" to one file.
class Stubs {
 public:
  Stubs() { write_file(log(), ""); }
  // A stub NAME running BODY (sh) after logging its arguments.
  void add(const std::string& name, const std::string& body = "exit 0") {
    fs::path file = m_dir / ("bin/" + name);
    write_file(file, "#!/bin/sh\necho \"" + name + " $*\" >> " + sh_quoted(log().string()) + "\n" +
                         body + "\n");
    fs::permissions(file, fs::perms::owner_all);
  }
  // Runs COMMAND in the source tree with the stubs first on PATH.
  std::string run(const std::string& command, int* status) const {
    const char* path = std::getenv("PATH");
    return shell("cd " + sh_quoted(source_dir().string()) +
                     " && TMPDIR=" + sh_quoted(m_dir.path().string()) + " PATH=" +
                     sh_quoted((m_dir / "bin").string() + ":" + (path ? path : "/usr/bin:/bin")) +
                     " " + command,
                 status);
  }
  fs::path log() const { return m_dir / "calls.log"; }
  fs::path dir() const { return m_dir.path(); }
  // The lines of the log that start with "NAME ".
  std::vector<std::string> calls(const std::string& name) const {
    std::istringstream in(slurp(log()));
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind(name + " ", 0) == 0) out.push_back(line.substr(name.size() + 1));
    }
    return out;
  }

 private:
  TempDir m_dir;
};

// The packages `scripts/setup ARGS` would install on a machine that has none.
std::set<std::string> packages_installed_by(const std::string& args) {
  Stubs stubs;
  stubs.add("dpkg-query", "exit 1");  // nothing is installed
  stubs.add("apt-get");
  stubs.add("sudo", "exec \"$@\"");
  int status = -1;
  std::string out = stubs.run("bash scripts/setup " + args, &status);
  EXPECT_EQ(0, status) << out;
  std::set<std::string> packages;
  for (const auto& call : stubs.calls("apt-get")) {
    if (call.rfind("install ", 0) != 0) continue;
    for (const auto& w : words(call)) {
      if (w != "install" && w[0] != '-') packages.insert(w);
    }
  }
  return packages;
}

TEST(FirstRun, ReadmeStartsWithTheTwoCommandsThenInstall) {
  std::istringstream in(slurp(source_dir() / "README.md"));
  std::vector<std::string> first_block, headings;
  bool in_block = false, seen_block = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("```", 0) == 0) {
      if (in_block) seen_block = true;
      in_block = !in_block && !seen_block;
      continue;
    }
    if (in_block) first_block.push_back(line);
    if (line.rfind("## ", 0) == 0) headings.push_back(line);
  }
  ASSERT_EQ(2u, first_block.size());
  EXPECT_EQ(0u, first_block[0].find("bash scripts/demo ")) << first_block[0];
  EXPECT_EQ(0u, first_block[1].find("bash scripts/test ")) << first_block[1];
  ASSERT_FALSE(headings.empty());
  EXPECT_EQ("## Install", headings[0]);
}

TEST(FirstRun, SetupInstallsOneSetPerFlag) {
  auto first_run = packages_installed_by("--runtime --build");
  for (const char* p : {"git", "libgit2-1.5", "libicu72", "myspell-et", "hunspell-en-us", "cmake",
                        "ninja-build", "libgit2-dev", "libcli11-dev"}) {
    EXPECT_TRUE(first_run.count(p)) << p;
  }
  // No test libraries, no browser, no second compiler in README command 1.
  for (const char* p : {"chromium", "chromium-driver", "libgtest-dev", "libbenchmark-dev", "clang",
                        "python3-jsonschema"}) {
    EXPECT_FALSE(first_run.count(p)) << p;
  }
  auto runtime = packages_installed_by("--runtime");
  EXPECT_TRUE(runtime.count("libgit2-1.5"));
  EXPECT_FALSE(runtime.count("cmake"));
  EXPECT_FALSE(runtime.count("libgit2-dev"));
  auto test_set = packages_installed_by("--test");
  for (const char* p : {"chromium", "libgtest-dev", "clang", "cmake"}) {
    EXPECT_TRUE(test_set.count(p)) << p;
  }
  auto all = packages_installed_by("");
  for (const auto& p : first_run) EXPECT_TRUE(all.count(p)) << p;
  for (const auto& p : test_set) EXPECT_TRUE(all.count(p)) << p;
}

TEST(FirstRun, SetupRefusesAnUnknownSetAndInstallsNothingWhenAllIsThere) {
  Stubs stubs;
  stubs.add("apt-get");
  stubs.add("sudo", "exec \"$@\"");
  int status = -1;
  std::string out = stubs.run("bash scripts/setup --chromium", &status);
  EXPECT_EQ(2, status) << out;
  EXPECT_NE(std::string::npos, out.find("setup: unknown set '--chromium'")) << out;
  stubs.add("dpkg-query", "echo 'install ok installed'");
  out = stubs.run("bash scripts/setup --runtime --build", &status);
  EXPECT_EQ(0, status) << out;
  EXPECT_NE(std::string::npos, out.find("already installed")) << out;
  EXPECT_TRUE(stubs.calls("apt-get").empty()) << slurp(stubs.log());
}

TEST(FirstRun, DemoBuildsOnlyAccordInReleaseAndChecksTheExampleSite) {
  Stubs stubs;
  stubs.add("dpkg-query", "echo 'install ok installed'");
  stubs.add("apt-get");
  stubs.add("sudo", "exec \"$@\"");
  stubs.add("cmake");
  // ninja -C BUILD -j N TARGET: the build tree's accord becomes BUILD/accord.
  stubs.add("ninja", "ln -sf " + sh_quoted(ACCORD_BINARY) + " \"$2/accord\"");
  fs::path build = stubs.dir() / "build";
  fs::create_directories(build);
  int status = -1;
  std::string out =
      stubs.run("env ACCORD_BUILD=" + sh_quoted(build.string()) + " bash scripts/demo", &status);
  EXPECT_EQ(0, status) << out;
  // Set-up: the runtime and build sets only.
  EXPECT_NE(std::string::npos, out.find("setup: all ")) << out;
  EXPECT_TRUE(stubs.calls("apt-get").empty());
  // One configure, in Release, without tests or benchmarks; one target.
  auto cmake = stubs.calls("cmake");
  ASSERT_EQ(1u, cmake.size()) << slurp(stubs.log());
  auto args = words(cmake[0]);
  for (const char* a :
       {"-DCMAKE_BUILD_TYPE=Release", "-DACCORD_TESTS=OFF", "-DACCORD_BENCHMARKS=OFF"}) {
    EXPECT_NE(args.end(), std::find(args.begin(), args.end(), a)) << a << " in " << cmake[0];
  }
  auto ninja = stubs.calls("ninja");
  ASSERT_EQ(1u, ninja.size()) << slurp(stubs.log());
  EXPECT_EQ("accord", words(ninja[0]).back()) << ninja[0];
  // The demo's own run: the example site's six findings, exit 1 expected.
  EXPECT_NE(std::string::npos, out.find("6 errors, 0 warnings in 1 pair")) << out;
  EXPECT_NE(std::string::npos, out.find("demo: accord check exited 1")) << out;
  EXPECT_NE(std::string::npos, out.find("demo: set-up, build and run took ")) << out;
}

}  // namespace
}  // namespace accord
