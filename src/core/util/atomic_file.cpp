#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <accord/atomic_file.hpp>
#include <accord/error.hpp>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <random>
#include <system_error>

namespace accord {
namespace {
namespace fs = std::filesystem;

std::string folder_of(const std::string& path) {
  std::string parent = fs::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

std::string reason(int error_number) { return std::generic_category().message(error_number); }

std::string random_suffix() {
  static constexpr char k_digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::random_device device;
  std::uniform_int_distribution<int> pick(0, 35);
  std::string out(6, '0');
  for (char& c : out) c = k_digits[pick(device)];
  return out;
}

constexpr const char* k_temp_prefix = ".accord-";
constexpr const char* k_folder_hint =
    "check that the folder exists and is writable, or choose another output path";
constexpr const char* k_space_hint =
    "free disk space (or raise the file size limit) and run again; the previous file is "
    "unchanged";
constexpr const char* k_kind_hint =
    "accord replaces only regular files; choose another output path";

// --- the temporary files a signal must remove ------------------------------
//
// The handler may run at any instruction, so it touches only what is safe
// there: a fixed table of preformatted C strings, each published by an atomic
// flag, and unlink(2). A slot is filled and marked live with the signals
// blocked in this thread, so that a signal never sees half a name.

constexpr std::array<int, 3> k_signals = {SIGINT, SIGTERM, SIGHUP};
constexpr int k_free = 0;     // unused
constexpr int k_filling = 1;  // claimed, name being written
constexpr int k_live = 2;     // the handler removes this file

struct Slot {
  std::atomic<int> state{k_free};
  char path[PATH_MAX];
};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs lock-free flags");
Slot g_slots[16];

extern "C" void remove_temporaries(int signal_number) {
  int saved = errno;
  for (Slot& slot : g_slots) {
    if (slot.state.load(std::memory_order_acquire) == k_live) ::unlink(slot.path);
  }
  errno = saved;
  // SA_RESETHAND restored the default action; the signal is blocked until the
  // handler returns, and then kills the process as it would have.
  ::raise(signal_number);
}

void install_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int s : k_signals) {
      struct sigaction old {};
      if (::sigaction(s, nullptr, &old) != 0) continue;
      // An ignored signal (nohup) stays ignored; a program that installed a
      // handler of its own keeps it.
      if ((old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL) continue;
      struct sigaction action {};
      action.sa_handler = remove_temporaries;
      sigemptyset(&action.sa_mask);
      for (int other : k_signals) sigaddset(&action.sa_mask, other);
      action.sa_flags = SA_RESETHAND;
      ::sigaction(s, &action, nullptr);
    }
  });
}

// Blocks k_signals in this thread for its lifetime.
class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : k_signals) sigaddset(&set, s);
    pthread_sigmask(SIG_BLOCK, &set, &m_old);
  }
  ~SignalsBlocked() { pthread_sigmask(SIG_SETMASK, &m_old, nullptr); }
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t m_old;
};

// Marks PATH live in a free slot; returns the slot, or -1 when the table is
// full or PATH too long (the file is then not removed on a signal). Call with
// the signals blocked.
int register_temporary(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < static_cast<int>(std::size(g_slots)); ++i) {
    int expected = k_free;
    if (!g_slots[i].state.compare_exchange_strong(expected, k_filling)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].state.store(k_live, std::memory_order_release);
    return i;
  }
  return -1;
}

void forget_temporary(int slot) {
  if (slot >= 0) g_slots[slot].state.store(k_free, std::memory_order_release);
}

// --- what may be replaced -----------------------------------------------------

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a fifo";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symlink";
  return "not a file";
}

// The regular file that writing PATH replaces: PATH itself when nothing or a
// regular file is there, the end of its symlink chain when it is a symlink to
// a regular file. Throws Error for anything else.
std::string file_to_replace(const std::string& path) {
  struct stat st {};
  // Absent, or a folder that cannot be searched: creating the temporary file
  // next to it reports the folder's problem.
  if (::lstat(path.c_str(), &st) != 0) return path;
  if (S_ISREG(st.st_mode)) return path;
  if (!S_ISLNK(st.st_mode)) {
    throw Error(path, 0, "is " + kind_of(st.st_mode) + ", not a regular file", k_kind_hint);
  }
  std::string link;
  {
    char buf[PATH_MAX];
    ssize_t n = ::readlink(path.c_str(), buf, sizeof buf);
    if (n > 0) link.assign(buf, static_cast<std::size_t>(n));
  }
  char* real = ::realpath(path.c_str(), nullptr);
  if (!real) {
    throw Error(path, 0, "is a symlink to '" + link + "', which leads to no regular file",
                k_kind_hint);
  }
  std::string resolved(real);
  std::free(real);
  if (::stat(resolved.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    std::string kind = ::stat(resolved.c_str(), &st) == 0 ? kind_of(st.st_mode) : "nothing";
    std::string where = resolved == link ? "" : " (" + resolved + ")";
    throw Error(path, 0,
                "is a symlink to '" + link + "', which is " + kind + where + ", not a regular file",
                k_kind_hint);
  }
  return resolved;
}

fs::path canonical_form(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) return p.lexically_normal();
  fs::path out = fs::weakly_canonical(abs, ec);
  return ec ? abs.lexically_normal() : out;
}

// Whether INNER is OUTER or inside it, component by component.
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

// P relative to the current folder when it is inside it, else absolute.
std::string shown(const fs::path& p) {
  std::error_code ec;
  fs::path here = fs::current_path(ec);
  if (ec || !is_within(p, canonical_form(here))) return p.string();
  fs::path rel = p.lexically_relative(canonical_form(here));
  return rel.empty() ? p.string() : rel.string();
}

void refuse_protected(const std::string& path, const std::string& target,
                      const std::vector<ProtectedPath>& protect) {
  if (protect.empty()) return;
  fs::path file = canonical_form(target);
  for (const auto& p : protect) {
    fs::path guarded = canonical_form(p.path);
    if (!is_within(file, guarded)) continue;
    std::string where = file == guarded ? "is " : "is inside ";
    throw Error(path, 0, where + p.what + " (" + shown(guarded) + ")",
                "accord never writes over what it reads; choose an output path outside the "
                "site's content folders");
  }
}

}  // namespace

AtomicFile::AtomicFile(std::string path, const std::vector<ProtectedPath>& protect)
    : m_path(std::move(path)) {
  m_target = file_to_replace(m_path);
  refuse_protected(m_path, m_target, protect);
  install_handler();
  const std::string folder = folder_of(m_target);
  // O_EXCL with a random name rather than mkstemp: mkstemp creates mode 0600,
  // and a report should get the usual permissions (0666 less the umask). A
  // short name of its own, not "<FILE>.tmp…": a FILE name of NAME_MAX bytes
  // must still leave room for it.
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string candidate = (fs::path(folder) / (k_temp_prefix + random_suffix())).string();
    SignalsBlocked blocked;
    int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      m_fd = fd;
      m_temp_path = std::move(candidate);
      m_slot = register_temporary(m_temp_path);
      return;
    }
    int error_number = errno;
    if (error_number != EEXIST) {
      fail("cannot create a temporary file in " + folder, error_number, k_folder_hint);
    }
  }
  fail("cannot create a temporary file in " + folder + ": too many name clashes", 0,
       std::string("remove stale '") + k_temp_prefix + "*' files from the folder");
}

AtomicFile::~AtomicFile() {
  if (!m_committed) discard();
  if (m_fd >= 0) ::close(m_fd);
}

void AtomicFile::discard() noexcept {
  if (m_fd >= 0) ::close(m_fd);
  m_fd = -1;
  SignalsBlocked blocked;
  if (!m_temp_path.empty()) ::unlink(m_temp_path.c_str());
  m_temp_path.clear();
  forget_temporary(m_slot);
  m_slot = -1;
}

void AtomicFile::fail(const std::string& what, int error_number, const std::string& hint) {
  // Give up the temporary file now: the exception may be caught far away,
  // and the old target must be all that is left.
  discard();
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
  {
    SignalsBlocked blocked;
    if (::rename(m_temp_path.c_str(), m_target.c_str()) != 0) {
      int error_number = errno;
      fail("cannot replace it", error_number,
           "remove or rename what is at that path, or choose another output path");
    }
    m_committed = true;
    m_temp_path.clear();
    forget_temporary(m_slot);
    m_slot = -1;
  }
  // The rename is durable only once the folder's entry is on disk. A folder
  // that cannot be synced (some file systems refuse) does not undo the
  // write, so this is best effort.
  int dir = ::open(folder_of(m_target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace accord
