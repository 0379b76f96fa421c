// A guard against truncated loose objects. libgit2 1.5.1 (Debian 12) loops
// forever inflating a loose object whose zlib stream ends early (libgit2
// issue #7342, fixed upstream by PR #7346), so a truncated file under
// .git/objects would hang every command that reads it. The guard is an
// object-database backend, consulted before libgit2's own, that inflates a
// loose object's file completely and fails the read with "loose object is
// truncated" when the stream stops short. For any other object it passes
// the read on, so libgit2's own backends still do all the reading.
#pragma once

#include <git2.h>

namespace accord::git {

// Adds the guard to REPO's object database. Returns libgit2's error code
// (0 on success); on failure the repository is still usable, unguarded.
int add_loose_object_guard(git_repository* repo);

}  // namespace accord::git
