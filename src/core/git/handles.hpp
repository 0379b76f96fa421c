// libgit2 handles (util/handle.hpp) wrapped the moment they are created, the one
// git_libgit2_init owner of the process, and object ids as hash keys.
#pragma once

#include <git2.h>

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "util/handle.hpp"

namespace accord::git {

using RepositoryHandle = Handle<git_repository, git_repository_free>;
using CommitHandle = Handle<git_commit, git_commit_free>;
using TreeHandle = Handle<git_tree, git_tree_free>;
using BlobHandle = Handle<git_blob, git_blob_free>;
using ObjectHandle = Handle<git_object, git_object_free>;
using TagHandle = Handle<git_tag, git_tag_free>;
using ReferenceHandle = Handle<git_reference, git_reference_free>;
using ReferenceIteratorHandle = Handle<git_reference_iterator, git_reference_iterator_free>;
using DiffHandle = Handle<git_diff, git_diff_free>;

// Calls git_libgit2_init once per process, the first time any code here
// needs libgit2, and git_libgit2_shutdown at exit. Thread-safe.
void ensure_libgit2();

// A copy of git_error_last()'s text, taken at once ("unknown error" when
// there is none).
std::string last_error_text();

// TEXT, a string libgit2 holds (a commit's author, e-mail, summary or
// message, a tag's message, a reference's name), copied into an owned UTF-8
// string: converted with ICU from ENCODING (a commit's `encoding` header,
// git_commit_message_encoding: ISO-8859-1, windows-1252, Shift_JIS, ...),
// else read as UTF-8. nullptr, "" or a charset ICU does not know mean
// UTF-8. Each ill-formed byte sequence (of either) becomes one U+FFFD, as
// the Unicode standard recommends (maximal subparts); "" for nullptr.
// Never throws for the text.
std::string owned_text(const char* text, const char* encoding = nullptr);

// 40 hex digits.
std::string to_hex(const git_oid& id);

// git_oid as an unordered_map key.
struct OidHash {
  std::size_t operator()(const git_oid& id) const noexcept {
    std::size_t h = 0;
    std::memcpy(&h, id.id, sizeof h);
    return h;
  }
};
struct OidEqual {
  bool operator()(const git_oid& a, const git_oid& b) const noexcept {
    return git_oid_equal(&a, &b) != 0;
  }
};

}  // namespace accord::git
