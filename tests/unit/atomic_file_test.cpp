#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <accord/atomic_file.hpp>
#include <accord/error.hpp>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

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

// --- what may be replaced (issue 19) ---------------------------------------

constexpr const char* k_kind_hint =
    "; accord replaces only regular files; choose another output path";

// Each is refused before anything is created, and stays what it was.
TEST(AtomicFile, RefusesEveryTargetThatIsNotARegularFile) {
  TempDir dir;
  fs::create_directory(dir / "folder");
  ASSERT_EQ(0, mkfifo((dir / "fifo").c_str(), 0644));
  int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::string sock_path = (dir / "socket").string();
  ASSERT_LT(sock_path.size(), sizeof addr.sun_path);
  std::memcpy(addr.sun_path, sock_path.c_str(), sock_path.size() + 1);
  ASSERT_EQ(0, bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr));
  fs::create_symlink("/dev/null", dir / "null");
  fs::create_symlink("fifo", dir / "to-fifo");
  fs::create_symlink("null", dir / "to-null");  // a chain of two
  fs::create_symlink("nowhere", dir / "dangling");
  fs::create_symlink("/proc/self/fd/99", dir / "fd");
  auto at = [&](const char* name) { return (dir / name).string(); };
  std::vector<std::pair<std::string, std::string>> cases = {
      {at("folder"), ": is a folder, not a regular file"},
      {at("fifo"), ": is a fifo, not a regular file"},
      {at("socket"), ": is a socket, not a regular file"},
      {at("null"),
       ": is a symlink to '/dev/null', which is a character device, not a regular file"},
      {at("to-fifo"),
       ": is a symlink to 'fifo', which is a fifo (" + at("fifo") + "), not a regular file"},
      {at("to-null"),
       ": is a symlink to 'null', which is a character device (/dev/null), not a regular file"},
      {at("dangling"), ": is a symlink to 'nowhere', which leads to no regular file"},
      {at("fd"), ": is a symlink to '/proc/self/fd/99', which leads to no regular file"},
  };
  // A device node of its own, never the system's /dev/null: a regression
  // would replace it (mknod needs root; elsewhere the fifo and the socket
  // stand for it).
  std::size_t made = 8;
  if (mknod(at("device").c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
    cases.push_back({at("device"), ": is a character device, not a regular file"});
    ++made;
  }
  for (const auto& [target, what] : cases) {
    EXPECT_EQ(target + what + k_kind_hint, error_of([&] { AtomicFile file(target); })) << target;
  }
  close(sock);
  EXPECT_EQ(made, entries(dir.path()));  // nothing new
  EXPECT_TRUE(fs::is_directory(dir / "folder"));
  EXPECT_TRUE(fs::is_fifo(dir / "fifo"));
  EXPECT_TRUE(fs::is_socket(dir / "socket"));
  EXPECT_TRUE(fs::is_symlink(dir / "null"));
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

// A symlink to a regular file: the file it leads to is replaced atomically,
// the link stays a link, and the temporary file is made next to the file.
TEST(AtomicFile, WritesThroughASymlinkToARegularFile) {
  TempDir dir;
  write_file(dir / "real/report.html", "old");
  fs::create_directory(dir / "links");
  fs::create_symlink("../real/report.html", dir / "links/report.html");
  {
    AtomicFile file((dir / "links/report.html").string());
    EXPECT_EQ(fs::canonical(dir / "real/report.html").string(), file.target_path());
    EXPECT_EQ(fs::canonical(dir / "real"), fs::path(file.temp_path()).parent_path());
    file.write("new");
    file.commit();
  }
  EXPECT_TRUE(fs::is_symlink(dir / "links/report.html"));
  EXPECT_EQ("new", slurp(dir / "real/report.html"));
  EXPECT_EQ(1u, entries(dir / "links"));
  EXPECT_EQ(1u, entries(dir / "real"));
}

TEST(AtomicFile, RefusesAProtectedFileOrAFileInsideAProtectedFolder) {
  TempDir dir;
  write_file(dir / "site/content/privacy.en.md", "policy");
  write_file(dir / "site/notes.md", "notes");
  fs::create_symlink("site/content/privacy.en.md", dir / "link.md");
  std::vector<ProtectedPath> protect = {{dir / "site/notes.md", "a document this run reads"},
                                        {dir / "site/content", "the content folder of the site"}};
  const std::string hint =
      "; accord never writes over what it reads; choose an output path outside the site's "
      "content folders";
  auto refused = [&](const fs::path& target) {
    return error_of([&] { AtomicFile file(target.string(), protect); });
  };
  EXPECT_EQ((dir / "site/notes.md").string() + ": is a document this run reads (" +
                (dir / "site/notes.md").string() + ")" + hint,
            refused(dir / "site/notes.md"));
  // Through `..`, through a symlink, and a file that does not exist yet.
  for (const fs::path& target : {dir / "site/content/../content/privacy.en.md", dir / "link.md",
                                 dir / "site/content/new.html"}) {
    EXPECT_EQ(target.string() + ": is inside the content folder of the site (" +
                  (dir / "site/content").string() + ")" + hint,
              refused(target));
  }
  EXPECT_EQ("policy", slurp(dir / "site/content/privacy.en.md"));
  EXPECT_EQ(1u, entries(dir / "site/content"));
  // Beside them is fine, and so is a name that merely starts the same.
  for (const fs::path& target : {dir / "site/report.html", dir / "site/content2.html"}) {
    AtomicFile file(target.string(), protect);
    file.commit();
    EXPECT_TRUE(fs::exists(target));
  }
}

// A file name of NAME_MAX (255) bytes: the temporary name must not be longer.
TEST(AtomicFile, AFileNameOfNameMaxBytesIsWritten) {
  TempDir dir;
  fs::path target = dir / (std::string(250, 'r') + ".html");
  ASSERT_EQ(255u, target.filename().string().size());
  {
    AtomicFile file(target.string());
    EXPECT_EQ(14u, fs::path(file.temp_path()).filename().string().size());
    EXPECT_EQ(0u, fs::path(file.temp_path()).filename().string().rfind(".accord-", 0));
    file.write("report");
    file.commit();
  }
  EXPECT_EQ("report", slurp(target));
  EXPECT_EQ(1u, entries(dir.path()));
}

// A child process that has a temporary file open and is killed by SIGNAL:
// it dies of that signal, the temporary file is gone and the old file is
// whole. The child tells the parent through a pipe when the temporary file
// exists, so the signal always arrives mid-write.
void expect_signal_removes_the_temporary(int signal_number) {
  TempDir dir;
  fs::path target = dir / "report.html";
  write_file(target, "old report");
  int ready[2];
  ASSERT_EQ(0, pipe(ready));
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(ready[0]);
    try {
      AtomicFile file(target.string());
      file.write("half a rep");
      char byte = 'x';
      if (::write(ready[1], &byte, 1) != 1) _exit(1);
      for (;;) pause();
    } catch (...) {
      _exit(2);
    }
  }
  close(ready[1]);
  char byte = 0;
  ssize_t n = read(ready[0], &byte, 1);
  close(ready[0]);
  bool mid_write = n == 1 && entries(dir.path()) == 2;
  kill(pid, signal_number);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(mid_write) << "the child never had its temporary file";
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == signal_number) << status;
  EXPECT_EQ("old report", slurp(target));
  EXPECT_EQ(1u, entries(dir.path()));
}

TEST(AtomicFile, SigtermRemovesTheTemporaryFileAndStillKills) {
  expect_signal_removes_the_temporary(SIGTERM);
}

TEST(AtomicFile, SigintRemovesTheTemporaryFileAndStillKills) {
  expect_signal_removes_the_temporary(SIGINT);
}

}  // namespace
}  // namespace accord
