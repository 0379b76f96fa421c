// The history walk (walk.hpp): commits, paths through their trees,
// renames, trailers and publish tags.
#include "git/walk.hpp"

#include <strings.h>

#include <accord/publish.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <queue>
#include <tuple>

namespace accord::git {
namespace {

// Owns a git_message_trailer_array (a struct filled in place, not a pointer).
struct Trailers {
  git_message_trailer_array array{};
  ~Trailers() { git_message_trailer_array_free(&array); }
};

// The effective date a tag records for one path at one commit.
struct TagDate {
  std::string path;
  Date date;
  std::optional<Date> published;
  long long tagged_at = 0;
};

using OidMap = std::unordered_map<git_oid, std::vector<TagDate>, OidHash, OidEqual>;

// KEY trailers of MESSAGE ("Effective-Date", "Published"): the value of the
// last one, if any.
std::optional<std::string> trailer_value(const char* message, const char* key) {
  if (!message) return std::nullopt;
  Trailers t;
  if (git_message_trailers(&t.array, message) < 0) return std::nullopt;
  std::optional<std::string> out;
  for (std::size_t i = 0; i < t.array.count; ++i) {
    if (strcasecmp(t.array.trailers[i].key, key) == 0) {
      out = t.array.trailers[i].value;
    }
  }
  return out;
}

// The sections named by MESSAGE's "Accord-Reviewed" trailers ("6, 8",
// "all"), each trimmed; empty when there is none.
std::vector<std::string> reviewed_trailer(const char* message) {
  std::vector<std::string> out;
  if (!message) return out;
  Trailers t;
  if (git_message_trailers(&t.array, message) < 0) return out;
  for (std::size_t i = 0; i < t.array.count; ++i) {
    if (strcasecmp(t.array.trailers[i].key, "Accord-Reviewed") != 0) continue;
    std::string value = t.array.trailers[i].value;
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t end = value.find_first_of(", ", start);
      if (end == std::string::npos) end = value.size();
      std::string item = value.substr(start, end - start);
      while (!item.empty() && item.back() == '.') item.pop_back();
      if (!item.empty()) out.push_back(item);
      start = end + 1;
    }
  }
  return out;
}

// The value of the last KEY line ("effective-date:", "published:") of a tag
// MESSAGE. Tag messages are not commit messages: they may be nothing but such
// lines, which git's trailer rules would not count as trailers.
std::optional<std::string> tag_line(const char* message, std::string_view k_key) {
  if (!message) return std::nullopt;
  std::optional<std::string> out;
  std::string_view rest(message);
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (line.size() < k_key.size() || strncasecmp(line.data(), k_key.data(), k_key.size()) != 0) {
      continue;
    }
    std::string_view value = line.substr(k_key.size());
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
      value.remove_prefix(1);
    }
    while (!value.empty() &&
           (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) {
      value.remove_suffix(1);
    }
    out = std::string(value);
  }
  return out;
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

// Object ids along a path: the root tree, then each entry down to the blob.
// Shorter than components + 1 when the path is missing (or not a file).
using Chain = std::vector<git_oid>;

struct Node {
  git_oid id;
  git_oid tree;
  long long time = 0;
  std::vector<std::size_t> parents;
  int pending_children = 0;
  bool boundary = false;  // a shallow clone's oldest commit
};

// One document's state at one commit of the walk.
struct Track {
  bool has_path = false;  // on the document's line of history
  std::string path;       // the document's path at that commit
  bool has_chain = false;
  Chain chain;
};

class Walker {
 public:
  Walker(const Repository& repo, ProgressCallback progress)
      : m_repo(repo), m_progress(std::move(progress)) {}

  // Walks the history of each of PATHS (documents at START) in one pass over
  // the commits: one result per path. KEEP_PATHS records the first path's
  // name at every commit on its line of history.
  std::vector<WalkResult> run(const git_oid& start, const std::vector<std::string>& paths,
                              bool keep_paths) {
    load(start);
    m_tags = read_tags();
    std::vector<WalkResult> out(paths.size());
    m_tracks.assign(paths.size(), std::vector<Track>(m_nodes.size()));
    for (std::size_t k = 0; k < paths.size(); ++k) {
      m_tracks[k][0].has_path = true;
      m_tracks[k][0].path = paths[k];
    }
    using Ready = std::pair<long long, std::size_t>;  // newest first, then discovery order
    auto later = [](const Ready& a, const Ready& b) {
      return a.first != b.first ? a.first < b.first : a.second > b.second;
    };
    std::priority_queue<Ready, std::vector<Ready>, decltype(later)> ready(later);
    ready.push({m_nodes[0].time, 0});
    std::size_t done = 0;
    while (!ready.empty()) {
      std::size_t i = ready.top().second;
      ready.pop();
      for (std::size_t k = 0; k < paths.size(); ++k) {
        Track& track = m_tracks[k][i];
        visit(i, m_tracks[k], out[k]);
        if (keep_paths && k == 0 && track.has_path) out[k].paths.emplace(m_nodes[i].id, track.path);
        // The chain is only needed by this commit's parents, which hold
        // their own copies by now.
        Chain().swap(track.chain);
      }
      for (std::size_t p : m_nodes[i].parents) {
        if (--m_nodes[p].pending_children == 0) ready.push({m_nodes[p].time, p});
      }
      if (++done % 256 == 0 && m_progress) m_progress(done, m_nodes.size());
    }
    const Node* oldest = nullptr;
    for (const auto& n : m_nodes) {
      if (n.boundary && (!oldest || n.time < oldest->time)) oldest = &n;
    }
    for (std::size_t k = 0; k < paths.size(); ++k) {
      if (oldest) {
        CommitHandle c = m_repo.commit(oldest->id);
        Truncation t;
        t.oldest_commit = to_hex(oldest->id);
        Person oldest_committer;
        oldest_committer.time = git_commit_time(c.get());
        oldest_committer.offset_minutes = git_commit_time_offset(c.get());
        t.oldest_date = oldest_committer.local_date();
        out[k].truncated = t;
      }
      // The tags' warnings first, then the commits' (as they were found).
      std::vector<Failure> warnings = m_tag_warnings;
      warnings.insert(warnings.end(), out[k].warnings.begin(), out[k].warnings.end());
      out[k].warnings = std::move(warnings);
    }
    return out;
  }

 private:
  // Reads every commit reachable from START (stopping at a shallow clone's
  // boundary) and counts each one's children, for a topological order.
  void load(const git_oid& start) {
    std::vector<git_oid> stack{start};
    std::vector<std::vector<git_oid>> parent_ids;
    while (!stack.empty()) {
      git_oid id = stack.back();
      stack.pop_back();
      if (m_index.count(id) != 0) continue;
      CommitHandle c = m_repo.commit(id);
      Node n;
      n.id = id;
      n.tree = *git_commit_tree_id(c.get());
      n.time = git_commit_time(c.get());
      n.boundary = m_repo.at_shallow_boundary(id);
      std::vector<git_oid> parents;
      if (!n.boundary) {
        unsigned count = git_commit_parentcount(c.get());
        for (unsigned k = 0; k < count; ++k) {
          parents.push_back(*git_commit_parent_id(c.get(), k));
          stack.push_back(parents.back());
        }
      }
      m_index.emplace(id, m_nodes.size());
      m_nodes.push_back(std::move(n));
      parent_ids.push_back(std::move(parents));
      if (m_progress && m_nodes.size() % 1024 == 0) m_progress(m_nodes.size(), 0);
    }
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
      for (const auto& p : parent_ids[i]) {
        std::size_t k = m_index.at(p);
        m_nodes[i].parents.push_back(k);
        ++m_nodes[k].pending_children;
      }
    }
  }

  // The ids along COMPONENTS from TREE. Where an id equals HINT's at the same
  // depth (a chain for the same path in a related commit), the rest of HINT
  // is taken as is: equal trees hold equal entries, so no more tree reads.
  Chain chain_for(const git_oid& tree, const std::vector<std::string>& components,
                  const Chain* hint) {
    Chain out{tree};
    auto same_as_hint = [&](std::size_t depth) {
      return hint && hint->size() > depth && git_oid_equal(&(*hint)[depth], &out[depth]);
    };
    if (same_as_hint(0)) return *hint;
    TreeHandle current = m_repo.tree(tree);
    for (std::size_t k = 0; k < components.size(); ++k) {
      const git_tree_entry* entry = git_tree_entry_byname(current.get(), components[k].c_str());
      if (!entry) return out;
      git_object_t type = git_tree_entry_type(entry);
      bool last = k + 1 == components.size();
      if (last ? type != GIT_OBJECT_BLOB : type != GIT_OBJECT_TREE) return out;
      out.push_back(*git_tree_entry_id(entry));
      if (same_as_hint(k + 1)) {
        out.insert(out.end(), hint->begin() + static_cast<std::ptrdiff_t>(k + 2), hint->end());
        return out;
      }
      if (!last) current = m_repo.tree(out.back());
    }
    return out;
  }

  static const git_oid* blob_of(const Chain& chain, std::size_t components) {
    return chain.size() == components + 1 ? &chain.back() : nullptr;
  }

  // The path that PARENT had for the file CHILD has at PATH, when CHILD
  // renamed it (libgit2's find_similar over the two trees).
  std::optional<std::string> renamed_from(const Node& parent, const Node& child,
                                          const std::string& path) {
    TreeHandle old_tree = m_repo.tree(parent.tree);
    TreeHandle new_tree = m_repo.tree(child.tree);
    git_diff* raw = nullptr;
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    int rc = git_diff_tree_to_tree(&raw, m_repo.get(), old_tree.get(), new_tree.get(), &opts);
    DiffHandle diff(raw);
    if (rc < 0) m_repo.fail_object(child.tree, last_error_text());
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES;
    if (git_diff_find_similar(diff.get(), &find) < 0) {
      m_repo.fail_object(child.tree, last_error_text());
    }
    std::size_t count = git_diff_num_deltas(diff.get());
    for (std::size_t k = 0; k < count; ++k) {
      const git_diff_delta* d = git_diff_get_delta(diff.get(), k);
      if (d->status == GIT_DELTA_RENAMED && d->new_file.path && path == d->new_file.path &&
          d->old_file.path) {
        return std::string(d->old_file.path);
      }
    }
    return std::nullopt;
  }

  // Commit I on the line of history TRACKS follows (one document's state at
  // each commit): records a version when the document's blob differs from
  // every parent's, and hands the document's path down to the parents.
  void visit(std::size_t i, std::vector<Track>& tracks, WalkResult& out) {
    const Node& node = m_nodes[i];
    Track& track = tracks[i];
    if (!track.has_path) return;  // not on the document's line of history
    const std::string path = track.path;
    std::vector<std::string> components = split_path(path);
    if (!track.has_chain) {
      track.chain = chain_for(node.tree, components, nullptr);
      track.has_chain = true;
    }
    const git_oid* blob = blob_of(track.chain, components.size());

    bool is_version = blob != nullptr;
    std::optional<git_oid> first_parent_blob;
    std::string first_parent_path;
    for (std::size_t n = 0; n < node.parents.size(); ++n) {
      const Node& parent = m_nodes[node.parents[n]];
      Track& parent_track = tracks[node.parents[n]];
      std::string parent_path = path;
      std::vector<std::string> parent_components = components;
      Chain chain = chain_for(parent.tree, components, &track.chain);
      const git_oid* parent_blob = blob_of(chain, components.size());
      if (blob && !parent_blob) {
        if (auto old = renamed_from(parent, node, path)) {
          parent_path = *old;
          parent_components = split_path(parent_path);
          chain = chain_for(parent.tree, parent_components, nullptr);
          parent_blob = blob_of(chain, parent_components.size());
        }
      }
      if (blob && parent_blob && git_oid_equal(blob, parent_blob)) is_version = false;
      if (n == 0) {
        if (parent_blob) first_parent_blob = *parent_blob;
        first_parent_path = parent_path;
      }
      if (!parent_track.has_path) {
        parent_track.has_path = true;
        parent_track.path = parent_path;
        parent_track.chain = std::move(chain);
        parent_track.has_chain = true;
      }
    }
    if (!is_version) return;

    VersionRecord r;
    r.blob = *blob;
    r.parent_blob = first_parent_blob;
    Version& v = r.version;
    v.path = path;
    v.blob = to_hex(*blob);
    v.at_truncation = node.boundary;
    if (first_parent_blob && first_parent_path != path) v.renamed_from = first_parent_path;
    v.commit = commit_info(node.id, path, out.warnings);
    out.versions.push_back(std::move(r));
  }

  CommitInfo commit_info(const git_oid& id, const std::string& path,
                         std::vector<Failure>& warnings) {
    CommitHandle c = m_repo.commit(id);
    CommitInfo info;
    info.id = to_hex(id);
    // git applies the encoding header to the names as well as the message.
    const char* encoding = git_commit_message_encoding(c.get());
    auto person = [encoding](const git_signature* s) {
      Person p;
      if (!s) return p;
      p.name = owned_text(s->name, encoding);
      p.email = owned_text(s->email, encoding);
      p.time = s->when.time;
      p.offset_minutes = s->when.offset;
      return p;
    };
    info.author = person(git_commit_author(c.get()));
    info.committer = person(git_commit_committer(c.get()));
    info.summary = owned_text(git_commit_summary(c.get()), encoding);
    // Trailers are read from the decoded message, so their values are UTF-8.
    const std::string message = owned_text(git_commit_message(c.get()), encoding);
    info.reviewed = reviewed_trailer(message.c_str());

    if (auto trailer = trailer_value(message.c_str(), "Effective-Date")) {
      if (auto date = parse_date(*trailer)) {
        info.effective_date = *date;
        info.effective_source = EffectiveSource::trailer;
        if (auto published = trailer_value(message.c_str(), "Published")) {
          info.published = parse_date(*published);
        }
        return info;
      }
      warnings.push_back(Failure{path, 0,
                                 "commit " + info.id.substr(0, 12) + " has an Effective-Date '" +
                                     *trailer + "' that is not a calendar date; it is ignored",
                                 "write the trailer as `Effective-Date: YYYY-MM-DD`"});
    }
    auto tags = m_tags.find(id);
    if (tags != m_tags.end()) {
      const TagDate* best = nullptr;
      for (const auto& t : tags->second) {
        if (t.path != path) continue;
        // Tagged in the same second (a date corrected at once): the later
        // effective date, the one that keeps the promised notice.
        if (!best || std::tie(t.tagged_at, t.date) > std::tie(best->tagged_at, best->date)) {
          best = &t;
        }
      }
      if (best) {
        info.effective_date = best->date;
        info.effective_source = EffectiveSource::tag;
        info.published = best->published;
        return info;
      }
    }
    info.effective_date = info.committer.local_date();
    info.effective_source = EffectiveSource::commit;
    return info;
  }

  // Annotated tags policy/<path>/<date> and the date their message records.
  OidMap read_tags() {
    OidMap out;
    ReferenceIteratorHandle it = m_repo.policy_tags();
    git_reference* ref_raw = nullptr;
    while (git_reference_next(&ref_raw, it.get()) == 0) {
      ReferenceHandle ref(ref_raw);
      std::string name = git_reference_name(ref.get());
      std::string rest = name.substr(std::string_view("refs/tags/policy/").size());
      std::size_t slash = rest.rfind('/');
      if (slash == std::string::npos) continue;
      // PATH is matched with the documents' paths byte for byte (decoded
      // from the tag name's percent-encoding); SHOWN_PATH and SHORT_NAME are
      // for messages, so UTF-8.
      std::string path = decode_tag_path(rest.substr(0, slash));
      auto name_date = parse_date(std::string_view(rest).substr(slash + 1));
      if (!name_date || path.empty()) continue;
      const std::string shown_path = to_valid_utf8(path);
      const std::string short_name = to_valid_utf8(name.substr(10));
      const git_oid* target = git_reference_target(ref.get());
      git_tag* tag_raw = nullptr;
      if (!target || git_tag_lookup(&tag_raw, m_repo.get(), target) < 0) {
        m_tag_warnings.push_back(
            Failure{shown_path, 0,
                    "tag " + short_name +
                        " is not an annotated tag, so it records no "
                        "Effective-Date; it is ignored",
                    "publish with `accord publish`, which writes annotated tags"});
        continue;
      }
      TagHandle tag(tag_raw);
      // Tag objects have no encoding header: UTF-8, as git writes them.
      const std::string message = owned_text(git_tag_message(tag.get()));
      auto value = tag_line(message.c_str(), "effective-date:");
      auto date = value ? parse_date(*value) : std::nullopt;
      if (!date) {
        m_tag_warnings.push_back(Failure{shown_path, 0,
                                         "tag " + short_name +
                                             " has no valid `Effective-Date: YYYY-MM-DD` in its "
                                             "message; it is ignored",
                                         "publish with `accord publish`, which writes it"});
        continue;
      }
      git_object* peeled_raw = nullptr;
      int rc = git_tag_peel(&peeled_raw, tag.get());
      ObjectHandle peeled(peeled_raw);
      if (rc < 0 || git_object_type(peeled.get()) != GIT_OBJECT_COMMIT) continue;
      TagDate t;
      t.path = path;
      t.date = *date;
      if (auto published = tag_line(message.c_str(), "published:")) {
        t.published = parse_date(*published);
      }
      const git_signature* tagger = git_tag_tagger(tag.get());
      t.tagged_at = tagger ? tagger->when.time : 0;
      out[*git_object_id(peeled.get())].push_back(std::move(t));
    }
    return out;
  }

  const Repository& m_repo;
  ProgressCallback m_progress;
  std::vector<Node> m_nodes;
  std::vector<std::vector<Track>> m_tracks;  // per path, per node
  std::unordered_map<git_oid, std::size_t, OidHash, OidEqual> m_index;
  OidMap m_tags;
  std::vector<Failure> m_tag_warnings;
};

}  // namespace

std::vector<WalkResult> walk_history(const Repository& repo, const git_oid& start,
                                     const std::vector<std::string>& paths, bool keep_paths,
                                     const ProgressCallback& progress) {
  Walker walker(repo, progress);
  return walker.run(start, paths, keep_paths);
}

}  // namespace accord::git
