// libgit2's part of library_versions(): git2.h lives under src/core/git only.
#include <git2.h>

#include <accord/versions.hpp>
#include <string>

namespace accord {

LibraryVersion libgit2_version() {
  int major = 0;
  int minor = 0;
  int rev = 0;
  git_libgit2_version(&major, &minor, &rev);
  return {"libgit2",
          std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(rev)};
}

}  // namespace accord
