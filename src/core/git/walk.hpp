// The history walk: the commits reachable from a revision, in topological
// order (newest first), following one or more documents' paths through
// them, renames included; each commit that changes a document is a version,
// with its effective date (trailer, publish tag or commit date). Blobs are
// not read here.
#pragma once

#include <git2.h>

#include <accord/history.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "git/handles.hpp"
#include "git/repository.hpp"

namespace accord::git {

// One version the walk found, with the blob ids its sections come from.
struct VersionRecord {
  Version version;
  git_oid blob;
  std::optional<git_oid> parent_blob;  // the first parent's, when it has the document
};

// One document's history, as walked.
struct WalkResult {
  std::vector<VersionRecord> versions;
  std::optional<Truncation> truncated;
  std::vector<Failure> warnings;
  std::unordered_map<git_oid, std::string, OidHash, OidEqual> paths;  // when asked for
};

// Walks the history of each of PATHS (documents at START) in one pass over
// the commits: one result per path, versions newest first. KEEP_PATHS
// records the first path's name at every commit on its line of history.
// PROGRESS may be empty. Throws Error for a corrupt or missing object.
std::vector<WalkResult> walk_history(const Repository& repo, const git_oid& start,
                                     const std::vector<std::string>& paths, bool keep_paths,
                                     const ProgressCallback& progress);

}  // namespace accord::git
