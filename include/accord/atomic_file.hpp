// Writing a file so that readers see either the old contents or the new,
// never a half-written file (after ccache's AtomicFile): the bytes go to a
// temporary file in the same folder, and commit() renames it over the target.
#pragma once

#include <string>
#include <string_view>

namespace accord {

// One file being replaced. Not copyable, not movable: the temporary file
// belongs to this object alone.
//
// Every failure throws accord::Error naming the target file, the system's
// reason and what to do (a folder that does not exist or is not writable, a
// full disk, a file size limit). After a failure, or when the object goes
// away without commit(), the temporary file is removed and the target is
// left exactly as it was.
class AtomicFile {
 public:
  // Creates the temporary file "<PATH>.tmp.<random>" next to PATH (mode 0666
  // less the umask) at once, so that an unwritable folder is reported before
  // any work is done. PATH itself is not touched until commit().
  explicit AtomicFile(std::string path);
  // Removes the temporary file unless commit() ran. Never throws.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Appends DATA to the temporary file. Throws Error when the write fails
  // (e.g. ENOSPC, EFBIG under `ulimit -f`; the caller must ignore SIGXFSZ to
  // see the latter as an error instead of being killed).
  void write(std::string_view data);

  // Flushes the temporary file to disk (fsync), closes it and renames it
  // over PATH, then syncs the folder. Throws Error when any step fails; PATH
  // is then unchanged. Calling it twice is a logic error (throws Error).
  void commit();

  // The target, as given.
  const std::string& path() const { return m_path; }
  // The temporary file; empty after commit().
  const std::string& temp_path() const { return m_temp_path; }

 private:
  // Closes and removes the temporary file, then throws Error "PATH: WHAT:
  // <strerror(ERROR_NUMBER)>; HINT" (no strerror part when ERROR_NUMBER is 0).
  [[noreturn]] void fail(const std::string& what, int error_number, const std::string& hint);

  std::string m_path;
  std::string m_temp_path;
  int m_fd = -1;
  bool m_committed = false;
};

}  // namespace accord
