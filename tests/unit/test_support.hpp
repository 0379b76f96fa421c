// Helpers shared by the tests: temporary folders, real git repositories with
// a fixed author and date, running the built binary.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace accord::test {

// The source tree (fixtures/ lives there).
std::filesystem::path source_dir();

// Reads a file as bytes; fails the test (throws) if missing.
std::string slurp(const std::filesystem::path& path);

// Writes bytes to a file, creating parent folders.
void write_file(const std::filesystem::path& path, std::string_view bytes);

// A folder under the system temp dir, removed with everything in it when
// the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& rel) const { return m_path / rel; }

 private:
  std::filesystem::path m_path;
};

// A real git repository made with libgit2 in a TempDir. Commits use the
// author "Accord Test <test@example.org>" and the given time, so ids are
// stable.
class TestRepo {
 public:
  TestRepo();
  ~TestRepo();
  TestRepo(const TestRepo&) = delete;
  TestRepo& operator=(const TestRepo&) = delete;
  const std::filesystem::path& path() const { return m_dir.path(); }
  // Writes a file in the work tree (no staging).
  void write(const std::string& rel, std::string_view bytes);
  // Stages every change in the work tree (adds, edits, removals) and commits
  // it with MESSAGE at TIME (seconds since the epoch, UTC offset minutes).
  // Returns the commit id in hex.
  std::string commit(const std::string& message, long long time, int offset_minutes = 0);
  // As commit(), by NAME <EMAIL> (author and committer; bytes as given, in
  // any charset) with ENCODING as the commit's `encoding` header (nullptr:
  // none), as converted histories have them.
  std::string commit_as(const std::string& message, long long time, const std::string& name,
                        const std::string& email, const char* encoding, int offset_minutes = 0);

 private:
  TempDir m_dir;
  void* m_repo = nullptr;  // git_repository*
};

// The result of running a command.
struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// S quoted for /bin/sh: 'it'\''s'.
std::string sh_quoted(const std::string& s);

// Runs COMMAND with /bin/sh; its stdout and stderr (merged), and *STATUS
// (the exit code, -1 when killed by a signal) when STATUS is given.
std::string shell(const std::string& command, int* status = nullptr);

// Runs the built accord binary with ARGS in CWD (no shell), with NO_COLOR set.
RunResult run_accord(const std::vector<std::string>& args, const std::filesystem::path& cwd = {});

// Sets an environment variable for one scope, then restores it (run_accord
// passes this process's environment on).
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : m_name(name) {
    if (const char* old = std::getenv(name)) m_saved = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (m_saved) {
      setenv(m_name, m_saved->c_str(), 1);
    } else {
      unsetenv(m_name);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* m_name;
  std::optional<std::string> m_saved;
};

}  // namespace accord::test
