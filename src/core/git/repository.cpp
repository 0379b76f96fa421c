#include "git/repository.hpp"

#include <strings.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>
#include <unistd.h>

#include <accord/text.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <vector>

#include "git/loose_guard.hpp"

namespace accord::git {
namespace fs = std::filesystem;

namespace {

// Owns libgit2 for the whole process; a static so that shutdown runs after
// every handle (all of which live in shorter-lived objects) is freed.
struct LibGit2Owner {
  LibGit2Owner() {
    git_libgit2_init();
    // Like git, do not hash every object again on reading (SHA-1DC costs
    // about as much as parsing a version does): zlib's Adler-32 of each
    // stream still catches corrupt bytes, the loose-object guard truncated
    // files, and `git fsck` checks the hashes (docs/reliability.md).
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  }
  ~LibGit2Owner() { git_libgit2_shutdown(); }
  LibGit2Owner(const LibGit2Owner&) = delete;
  LibGit2Owner& operator=(const LibGit2Owner&) = delete;
};

constexpr const char* k_fsck_hint =
    "the repository may be corrupt; run `git fsck` in it and re-clone if it reports damage";

}  // namespace

void ensure_libgit2() { static LibGit2Owner owner; }

std::string last_error_text() {
  const git_error* e = git_error_last();
  return e && e->message ? std::string(e->message) : std::string("unknown error");
}

namespace {

// ICU's to-Unicode callback that writes U+FFFD for every unassigned or
// ill-formed sequence: ICU's own SUBSTITUTE callback writes U+001A for the
// single-byte charsets whose substitution byte is 0x1A.
void to_replacement(const void*, UConverterToUnicodeArgs* args, const char*, int32_t,
                    UConverterCallbackReason reason, UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to write
  static const UChar k_replacement = 0xFFFD;
  *status = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &k_replacement, 1, 0, status);
}

bool names_utf8(const char* encoding) {
  return strcasecmp(encoding, "UTF-8") == 0 || strcasecmp(encoding, "UTF8") == 0;
}

// BYTES converted from ENCODING to UTF-8; nullopt when ICU does not know
// ENCODING (or, never seen, fails).
std::optional<std::string> convert(std::string_view bytes, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  Handle<UConverter, ucnv_close> converter(ucnv_open(encoding, &status));
  if (U_FAILURE(status) || !converter) return std::nullopt;
  ucnv_setToUCallBack(converter.get(), to_replacement, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  // A byte is at most two UTF-16 units in every charset ICU has; grow once
  // if one ever is not.
  std::vector<UChar> units(bytes.size() * 2 + 1);
  auto length = static_cast<int32_t>(bytes.size());
  int32_t n = ucnv_toUChars(converter.get(), units.data(), static_cast<int32_t>(units.size()),
                            bytes.data(), length, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    units.resize(static_cast<std::size_t>(n) + 1);
    ucnv_reset(converter.get());
    n = ucnv_toUChars(converter.get(), units.data(), static_cast<int32_t>(units.size()),
                      bytes.data(), length, &status);
  }
  if (U_FAILURE(status)) return std::nullopt;
  std::string out(static_cast<std::size_t>(n) * 3, '\0');
  int32_t written = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &written, units.data(), n,
                     0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(written));
  return out;
}

}  // namespace

std::string owned_text(const char* text, const char* encoding) {
  if (!text) return {};
  std::string_view bytes(text);
  if (encoding && *encoding && !names_utf8(encoding)) {
    // An unknown charset: read as UTF-8, which most such commits are.
    if (auto converted = convert(bytes, encoding)) return *converted;
  }
  return to_valid_utf8(bytes);
}

std::string to_hex(const git_oid& id) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &id);
  return hex;
}

namespace {

// libgit2 (like git since 2.35.2) refuses a repository that another user
// owns unless safe.directory names it; 1.5.1 then reports GIT_ENOTFOUND,
// with the error text of a failed config lookup. So look for the
// repository ourselves: the nearest folder at or above START with a .git
// whose folder or .git another user (not root) owns. Throws Error naming
// it and the command that trusts it; returns when there is none.
void fail_if_not_owned(const fs::path& start, int rc) {
  std::error_code ec;
  const uid_t me = geteuid();
  for (fs::path p = start; !p.empty(); p = p.parent_path()) {
    fs::path dot_git = p / ".git";
    struct stat st_dir {};
    struct stat st_git {};
    if (lstat(dot_git.c_str(), &st_git) == 0) {
      uid_t owner = st_git.st_uid;
      if (stat(p.c_str(), &st_dir) == 0 && st_dir.st_uid != me && st_dir.st_uid != 0) {
        owner = st_dir.st_uid;
      }
      if (owner != me && owner != 0) {
        std::string root = p.string();
        throw Error(root, 0,
                    "the git repository here belongs to another user (uid " +
                        std::to_string(owner) + "), so git and accord refuse to use it",
                    "if you trust it, run `git config --global --add safe.directory " + root +
                        "` (or run accord as its owner)");
      }
      if (rc != GIT_EOWNER) return;  // the nearest repository is ours: not the cause
    }
    if (p == p.parent_path()) break;
  }
  if (rc == GIT_EOWNER) {
    std::string text = last_error_text();
    throw Error(start.string(), 0, "the git repository belongs to another user: " + text,
                "if you trust it, add it to git's safe.directory (`git config --global --add "
                "safe.directory PATH`)");
  }
}

}  // namespace

Repository Repository::discover(const std::string& doc, std::string* path) {
  ensure_libgit2();
  std::error_code ec;
  fs::path abs = fs::absolute(fs::path(doc), ec);
  if (ec) throw Error(doc, 0, "cannot resolve the path: " + ec.message(), "check the path");
  abs = fs::weakly_canonical(abs, ec);
  if (ec) throw Error(doc, 0, "cannot resolve the path: " + ec.message(), "check the path");
  // The document may be gone from the work tree; start from the nearest
  // folder that exists.
  fs::path start = fs::is_directory(abs, ec) ? abs : abs.parent_path();
  while (!start.empty() && !fs::exists(start, ec) && start != start.root_path()) {
    start = start.parent_path();
  }

  Repository repo;
  git_repository* raw = nullptr;
  int rc = git_repository_open_ext(&raw, start.c_str(), 0, nullptr);
  repo.m_repo.reset(raw);
  if (rc == GIT_ENOTFOUND || rc == GIT_EOWNER) fail_if_not_owned(start, rc);
  if (rc == GIT_ENOTFOUND) {
    throw Error(doc, 0, "not inside a git repository",
                "run accord on a document in a clone of the site's repository (see `git clone`)");
  }
  if (rc < 0) {
    std::string text = last_error_text();
    throw Error(doc, 0, "cannot open the git repository that contains it: " + text,
                "check that the repository is readable and not corrupt (`git status`)");
  }
  rc = add_loose_object_guard(repo.get());
  if (rc < 0) {
    std::string text = last_error_text();
    throw Error(git_repository_path(repo.get()), 0, "cannot open its object database: " + text,
                "check that the repository is readable and not corrupt (`git fsck`)");
  }
  if (git_repository_is_bare(repo.get())) {
    throw Error(git_repository_path(repo.get()), 0, "is a bare repository with no work tree",
                "run accord on a document in a clone with a work tree");
  }
  fs::path root = fs::weakly_canonical(fs::path(git_repository_workdir(repo.get())), ec);
  std::string root_s = root.string();
  while (root_s.size() > 1 && root_s.back() == '/') root_s.pop_back();
  repo.m_root = root_s;
  fs::path rel = abs.lexically_relative(fs::path(root_s));
  std::string rel_s = rel.generic_string();
  if (rel_s.empty() || rel_s == "." || rel_s.rfind("..", 0) == 0) {
    throw Error(doc, 0, "does not name a document inside the repository " + root_s,
                "name a Markdown file, e.g. content/privacy.en.md");
  }
  *path = rel_s;

  // libgit2 1.5 cannot walk past a shallow clone's boundary, so read the
  // boundary ourselves and stop there.
  fs::path shallow_file = fs::path(git_repository_commondir(repo.get())) / "shallow";
  std::ifstream in(shallow_file);
  std::string line;
  while (std::getline(in, line)) {
    git_oid id;
    if (line.size() >= GIT_OID_HEXSZ && git_oid_fromstrn(&id, line.data(), GIT_OID_HEXSZ) == 0) {
      repo.m_shallow.insert(id);
    }
  }
  return repo;
}

// libgit2 1.5.1 leaks the reference when git_revparse_single finds a
// reference (HEAD, a branch or tag) whose object cannot be read, e.g. a
// corrupt commit at HEAD. Look up the reference REV starts from ourselves
// first, with owned handles, and fail with the same message revparse gives.
void Repository::check_base_object(const std::string& rev) const {
  std::size_t cut = std::min(rev.find_first_of("~^:"), rev.find("@{"));
  std::string base = rev.substr(0, cut);
  if (base.empty() || base == "@") base = "HEAD";
  git_reference* ref_raw = nullptr;
  if (git_reference_dwim(&ref_raw, m_repo.get(), base.c_str()) < 0) return;  // not a reference
  ReferenceHandle ref(ref_raw);
  git_reference* resolved_raw = nullptr;
  if (git_reference_resolve(&resolved_raw, ref.get()) < 0) return;  // unborn: revparse says so
  ReferenceHandle resolved(resolved_raw);
  const git_oid* target = git_reference_target(resolved.get());
  if (!target) return;
  git_object* object_raw = nullptr;
  int rc = git_object_lookup(&object_raw, m_repo.get(), target, GIT_OBJECT_ANY);
  ObjectHandle object(object_raw);
  if (rc < 0) {  // corrupt, or missing (a dangling reference)
    throw Error(m_root, 0, "cannot resolve revision '" + rev + "': " + last_error_text(),
                k_fsck_hint);
  }
}

git_oid Repository::resolve(const std::string& rev) const {
  check_base_object(rev);
  git_object* raw = nullptr;
  int rc = git_revparse_single(&raw, m_repo.get(), rev.c_str());
  ObjectHandle object(raw);
  if (rc < 0) {
    std::string text = last_error_text();
    if (git_repository_head_unborn(m_repo.get()) == 1) {
      std::string branch = "HEAD";
      git_reference* head = nullptr;
      if (git_reference_lookup(&head, m_repo.get(), "HEAD") == 0) {
        ReferenceHandle owned(head);
        const char* target = git_reference_symbolic_target(head);
        if (target) {
          branch = owned_text(target);
          if (branch.rfind("refs/heads/", 0) == 0) branch = branch.substr(11);
        }
      }
      throw Error(m_root, 0, "branch '" + branch + "' has no commits yet",
                  "commit the document first, or name a revision with --rev");
    }
    if (rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS || rc == GIT_EINVALIDSPEC) {
      throw Error(m_root, 0, "unknown revision '" + rev + "'",
                  "name a commit, branch or tag of this repository (see `git log --oneline`)");
    }
    throw Error(m_root, 0, "cannot resolve revision '" + rev + "': " + text, k_fsck_hint);
  }
  git_object* peeled_raw = nullptr;
  rc = git_object_peel(&peeled_raw, object.get(), GIT_OBJECT_COMMIT);
  ObjectHandle peeled(peeled_raw);
  if (rc < 0) {
    std::string text = last_error_text();
    throw Error(m_root, 0, "revision '" + rev + "' is not a commit: " + text,
                "name a commit, branch or tag");
  }
  return *git_object_id(peeled.get());
}

CommitHandle Repository::commit(const git_oid& id) const {
  git_commit* raw = nullptr;
  int rc = git_commit_lookup(&raw, m_repo.get(), &id);
  CommitHandle out(raw);
  if (rc < 0) fail_object(id, last_error_text());
  return out;
}

TreeHandle Repository::tree(const git_oid& id) const {
  git_tree* raw = nullptr;
  int rc = git_tree_lookup(&raw, m_repo.get(), &id);
  TreeHandle out(raw);
  if (rc < 0) fail_object(id, last_error_text());
  return out;
}

std::string Repository::blob(const git_oid& id) const {
  git_blob* raw = nullptr;
  int rc = git_blob_lookup(&raw, m_repo.get(), &id);
  BlobHandle owned(raw);
  if (rc < 0) fail_object(id, last_error_text());
  const char* data = static_cast<const char*>(git_blob_rawcontent(owned.get()));
  return std::string(data, static_cast<std::size_t>(git_blob_rawsize(owned.get())));
}

void Repository::fail_object(const git_oid& id, const std::string& text) const {
  throw Error(m_root, 0, "cannot read object " + to_hex(id) + ": " + text, k_fsck_hint);
}

ReferenceIteratorHandle Repository::policy_tags() const {
  git_reference_iterator* raw = nullptr;
  if (git_reference_iterator_glob_new(&raw, get(), "refs/tags/policy/*") < 0) {
    std::string text = last_error_text();
    throw Error(root(), 0, "cannot list the tags: " + text, "check the repository with `git fsck`");
  }
  return ReferenceIteratorHandle(raw);
}

}  // namespace accord::git
