// accord diff [A [B]] DOC: what changed between two versions, section by
// section, and whether each change is substantial or editorial.
#include <fmt/format.h>

#include <accord/change.hpp>
#include <accord/config.hpp>
#include <accord/history.hpp>
#include <accord/langid.hpp>
#include <accord/report.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "doc_language.hpp"
#include "terminal.hpp"

namespace accord::cli {
namespace {

using json = nlohmann::ordered_json;

struct DiffOptions {
  std::vector<std::string> args;  // [A [B]] DOC
  std::string format = "text";
};

Document parse_text(const std::string& bytes, const std::string& label, std::size_t max_size) {
  auto text = decode_text(bytes, label, max_size);
  if (!text) throw Error(text.error());
  auto doc = parse_document(std::move(*text), label);
  if (!doc) throw Error(doc.error());
  return std::move(*doc);
}

const Section& shown_section(const SectionDiff& d, const Document& a, const Document& b) {
  return d.new_sections.empty() ? a.sections[d.old_sections[0]] : b.sections[d.new_sections[0]];
}

std::string describe(const Section& s) {
  if (s.is_preamble()) return "preamble";
  if (s.number.empty()) return fmt::format("\"{}\"", s.title);
  return fmt::format("{} \"{}\"", s.number, s.title);
}

// The equal runs far from a change are cut to their ends.
std::string shorten(const std::string& text, bool keep_start, bool keep_end) {
  constexpr std::size_t k_context = 40;
  if (text.size() <= 2 * k_context + 5) return text;
  std::string out;
  if (keep_start) out += text.substr(0, k_context);
  out += " … ";
  if (keep_end) out += text.substr(text.size() - k_context);
  return out;
}

std::string render_diff(const std::vector<DiffOp>& ops, const Style& style, bool markdown) {
  std::string out;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    const auto& op = ops[k];
    std::string text = op.text;
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (op.kind == DiffOp::Kind::equal) {
      out += shorten(text, k > 0, k + 1 < ops.size());
    } else if (op.kind == DiffOp::Kind::remove) {
      out += markdown ? "~~" + text + "~~" : style.enabled() ? style.red(text) : "[-" + text + "-]";
    } else {
      out += markdown          ? "**" + text + "**"
             : style.enabled() ? style.green(text)
                               : "{+" + text + "+}";
    }
  }
  return out;
}

int run_diff(const DiffOptions& opts, const GlobalOptions& global) {
  if (opts.args.empty() || opts.args.size() > 3) {
    throw Error("", 0, "accord diff takes [A [B]] DOC", "see 'accord diff --help'");
  }
  const std::string& doc = opts.args.back();
  std::string from = opts.args.size() >= 2 ? opts.args[0] : "HEAD";
  std::string to = opts.args.size() == 3 ? opts.args[1] : "";
  // Kept until exit, with its object cache: see keep_until_exit.
  GitDocument& git = make_until_exit<GitDocument>(doc);
  VersionText old_version = git.text_at(from);
  Document old_doc = parse_text(old_version.text, fmt::format("{}:{}", from, old_version.path),
                                global.max_file_size);
  std::string to_label = to.empty() ? "working tree" : to;
  std::string new_commit;
  Document new_doc;
  if (to.empty()) {
    new_doc = read_document(doc, {}, global.max_file_size);
  } else {
    VersionText v = git.text_at(to);
    new_commit = v.commit;
    new_doc = parse_text(v.text, fmt::format("{}:{}", to, v.path), global.max_file_size);
  }
  std::string language = document_language(doc);
  WordChecker known = lazy_speller(language);
  auto diffs = diff_documents(old_doc, new_doc, language, known);

  if (opts.format == "json") {
    json out;
    out["version"] = 1;
    out["file"] = git.path();
    out["from"] = json{{"rev", from}, {"commit", old_version.commit}};
    out["to"] = to.empty() ? json{{"rev", nullptr}, {"commit", nullptr}}
                           : json{{"rev", to}, {"commit", new_commit}};
    out["language"] = language;
    out["sections"] = json::array();
    for (const auto& d : diffs) {
      json j;
      j["section"] = section_ref(shown_section(d, old_doc, new_doc));
      j["old_section"] =
          d.old_sections.empty() ? json(nullptr) : section_ref(old_doc.sections[d.old_sections[0]]);
      j["status"] = to_string(d.status);
      j["classification"] = d.classification.substantial ? "substantial" : "editorial";
      j["reasons"] = reasons_json(d.classification);
      j["diff"] = json::array();
      for (const auto& op : d.diff)
        j["diff"].push_back(json{{"op", to_string(op.kind)}, {"text", op.text}});
      out["sections"].push_back(std::move(j));
    }
    print(json_text(out));
    return k_exit_ok;
  }

  bool markdown = opts.format == "markdown";
  Style style(global, stdout);
  std::string out;
  if (markdown) {
    out += fmt::format("# Changes to {}: {} → {}\n\n", git.path(), from, to_label);
  } else {
    out += style.bold(fmt::format("{}: {} -> {}", git.path(), from, to_label)) + "\n";
  }
  std::size_t substantial = 0;
  for (const auto& d : diffs) {
    substantial += d.classification.substantial;
    const Section& s = shown_section(d, old_doc, new_doc);
    std::string kind = d.classification.substantial ? "substantial" : "editorial";
    std::string reasons;
    for (const auto& r : d.classification.reasons)
      reasons += (reasons.empty() ? "" : "; ") + to_string(r);
    std::string body = render_diff(d.diff, style, markdown);
    if (markdown) {
      out += fmt::format("## Section {}: {}, {}\n\n- {}\n\n> {}\n\n", describe(s),
                         to_string(d.status), kind, reasons, body);
    } else {
      out += fmt::format(
          "\n{} {} ({}): {}\n  {}\n", style.cyan("section " + describe(s)), to_string(d.status),
          d.classification.substantial ? style.red(kind) : style.green(kind), reasons, body);
    }
  }
  out += fmt::format("{}{} section{} changed, {} substantial\n", markdown ? "\n" : "\n",
                     diffs.size(), diffs.size() == 1 ? "" : "s", substantial);
  print_text(out, style);
  return k_exit_ok;
}

}  // namespace

Command diff_command() {
  return {"diff", "Compare two versions of a document section by section: substantial or editorial",
          [](CLI::App& app, const GlobalOptions& global) {
            auto opts = std::make_shared<DiffOptions>();
            app.add_option("ARGS", opts->args, "[A [B]] DOC: revisions and the document")
                ->required()
                ->expected(1, 3);
            app.add_option("--format", opts->format, "Output format")
                ->check(CLI::IsMember({"text", "json", "markdown"}))
                ->capture_default_str();
            app.footer(
                "With DOC alone: HEAD against the working tree. With A DOC: A against the working\n"
                "tree. With A B DOC: A against B. Sections are aligned first, so moved and\n"
                "renumbered sections are not shown as removed and added. Without colour, removed\n"
                "words show as [-…-] and added words as {+…+}.\n\n"
                "Editorial: white space, punctuation, letter case, quote/dash style, markup,\n"
                "renumbering, typo fixes (hunspell). Anything else is substantial.\n\n"
                "Examples:\n"
                "  accord diff content/privacy.en.md\n"
                "  accord diff v1 v2 content/privacy.en.md --format json\n"
                "  accord diff policy/content/privacy.en.md/2026-01-19 HEAD content/privacy.en.md");
            return [opts, &global] { return run_diff(*opts, global); };
          }};
}

}  // namespace accord::cli
