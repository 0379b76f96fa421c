#include <accord/history.hpp>

namespace accord {

using json = nlohmann::ordered_json;

namespace {

json section_json(const std::string& number, const std::string& title, bool preamble) {
  json out;
  out["number"] = number.empty() ? json(nullptr) : json(number);
  out["title"] = preamble ? json(nullptr) : json(title);
  return out;
}

json person_json(const Person& p) {
  return json{{"name", p.name}, {"email", p.email}, {"date", p.iso_time()}};
}

json truncation_json(const std::optional<Truncation>& t) {
  if (!t) return nullptr;
  return json{{"oldest_commit", t->oldest_commit},
              {"oldest_date", t->oldest_date.to_string()},
              {"message", t->message()}};
}

json warnings_json(const std::vector<Failure>& warnings) {
  json out = json::array();
  for (const auto& w : warnings) out.push_back(w.to_string());
  return out;
}

}  // namespace

json to_json(const CommitInfo& commit) {
  json out;
  out["commit"] = commit.id;
  out["author"] = person_json(commit.author);
  out["committer"] = person_json(commit.committer);
  out["summary"] = commit.summary;
  out["effective_date"] = commit.effective_date.to_string();
  out["effective_source"] = to_string(commit.effective_source);
  out["published"] = commit.published ? json(commit.published->to_string()) : json(nullptr);
  return out;
}

json to_json(const History& history) {
  json out;
  out["version"] = 1;
  out["repository"] = history.repository;
  out["path"] = history.path;
  out["rev"] = history.rev;
  out["commit"] = history.commit;
  out["truncated"] = truncation_json(history.truncated);
  out["warnings"] = warnings_json(history.warnings);
  out["versions"] = json::array();
  for (const auto& v : history.versions) {
    json j = to_json(v.commit);
    j["path"] = v.path;
    if (!v.renamed_from.empty()) j["renamed_from"] = v.renamed_from;
    j["blob"] = v.blob;
    j["at_truncation"] = v.at_truncation;
    if (v.unreadable) j["unreadable"] = v.unreadable->to_string();
    if (v.at_truncation || v.unreadable) {
      j["changes"] = nullptr;
    } else {
      j["changes"] = json::array();
      for (const auto& c : v.changes) {
        json change{{"section", section_json(c.number, c.title, c.preamble)},
                    {"status", to_string(c.status)}};
        if (c.classification) {
          change["classification"] = c.classification->substantial ? "substantial" : "editorial";
          change["reasons"] = reasons_json(*c.classification);
        }
        j["changes"].push_back(std::move(change));
      }
    }
    out["versions"].push_back(std::move(j));
  }
  return out;
}

json to_json(const Blame& blame) {
  json out;
  out["version"] = 1;
  out["repository"] = blame.repository;
  out["path"] = blame.path;
  out["rev"] = blame.rev;
  out["commit"] = blame.commit;
  out["basis"] = blame.basis;
  out["truncated"] = truncation_json(blame.truncated);
  out["warnings"] = warnings_json(blame.warnings);
  out["sections"] = json::array();
  for (const auto& s : blame.sections) {
    json j;
    j["section"] = section_json(s.number, s.title, s.preamble);
    j["line"] = s.line;
    j["last_changed"] = to_json(s.last_changed);
    j["last_substantive"] = to_json(s.last_substantive);
    j["truncated"] = s.truncated;
    out["sections"].push_back(std::move(j));
  }
  return out;
}

}  // namespace accord
