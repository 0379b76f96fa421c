// notice-violation: a published version of the source whose substantial
// changes take effect before the notice the policy promises has run out.
#include <fmt/format.h>

#include <accord/history.hpp>
#include <accord/notice.hpp>
#include <accord/report.hpp>
#include <filesystem>
#include <memory>

#include "check/rules_internal.hpp"

namespace accord {
namespace {

using json = nlohmann::ordered_json;

std::unique_ptr<Document> read_version(const GitDocument& git, const Version& v) {
  VersionText t = git.text_of(v);
  auto doc = parse_document(t.text, v.commit.id.substr(0, 12) + ":" + t.path);
  if (!doc) return nullptr;  // an unreadable old version is reported elsewhere, if anywhere
  return std::make_unique<Document>(std::move(*doc));
}

std::string notice_text(const NoticePeriod& p) {
  return p.amount == 1 ? fmt::format("1 {}'s notice", p.unit)
                       : fmt::format("{} {}s' notice", p.amount, p.unit);
}

std::string section_name(const Section& s) {
  if (s.is_preamble()) return "the preamble";
  if (s.number.empty()) return fmt::format("\"{}\"", s.title);
  return s.number;
}

}  // namespace

void check_notice(const PairInput& in, std::vector<Finding>& out) {
  const History& h = in.history->source;
  // Published versions, newest first.
  std::vector<const Version*> published;
  for (const auto& v : h.versions) {
    if (v.commit.published) published.push_back(&v);
  }
  if (published.size() < 2) return;

  std::optional<GitDocument> git;
  try {
    git.emplace((std::filesystem::path(h.repository) / h.path).string());
  } catch (const Error&) {
    return;  // the history was read a moment ago; nothing to say if it is gone now
  }
  for (std::size_t i = 0; i + 1 < published.size(); ++i) {
    const Version& v = *published[i];
    const Version& prev = *published[i + 1];
    std::unique_ptr<Document> now, old;
    try {
      now = read_version(*git, v);
      old = read_version(*git, prev);
    } catch (const Error&) {
      continue;
    }
    if (!now || !old) continue;

    json sections = json::array();
    std::string names;
    for (const auto& d : diff_documents(*old, *now, in.source_language, in.history->known)) {
      if (!d.classification.substantial) continue;
      const Section& s = d.new_sections.empty() ? old->sections[d.old_sections.front()]
                                                : now->sections[d.new_sections.front()];
      sections.push_back(section_ref(s));
      names += (names.empty() ? "" : ", ") + section_name(s);
    }
    if (sections.empty()) continue;
    auto a = find_notice_period(*old, in.source_language);
    auto b = find_notice_period(*now, in.source_language);
    auto period = a && (!b || a->approximate_days() > b->approximate_days()) ? a : b;
    if (!period) continue;  // no promise, so none broken
    const Date publication = *v.commit.published;
    const Date required = add_period(publication, *period);
    if (!(v.commit.effective_date < required)) continue;

    Finding f = make_finding("notice-violation", in.source_file, 0);
    // Only the newest version can be published again (publish tags the
    // version at HEAD); an older one's notice is history by now.
    std::string hint =
        &v == &h.versions.front()
            ? fmt::format("publish it again with `accord publish {} --published {} --effective {}`",
                          h.path, publication.to_string(), required.to_string())
            : std::string("its tag cannot be moved; say so in the next notice");
    f.message = fmt::format(
        "version {} was published on {} and takes effect on {}, before {}: it changed {} {} "
        "substantially and the policy promises {}; {}",
        v.commit.id.substr(0, 12), publication.to_string(), v.commit.effective_date.to_string(),
        required.to_string(), sections.size() == 1 ? "section" : "sections", names,
        notice_text(*period), hint);
    f.evidence = json{{"commit", v.commit.id},
                      {"effective_source", to_string(v.commit.effective_source)},
                      {"published", publication.to_string()},
                      {"effective", v.commit.effective_date.to_string()},
                      {"required_effective", required.to_string()},
                      {"period",
                       {{"amount", period->amount},
                        {"unit", period->unit},
                        {"phrase", period->phrase},
                        {"line", period->line}}},
                      {"previous_commit", prev.commit.id},
                      {"sections", sections}};
    out.push_back(std::move(f));
  }
}

}  // namespace accord
