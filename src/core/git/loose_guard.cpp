#include "git/loose_guard.hpp"

#include <git2/sys/odb_backend.h>
#include <sys/stat.h>
#include <zlib.h>

#include <array>
#include <cstdio>
#include <memory>
#include <new>
#include <string>

namespace accord::git {
namespace {

// Checked before the loose (1) and pack (2) backends.
constexpr int k_guard_priority = 100;

struct GuardBackend {
  git_odb_backend parent;  // first, so a git_odb_backend* is a GuardBackend*
  std::string objects_dir;
  // Per fan-out folder (objects/xx/): 0 not looked at yet, -1 absent, 1
  // present. A packed repository has none, and asking the file system for
  // every object read would cost a system call each. A folder made later
  // (an object written since) is not guarded; git writes objects whole.
  std::array<signed char, 256> fanout{};
};

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// GIT_PASSTHROUGH when ID is not a loose object of this repository, or its
// zlib stream is complete (or broken some other way, which libgit2 reports
// itself); GIT_ERROR with "loose object is truncated" when the stream ends
// before its end marker.
int check_loose(GuardBackend& backend, const git_oid* id) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, id);
  std::string path = backend.objects_dir;
  path.append(hex, 2).push_back('/');
  signed char& folder = backend.fanout[id->id[0]];
  if (folder == 0) {
    struct stat st {};
    folder = ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode) ? 1 : -1;
  }
  if (folder < 0) return GIT_PASSTHROUGH;
  path.append(hex + 2);
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) return GIT_PASSTHROUGH;

  z_stream zs{};
  if (inflateInit(&zs) != Z_OK) return GIT_PASSTHROUGH;
  std::array<unsigned char, 16384> in{};
  std::array<unsigned char, 16384> out{};
  bool end_of_file = false;
  int rc = Z_OK;
  for (;;) {
    if (zs.avail_in == 0 && !end_of_file) {
      std::size_t n = std::fread(in.data(), 1, in.size(), file.get());
      end_of_file = n == 0;
      zs.next_in = in.data();
      zs.avail_in = static_cast<uInt>(n);
    }
    zs.next_out = out.data();
    zs.avail_out = static_cast<uInt>(out.size());
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc == Z_OK) continue;
    // Z_BUF_ERROR: no progress possible; more input may yet be read.
    if (rc == Z_BUF_ERROR && !end_of_file) continue;
    break;
  }
  inflateEnd(&zs);
  if (rc == Z_BUF_ERROR) {
    git_error_set_str(GIT_ERROR_ODB, "loose object is truncated");
    return GIT_ERROR;
  }
  return GIT_PASSTHROUGH;
}

GuardBackend& self(git_odb_backend* backend) { return *reinterpret_cast<GuardBackend*>(backend); }

// No exception may cross into libgit2: out of memory passes the read on.
int checked(git_odb_backend* backend, const git_oid* id) noexcept {
  try {
    return check_loose(self(backend), id);
  } catch (...) {
    return GIT_PASSTHROUGH;
  }
}

int guard_read(void**, size_t*, git_object_t*, git_odb_backend* backend, const git_oid* id) {
  return checked(backend, id);
}

int guard_read_header(size_t*, git_object_t*, git_odb_backend* backend, const git_oid* id) {
  return checked(backend, id);
}

void guard_free(git_odb_backend* backend) { delete &self(backend); }

}  // namespace

int add_loose_object_guard(git_repository* repo) {
  git_odb* odb = nullptr;
  int rc = git_repository_odb(&odb, repo);
  if (rc < 0) return rc;
  auto* guard = new (std::nothrow) GuardBackend{};
  if (!guard) {
    git_odb_free(odb);
    return GIT_ERROR;
  }
  rc = git_odb_init_backend(&guard->parent, GIT_ODB_BACKEND_VERSION);
  if (rc == 0) {
    guard->objects_dir = std::string(git_repository_commondir(repo)) + "objects/";
    guard->parent.read = guard_read;
    guard->parent.read_header = guard_read_header;
    guard->parent.free = guard_free;
    rc = git_odb_add_backend(odb, &guard->parent, k_guard_priority);
  }
  if (rc < 0) delete guard;  // not owned by the database unless added
  git_odb_free(odb);
  return rc;
}

}  // namespace accord::git
