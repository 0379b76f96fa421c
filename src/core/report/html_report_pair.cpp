// One pair of the HTML report: front matter and sections side by side, in
// the order of align_sections(), each finding at the step it points at.
#include <fmt/format.h>

#include <accord/align.hpp>
#include <accord/html_report.hpp>
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <utility>

#include "report/html_report_internal.hpp"

namespace accord::html {
namespace {

using json = nlohmann::ordered_json;
constexpr std::size_t k_none = static_cast<std::size_t>(-1);

// Where each finding of a pair goes, and what it highlights in the target.
struct Layout {
  std::vector<AlignedPair> steps;
  std::vector<std::vector<const Finding*>> at_step;
  std::vector<const Finding*> at_front_matter;
  std::vector<const Finding*> at_pair;  // no section or line to attach to
  std::map<const Finding*, std::size_t> ids;
  std::map<std::size_t, const Finding*> marked_sections;  // target section → finding
  std::map<std::pair<std::size_t, std::size_t>, const Finding*> marked_blocks;
  std::map<int, const Finding*> marked_keys;  // target front-matter line → finding
};

std::string esc(std::string_view text) { return html_escape(text); }

// The last section starting at or before LINE: the one LINE falls in.
std::optional<std::size_t> section_at(const Document& doc, int line) {
  std::optional<std::size_t> found;
  for (std::size_t k = 0; k < doc.sections.size(); ++k) {
    if (doc.sections[k].line <= line) found = k;
  }
  return found;
}

std::optional<int> int_field(const json& evidence, const char* key) {
  if (!evidence.is_object()) return std::nullopt;
  auto it = evidence.find(key);
  if (it == evidence.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int>();
}

// Findings of "untranslated" carry the line of the section or of the block.
// The preamble's line is its first block's, so only the evidence tells a
// whole-preamble finding (it names its source counterpart) from a block one.
void mark_untranslated(const Finding& f, const Document& target, std::size_t k, Layout& layout) {
  const Section& section = target.sections[k];
  bool whole = f.line == section.line &&
               (!section.is_preamble() || int_field(f.evidence, "source_line").has_value());
  if (whole) {
    layout.marked_sections.emplace(k, &f);
    return;
  }
  for (std::size_t b = 0; b < section.blocks.size(); ++b) {
    const Block& block = section.blocks[b];
    if (block.line <= f.line && f.line <= block.end_line) {
      layout.marked_blocks.emplace(std::pair{k, b}, &f);
      return;
    }
  }
  layout.marked_sections.emplace(k, &f);
}

Layout lay_out(const ReportPair& pair) {
  Layout layout;
  AlignOptions options;
  options.source_language = pair.source_language;
  options.target_language = pair.target_language;
  // The same alignment check_pair() worked on, so that findings land where
  // the rules saw them.
  layout.steps = align_sections(pair.source, pair.target, options);
  layout.at_step.resize(layout.steps.size());
  std::vector<std::size_t> step_of_source(pair.source.sections.size(), k_none);
  std::vector<std::size_t> step_of_target(pair.target.sections.size(), k_none);
  for (std::size_t s = 0; s < layout.steps.size(); ++s) {
    for (auto i : layout.steps[s].source) step_of_source.at(i) = s;
    for (auto i : layout.steps[s].target) step_of_target.at(i) = s;
  }

  for (const Finding& f : pair.findings) {
    bool in_target = f.file == pair.target_file;
    if (!in_target && f.file != pair.source_file) {
      layout.at_pair.push_back(&f);
      continue;
    }
    const Document& doc = in_target ? pair.target : pair.source;
    const auto& steps_of = in_target ? step_of_target : step_of_source;

    if (f.rule == "missing-section") {
      // Its line is where the section should go; the gap row is the step of
      // the source section it names.
      auto source_line = int_field(f.evidence, "source_line");
      std::size_t step = k_none;
      for (std::size_t i = 0; source_line && i < pair.source.sections.size(); ++i) {
        if (pair.source.sections[i].line == *source_line) step = step_of_source[i];
      }
      if (step != k_none) {
        layout.at_step[step].push_back(&f);
        continue;
      }
    }
    const FrontMatter& fm = doc.front_matter;
    bool in_front_matter = fm.line > 0 && f.line >= fm.line && f.line <= fm.end_line;
    if (f.section.is_null() &&
        (in_front_matter || f.rule.find("front-matter") != std::string::npos)) {
      layout.at_front_matter.push_back(&f);
      if (in_target && f.rule == "untranslated-front-matter")
        layout.marked_keys.emplace(f.line, &f);
      continue;
    }
    auto k = f.line > 0 ? section_at(doc, f.line) : std::nullopt;
    if (!k || steps_of[*k] == k_none) {
      layout.at_pair.push_back(&f);
      continue;
    }
    layout.at_step[steps_of[*k]].push_back(&f);
    if (in_target && f.rule == "untranslated") mark_untranslated(f, pair.target, *k, layout);
  }
  return layout;
}

std::string string_field(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Evidence values as a reader wants them: "en 0.99, et 0.01", "yes",
// "0123456789ab 2024-05-01 “summary” (number: 30 → 60)".
std::string evidence_value(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_null()) return "none";
  if (v.is_object() && v.contains("commit")) {
    std::string out = string_field(v, "commit").substr(0, 12);
    std::string date = string_field(v, "date").substr(0, 10);
    if (!date.empty()) out += " " + date;
    std::string summary = string_field(v, "summary");
    if (!summary.empty()) out += " “" + summary + "”";
    auto reasons = v.find("reasons");
    if (reasons != v.end() && reasons->is_array() && !reasons->empty()) {
      out += " (" + evidence_value(*reasons) + ")";
    }
    return out;
  }
  if (v.is_object() && v.contains("kind") && (v.contains("old") || v.contains("new"))) {
    std::string before = string_field(v, "old");
    std::string after = string_field(v, "new");
    std::string out = string_field(v, "kind");
    if (before.empty() && after.empty()) return out;
    return out + ": " + (before.empty() ? "—" : before) + " → " + (after.empty() ? "—" : after);
  }
  if (v.is_object()) {
    std::string out;
    for (const auto& [key, value] : v.items()) {
      if (!out.empty()) out += ", ";
      out += key + " " + evidence_value(value);
    }
    return out;
  }
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) {
      if (!out.empty()) out += item.is_object() ? "; " : ", ";
      out += evidence_value(item);
    }
    return out.empty() ? "none" : out;
  }
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The word diff of an outdated section's source (evidence "source_diff":
// [{"op": "equal"|"insert"|"delete", "text"}]), in the source's language.
void render_source_diff(const json& diff, const ReportPair& pair, std::string& out) {
  out += "<p class=\"diff-label\">Source changes since the translation was last touched:</p>\n";
  out += "<p class=\"diff\" lang=\"" + esc(pair.source_language) + "\">";
  for (const auto& op : diff) {
    if (!op.is_object()) continue;
    std::string kind = string_field(op, "op");
    const char* tag = kind == "insert" ? "ins" : kind == "delete" ? "del" : nullptr;
    if (tag) out += fmt::format("<{}>", tag);
    escape_to(out, string_field(op, "text"));
    if (tag) out += fmt::format("</{}>", tag);
  }
  out += "</p>\n";
}

void render_finding(const Finding& f, std::size_t id, const ReportPair& pair, std::string& out) {
  std::string severity(to_string(f.severity));
  out += fmt::format(
      "<article class=\"finding sev-{0}\" id=\"f-{1}\" data-rule=\"{2}\" data-severity=\"{0}\" "
      "tabindex=\"-1\">\n<p class=\"fhead\"><span class=\"sev\">{0}</span> <span "
      "class=\"rule\">{2}</span> <span class=\"loc\">{3}{4}</span></p>\n<p class=\"msg\">",
      severity, id, esc(f.rule), esc(f.file), f.line > 0 ? ":" + std::to_string(f.line) : "");
  escape_to(out, f.message);
  out += "</p>\n";
  const json* diff = nullptr;
  if (f.evidence.is_object() && !f.evidence.empty()) {
    out += "<ul class=\"evidence\" aria-label=\"Evidence\">";
    for (const auto& [key, value] : f.evidence.items()) {
      if (key == "source_diff" && value.is_array()) {
        diff = &value;
        continue;
      }
      std::string label = key;
      std::replace(label.begin(), label.end(), '_', ' ');
      out +=
          "<li><span class=\"k\">" + esc(label) + "</span> " + esc(evidence_value(value)) + "</li>";
    }
    out += "</ul>\n";
  }
  if (diff) render_source_diff(*diff, pair, out);
  out += "</article>\n";
}

void render_findings(const std::vector<const Finding*>& findings, const ReportPair& pair,
                     const Layout& layout, std::string& out) {
  if (findings.empty()) return;
  out += "<div class=\"findings\">\n";
  for (const Finding* f : findings) render_finding(*f, layout.ids.at(f), pair, out);
  out += "</div>\n";
}

// A link from a highlighted block to its finding.
std::string badge(const Finding* mark, const Layout& layout) {
  if (!mark) return {};
  return fmt::format("<a class=\"badge\" href=\"#f-{}\" lang=\"en\">{}</a>", layout.ids.at(mark),
                     esc(mark->rule));
}

struct Side {
  const ReportPair& pair;
  bool source;
  std::string open_column(std::string_view extra = {}) const {
    const std::string& lang = source ? pair.source_language : pair.target_language;
    std::string label = lang;
    std::transform(label.begin(), label.end(), label.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return fmt::format("<div class=\"col {}{}\" lang=\"{}\" data-label=\"{}\">",
                       source ? "src" : "tgt", extra, esc(lang), esc(label));
  }
};

// BADGE: whether the block links to its finding itself; the blocks of a
// section flagged as a whole leave that to the section's heading.
void render_block(const Block& b, const Finding* mark, bool badged, const Layout& layout,
                  std::string& out) {
  out += fmt::format("<div class=\"block k-{}", to_string(b.kind));
  if (b.depth > 0) {
    // Two appends: GCC 12 at -O3 warns (-Wrestrict, a false positive) about
    // " d-" + to_string().
    out += " d-";
    out += std::to_string(std::min(b.depth, 6));
  }
  if (mark) out += " hl";
  out += fmt::format("\" data-line=\"{}\"", b.line);
  if (mark) out += " data-mark-rule=\"" + esc(mark->rule) + "\"";
  out += ">" + (badged ? badge(mark, layout) : std::string());
  bool prose = (b.kind == BlockKind::paragraph || b.kind == BlockKind::list_item ||
                b.kind == BlockKind::quote) &&
               !b.text.empty();
  // Prose shows as its plain text; markup that is not prose (HTML, code,
  // tables, shortcodes) as its source, escaped like everything else.
  out += prose ? "<p>" : "<pre>";
  escape_to(out, prose ? b.text : b.source);
  out += prose ? "</p>" : "</pre>";
  out += "</div>\n";
}

void render_heading(const Section& s, const Finding* mark, const Layout& layout, std::string& out) {
  if (s.is_preamble()) {
    out += fmt::format(
        "<h3 class=\"heading preamble{}\" data-line=\"{}\"{}>{}<span lang=\"en\">"
        "(text before the first heading)</span></h3>\n",
        mark ? " hl" : "", s.line, mark ? " data-mark-rule=\"" + esc(mark->rule) + "\"" : "",
        badge(mark, layout));
    return;
  }
  out +=
      fmt::format("<h3 class=\"heading{}\" data-line=\"{}\"{}>{}", mark ? " hl" : "", s.line,
                  mark ? " data-mark-rule=\"" + esc(mark->rule) + "\"" : "", badge(mark, layout));
  escape_to(out, s.raw_title);
  out += "</h3>\n";
}

// The finding that highlights a target block: its section's or its own.
const Finding* block_mark(const Layout& layout, std::size_t section, std::size_t block) {
  auto whole = layout.marked_sections.find(section);
  if (whole != layout.marked_sections.end()) return whole->second;
  auto it = layout.marked_blocks.find({section, block});
  return it == layout.marked_blocks.end() ? nullptr : it->second;
}

// Sections of one side of a step, headings and blocks in order.
void render_sections(const Side& side, const std::vector<std::size_t>& indices,
                     const Layout& layout, std::string& out) {
  const Document& doc = side.source ? side.pair.source : side.pair.target;
  if (indices.empty()) {
    out += side.open_column(" gap");
    out += side.source ? "<p class=\"gap-note\" lang=\"en\">No counterpart in the source</p>"
                       : "<p class=\"gap-note\" lang=\"en\">Missing in the translation</p>";
    out += "</div>\n";
    return;
  }
  out += side.open_column();
  for (auto k : indices) {
    const Finding* section_mark = nullptr;
    if (!side.source) {
      auto it = layout.marked_sections.find(k);
      if (it != layout.marked_sections.end()) section_mark = it->second;
    }
    render_heading(doc.sections[k], section_mark, layout, out);
    for (std::size_t b = 0; b < doc.sections[k].blocks.size(); ++b) {
      const Finding* mark = side.source ? nullptr : block_mark(layout, k, b);
      render_block(doc.sections[k].blocks[b], mark, mark && !section_mark, layout, out);
    }
  }
  out += "</div>\n";
}

// A 1–1 step: headings side by side, then the blocks as align_blocks()
// pairs them, so that each paragraph sits next to its translation.
void render_one_to_one(const ReportPair& pair, std::size_t s, std::size_t t, const Layout& layout,
                       std::string& out) {
  Side src{pair, true};
  Side tgt{pair, false};
  const Section& source = pair.source.sections[s];
  const Section& target = pair.target.sections[t];
  auto whole = layout.marked_sections.find(t);
  const Finding* section_mark = whole == layout.marked_sections.end() ? nullptr : whole->second;
  out += "<div class=\"row\">" + src.open_column();
  render_heading(source, nullptr, layout, out);
  out += "</div>" + tgt.open_column();
  render_heading(target, section_mark, layout, out);
  out += "</div></div>\n";

  AlignOptions options;
  options.source_language = pair.source_language;
  options.target_language = pair.target_language;
  for (const auto& step : align_blocks(source, target, options)) {
    out += "<div class=\"row\">" + src.open_column();
    for (auto b : step.source) render_block(source.blocks[b], nullptr, false, layout, out);
    out += "</div>" + tgt.open_column();
    for (auto b : step.target) {
      render_block(target.blocks[b], block_mark(layout, t, b), !section_mark, layout, out);
    }
    out += "</div></div>\n";
  }
}

std::string value_text(const json& value) {
  return value.is_string() ? value.get<std::string>()
                           : value.dump(-1, ' ', false, json::error_handler_t::replace);
}

void render_front_matter(const ReportPair& pair, std::size_t index, const Layout& layout,
                         std::string& out) {
  const auto& src = pair.source.front_matter.entries;
  const auto& tgt = pair.target.front_matter.entries;
  if (src.empty() && tgt.empty() && layout.at_front_matter.empty()) return;
  Side source{pair, true};
  Side target{pair, false};
  out += fmt::format("<div class=\"step fm\" id=\"pair-{}-fm\">\n", index);
  out += "<div class=\"row\">" + source.open_column() +
         "<h3 class=\"heading\"><span lang=\"en\">Front matter</span></h3></div>" +
         target.open_column() + "<h3 class=\"heading\"><span lang=\"en\">Front matter</span></h3>" +
         "</div></div>\n";
  // Keys in source order, then the keys only the target has.
  std::vector<std::string> keys;
  for (const auto& e : src) keys.push_back(e.key);
  for (const auto& e : tgt) {
    if (!pair.source.front_matter.find(e.key)) keys.push_back(e.key);
  }
  for (const auto& key : keys) {
    out += "<div class=\"row\">";
    for (const Side& side : {source, target}) {
      const FrontMatter& fm = side.source ? pair.source.front_matter : pair.target.front_matter;
      const FrontMatterEntry* e = fm.find(key);
      const Finding* mark = nullptr;
      if (e && !side.source) {
        auto it = layout.marked_keys.find(e->line);
        if (it != layout.marked_keys.end()) mark = it->second;
      }
      out += side.open_column(e ? "" : " gap");
      if (e) {
        out += fmt::format("<div class=\"block fmkey{}\" data-line=\"{}\"{}>{}", mark ? " hl" : "",
                           e->line, mark ? " data-mark-rule=\"" + esc(mark->rule) + "\"" : "",
                           badge(mark, layout));
        out += "<span class=\"k\" lang=\"en\">" + esc(key) + "</span> <span class=\"v\">" +
               esc(value_text(e->value)) + "</span></div>";
      }
      out += "</div>";
    }
    out += "</div>\n";
  }
  render_findings(layout.at_front_matter, pair, layout, out);
  out += "</div>\n";
}

}  // namespace

void render_pair(const ReportPair& pair, std::size_t index, std::size_t& next_finding,
                 std::string& out) {
  Layout layout = lay_out(pair);
  // Ids in page order, so that j/k walk the page top to bottom.
  for (const Finding* f : layout.at_pair) layout.ids[f] = next_finding++;
  for (const Finding* f : layout.at_front_matter) layout.ids[f] = next_finding++;
  for (const auto& list : layout.at_step) {
    for (const Finding* f : list) layout.ids[f] = next_finding++;
  }

  Side source{pair, true};
  Side target{pair, false};
  std::string source_name = language_name(pair.source_language);
  std::string target_name = language_name(pair.target_language);
  out += fmt::format(
      "<section class=\"pair\" id=\"pair-{0}\" aria-labelledby=\"pair-{0}-title\">\n"
      "<h2 id=\"pair-{0}-title\"><code>{1}</code> → <code>{2}</code></h2>\n"
      "<p class=\"pair-meta\">{3} → {4} · {5} findings</p>\n",
      index, esc(pair.source_file), esc(pair.target_file), esc(source_name), esc(target_name),
      pair.findings.size());
  out += "<div class=\"row colhead\">" + source.open_column() + "<span lang=\"en\">" +
         esc(source_name) + " (source)</span></div>" + target.open_column() + "<span lang=\"en\">" +
         esc(target_name) + " (translation)</span></div></div>\n";
  render_findings(layout.at_pair, pair, layout, out);
  render_front_matter(pair, index, layout, out);

  for (std::size_t s = 0; s < layout.steps.size(); ++s) {
    const AlignedPair& step = layout.steps[s];
    std::string classes = "step";
    if (step.source.empty() || step.target.empty()) classes += " gapped";
    if (step.moved) classes += " moved";
    out += fmt::format("<div class=\"{}\" id=\"pair-{}-s{}\">\n", classes, index, s + 1);
    if (step.moved) {
      out +=
          "<p class=\"step-note\">Moved: this section is in a different place in the "
          "translation</p>\n";
    }
    if (step.source.size() == 1 && step.target.size() == 1) {
      render_one_to_one(pair, step.source[0], step.target[0], layout, out);
    } else {
      out += "<div class=\"row\">";
      render_sections(source, step.source, layout, out);
      render_sections(target, step.target, layout, out);
      out += "</div>\n";
    }
    render_findings(layout.at_step[s], pair, layout, out);
    out += "</div>\n";
  }
  out += "</section>\n";
}

}  // namespace accord::html
