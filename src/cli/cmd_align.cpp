// accord align SOURCE TARGET: how accord pairs the sections (and blocks) of
// a document and its translation.
#include <fmt/format.h>

#include <accord/align.hpp>
#include <accord/config.hpp>
#include <accord/report.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "terminal.hpp"

namespace accord::cli {
namespace {

using json = nlohmann::ordered_json;

struct AlignCliOptions {
  std::string source;
  std::string target;
  std::string source_language;
  std::string target_language;
  std::string format = "text";
};

// "privacy.et.md" → "et"; "" when the name carries no language.
std::string language_of(const std::string& file) {
  std::string stem = std::filesystem::path(file).stem().string();
  auto dot = stem.rfind('.');
  if (dot == std::string::npos) return {};
  std::string lang = stem.substr(dot + 1);
  return lang.size() >= 2 && lang.size() <= 3 ? lang : std::string();
}

std::string name(const Section& s) {
  if (s.is_preamble()) return "(preamble)";
  return s.number.empty() ? s.title : s.number + " " + s.title;
}

double round2(double v) { return std::round(v * 100) / 100; }

json side_json(const Document& doc, const std::vector<std::size_t>& indices) {
  json out = json::array();
  for (auto i : indices) {
    json j = section_ref(doc.sections[i]);
    j["line"] = doc.sections[i].line;
    out.push_back(j);
  }
  return out;
}

json block_lines(const Section& s, const std::vector<std::size_t>& indices) {
  json out = json::array();
  for (auto i : indices) out.push_back(s.blocks[i].line);
  return out;
}

int run_align(const AlignCliOptions& opts, const GlobalOptions& global) {
  Config config = load_config(find_root(std::filesystem::path(opts.source).parent_path().empty()
                                            ? std::filesystem::path(".")
                                            : std::filesystem::path(opts.source).parent_path()));
  Document source = read_document(opts.source, config.document, global.max_file_size);
  Document target = read_document(opts.target, config.document, global.max_file_size);
  AlignOptions options;
  options.source_language = !opts.source_language.empty()       ? opts.source_language
                            : !language_of(opts.source).empty() ? language_of(opts.source)
                                                                : config.source_language;
  options.target_language = !opts.target_language.empty()       ? opts.target_language
                            : !language_of(opts.target).empty() ? language_of(opts.target)
                                                                : options.source_language;
  auto pairs = align_sections(source, target, options);

  if (opts.format == "json") {
    json out;
    out["version"] = 1;
    out["source"] = opts.source;
    out["target"] = opts.target;
    out["sections"] = json::array();
    for (const auto& p : pairs) {
      json j{{"source", side_json(source, p.source)},
             {"target", side_json(target, p.target)},
             {"confidence", round2(p.confidence)},
             {"moved", p.moved}};
      j["blocks"] = json::array();
      if (p.source.size() == 1 && p.target.size() == 1) {
        const Section& a = source.sections[p.source[0]];
        const Section& b = target.sections[p.target[0]];
        for (const auto& bp : align_blocks(a, b, options)) {
          j["blocks"].push_back(json{{"source_lines", block_lines(a, bp.source)},
                                     {"target_lines", block_lines(b, bp.target)},
                                     {"confidence", round2(bp.confidence)}});
        }
      }
      out["sections"].push_back(std::move(j));
    }
    print(json_text(out));
    return k_exit_ok;
  }

  Style style(global, stdout);
  std::string out = fmt::format("{} ({}) -> {} ({})\n", opts.source, options.source_language,
                                opts.target, options.target_language);
  for (const auto& p : pairs) {
    std::string left, right;
    for (auto i : p.source) left += (left.empty() ? "" : " + ") + name(source.sections[i]);
    for (auto i : p.target) right += (right.empty() ? "" : " + ") + name(target.sections[i]);
    if (left.empty()) left = style.yellow("(none)");
    if (right.empty()) right = style.yellow("(none)");
    int line =
        p.target.empty() ? source.sections[p.source[0]].line : target.sections[p.target[0]].line;
    out += fmt::format("{:>5}  {}  <->  {}  {}{}\n", line, left, right,
                       style.dim(fmt::format("{:.2f}", p.confidence)),
                       p.moved ? style.cyan(" moved") : "");
  }
  print_text(out, style);
  return k_exit_ok;
}

}  // namespace

Command align_command() {
  return {"align", "Show how the sections of a document and its translation are paired",
          [](CLI::App& app, const GlobalOptions& global) {
            auto opts = std::make_shared<AlignCliOptions>();
            app.add_option("SOURCE", opts->source, "Source document")->required();
            app.add_option("TARGET", opts->target, "Translated document")->required();
            app.add_option("--source-language", opts->source_language,
                           "Source language (default: from name.LANG.md, else the site's)");
            app.add_option("--target-language", opts->target_language,
                           "Target language (default: from name.LANG.md)");
            app.add_option("--format", opts->format, "Output format")
                ->check(CLI::IsMember({"text", "json"}))
                ->capture_default_str();
            app.footer(
                "Each row is one step of the alignment: 1-1, a missing (none) side, or a 2-1/1-2\n"
                "split or merge, with a confidence from 0 to 1. 'moved' marks sections paired out\n"
                "of order. The JSON form also aligns the blocks inside each 1-1 pair.\n\n"
                "Examples:\n"
                "  accord align content/privacy.en.md content/privacy.et.md\n"
                "  accord align a.en.md b.et.md --format json");
            return [opts, &global] { return run_align(*opts, global); };
          }};
}

}  // namespace accord::cli
