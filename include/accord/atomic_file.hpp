// Writing a file so that readers see either the old contents or the new,
// never a half-written file (after ccache's AtomicFile): the bytes go to a
// temporary file in the same folder, and commit() renames it over the target.
// Every file accord writes goes through this class, so the checks below (what
// may be replaced, what is an input) hold for every command.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace accord {

// A path an AtomicFile must never replace: a file, or a folder none of whose
// files may be replaced.
struct ProtectedPath {
  std::filesystem::path path;
  // What it is, for the message: "a document this run reads", "the content
  // folder of the site". The message reads "is WHAT (PATH)" or "is inside
  // WHAT (PATH)".
  std::string what;
};

// One file being replaced. Not copyable, not movable: the temporary file
// belongs to this object alone.
//
// Every failure throws accord::Error naming the target file, the system's
// reason and what to do (a folder that does not exist or is not writable, a
// full disk, a file size limit). After a failure, or when the object goes
// away without commit(), the temporary file is removed and the target is
// left exactly as it was. SIGINT, SIGTERM and SIGHUP remove every live
// temporary file before the process dies of them (an ignored signal stays
// ignored).
class AtomicFile {
 public:
  // Checks PATH, then creates the temporary file ".accord-<6 random>" in
  // PATH's folder (mode 0666 less the umask, a name that fits NAME_MAX
  // whatever PATH's length) at once, so that a bad target or an unwritable
  // folder is reported before any work is done. PATH itself is not touched
  // until commit().
  //
  // What PATH may be: nothing yet, or a regular file. A symlink is followed
  // (to the end of the chain) and the regular file it leads to is replaced
  // atomically, the link left as it is. Throws Error, creating nothing, when
  // PATH (or where its symlink leads) exists and is not a regular file (a
  // folder, a device such as /dev/null, a fifo, a socket), when a symlink
  // leads nowhere, and when the file to be replaced is one of PROTECT or
  // inside one of them (compared after resolving symlinks, `..` and `.`).
  explicit AtomicFile(std::string path, const std::vector<ProtectedPath>& protect = {});
  // Removes the temporary file unless commit() ran. Never throws.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Appends DATA to the temporary file. Throws Error when the write fails
  // (e.g. ENOSPC, EFBIG under `ulimit -f`; the caller must ignore SIGXFSZ to
  // see the latter as an error instead of being killed).
  void write(std::string_view data);

  // Flushes the temporary file to disk (fsync), closes it and renames it
  // over the file to be replaced, then syncs the folder. Throws Error when
  // any step fails; the target is then unchanged. Calling it twice is a
  // logic error (throws Error).
  void commit();

  // The target, as given.
  const std::string& path() const { return m_path; }
  // The file that commit() replaces: path(), or where its symlink leads.
  const std::string& target_path() const { return m_target; }
  // The temporary file; empty after commit().
  const std::string& temp_path() const { return m_temp_path; }

 private:
  // Closes and removes the temporary file, then throws Error "PATH: WHAT:
  // <strerror(ERROR_NUMBER)>; HINT" (no strerror part when ERROR_NUMBER is 0).
  [[noreturn]] void fail(const std::string& what, int error_number, const std::string& hint);
  // Closes and removes the temporary file, and forgets it in the signal
  // handler's list. Never throws.
  void discard() noexcept;

  std::string m_path;
  std::string m_target;
  std::string m_temp_path;
  int m_fd = -1;
  int m_slot = -1;  // in the signal handler's list of temporary files; -1: none
  bool m_committed = false;
};

}  // namespace accord
