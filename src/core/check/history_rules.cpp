// outdated and history-truncated: rules that need the pair's git history.
#include <fmt/format.h>

#include <accord/history.hpp>
#include <accord/report.hpp>
#include <algorithm>
#include <limits>
#include <tuple>

#include "check/rules_internal.hpp"

namespace accord {
namespace {

using json = nlohmann::ordered_json;

bool same_section(const SectionChange& c, const Section& s) {
  return c.preamble == s.is_preamble() && c.number == s.number && c.title == s.title;
}

bool reviewed(const CommitInfo& commit, const Section& s) {
  return std::any_of(commit.reviewed.begin(), commit.reviewed.end(), [&](const std::string& r) {
    return r == "all" || (!s.number.empty() && r == s.number);
  });
}

// The newest version of the target that changed SECTION or reviewed it.
const Version* last_touch(const History& target, const Section& section) {
  for (const auto& v : target.versions) {
    if (reviewed(v.commit, section)) return &v;
    for (const auto& c : v.changes) {
      if (c.status != SectionStatus::removed && same_section(c, section)) return &v;
    }
  }
  return nullptr;
}

json commit_json(const CommitInfo& c) {
  return json{{"commit", c.id}, {"date", c.committer.iso_time()}, {"summary", c.summary}};
}

void truncated_finding(const History& h, const std::string& file, std::vector<Finding>& out) {
  if (!h.truncated) return;
  Finding f = make_finding("history-truncated", file, 0);
  f.message = h.truncated->message();
  f.evidence = json{{"oldest_commit", h.truncated->oldest_commit},
                    {"oldest_date", h.truncated->oldest_date.to_string()}};
  out.push_back(std::move(f));
}

}  // namespace

PairHistory read_pair_history(const GitDocument& source, const GitDocument& target,
                              const Document& target_document, const std::string& rev) {
  // Target: last_touch() looks, for each section, at versions newest first
  // until one reviewed or changed it; once every section has one, older
  // versions' changes are never read.
  std::vector<const Section*> open;
  for (const auto& s : target_document.sections) open.push_back(&s);
  long long oldest_touch = std::numeric_limits<long long>::max();
  LogOptions target_log;
  target_log.rev = rev;
  target_log.more_changes = [&](const Version& v) {
    std::erase_if(open, [&](const Section* s) {
      bool touched = reviewed(v.commit, *s) ||
                     std::any_of(v.changes.begin(), v.changes.end(), [&](const SectionChange& c) {
                       return c.status != SectionStatus::removed && same_section(c, *s);
                     });
      if (touched) oldest_touch = std::min(oldest_touch, v.commit.committer.time);
      return touched;
    });
    return !open.empty();
  };
  // Source: check_history() walks versions newest first while they are newer
  // than a section's last touch, so the oldest touch bounds them all. A
  // section never touched is skipped there, so it does not count.
  LogOptions source_log;
  source_log.rev = rev;
  source_log.more_changes = [&](const Version& v) {
    return v.commit.committer.time > oldest_touch;
  };
  // One walk of the commits for both documents; the target's history is
  // read first, so oldest_touch is known when the source's is.
  PairHistory out;
  std::tie(out.target, out.source) = GitDocument::log_both(target, target_log, source, source_log);
  return out;
}

void check_history(const PairInput& in, const std::vector<AlignedPair>& alignment,
                   std::vector<Finding>& out) {
  const PairHistory& h = *in.history;
  truncated_finding(h.source, in.source_file, out);
  truncated_finding(h.target, in.target_file, out);
  const std::string source_name = language_name(in.source_language);

  for (const auto& p : alignment) {
    if (p.source.size() != 1 || p.target.size() != 1) continue;
    const Section& src = in.source.sections[p.source[0]];
    const Section& tgt = in.target.sections[p.target[0]];
    const Version* touch = last_touch(h.target, tgt);
    if (!touch) continue;
    const long long since = touch->commit.committer.time;

    // Source versions after the touch whose change of this section is
    // substantial; whitespace, punctuation, case, quotes and typo fixes are
    // not. Versions are newest first.
    std::vector<std::pair<const Version*, const SectionChange*>> changes;
    for (const auto& v : h.source.versions) {
      if (v.commit.committer.time <= since) break;
      for (const auto& c : v.changes) {
        if (c.status == SectionStatus::changed && same_section(c, src))
          changes.emplace_back(&v, &c);
      }
    }
    json commits = json::array();
    const SectionChange* oldest = nullptr;
    for (const auto& [v, c] : changes) {
      Classification k = classify_change(c->old_text, c->new_text, in.source_language, h.known);
      if (!k.substantial) continue;
      json j = commit_json(v->commit);
      j["reasons"] = json::array();
      for (const auto& r : k.reasons)
        j["reasons"].push_back(json{{"kind", r.kind}, {"old", r.old_value}, {"new", r.new_value}});
      commits.push_back(std::move(j));
      oldest = c;
    }
    if (commits.empty()) continue;
    const SectionChange* newest = changes.front().second;
    Finding f = make_finding("outdated", in.target_file, tgt.line);
    f.section = section_ref(tgt);
    f.message = fmt::format(
        "{} is outdated: its {} source changed substantially in {} commit{} since this translation "
        "was last touched ({} of {}); update it, or record a review with an 'Accord-Reviewed: {}' "
        "trailer",
        describe(tgt), source_name, commits.size(), commits.size() == 1 ? "" : "s",
        touch->commit.id.substr(0, 12), touch->commit.committer.local_date().to_string(),
        tgt.number.empty() ? "all" : tgt.number);
    json diff = json::array();
    for (const auto& op : word_diff(oldest->old_text, newest->new_text, in.source_language)) {
      diff.push_back(json{{"op", to_string(op.kind)}, {"text", op.text}});
    }
    f.evidence = json{{"translation_commit", commit_json(touch->commit)},
                      {"source_commits", commits},
                      {"source_line", src.line},
                      {"source_diff", diff}};
    out.push_back(std::move(f));
  }
}

}  // namespace accord
