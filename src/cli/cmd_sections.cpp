// accord sections FILE: the document model, for people and for scripts.
#include <fmt/format.h>

#include <accord/document.hpp>
#include <accord/report.hpp>

#include "cli.hpp"
#include "terminal.hpp"

namespace accord::cli {
namespace {

struct SectionsOptions {
  std::string file;
  std::string format = "text";
};

std::string render_text(const Document& doc, const Style& style) {
  std::string out = fmt::format("{}\n", style.bold(doc.file));
  if (doc.front_matter.format != FrontMatterFormat::none) {
    out += fmt::format("  front matter ({}), lines {}-{}:", to_string(doc.front_matter.format),
                       doc.front_matter.line, doc.front_matter.end_line);
    for (const auto& e : doc.front_matter.entries) out += " " + e.key;
    out += "\n";
  }
  for (const auto& s : doc.sections) {
    std::string name = s.is_preamble() ? style.dim("(preamble)")
                       : s.number.empty()
                           ? style.bold(s.title)
                           : fmt::format("{} {}", style.cyan(s.number), style.bold(s.title));
    out += fmt::format(
        "  {:>5}-{:<5} {}{}  {}\n", s.line, s.end_line,
        s.level > 0 ? std::string(static_cast<std::size_t>(s.level), '#') + " " : "", name,
        style.dim(fmt::format("{} block{}", s.blocks.size(), s.blocks.size() == 1 ? "" : "s")));
  }
  out += fmt::format("{} titled section{}\n", doc.titled_section_count(),
                     doc.titled_section_count() == 1 ? "" : "s");
  return out;
}

}  // namespace

Command sections_command() {
  return {"sections", "Print a document's front matter and sections (the document model)",
          [](CLI::App& app, const GlobalOptions& global) {
            auto opts = std::make_shared<SectionsOptions>();
            app.add_option("FILE", opts->file, "Markdown file (Hugo page)")->required();
            app.add_option("--format", opts->format, "Output format")
                ->check(CLI::IsMember({"text", "json"}))
                ->capture_default_str();
            app.footer(
                "Examples:\n  accord sections content/privacy.et.md\n"
                "  accord sections content/privacy.et.md --format json | jq '.sections[].title'");
            return [opts, &global] {
              Document doc = read_document(opts->file, {}, global.max_file_size);
              if (opts->format == "json") {
                print(json_text(to_json(doc)));
              } else {
                Style style(global, stdout);
                print_text(render_text(doc, style), style);
              }
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace accord::cli
