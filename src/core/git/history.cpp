#include <strings.h>

#include <accord/history.hpp>
#include <algorithm>
#include <chrono>
#include <list>
#include <queue>
#include <tuple>
#include <unordered_map>

#include "git/handles.hpp"
#include "git/repository.hpp"
#include "git/version_sections.hpp"

namespace accord {

// ---- dates -----------------------------------------------------------------

std::string Date::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n, int* out) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      v = v * 10 + (text[i] - '0');
    }
    *out = v;
    return true;
  };
  Date d;
  if (!digits(0, 4, &d.year) || !digits(5, 2, &d.month) || !digits(8, 2, &d.day)) {
    return std::nullopt;
  }
  if (d.year < 1) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(d.year),
                                  std::chrono::month(static_cast<unsigned>(d.month)),
                                  std::chrono::day(static_cast<unsigned>(d.day))};
  if (!ymd.ok()) return std::nullopt;
  return d;
}

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
  return "policy/" + std::string(path) + "/" + date.to_string();
}

namespace {

struct LocalTime {
  Date date;
  int hour = 0;
  int minute = 0;
  int second = 0;
};

LocalTime local_time(long long time, int offset_minutes) {
  using namespace std::chrono;
  sys_seconds t{seconds{time + static_cast<long long>(offset_minutes) * 60}};
  sys_days day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss hms{t - day};
  return {Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
               static_cast<int>(static_cast<unsigned>(ymd.day()))},
          static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
          static_cast<int>(hms.seconds().count())};
}

}  // namespace

std::string Person::iso_time() const {
  LocalTime t = local_time(time, offset_minutes);
  int off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", t.date.to_string().c_str(), t.hour,
                t.minute, t.second, offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

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

// ---- the walk --------------------------------------------------------------

namespace {

using namespace git;

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

struct VersionRecord {
  Version version;
  git_oid blob;
  std::optional<git_oid> parent_blob;  // the first parent's, when it has the document
};

struct WalkResult {
  std::vector<VersionRecord> versions;
  std::optional<Truncation> truncated;
  std::vector<Failure> warnings;
  std::unordered_map<git_oid, std::string, OidHash, OidEqual> paths;  // when asked for
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
        t.oldest_date = local_time(git_commit_time(c.get()), git_commit_time_offset(c.get())).date;
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
    auto person = [](const git_signature* s) {
      Person p;
      if (!s) return p;
      p.name = s->name ? s->name : "";
      p.email = s->email ? s->email : "";
      p.time = s->when.time;
      p.offset_minutes = s->when.offset;
      return p;
    };
    info.author = person(git_commit_author(c.get()));
    info.committer = person(git_commit_committer(c.get()));
    const char* summary = git_commit_summary(c.get());
    info.summary = summary ? summary : "";
    info.reviewed = reviewed_trailer(git_commit_message(c.get()));

    if (auto trailer = trailer_value(git_commit_message(c.get()), "Effective-Date")) {
      if (auto date = parse_date(*trailer)) {
        info.effective_date = *date;
        info.effective_source = EffectiveSource::trailer;
        if (auto published = trailer_value(git_commit_message(c.get()), "Published")) {
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
    git_reference_iterator* raw = nullptr;
    if (git_reference_iterator_glob_new(&raw, m_repo.get(), "refs/tags/policy/*") < 0) {
      std::string text = last_error_text();
      throw Error(m_repo.root(), 0, "cannot list the tags: " + text,
                  "check the repository with `git fsck`");
    }
    ReferenceIteratorHandle it(raw);
    git_reference* ref_raw = nullptr;
    while (git_reference_next(&ref_raw, it.get()) == 0) {
      ReferenceHandle ref(ref_raw);
      std::string name = git_reference_name(ref.get());
      std::string rest = name.substr(std::string_view("refs/tags/policy/").size());
      std::size_t slash = rest.rfind('/');
      if (slash == std::string::npos) continue;
      std::string path = rest.substr(0, slash);
      auto name_date = parse_date(std::string_view(rest).substr(slash + 1));
      if (!name_date || path.empty()) continue;
      std::string short_name = name.substr(10);
      const git_oid* target = git_reference_target(ref.get());
      git_tag* tag_raw = nullptr;
      if (!target || git_tag_lookup(&tag_raw, m_repo.get(), target) < 0) {
        m_tag_warnings.push_back(
            Failure{path, 0,
                    "tag " + short_name +
                        " is not an annotated tag, so it records no "
                        "Effective-Date; it is ignored",
                    "publish with `accord publish`, which writes annotated tags"});
        continue;
      }
      TagHandle tag(tag_raw);
      auto value = tag_line(git_tag_message(tag.get()), "effective-date:");
      auto date = value ? parse_date(*value) : std::nullopt;
      if (!date) {
        m_tag_warnings.push_back(Failure{path, 0,
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
      if (auto published = tag_line(git_tag_message(tag.get()), "published:")) {
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
  Repository repo;
  std::string path;
};

GitDocument::GitDocument(const std::string& doc) : m_impl(std::make_unique<Impl>()) {
  m_impl->repo = Repository::discover(doc, &m_impl->path);
}

GitDocument::~GitDocument() = default;
GitDocument::GitDocument(GitDocument&&) noexcept = default;
GitDocument& GitDocument::operator=(GitDocument&&) noexcept = default;

const std::string& GitDocument::repository() const { return m_impl->repo.root(); }
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
  const Repository& repo = m_impl->repo;
  git_oid start = repo.resolve(options.rev);
  if (!exists_at(repo, start, m_impl->path)) fail_not_in_rev(repo, m_impl->path, options.rev);
  Walker walker(repo, options.progress);
  std::vector<WalkResult> walks = walker.run(start, {m_impl->path}, false);
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
  const Repository& repo = first.m_impl->repo;
  git_oid start = repo.resolve(first_options.rev);
  for (const GitDocument* d : {&first, &second}) {
    if (!exists_at(repo, start, d->path())) fail_not_in_rev(repo, d->path(), first_options.rev);
  }
  Walker walker(repo, first_options.progress);
  std::vector<WalkResult> walks = walker.run(start, {first.path(), second.path()}, false);
  History a = make_history(repo, first.path(), start, std::move(walks[0]), first_options);
  return {std::move(a),
          make_history(repo, second.path(), start, std::move(walks[1]), second_options)};
}

VersionText GitDocument::text_at(const std::string& rev) const {
  const Repository& repo = m_impl->repo;
  git_oid commit = repo.resolve(rev);
  std::string path = m_impl->path;
  if (!exists_at(repo, commit, path)) {
    // The document may have had another name then: follow renames back
    // from HEAD.
    git_oid head = repo.resolve("HEAD");
    if (!exists_at(repo, head, path)) fail_not_in_rev(repo, path, rev);
    Walker walker(repo, {});
    WalkResult walk = std::move(walker.run(head, {path}, true)[0]);
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
    throw Error(m_impl->repo.root(), 0, "'" + version.blob + "' is not an object id",
                "pass a version returned by log()");
  }
  return VersionText{version.commit.id, version.path, m_impl->repo.blob(blob)};
}

Blame GitDocument::blame(const std::string& rev, const ProgressCallback& progress,
                         const std::optional<ClassifyOptions>& classify) const {
  const Repository& repo = m_impl->repo;
  git_oid start = repo.resolve(rev);
  if (!exists_at(repo, start, m_impl->path)) fail_not_in_rev(repo, m_impl->path, rev);
  Walker walker(repo, progress);
  WalkResult walk = std::move(walker.run(start, {m_impl->path}, false)[0]);

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
