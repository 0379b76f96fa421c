// Dates, the versions' sections, and GitDocument: log, text_at, blame. The
// walk itself is in walk.cpp.
#include <accord/history.hpp>
#include <accord/publish.hpp>
#include <list>
#include <memory>
#include <unordered_map>

#include "git/handles.hpp"
#include "git/repository.hpp"
#include "git/version_sections.hpp"
#include "git/walk.hpp"

namespace accord {

// ---- effective dates, people, the version in force ------------------------

std::string_view to_string(EffectiveSource source) {
  switch (source) {
    case EffectiveSource::trailer:
      return "trailer";
    case EffectiveSource::tag:
      return "tag";
    case EffectiveSource::commit:
      return "commit";
  }
  return "commit";
}

std::string_view to_string(SectionStatus status) {
  switch (status) {
    case SectionStatus::added:
      return "added";
    case SectionStatus::removed:
      return "removed";
    case SectionStatus::changed:
      return "changed";
  }
  return "changed";
}

std::string policy_tag_name(std::string_view path, const Date& date) {
  return "policy/" + encode_tag_path(path) + "/" + date.to_string();
}

std::string Person::iso_time() const { return accord::iso_time(time, offset_minutes); }

Date Person::local_date() const { return local_time(time, offset_minutes).date; }

std::string Truncation::message() const {
  return "history is truncated (shallow clone): it goes back only to commit " +
         oldest_commit.substr(0, 12) + " of " + oldest_date.to_string() +
         "; run `git fetch --unshallow` for the rest";
}

const Version* version_in_force(const History& history, const Date& date) {
  const Version* best = nullptr;
  // Newest first, so a strict comparison keeps the newest commit on a tie.
  for (const auto& v : history.versions) {
    if (v.commit.effective_date > date) continue;
    if (!best || v.commit.effective_date > best->commit.effective_date) best = &v;
  }
  return best;
}

// ---- versions' sections ----------------------------------------------------

namespace {

using namespace git;

// Parsed versions by blob id. Small: a linear history reads each blob as
// one version's new side and the next one's old side, back to back.
class SectionsCache {
 public:
  explicit SectionsCache(const Repository& repo) : m_repo(repo) {}

  std::shared_ptr<const VersionSections> get(const git_oid& blob, const std::string& commit,
                                             const std::string& path) {
    auto it = m_index.find(blob);
    if (it != m_index.end()) {
      m_order.splice(m_order.begin(), m_order, it->second);
      return it->second->second;
    }
    auto parsed = std::make_shared<const VersionSections>(
        parse_version(m_repo.blob(blob), commit.substr(0, 12) + ":" + path, m_parsed));
    m_order.emplace_front(blob, parsed);
    m_index.emplace(blob, m_order.begin());
    if (m_order.size() > k_capacity) {
      m_index.erase(m_order.back().first);
      m_order.pop_back();
    }
    return parsed;
  }

 private:
  static constexpr std::size_t k_capacity = 64;
  using Entry = std::pair<git_oid, std::shared_ptr<const VersionSections>>;
  const Repository& m_repo;
  ParseCache m_parsed;  // pieces of versions, shared by the versions
  std::list<Entry> m_order;
  std::unordered_map<git_oid, std::list<Entry>::iterator, OidHash, OidEqual> m_index;
};

// The first parent's sections of R, or nullptr when it has none (the
// document was added) or they are unknown (truncation).
std::shared_ptr<const VersionSections> parent_sections(SectionsCache& cache,
                                                       const VersionRecord& r) {
  if (!r.parent_blob) return nullptr;
  const Version& v = r.version;
  return cache.get(*r.parent_blob, v.commit.id + "^",
                   v.renamed_from.empty() ? v.path : v.renamed_from);
}

}  // namespace

// ---- GitDocument -----------------------------------------------------------

struct GitDocument::Impl {
  std::shared_ptr<const Repository> repo;  // shared by share_repository()
  std::string path;
};

GitDocument::GitDocument(const std::string& doc) : m_impl(std::make_unique<Impl>()) {
  m_impl->repo = std::make_shared<const Repository>(Repository::discover(doc, &m_impl->path));
}

GitDocument::~GitDocument() = default;
GitDocument::GitDocument(GitDocument&&) noexcept = default;
GitDocument& GitDocument::operator=(GitDocument&&) noexcept = default;

const std::string& GitDocument::repository() const { return m_impl->repo->root(); }

bool GitDocument::share_repository(const GitDocument& other) {
  if (m_impl->repo == other.m_impl->repo) return true;
  if (repository() != other.repository()) return false;
  m_impl->repo = other.m_impl->repo;
  return true;
}
const std::string& GitDocument::path() const { return m_impl->path; }

namespace {

[[noreturn]] void fail_not_in_rev(const Repository& repo, const std::string& path,
                                  const std::string& rev) {
  throw Error(path, 0, "not in revision '" + rev + "' of " + repo.root(),
              "check the path and revision; `git log --all --oneline -- " + path +
                  "` shows where it has been");
}

bool exists_at(const Repository& repo, const git_oid& commit, const std::string& path) {
  CommitHandle c = repo.commit(commit);
  TreeHandle tree = repo.tree(*git_commit_tree_id(c.get()));
  git_tree_entry* raw = nullptr;
  int rc = git_tree_entry_bypath(&raw, tree.get(), path.c_str());
  Handle<git_tree_entry, git_tree_entry_free> entry(raw);
  return rc == 0 && git_tree_entry_type(entry.get()) == GIT_OBJECT_BLOB;
}

}  // namespace

namespace {

// The History of the document at PATH from its walk.
History make_history(const Repository& repo, const std::string& path, const git_oid& start,
                     WalkResult walk, const LogOptions& options) {
  History out;
  out.repository = repo.root();
  out.path = path;
  out.rev = options.rev;
  out.commit = to_hex(start);
  out.truncated = walk.truncated;
  out.warnings = std::move(walk.warnings);
  SectionsCache cache(repo);
  bool wanted = options.with_changes;
  for (auto& r : walk.versions) {
    Version& v = r.version;
    v.changes_skipped = options.with_changes && !wanted;
    if (wanted && !v.at_truncation) {
      auto now = cache.get(r.blob, v.commit.id, v.path);
      auto old = parent_sections(cache, r);
      if (now->failure || (old && old->failure)) {
        v.unreadable = now->failure ? now->failure : old->failure;
      } else {
        // Both lvalues: `old ? *old : VersionSections{}` would copy *old.
        static const VersionSections k_none;
        v.changes = compare_sections(old ? *old : k_none, *now);
        if (options.classify) {
          for (auto& c : v.changes) {
            c.classification = classify_change(c.old_text, c.new_text, options.classify->language,
                                               options.classify->known);
          }
        }
      }
    }
    if (wanted && options.more_changes && !options.more_changes(v)) wanted = false;
    out.versions.push_back(std::move(v));
  }
  return out;
}

}  // namespace

History GitDocument::log(const LogOptions& options) const {
  const Repository& repo = *m_impl->repo;
  git_oid start = repo.resolve(options.rev);
  if (!exists_at(repo, start, m_impl->path)) fail_not_in_rev(repo, m_impl->path, options.rev);
  std::vector<WalkResult> walks =
      walk_history(repo, start, {m_impl->path}, false, options.progress);
  return make_history(repo, m_impl->path, start, std::move(walks[0]), options);
}

std::pair<History, History> GitDocument::log_both(const GitDocument& first,
                                                  const LogOptions& first_options,
                                                  const GitDocument& second,
                                                  const LogOptions& second_options) {
  if (first.repository() != second.repository() || first_options.rev != second_options.rev) {
    History a = first.log(first_options);
    return {std::move(a), second.log(second_options)};
  }
  const Repository& repo = *first.m_impl->repo;
  git_oid start = repo.resolve(first_options.rev);
  for (const GitDocument* d : {&first, &second}) {
    if (!exists_at(repo, start, d->path())) fail_not_in_rev(repo, d->path(), first_options.rev);
  }
  std::vector<WalkResult> walks =
      walk_history(repo, start, {first.path(), second.path()}, false, first_options.progress);
  History a = make_history(repo, first.path(), start, std::move(walks[0]), first_options);
  return {std::move(a),
          make_history(repo, second.path(), start, std::move(walks[1]), second_options)};
}

VersionText GitDocument::text_at(const std::string& rev) const {
  const Repository& repo = *m_impl->repo;
  git_oid commit = repo.resolve(rev);
  std::string path = m_impl->path;
  if (!exists_at(repo, commit, path)) {
    // The document may have had another name then: follow renames back
    // from HEAD.
    git_oid head = repo.resolve("HEAD");
    if (!exists_at(repo, head, path)) fail_not_in_rev(repo, path, rev);
    WalkResult walk = std::move(walk_history(repo, head, {path}, true, {})[0]);
    auto it = walk.paths.find(commit);
    if (it == walk.paths.end() || !exists_at(repo, commit, it->second)) {
      fail_not_in_rev(repo, path, rev);
    }
    path = it->second;
  }
  CommitHandle c = repo.commit(commit);
  TreeHandle tree = repo.tree(*git_commit_tree_id(c.get()));
  git_tree_entry* raw = nullptr;
  if (git_tree_entry_bypath(&raw, tree.get(), path.c_str()) < 0) fail_not_in_rev(repo, path, rev);
  Handle<git_tree_entry, git_tree_entry_free> entry(raw);
  return VersionText{to_hex(commit), path, repo.blob(*git_tree_entry_id(entry.get()))};
}

VersionText GitDocument::text_of(const Version& version) const {
  git_oid blob;
  if (git_oid_fromstrn(&blob, version.blob.data(), version.blob.size()) < 0) {
    throw Error(m_impl->repo->root(), 0, "'" + version.blob + "' is not an object id",
                "pass a version returned by log()");
  }
  return VersionText{version.commit.id, version.path, m_impl->repo->blob(blob)};
}

Blame GitDocument::blame(const std::string& rev, const ProgressCallback& progress,
                         const std::optional<ClassifyOptions>& classify) const {
  const Repository& repo = *m_impl->repo;
  git_oid start = repo.resolve(rev);
  if (!exists_at(repo, start, m_impl->path)) fail_not_in_rev(repo, m_impl->path, rev);
  WalkResult walk = std::move(walk_history(repo, start, {m_impl->path}, false, progress)[0]);

  Blame out;
  out.repository = repo.root();
  out.path = m_impl->path;
  out.rev = rev;
  out.commit = to_hex(start);
  out.basis = classify ? k_blame_basis_classifier : k_blame_basis_text;
  out.truncated = walk.truncated;
  out.warnings = std::move(walk.warnings);
  if (walk.versions.empty()) return out;
  auto substantive = [&](const std::string& before, const std::string& after) {
    if (classify)
      return classify_change(before, after, classify->language, classify->known).substantial;
    return substantive_text(before) != substantive_text(after);
  };

  SectionsCache cache(repo);
  const VersionRecord& newest = walk.versions.front();
  auto current = cache.get(newest.blob, newest.version.commit.id, newest.version.path);
  if (current->failure) throw Error(*current->failure);

  struct Open {
    std::string key;
    bool changed_found = false;
    bool substantive_found = false;
  };
  std::vector<Open> open;
  for (const auto& s : current->sections) {
    SectionBlame b;
    b.number = s.number;
    b.title = s.title;
    b.preamble = s.preamble;
    b.line = s.line;
    out.sections.push_back(std::move(b));
    open.push_back(Open{s.key});
  }
  std::size_t unresolved = open.size();
  for (const auto& r : walk.versions) {
    if (unresolved == 0) break;
    const Version& v = r.version;
    auto now = cache.get(r.blob, v.commit.id, v.path);
    auto old = v.at_truncation ? nullptr : parent_sections(cache, r);
    if (now->failure || (old && old->failure)) {
      out.warnings.push_back(now->failure ? *now->failure : *old->failure);
      continue;
    }
    std::unordered_map<std::string_view, const KeyedSection*> now_by_key;
    std::unordered_map<std::string_view, const KeyedSection*> old_by_key;
    for (const auto& s : now->sections) now_by_key.emplace(s.key, &s);
    if (old) {
      for (const auto& s : old->sections) old_by_key.emplace(s.key, &s);
    }
    for (std::size_t k = 0; k < open.size(); ++k) {
      Open& o = open[k];
      if (o.changed_found && o.substantive_found) continue;
      auto n = now_by_key.find(o.key);
      if (n == now_by_key.end()) continue;  // not on this line of history
      auto p = old_by_key.find(o.key);
      bool absent = p == old_by_key.end();
      if (!o.changed_found && (absent || p->second->text != n->second->text)) {
        o.changed_found = true;
        out.sections[k].last_changed = v.commit;
      }
      if (!o.substantive_found && (absent || (p->second->text != n->second->text &&
                                              substantive(p->second->text, n->second->text)))) {
        o.substantive_found = true;
        out.sections[k].last_substantive = v.commit;
      }
      if (v.at_truncation && absent) out.sections[k].truncated = true;
      if (o.changed_found && o.substantive_found) --unresolved;
    }
  }
  return out;
}

}  // namespace accord
