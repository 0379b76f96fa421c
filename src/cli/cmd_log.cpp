// accord log DOC: the versions of a document, newest first, with their
// effective dates and the sections each one changed.
#include <fmt/format.h>
#include <unistd.h>

#include <accord/history.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "doc_language.hpp"
#include "terminal.hpp"

namespace accord::cli {
namespace {

struct LogCommandOptions {
  std::string doc;
  std::string format = "text";
  std::string rev = "HEAD";
};

// A progress line on stderr, only when stderr is a terminal and the walk has
// taken longer than half a second; erased when done.
class ProgressLine {
 public:
  ProgressLine() : m_enabled(isatty(fileno(stderr)) != 0) {}
  ~ProgressLine() { finish(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Erases the line, if one was shown.
  void finish() {
    if (*m_shown) std::fputs("\r\x1b[K", stderr);
    *m_shown = false;
  }

  ProgressCallback callback() const {
    if (!m_enabled) return {};
    auto start = std::chrono::steady_clock::now();
    auto last = std::make_shared<std::chrono::steady_clock::time_point>(start);
    return [start, last, shown = m_shown](std::size_t done, std::size_t total) noexcept {
      auto now = std::chrono::steady_clock::now();
      using std::chrono::milliseconds;
      if (now - start < milliseconds(500) || now - *last < milliseconds(100)) return;
      *last = now;
      *shown = true;
      if (total == 0) {
        std::fprintf(stderr, "\raccord: reading history: %zu commits", done);
      } else {
        std::fprintf(stderr, "\raccord: reading history: %zu/%zu commits", done, total);
      }
      std::fflush(stderr);
    };
  }

 private:
  bool m_enabled = false;
  std::shared_ptr<bool> m_shown = std::make_shared<bool>(false);
};

std::string section_name(const SectionChange& c) {
  if (c.preamble) return "(preamble)";
  if (c.number.empty()) return c.title;
  // Numbers are stored without their trailing dot ("1", "IV"); show them as
  // the headings read.
  return c.number + ". " + c.title;
}

std::string render_text(const History& h, const std::string& doc, const Style& style) {
  std::string out;
  for (const auto& v : h.versions) {
    out += style.yellow("commit " + v.commit.id) + "\n";
    out += fmt::format("Author:    {} <{}>\n", v.commit.author.name, v.commit.author.email);
    out += fmt::format("Date:      {}\n", v.commit.committer.iso_time());
    out += fmt::format("Effective: {} ({})\n", style.bold(v.commit.effective_date.to_string()),
                       to_string(v.commit.effective_source));
    if (v.commit.published) {
      out += fmt::format("Published: {}\n", v.commit.published->to_string());
    }
    if (v.path != h.path) out += fmt::format("Path:      {}\n", v.path);
    if (!v.renamed_from.empty()) {
      out += fmt::format("Renamed:   from {}\n", v.renamed_from);
    }
    out += fmt::format("\n    {}\n\n", v.commit.summary);
    if (v.at_truncation) {
      out += style.dim("    (history is truncated here: changes unknown)") + "\n\n";
    } else if (v.unreadable) {
      out += style.dim("    (sections unknown: " + v.unreadable->to_string() + ")") + "\n\n";
    } else if (v.changes.empty()) {
      out += style.dim("    (no section text changed)") + "\n\n";
    } else {
      for (const auto& c : v.changes) {
        std::string status(to_string(c.status));
        std::string padded = fmt::format("{:<8}", status);
        std::string coloured = c.status == SectionStatus::added     ? style.green(padded)
                               : c.status == SectionStatus::removed ? style.red(padded)
                                                                    : style.cyan(padded);
        std::string line = fmt::format("    {} ", coloured);
        if (c.classification) {
          std::string kind =
              fmt::format("{:<11}", c.classification->substantial ? "substantial" : "editorial");
          line += (c.classification->substantial ? style.red(kind) : style.green(kind)) + " ";
        }
        line += section_name(c);
        if (c.classification && c.status == SectionStatus::changed) {
          std::string reasons;
          for (const auto& r : c.classification->reasons) {
            reasons += (reasons.empty() ? "" : "; ") + to_string(r);
          }
          line += style.dim(" (" + reasons + ")");
        }
        out += line + "\n";
      }
      out += "\n";
    }
  }
  out += fmt::format("{} version{} of {}\n", h.versions.size(), h.versions.size() == 1 ? "" : "s",
                     doc);
  if (h.truncated) out += style.yellow("note: " + h.truncated->message()) + "\n";
  return out;
}

}  // namespace

Command log_command() {
  return {"log", "List a document's versions in git with effective dates and changed sections",
          [](CLI::App& app, const GlobalOptions& global) {
            auto opts = std::make_shared<LogCommandOptions>();
            app.add_option("DOC", opts->doc, "Markdown file in a git work tree")->required();
            app.add_option("--format", opts->format, "Output format")
                ->check(CLI::IsMember({"text", "json"}))
                ->capture_default_str();
            app.add_option("--rev", opts->rev, "Revision to start from")->capture_default_str();
            app.footer(
                "Effective date: the commit's `Effective-Date: YYYY-MM-DD` trailer, else an\n"
                "annotated tag policy/<path>/<date> with that trailer, else the commit date\n"
                "in the committer's time zone. Renames (git mv) are followed.\n"
                "Sections are compared by number + title and normalised block text; each\n"
                "changed section is classified substantial or editorial, with reasons, by the\n"
                "change classifier in the document's language (as accord diff).\n\n"
                "Examples:\n  accord log content/privacy.en.md\n"
                "  accord log content/privacy.en.md --format json | jq '.versions[0]'\n\n"
                "See docs/history.md for the JSON schema.");
            return [opts, &global] {
              // Kept until exit, with what they read: see keep_until_exit.
              GitDocument& doc = make_until_exit<GitDocument>(opts->doc);
              ProgressLine progress;
              LogOptions options;
              options.rev = opts->rev;
              options.progress = progress.callback();
              const std::string language = document_language(opts->doc);
              options.classify = ClassifyOptions{language, lazy_speller(language)};
              const History& history = make_until_exit<History>(doc.log(options));
              progress.finish();
              for (const auto& w : history.warnings) {
                std::cerr << "accord: warning: " << terminal_safe(w.to_string()) << '\n';
              }
              if (opts->format == "json") {
                print(json_text(to_json(history)));
              } else {
                Style style(global, stdout);
                print_text(render_text(history, opts->doc, style), style);
              }
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace accord::cli
