#include <fmt/format.h>

#include <accord/publish.hpp>
#include <accord/text.hpp>
#include <chrono>
#include <filesystem>

#include "git/handles.hpp"
#include "git/repository.hpp"

namespace accord {
namespace {

using namespace git;
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

using StatusListHandle = Handle<git_status_list, git_status_list_free>;
using SignatureHandle = Handle<git_signature, git_signature_free>;

constexpr std::string_view k_tag_prefix = "refs/tags/";

int days_between(const Date& from, const Date& to) {
  using namespace std::chrono;
  auto day = [](const Date& d) {
    return sys_days(year_month_day(year(d.year), month(static_cast<unsigned>(d.month)),
                                   std::chrono::day(static_cast<unsigned>(d.day))));
  };
  return static_cast<int>((day(to) - day(from)).count());
}

// Tracked files that differ from HEAD in the index or the work tree.
std::vector<std::string> dirty_files(const Repository& repo) {
  git_status_options opts = GIT_STATUS_OPTIONS_INIT;
  opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  opts.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES;  // untracked and ignored files left out
  git_status_list* raw = nullptr;
  int rc = git_status_list_new(&raw, repo.get(), &opts);
  StatusListHandle list(raw);
  if (rc < 0) {
    std::string text = last_error_text();
    throw Error(repo.root(), 0, "cannot read the work tree's status: " + text,
                "check the repository with `git status`");
  }
  std::vector<std::string> out;
  std::size_t count = git_status_list_entrycount(list.get());
  for (std::size_t i = 0; i < count; ++i) {
    const git_status_entry* e = git_status_byindex(list.get(), i);
    if (!e || e->status == GIT_STATUS_CURRENT) continue;
    const git_diff_delta* d = e->head_to_index ? e->head_to_index : e->index_to_workdir;
    const char* path = d ? (d->new_file.path ? d->new_file.path : d->old_file.path) : nullptr;
    std::string name = path ? path : "?";
    name +=
        (e->status & (GIT_STATUS_INDEX_NEW | GIT_STATUS_INDEX_MODIFIED | GIT_STATUS_INDEX_DELETED |
                      GIT_STATUS_INDEX_RENAMED | GIT_STATUS_INDEX_TYPECHANGE))
            ? " (staged)"
            : " (modified)";
    out.push_back(std::move(name));
  }
  return out;
}

struct PolicyTag {
  std::string name;  // without refs/tags/
  Date date;
  long long tagged_at = 0;
  std::string commit;  // 40 hex
};

// The latest `policy/<PATH>/<date>` annotated tag: the latest date, then the
// latest tagger time.
std::optional<PolicyTag> latest_tag(const Repository& repo, const std::string& path) {
  ReferenceIteratorHandle it = repo.policy_tags();
  const std::string prefix = "refs/tags/policy/" + encode_tag_path(path) + "/";
  std::optional<PolicyTag> best;
  git_reference* ref_raw = nullptr;
  int rc = 0;
  while ((rc = git_reference_next(&ref_raw, it.get())) == 0) {
    ReferenceHandle ref(ref_raw);
    std::string name = git_reference_name(ref.get());
    if (name.rfind(prefix, 0) != 0) continue;
    auto date = parse_date(std::string_view(name).substr(prefix.size()));
    const git_oid* target = git_reference_target(ref.get());
    if (!date || !target) continue;
    git_tag* tag_raw = nullptr;
    if (git_tag_lookup(&tag_raw, repo.get(), target) < 0) continue;  // lightweight: no dates
    TagHandle tag(tag_raw);
    git_object* peeled_raw = nullptr;
    int peel = git_tag_peel(&peeled_raw, tag.get());
    ObjectHandle peeled(peeled_raw);
    if (peel < 0 || git_object_type(peeled.get()) != GIT_OBJECT_COMMIT) continue;
    const git_signature* tagger = git_tag_tagger(tag.get());
    PolicyTag t{to_valid_utf8(name.substr(k_tag_prefix.size())), *date,
                tagger ? tagger->when.time : 0, to_hex(*git_object_id(peeled.get()))};
    if (!best || std::tie(t.date, t.tagged_at) > std::tie(best->date, best->tagged_at)) best = t;
  }
  if (rc != GIT_ITEROVER) {
    std::string text = last_error_text();
    throw Error(repo.root(), 0, "cannot list the tags: " + text,
                "check the repository with `git fsck`");
  }
  return best;
}

Document parse_version(const std::string& bytes, const std::string& label, std::size_t max_size) {
  auto text = decode_text(bytes, label, max_size);
  if (!text) throw Error(text.error());
  auto doc = parse_document(std::move(*text), label);
  if (!doc) throw Error(doc.error());
  return std::move(*doc);
}

// "14 days' notice", "1 month's notice".
std::string notice_text(const NoticePeriod& p) {
  return p.amount == 1 ? fmt::format("1 {}'s notice", p.unit)
                       : fmt::format("{} {}s' notice", p.amount, p.unit);
}

std::string tag_message(const PublishResult& r) {
  std::string out =
      fmt::format("accord publish {}: effective {}\n\n", r.path, r.effective.to_string());
  out += "Published: " + r.published.to_string() + "\n";
  out += "Effective-Date: " + r.effective.to_string() + "\n";
  if (r.period) out += fmt::format("Notice-Days: {}\n", r.required_days);
  if (r.previous_tag.empty()) {
    out += "\nFirst publication.\n";
  } else if (r.substantial.empty()) {
    out += "\nNo substantial changes since " + r.previous_tag + ".\n";
  } else {
    out += "\nSubstantial changes since " + r.previous_tag + ":\n";
    for (const auto& s : r.substantial) {
      out += s.preamble ? "- the preamble\n"
                        : fmt::format("- {}{}{}\n", s.number, s.number.empty() ? "" : " ", s.title);
    }
  }
  if (r.forced) {
    out += fmt::format("\nForced: effective before {}, the earliest date allowed{}.\n",
                       r.earliest.to_string(),
                       r.period ? " by the promised " + notice_text(*r.period) : std::string());
  }
  return out;
}

// The ref's lock file, or packed-refs', when one exists: another git process
// is writing, or one died and left it.
std::optional<std::string> lock_file(const Repository& repo, const std::string& ref) {
  fs::path common(git_repository_commondir(repo.get()));
  std::error_code ec;
  for (const fs::path& p : {common / (ref + ".lock"), common / "packed-refs.lock"}) {
    if (fs::exists(p, ec)) return p.string();
  }
  return std::nullopt;
}

// Throws Error, before anything is written, when the ref REF (of the tag
// TAG, for DOC) cannot be created: a name git refuses, or a directory/file
// conflict with a ref that exists (refs/tags/policy/content blocks
// refs/tags/policy/content/…, and the other way round). libgit2 finds these
// only after it has written the tag object.
void check_ref_can_be_created(const Repository& repo, const std::string& ref,
                              const std::string& tag, const std::string& doc) {
  int valid = 0;
  if (git_reference_name_is_valid(&valid, ref.c_str()) < 0 || !valid) {
    throw Error(doc, 0, "tag " + tag + " is not a name git accepts, so the tag was not written",
                "this is a bug in accord's tag names; please report it");
  }
  auto conflict = [&](const std::string& other, const char* where) {
    const std::string name = other.substr(k_tag_prefix.size());
    throw Error(doc, 0,
                fmt::format("tag {} cannot be created: the tag {} already exists {}, and git "
                            "cannot have a name that is also a folder of names; nothing was "
                            "written",
                            tag, name, where),
                "if " + name + " was made by mistake and never pushed, delete it (`git tag -d " +
                    name + "`) and run accord publish again");
  };
  for (std::size_t slash = ref.find('/', k_tag_prefix.size()); slash != std::string::npos;
       slash = ref.find('/', slash + 1)) {
    const std::string prefix = ref.substr(0, slash);
    git_reference* raw = nullptr;
    int rc = git_reference_lookup(&raw, repo.get(), prefix.c_str());
    ReferenceHandle found(raw);
    if (rc == 0) conflict(prefix, "where its folder would be");
  }
  git_reference_iterator* it_raw = nullptr;
  if (git_reference_iterator_glob_new(&it_raw, repo.get(), (ref + "/*").c_str()) < 0) {
    std::string text = last_error_text();
    throw Error(repo.root(), 0, "cannot list the tags: " + text,
                "check the repository with `git fsck`");
  }
  ReferenceIteratorHandle it(it_raw);
  git_reference* ref_raw = nullptr;
  if (git_reference_next(&ref_raw, it.get()) == 0) {
    ReferenceHandle below(ref_raw);
    conflict(git_reference_name(below.get()), "inside it, as if it were a folder");
  }
}

[[noreturn]] void fail_locked(const std::string& what, const std::string& lock) {
  throw Error(lock, 0, what + " is locked, so the tag was not written",
              "another git process may be running; if none is, remove the lock file and "
              "run accord publish again");
}

}  // namespace

std::string encode_tag_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  auto escape = [&out](unsigned char c) { out += fmt::format("%{:02X}", c); };
  for (std::size_t i = 0; i < path.size(); ++i) {
    const auto c = static_cast<unsigned char>(path[i]);
    const bool component_start = i == 0 || path[i - 1] == '/';
    if (c < 0x20 || c == 0x7f ||
        std::string_view(" ~^:?*[\\%").find(static_cast<char>(c)) != std::string_view::npos) {
      escape(c);
    } else if (c == '.' && (component_start || out.back() == '.' ||
                            (path.substr(i).rfind(".lock", 0) == 0 &&
                             (i + 5 == path.size() || path[i + 5] == '/')))) {
      escape(c);
    } else if (c == '@' && i + 1 < path.size() && path[i + 1] == '{') {
      escape(c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string decode_tag_path(std::string_view encoded) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] == '%' && i + 2 < encoded.size() && hex(encoded[i + 1]) >= 0 &&
        hex(encoded[i + 2]) >= 0) {
      out += static_cast<char>(hex(encoded[i + 1]) * 16 + hex(encoded[i + 2]));
      i += 2;
    } else {
      out += encoded[i];
    }
  }
  return out;
}

PublishResult plan_publish(const std::string& doc, const PublishOptions& options) {
  std::string path;
  Repository repo = Repository::discover(doc, &path);
  GitDocument git_doc(doc);
  repo.resolve("HEAD");  // a clear error for an unborn branch

  std::vector<std::string> dirty = dirty_files(repo);
  if (!dirty.empty()) {
    std::string list;
    for (std::size_t i = 0; i < dirty.size() && i < 5; ++i) list += (i ? ", " : "") + dirty[i];
    if (dirty.size() > 5) list += fmt::format(" and {} more", dirty.size() - 5);
    throw Error(repo.root(), 0, "the work tree has uncommitted changes: " + list,
                "commit or stash them first, so that the tag names exactly what is published");
  }

  PublishResult r;
  r.path = path;
  r.published = options.published;
  LogOptions log;
  log.with_changes = false;
  History history = git_doc.log(log);
  if (history.versions.empty()) {
    throw Error(doc, 0, "has no version in HEAD's history", "commit the document first");
  }
  r.commit = history.versions.front().commit.id;

  Document now = parse_version(git_doc.text_at(r.commit).text, path, options.max_file_size);
  auto previous = latest_tag(repo, path);
  std::optional<NoticePeriod> period;
  if (previous) {
    r.previous_tag = previous->name;
    r.previous_commit = previous->commit;
    VersionText old_text = git_doc.text_at(previous->commit);
    Document old =
        parse_version(old_text.text, previous->name + ":" + old_text.path, options.max_file_size);
    for (const auto& d : diff_documents(old, now, options.language, options.known)) {
      if (!d.classification.substantial) continue;
      const Section& s = d.new_sections.empty() ? old.sections[d.old_sections.front()]
                                                : now.sections[d.new_sections.front()];
      r.substantial.push_back(PublishedSection{s.number, s.title, s.is_preamble()});
    }
    if (!r.substantial.empty()) {
      if (options.notice_days) {
        period = NoticePeriod{*options.notice_days, "day", "", 0};
      } else {
        auto a = find_notice_period(old, options.language);
        auto b = find_notice_period(now, options.language);
        period = a && (!b || a->approximate_days() > b->approximate_days()) ? a : b;
      }
      if (!period) {
        throw Error(doc, 0,
                    "changed substantially since " + previous->name +
                        ", but promises no notice period that accord can find",
                    "give the period with --notice-days N");
      }
    }
  }
  r.period = period;
  r.earliest = period ? add_period(r.published, *period) : r.published;
  r.effective = options.effective ? *options.effective : r.earliest;
  if (r.effective < r.earliest) {
    if (!options.force) {
      std::string why = period ? fmt::format("{} promises {} of its substantial changes", path,
                                             notice_text(*period))
                               : std::string("a version cannot take effect before it is published");
      throw Error(doc, 0,
                  fmt::format("effective date {} is too early: {}; the earliest allowed is {}",
                              r.effective.to_string(), why, r.earliest.to_string()),
                  fmt::format("use --effective {} or later, or --force to publish it anyway{}",
                              r.earliest.to_string(),
                              period ? " (accord check will then report notice-violation)" : ""));
    }
    r.forced = true;
  }
  r.notice_days = days_between(r.published, r.effective);
  r.required_days = days_between(r.published, r.earliest);
  r.tag = policy_tag_name(path, r.effective);

  git_reference* existing_raw = nullptr;
  int rc =
      git_reference_lookup(&existing_raw, repo.get(), (std::string(k_tag_prefix) + r.tag).c_str());
  ReferenceHandle existing(existing_raw);
  if (rc == 0) {
    git_object* peeled_raw = nullptr;
    std::string at;
    if (git_reference_peel(&peeled_raw, existing.get(), GIT_OBJECT_COMMIT) == 0) {
      ObjectHandle peeled(peeled_raw);
      at = " (at " + to_hex(*git_object_id(peeled.get())).substr(0, 12) + ")";
    }
    throw Error(doc, 0,
                "tag " + r.tag + " already exists" + at + "; published tags are never moved",
                "publish with another --effective date, or delete the tag (`git tag -d " + r.tag +
                    "`) only if it was never pushed or announced");
  }
  if (rc != GIT_ENOTFOUND) {
    std::string text = last_error_text();
    throw Error(repo.root(), 0, "cannot look up tag " + r.tag + ": " + text,
                "check the repository with `git fsck`");
  }
  check_ref_can_be_created(repo, std::string(k_tag_prefix) + r.tag, r.tag, doc);
  r.message = tag_message(r);
  return r;
}

PublishResult publish(const std::string& doc, const PublishOptions& options) {
  PublishResult r = plan_publish(doc, options);
  std::string path;
  Repository repo = Repository::discover(doc, &path);

  git_signature* sig_raw = nullptr;
  int rc = git_signature_default(&sig_raw, repo.get());
  SignatureHandle tagger(sig_raw);
  if (rc < 0) {
    std::string text = last_error_text();
    if (rc == GIT_ENOTFOUND) {
      throw Error(repo.root(), 0,
                  "no git identity to sign the tag with (user.name and user.email are not set)",
                  "set them with `git config user.name \"Your Name\"` and `git config user.email "
                  "you@example.org`");
    }
    throw Error(repo.root(), 0, "cannot read the git identity (user.name, user.email): " + text,
                "check `git config user.name` and `git config user.email`");
  }

  const std::string ref = std::string(k_tag_prefix) + r.tag;
  // libgit2 writes the tag object before it takes the ref's lock; checking
  // first keeps a locked ref from leaving even a stray object behind.
  if (auto lock = lock_file(repo, ref)) fail_locked("the tag's ref " + ref, *lock);

  git_oid target_id;
  if (git_oid_fromstr(&target_id, r.commit.c_str()) < 0) {
    std::string text = last_error_text();
    throw Error(repo.root(), 0, "'" + r.commit + "' is not an object id: " + text, "");
  }
  git_object* target_raw = nullptr;
  rc = git_object_lookup(&target_raw, repo.get(), &target_id, GIT_OBJECT_COMMIT);
  ObjectHandle target(target_raw);
  if (rc < 0) repo.fail_object(target_id, last_error_text());

  git_oid tag_id;
  rc = git_tag_create(&tag_id, repo.get(), r.tag.c_str(), target.get(), tagger.get(),
                      r.message.c_str(), 0);
  if (rc < 0) {
    std::string text = last_error_text();
    if (rc == GIT_EEXISTS) {
      throw Error(doc, 0, "tag " + r.tag + " already exists; published tags are never moved",
                  "publish with another --effective date");
    }
    if (rc == GIT_ELOCKED) {
      fail_locked("the tag's ref " + ref,
                  (fs::path(git_repository_commondir(repo.get())) / (ref + ".lock")).string());
    }
    throw Error(repo.root(), 0, "cannot create tag " + r.tag + ": " + text,
                "check that the repository is writable (`git status`)");
  }
  r.tag_id = to_hex(tag_id);
  return r;
}

json to_json(const PublishResult& r) {
  json out;
  out["version"] = 1;
  out["file"] = r.path;
  out["tag"] = r.tag;
  out["tag_id"] = r.tag_id.empty() ? json(nullptr) : json(r.tag_id);
  out["commit"] = r.commit;
  out["published"] = r.published.to_string();
  out["effective"] = r.effective.to_string();
  out["earliest_effective"] = r.earliest.to_string();
  out["forced"] = r.forced;
  out["notice_days"] = r.notice_days;
  if (r.period) {
    out["period"] =
        json{{"amount", r.period->amount},
             {"unit", r.period->unit},
             {"days", r.required_days},
             {"phrase", r.period->phrase.empty() ? json(nullptr) : json(r.period->phrase)},
             {"line", r.period->line}};
  } else {
    out["period"] = nullptr;
  }
  out["previous_tag"] = r.previous_tag.empty() ? json(nullptr) : json(r.previous_tag);
  out["previous_commit"] = r.previous_commit.empty() ? json(nullptr) : json(r.previous_commit);
  out["substantial_sections"] = json::array();
  for (const auto& s : r.substantial) {
    out["substantial_sections"].push_back(
        json{{"number", s.number.empty() ? json(nullptr) : json(s.number)},
             {"title", s.preamble ? json(nullptr) : json(s.title)}});
  }
  return out;
}

}  // namespace accord
