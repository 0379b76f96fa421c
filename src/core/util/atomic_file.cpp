#include <fcntl.h>
#include <unistd.h>

#include <accord/atomic_file.hpp>
#include <accord/error.hpp>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <random>
#include <system_error>

namespace accord {
namespace {

std::string folder_of(const std::string& path) {
  std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

std::string reason(int error_number) { return std::generic_category().message(error_number); }

std::string random_suffix() {
  static constexpr char k_digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::random_device device;
  std::uniform_int_distribution<int> pick(0, 35);
  std::string out(8, '0');
  for (char& c : out) c = k_digits[pick(device)];
  return out;
}

constexpr const char* k_folder_hint =
    "check that the folder exists and is writable, or choose another output path";
constexpr const char* k_space_hint =
    "free disk space (or raise the file size limit) and run again; the previous file is "
    "unchanged";

}  // namespace

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)) {
  // O_EXCL with a random name rather than mkstemp: mkstemp creates mode 0600,
  // and a report should get the usual permissions (0666 less the umask).
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string candidate = m_path + ".tmp." + random_suffix();
    int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      m_fd = fd;
      m_temp_path = std::move(candidate);
      return;
    }
    int error_number = errno;
    if (error_number != EEXIST) {
      fail("cannot create a temporary file in " + folder_of(m_path), error_number, k_folder_hint);
    }
  }
  fail("cannot create a temporary file in " + folder_of(m_path) + ": too many name clashes", 0,
       "remove stale '" + std::filesystem::path(m_path).filename().string() +
           ".tmp.*' files from the folder");
}

AtomicFile::~AtomicFile() {
  if (m_fd >= 0) ::close(m_fd);
  if (!m_committed && !m_temp_path.empty()) ::unlink(m_temp_path.c_str());
}

void AtomicFile::fail(const std::string& what, int error_number, const std::string& hint) {
  // Give up the temporary file now: the exception may be caught far away,
  // and the old target must be all that is left.
  if (m_fd >= 0) ::close(m_fd);
  m_fd = -1;
  if (!m_temp_path.empty()) ::unlink(m_temp_path.c_str());
  m_temp_path.clear();
  std::string text = error_number == 0 ? what : what + ": " + reason(error_number);
  throw Error(m_path, 0, text, hint);
}

void AtomicFile::write(std::string_view data) {
  if (m_fd < 0) fail("cannot write it: the file is already closed", 0, "this is a bug in accord");
  while (!data.empty()) {
    ssize_t n = ::write(m_fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error_number = errno;
      fail("cannot write it", error_number, k_space_hint);
    }
    if (n == 0) fail("cannot write it: the disk accepted no more bytes", 0, k_space_hint);
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

void AtomicFile::commit() {
  if (m_fd < 0) fail("cannot commit it: the file is already closed", 0, "this is a bug in accord");
  if (::fsync(m_fd) != 0) {
    int error_number = errno;
    fail("cannot flush it to disk", error_number, k_space_hint);
  }
  int fd = m_fd;
  m_fd = -1;
  if (::close(fd) != 0) {
    int error_number = errno;
    fail("cannot close it", error_number, k_space_hint);
  }
  if (::rename(m_temp_path.c_str(), m_path.c_str()) != 0) {
    int error_number = errno;
    fail("cannot replace it", error_number,
         "remove or rename what is at that path, or choose another output path");
  }
  m_committed = true;
  m_temp_path.clear();
  // The rename is durable only once the folder's entry is on disk. A folder
  // that cannot be synced (some file systems refuse) does not undo the
  // write, so this is best effort.
  int dir = ::open(folder_of(m_path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace accord
