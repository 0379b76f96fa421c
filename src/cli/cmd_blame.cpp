// accord blame DOC: per section, the version that last changed it at all
// and the one that last changed it substantively.
#include <fmt/format.h>

#include <accord/history.hpp>
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "doc_language.hpp"
#include "terminal.hpp"

namespace accord::cli {
namespace {

struct BlameOptions {
  std::string doc;
  std::string format = "text";
  std::string rev = "HEAD";
};

std::string commit_line(const CommitInfo& c, const Style& style) {
  return fmt::format("{}  {}  {}", style.yellow(c.id.substr(0, 12)),
                     c.committer.local_date().to_string(), c.summary);
}

std::string render_text(const Blame& b, const std::string& doc, const Style& style) {
  std::string out = fmt::format("{} at {} (substantive: {}, see --help)\n", style.bold(doc),
                                b.commit.substr(0, 12), b.basis);
  for (const auto& s : b.sections) {
    std::string name = s.preamble         ? std::string("(preamble)")
                       : s.number.empty() ? s.title
                                          : s.number + ". " + s.title;
    out += fmt::format("\n{}  {}\n", style.bold(name), style.dim(fmt::format("line {}", s.line)));
    out += fmt::format("    last changed      {}\n", commit_line(s.last_changed, style));
    out += fmt::format("    last substantive  {}\n", commit_line(s.last_substantive, style));
    if (s.truncated) out += style.dim("    (or older: history is truncated)") + "\n";
  }
  if (b.truncated) out += "\n" + style.yellow("note: " + b.truncated->message()) + "\n";
  return out;
}

}  // namespace

Command blame_command() {
  return {
      "blame",
      "Show, per section, the commits that last changed it and last changed it substantively",
      [](CLI::App& app, const GlobalOptions& global) {
        auto opts = std::make_shared<BlameOptions>();
        app.add_option("DOC", opts->doc, "Markdown file in a git work tree")->required();
        app.add_option("--format", opts->format, "Output format")
            ->check(CLI::IsMember({"text", "json"}))
            ->capture_default_str();
        app.add_option("--rev", opts->rev, "Revision to blame")->capture_default_str();
        app.footer(
            "last changed: the newest version whose section text (normalised block text)\n"
            "differs from its parent's. last substantive: the newest version whose change\n"
            "of the section the change classifier calls substantial (as accord diff and\n"
            "log: not white space, punctuation, letter case, quote/dash style or a typo\n"
            "fix); basis \"classifier\" in JSON.\n\n"
            "Examples:\n  accord blame content/privacy.en.md\n"
            "  accord blame content/privacy.en.md --format json\n\n"
            "See docs/history.md for the JSON schema.");
        return [opts, &global] {
          // Kept until exit, with its object cache: see keep_until_exit.
          GitDocument& doc = make_until_exit<GitDocument>(opts->doc);
          const std::string language = document_language(opts->doc);
          Blame blame = doc.blame(opts->rev, {}, ClassifyOptions{language, lazy_speller(language)});
          for (const auto& w : blame.warnings) {
            std::cerr << "accord: warning: " << terminal_safe(w.to_string()) << '\n';
          }
          if (opts->format == "json") {
            print(json_text(to_json(blame)));
          } else {
            Style style(global, stdout);
            print_text(render_text(blame, opts->doc, style), style);
          }
          return static_cast<int>(k_exit_ok);
        };
      }};
}

}  // namespace accord::cli
