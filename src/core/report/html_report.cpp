// The HTML report's page: head with the Content-Security-Policy, summary,
// filters, the pairs (html_report_pair.cpp), the inline script.
#include <fmt/format.h>

#include <accord/error.hpp>
#include <accord/html_report.hpp>
#include <array>
#include <map>
#include <random>
#include <set>

#include "report/html_report_internal.hpp"

namespace accord {
namespace html {

void escape_to(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

namespace {

std::string esc(std::string_view text) { return html_escape(text); }

bool is_base64(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '+' || c == '/' || c == '=';
    if (!ok) return false;
  }
  return true;
}

std::string_view source_label(EffectiveSource source) {
  switch (source) {
    case EffectiveSource::trailer:
      return "Effective-Date trailer";
    case EffectiveSource::tag:
      return "policy tag";
    case EffectiveSource::commit:
      return "commit date";
  }
  return "commit date";
}

std::string version_cell(const CommitInfo& c) {
  return fmt::format(
      "{} <span class=\"muted\">({})</span><span class=\"commit\" title=\"{}\"><code>{}</code> "
      "{}</span>",
      c.effective_date.to_string(), source_label(c.effective_source), esc(c.summary),
      c.id.substr(0, 12), esc(c.summary));
}

struct Counts {
  std::size_t findings = 0;
  std::map<Severity, std::size_t> by_severity;
  std::map<std::string, std::size_t> by_rule;
  std::set<std::string> documents;
};

Counts count(const std::vector<ReportPair>& pairs) {
  Counts c;
  for (const auto& p : pairs) {
    c.documents.insert(p.source_file);
    c.documents.insert(p.target_file);
    for (const auto& f : p.findings) {
      ++c.findings;
      ++c.by_severity[f.severity];
      ++c.by_rule[f.rule];
    }
  }
  return c;
}

// Every known rule in documentation order, then any other rule a finding
// names (a rule newer than this page).
std::vector<std::pair<std::string, Severity>> rule_rows(const Counts& counts) {
  std::vector<std::pair<std::string, Severity>> rows;
  std::set<std::string> known;
  for (const auto& r : rules()) {
    rows.emplace_back(std::string(r.id), r.severity);
    known.insert(std::string(r.id));
  }
  for (const auto& [rule, n] : counts.by_rule) {
    if (!known.count(rule)) rows.emplace_back(rule, Severity::error);
  }
  return rows;
}

void render_notice_status(const std::vector<HistoryStatus>& history, const Date& today,
                          std::string& out) {
  if (history.empty()) return;
  out += "<h3>Notice status <span class=\"muted\">(from git history)</span></h3>\n";
  out +=
      "<div class=\"scroll\"><table class=\"notice\">\n<thead><tr><th>Document</th>"
      "<th>Language</th>";
  out += today.year > 0 ? "<th>In force on " + today.to_string() + "</th>" : "<th>In force</th>";
  out += "<th>Next effective date</th><th>Versions</th></tr></thead>\n<tbody>\n";
  for (const auto& h : history) {
    out += "<tr><td><code>" + esc(h.file) + "</code></td><td>" + esc(language_name(h.language)) +
           "</td>";
    if (!h.unavailable.empty()) {
      out += "<td colspan=\"3\" class=\"muted\">" + esc(h.unavailable) + "</td></tr>\n";
      continue;
    }
    out += "<td>" + (h.in_force ? version_cell(*h.in_force) : "no version in force yet") + "</td>";
    out += "<td>" + (h.next ? version_cell(*h.next) : "none committed") + "</td>";
    out += "<td>" + std::to_string(h.versions);
    if (h.truncated) out += " <span class=\"muted\">(shallow clone: history truncated)</span>";
    out += "</td></tr>\n";
  }
  out += "</tbody></table></div>\n";
  out +=
      "<p class=\"note\">Effective dates of committed versions: an <code>Effective-Date:</code> "
      "trailer, else a <code>policy/…</code> tag, else the commit date. Uncommitted edits are "
      "not counted.</p>\n";
}

void render_summary(const std::vector<ReportPair>& pairs, const std::vector<HistoryStatus>& history,
                    const Counts& counts, const HtmlReportOptions& options, std::string& out) {
  auto severity = [&](Severity s) {
    auto it = counts.by_severity.find(s);
    return it == counts.by_severity.end() ? std::size_t{0} : it->second;
  };
  out +=
      "<section class=\"summary\" aria-labelledby=\"summary-title\">\n"
      "<h2 id=\"summary-title\">Summary</h2>\n";
  for (const auto& notice : options.notices) {
    out += "<p class=\"notice-line\">Note: " + esc(notice) + "</p>\n";
  }
  out += "<div class=\"summary-grid\">\n<div>\n<dl class=\"totals\">\n";
  for (const auto& [label, n] : std::array<std::pair<const char*, std::size_t>, 6>{
           {{"pairs", pairs.size()},
            {"documents", counts.documents.size()},
            {"findings", counts.findings},
            {"errors", severity(Severity::error)},
            {"warnings", severity(Severity::warning)},
            {"notes", severity(Severity::note)}}}) {
    out += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>\n", label, n);
  }
  out += "</dl>\n";

  out +=
      "<div class=\"scroll\"><table class=\"by-rule\">\n<thead><tr><th>Rule</th><th>Severity</th>"
      "<th>Findings</th></tr></thead>\n<tbody>\n";
  for (const auto& [rule, sev] : rule_rows(counts)) {
    auto it = counts.by_rule.find(rule);
    std::size_t n = it == counts.by_rule.end() ? 0 : it->second;
    out += fmt::format("<tr{}><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       n == 0 ? " class=\"zero\"" : "", esc(rule), to_string(sev), n);
  }
  out += "</tbody></table></div>\n</div>\n<div>\n";

  out += "<h3>Pairs</h3>\n<ul class=\"pairs\">\n";
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto& p = pairs[i];
    out += fmt::format(
        "<li><a href=\"#pair-{}\"><code>{}</code> → <code>{}</code></a> {} → {}: {} "
        "findings</li>\n",
        i + 1, esc(p.source_file), esc(p.target_file), esc(language_name(p.source_language)),
        esc(language_name(p.target_language)), p.findings.size());
  }
  out += "</ul>\n";
  render_notice_status(history, options.today, out);
  out += "</div>\n</div>\n</section>\n";
}

void render_filters(const Counts& counts, std::string& out) {
  out +=
      "<nav class=\"filters\" aria-label=\"Filter and jump\">\n"
      "<div class=\"group\" role=\"group\" aria-label=\"Rule\"><span class=\"glabel\">Rule</span>"
      "<button type=\"button\" class=\"chip\" data-filter=\"rule\" data-value=\"\" "
      "aria-pressed=\"true\">all</button>";
  for (const auto& [rule, n] : counts.by_rule) {
    out += fmt::format(
        "<button type=\"button\" class=\"chip\" data-filter=\"rule\" data-value=\"{0}\" "
        "aria-pressed=\"false\">{0} <span class=\"n\">{1}</span></button>",
        esc(rule), n);
  }
  out +=
      "</div>\n<div class=\"group\" role=\"group\" aria-label=\"Severity\"><span "
      "class=\"glabel\">Severity</span><button type=\"button\" class=\"chip\" "
      "data-filter=\"severity\" data-value=\"\" aria-pressed=\"true\">all</button>";
  for (Severity s : {Severity::error, Severity::warning, Severity::note}) {
    auto it = counts.by_severity.find(s);
    if (it == counts.by_severity.end()) continue;
    out += fmt::format(
        "<button type=\"button\" class=\"chip sev-{0}\" data-filter=\"severity\" "
        "data-value=\"{0}\" aria-pressed=\"false\">{0} <span class=\"n\">{1}</span></button>",
        to_string(s), it->second);
  }
  out += fmt::format(
      "</div>\n<div class=\"group jump\"><button type=\"button\" class=\"chip\" data-jump=\"-1\" "
      "title=\"Previous finding (k or p)\">◀ previous</button><button type=\"button\" "
      "class=\"chip\" data-jump=\"1\" title=\"Next finding (j or n)\">next ▶</button>"
      "<span id=\"shown\" class=\"muted\" aria-live=\"polite\">{0} of {0} findings shown</span>"
      "</div>\n<p class=\"keys muted\">Keys: <kbd>j</kbd> or <kbd>n</kbd> next finding, "
      "<kbd>k</kbd> or <kbd>p</kbd> previous.</p>\n</nav>\n",
      counts.findings);
}

}  // namespace
}  // namespace html

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  html::escape_to(out, text);
  return out;
}

std::string make_csp_nonce() {
  static constexpr char k_alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::random_device device;
  std::array<unsigned char, 18> bytes{};
  for (auto& b : bytes) b = static_cast<unsigned char>(device() & 0xff);
  std::string out;
  // 18 bytes are six groups of three: no padding needed.
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned v = (unsigned{bytes[i]} << 16) | (unsigned{bytes[i + 1]} << 8) | bytes[i + 2];
    for (int shift = 18; shift >= 0; shift -= 6) out += k_alphabet[(v >> shift) & 63];
  }
  return out;
}

std::string render_html_report(const std::vector<ReportPair>& pairs,
                               const std::vector<HistoryStatus>& history,
                               const HtmlReportOptions& options) {
  std::string nonce = options.nonce.empty() ? make_csp_nonce() : options.nonce;
  if (!html::is_base64(nonce)) {
    throw Error("", 0, "the Content-Security-Policy nonce holds characters outside base64",
                "pass a base64 nonce or none");
  }
  html::Counts counts = html::count(pairs);
  std::string title = fmt::format("accord review: {} findings in {} pair{}", counts.findings,
                                  pairs.size(), pairs.size() == 1 ? "" : "s");
  std::string out;
  out.reserve(64 * 1024);
  // Only the page's own nonce-bearing <style> and <script> may run; nothing
  // may be fetched (default-src 'none'), not even fonts or images by URL.
  out += fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'nonce-{0}'; script-src 'nonce-{0}'; base-uri 'none'; "
      "form-action 'none'\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"accord {1}\">\n<title>{2}</title>\n"
      "<style nonce=\"{0}\">\n",
      nonce, html::esc(options.version), html::esc(title));
  out += html::stylesheet();
  out += "</style>\n</head>\n<body>\n<header class=\"top\">\n<h1>Translation review</h1>\n";
  out += "<p class=\"muted\">" +
         (options.today.year > 0 ? "Generated on " + options.today.to_string() + " by accord "
                                 : std::string("Generated by accord ")) +
         html::esc(options.version) + ".</p>\n";
  html::render_summary(pairs, history, counts, options, out);
  out += "</header>\n";
  // Outside the header, so that it stays on screen (sticky) over the pairs.
  html::render_filters(counts, out);
  out += "<main>\n";
  std::size_t next_finding = 1;
  for (std::size_t i = 0; i < pairs.size(); ++i)
    html::render_pair(pairs[i], i + 1, next_finding, out);
  out +=
      "</main>\n<footer class=\"muted\"><p>Made by <code>accord report</code>. Document text "
      "is shown as plain text: nothing in it runs or loads.</p></footer>\n";
  out += "<script nonce=\"" + nonce + "\">\n";
  out += html::script();
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace accord
