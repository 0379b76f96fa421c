// accord pairs [PATH]: the translation pairs of a Hugo site.
#include <fmt/format.h>

#include <accord/site.hpp>
#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "terminal.hpp"

namespace accord::cli {
namespace {

struct PairsOptions {
  std::string path;
  std::string format = "text";
};

nlohmann::ordered_json to_json(const Config& config, const SiteScan& scan) {
  nlohmann::ordered_json out;
  out["version"] = 1;
  out["root"] = config.root.string();
  out["source_language"] = config.source_language;
  out["target_languages"] = scan.languages;
  out["pairs"] = nlohmann::ordered_json::array();
  for (const auto& p : scan.pairs) {
    out["pairs"].push_back({{"source", p.source},
                            {"target", p.target},
                            {"source_language", p.source_language},
                            {"target_language", p.target_language},
                            {"matched_by", p.matched_by}});
  }
  out["missing"] = nlohmann::ordered_json::array();
  for (const auto& m : scan.missing) {
    out["missing"].push_back({{"source", m.source}, {"language", m.language}});
  }
  return out;
}

std::string render_text(const SiteScan& scan, const Style& style) {
  std::string out;
  for (const auto& p : scan.pairs) {
    out += fmt::format("{} -> {}  {}\n", p.source, style.bold(p.target),
                       style.dim(fmt::format("({} -> {}, {})", p.source_language, p.target_language,
                                             p.matched_by)));
  }
  for (const auto& m : scan.missing) {
    out += fmt::format("{} -> {}\n", m.source,
                       style.yellow(fmt::format("no {} translation", m.language)));
  }
  out += fmt::format("{} pair{}, {} missing translation{}\n", scan.pairs.size(),
                     scan.pairs.size() == 1 ? "" : "s", scan.missing.size(),
                     scan.missing.size() == 1 ? "" : "s");
  return out;
}

}  // namespace

Command pairs_command() {
  return {
      "pairs", "List the translation pairs of a Hugo site (no configuration needed)",
      [](CLI::App& app, const GlobalOptions& global) {
        auto opts = std::make_shared<PairsOptions>();
        app.add_option("PATH", opts->path,
                       "Site root (default: nearest folder up with accord.toml, a Hugo "
                       "config or .git)");
        app.add_option("--format", opts->format, "Output format")
            ->check(CLI::IsMember({"text", "json"}))
            ->capture_default_str();
        app.footer(
            "Pairs are found three ways: name.LANG.md side by side, per-language contentDir "
            "trees\n(hugo.toml languages.LANG.contentDir), and translationKey in front matter.\n"
            "The source language is accord.toml's source_language, else Hugo's\n"
            "defaultContentLanguage, else en.\n\n"
            "Examples:\n  accord pairs\n  accord pairs fixtures/site --format json");
        return [opts, &global] {
          auto root = opts->path.empty() ? find_root(std::filesystem::current_path())
                                         : std::filesystem::path(opts->path);
          Config config = load_config(root, global.max_file_size);
          SiteScan scan = scan_site(config);
          for (const auto& note : scan.notes) fmt::print(stderr, "accord: note: {}\n", note);
          if (opts->format == "json") {
            print(json_text(to_json(config, scan)));
          } else {
            Style style(global, stdout);
            print_text(render_text(scan, style), style);
          }
          return static_cast<int>(k_exit_ok);
        };
      }};
}

}  // namespace accord::cli
