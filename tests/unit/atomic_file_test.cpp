#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <accord/atomic_file.hpp>
#include <accord/error.hpp>
#include <csignal>
#include <filesystem>
#include <functional>
#include <string>

#include "test_support.hpp"

namespace accord {
namespace {
namespace fs = std::filesystem;
using test::slurp;
using test::TempDir;
using test::write_file;

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {}));
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(AtomicFile, WritesTheFileOnCommit) {
  TempDir dir;
  fs::path target = dir / "report.html";
  {
    AtomicFile file(target.string());
    EXPECT_EQ(target.parent_path(), fs::path(file.temp_path()).parent_path());
    file.write("<!DOCTYPE html>\n");
    file.write("<p>hello</p>\n");
    EXPECT_FALSE(fs::exists(target));
    file.commit();
    EXPECT_EQ("", file.temp_path());
  }
  EXPECT_EQ("<!DOCTYPE html>\n<p>hello</p>\n", slurp(target));
  EXPECT_EQ(1u, entries(dir.path()));
}

TEST(AtomicFile, ReplacesTheOldFileOnlyAtCommit) {
  TempDir dir;
  fs::path target = dir / "report.html";
  write_file(target, "old");
  AtomicFile file(target.string());
  file.write("new");
  EXPECT_EQ("old", slurp(target));
  file.commit();
  EXPECT_EQ("new", slurp(target));
}

TEST(AtomicFile, WithoutCommitLeavesTheOldFileAndNoTemporary) {
  TempDir dir;
  fs::path target = dir / "report.html";
  write_file(target, "old");
  std::string temp;
  {
    AtomicFile file(target.string());
    temp = file.temp_path();
    file.write("half a rep");
    EXPECT_TRUE(fs::exists(temp));
  }
  EXPECT_FALSE(fs::exists(temp));
  EXPECT_EQ("old", slurp(target));
  EXPECT_EQ(1u, entries(dir.path()));
}

TEST(AtomicFile, MissingFolderThrowsNamingTheFileAndWhatToDo) {
  TempDir dir;
  std::string target = (dir / "no/such/report.html").string();
  EXPECT_EQ(target + ": cannot create a temporary file in " + (dir / "no/such").string() +
                ": No such file or directory; check that the folder exists and is writable, or "
                "choose another output path",
            error_of([&] { AtomicFile file(target); }));
}

TEST(AtomicFile, ParentThatIsAFileThrows) {
  TempDir dir;
  write_file(dir / "file", "x");
  std::string target = (dir / "file/report.html").string();
  EXPECT_EQ(target + ": cannot create a temporary file in " + (dir / "file").string() +
                ": Not a directory; check that the folder exists and is writable, or choose "
                "another output path",
            error_of([&] { AtomicFile file(target); }));
  EXPECT_EQ("x", slurp(dir / "file"));
}

TEST(AtomicFile, TargetThatIsAFolderFailsAtCommitAndCleansUp) {
  TempDir dir;
  fs::create_directory(dir / "report.html");
  std::string target = (dir / "report.html").string();
  AtomicFile file(target);
  file.write("data");
  EXPECT_EQ(target +
                ": cannot replace it: Is a directory; remove or rename what is at that path, or "
                "choose another output path",
            error_of([&] { file.commit(); }));
  EXPECT_EQ(1u, entries(dir.path()));
  EXPECT_TRUE(fs::is_directory(target));
}

TEST(AtomicFile, CommitTwiceIsAnError) {
  TempDir dir;
  AtomicFile file((dir / "a").string());
  file.commit();
  EXPECT_NE(std::string::npos, error_of([&] { file.commit(); }).find("already closed"));
  EXPECT_EQ("", slurp(dir / "a"));
}

// A full disk, simulated with a file size limit (what `ulimit -f` sets) in
// a child process, so that the limit does not touch the test runner.
TEST(AtomicFile, FileSizeLimitThrowsAndKeepsTheOldFile) {
  TempDir dir;
  fs::path target = dir / "report.html";
  write_file(target, "old report");
  int pipe_fds[2];
  ASSERT_EQ(0, pipe(pipe_fds));
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(pipe_fds[0]);
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{4096, 4096};
    setrlimit(RLIMIT_FSIZE, &limit);
    std::string message = "(no error)";
    try {
      AtomicFile file(target.string());
      file.write(std::string(64 * 1024, 'x'));
      file.commit();
    } catch (const Error& e) {
      message = e.what();
    }
    ssize_t written = ::write(pipe_fds[1], message.data(), message.size());
    _exit(written == static_cast<ssize_t>(message.size()) ? 0 : 1);
  }
  close(pipe_fds[1]);
  std::string message;
  char buf[512];
  for (ssize_t n; (n = read(pipe_fds[0], buf, sizeof buf)) > 0;) message.append(buf, buf + n);
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_EQ(target.string() +
                ": cannot write it: File too large; free disk space (or raise the file size "
                "limit) and run again; the previous file is unchanged",
            message);
  EXPECT_EQ("old report", slurp(target));
  EXPECT_EQ(1u, entries(dir.path()));
}

}  // namespace
}  // namespace accord
