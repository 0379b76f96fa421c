#include "findings_format.hpp"

#include <fmt/format.h>

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "terminal.hpp"

namespace accord::cli {
namespace {

using json = nlohmann::ordered_json;

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::map<Severity, std::size_t> count_by_severity(const std::vector<Finding>& findings) {
  std::map<Severity, std::size_t> counts{
      {Severity::error, 0}, {Severity::warning, 0}, {Severity::note, 0}};
  for (const auto& f : findings) ++counts[f.severity];
  return counts;
}

json finding_json(const Finding& f) {
  json j;
  j["rule"] = f.rule;
  j["severity"] = to_string(f.severity);
  j["file"] = f.file;
  j["line"] = f.line;
  j["section"] = f.section;
  j["message"] = f.message;
  j["evidence"] = f.evidence;
  return j;
}

// GitHub's workflow-command escaping: data escapes %, CR, LF; property
// values also ':' and ','.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

// A relative path as an RFC 3986 relative reference: every byte outside the
// unreserved set and '/' percent-encoded (so spaces, '%', non-ASCII and a ':'
// in the first segment are all safe).
std::string uri_reference(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string sarif_level(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

}  // namespace

std::string format_text(const std::vector<Finding>& findings, const CheckSummary& summary,
                        const Style& style) {
  std::string out;
  std::string file;
  for (const auto& f : findings) {
    if (f.file != file) {
      if (!file.empty()) out += '\n';
      file = f.file;
    }
    std::string where = f.line > 0 ? fmt::format("{}:{}", f.file, f.line) : f.file;
    std::string severity = f.severity == Severity::error     ? style.red(to_string(f.severity))
                           : f.severity == Severity::warning ? style.yellow(to_string(f.severity))
                                                             : std::string(to_string(f.severity));
    out += fmt::format("{}: {}: {} {}\n", style.bold(where), severity,
                       style.cyan(fmt::format("[{}]", f.rule)), f.message);
  }
  for (const auto& n : summary.notices) out += fmt::format("{} {}\n", style.dim("note:"), n);
  auto counts = count_by_severity(findings);
  std::string line =
      fmt::format("{}, {} in {}", plural(counts[Severity::error], "error"),
                  plural(counts[Severity::warning], "warning"), plural(summary.pairs, "pair"));
  if (!findings.empty() || !summary.notices.empty()) out += '\n';
  out += (counts[Severity::error] ? style.red(line)
          : findings.empty()      ? style.green(line)
                                  : line) +
         "\n";
  return terminal_text(out, style);
}

std::string format_json(const std::vector<Finding>& findings, const CheckSummary& summary) {
  json out;
  out["version"] = 1;
  out["findings"] = json::array();
  for (const auto& f : findings) out["findings"].push_back(finding_json(f));
  auto counts = count_by_severity(findings);
  json by_rule = json::object();
  for (const auto& r : rules()) by_rule[std::string(r.id)] = 0;
  for (const auto& f : findings) by_rule[f.rule] = by_rule[f.rule].get<int>() + 1;
  out["summary"] = json{{"pairs", summary.pairs},
                        {"errors", counts[Severity::error]},
                        {"warnings", counts[Severity::warning]},
                        {"notes", counts[Severity::note]},
                        {"by_rule", by_rule},
                        {"notices", summary.notices}};
  return json_text(out);
}

std::string format_github(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) {
    std::string command = f.severity == Severity::error     ? "error"
                          : f.severity == Severity::warning ? "warning"
                                                            : "notice";
    std::string props = "file=" + escape_property(f.file);
    if (f.line > 0) props += ",line=" + std::to_string(f.line);
    props += ",title=" + escape_property("accord " + f.rule);
    out += fmt::format("::{} {}::{}\n", command, props, escape_data(f.message));
  }
  // The runner's log is a terminal too: it shows colours and runs other
  // workflow commands.
  return terminal_safe(out);
}

std::string format_sarif(const std::vector<Finding>& findings) {
  json driver;
  driver["name"] = "accord";
  driver["version"] = ACCORD_VERSION;
  driver["rules"] = json::array();
  std::map<std::string, std::size_t> index;
  for (const auto& r : rules()) {
    index[std::string(r.id)] = driver["rules"].size();
    driver["rules"].push_back(json{{"id", r.id},
                                   {"name", r.id},
                                   {"shortDescription", {{"text", r.summary}}},
                                   {"defaultConfiguration", {{"level", sarif_level(r.severity)}}}});
  }
  json results = json::array();
  for (const auto& f : findings) {
    json location;
    location["physicalLocation"]["artifactLocation"] = {{"uri", uri_reference(f.file)},
                                                        {"uriBaseId", "SRCROOT"}};
    if (f.line > 0) location["physicalLocation"]["region"] = {{"startLine", f.line}};
    json result{{"ruleId", f.rule},
                {"ruleIndex", index.at(f.rule)},
                {"level", sarif_level(f.severity)},
                {"message", {{"text", f.message}}},
                {"locations", json::array({location})}};
    result["properties"] = json{{"section", f.section}, {"evidence", f.evidence}};
    results.push_back(std::move(result));
  }
  json run{
      {"tool", {{"driver", driver}}},
      {"originalUriBaseIds", {{"SRCROOT", {{"description", {{"text", "The repository root."}}}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", results}};
  json sarif{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
             {"version", "2.1.0"},
             {"runs", json::array({run})}};
  return json_text(sarif);
}

}  // namespace accord::cli
