// An open repository: discovery from a document's path, revision lookup,
// object reads, and the shallow-clone boundary. Every failure throws
// accord::Error naming the repository and what to do.
#pragma once

#include <accord/error.hpp>
#include <string>
#include <unordered_set>

#include "git/handles.hpp"

namespace accord::git {

class Repository {
 public:
  // Opens the repository whose work tree contains DOC (as the user wrote it;
  // the file need not exist). Sets *path to DOC relative to the work tree's
  // root, '/'-separated. Throws Error "DOC: not inside a git repository; …";
  // "ROOT: the git repository here belongs to another user (uid N), …; if
  // you trust it, run `git config --global --add safe.directory ROOT` …"
  // when git's ownership check refuses it; or for a bare repository or a
  // DOC that names the root itself.
  static Repository discover(const std::string& doc, std::string* path);

  git_repository* get() const { return m_repo.get(); }
  // The work tree's root, absolute, without a trailing '/'.
  const std::string& root() const { return m_root; }

  // The commit REV names (peeling tags). Throws Error for an unknown
  // revision, an unborn branch, or one that is not a commit.
  git_oid resolve(const std::string& rev) const;

  // Throw Error (corrupt or missing object) when the object cannot be read.
  CommitHandle commit(const git_oid& id) const;
  TreeHandle tree(const git_oid& id) const;
  // The blob's bytes, copied.
  std::string blob(const git_oid& id) const;

  // True for a shallow clone.
  bool shallow() const { return !m_shallow.empty(); }
  // True when ID is a commit whose parents a shallow clone does not have.
  bool at_shallow_boundary(const git_oid& id) const { return m_shallow.count(id) != 0; }
  // The references refs/tags/policy/* (`accord publish`'s tags), in no
  // particular order. Throws Error naming the repository when they cannot
  // be listed.
  ReferenceIteratorHandle policy_tags() const;

  // Throws Error "ROOT: cannot read object ID: TEXT; …". TEXT is libgit2's
  // message, already copied by the caller.
  [[noreturn]] void fail_object(const git_oid& id, const std::string& text) const;

 private:
  // Throws Error when the reference REV starts from names an object that
  // cannot be read (see repository.cpp: a libgit2 leak).
  void check_base_object(const std::string& rev) const;

  RepositoryHandle m_repo;
  std::string m_root;
  std::unordered_set<git_oid, OidHash, OidEqual> m_shallow;
};

}  // namespace accord::git
