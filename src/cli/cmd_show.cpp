// accord show DOC (--rev REV | --as-of DATE): a document's text at a
// revision, or the version in force on a date.
#include <fmt/format.h>

#include <accord/history.hpp>
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "terminal.hpp"

namespace accord::cli {
namespace {

struct ShowOptions {
  std::string doc;
  std::string rev;
  std::string as_of;
  std::string format = "text";
};

// The version of DOC in force on DATE; throws Error when there is none.
Version version_as_of(const GitDocument& doc, const std::string& name, const Date& date,
                      History* history) {
  LogOptions options;
  options.with_changes = false;
  *history = doc.log(options);
  if (const Version* v = version_in_force(*history, date)) return *v;
  if (history->truncated) {
    throw Error(name, 0,
                "cannot tell which version was in force on " + date.to_string() + ": " +
                    history->truncated->message());
  }
  const Version* first = nullptr;
  for (const auto& v : history->versions) {
    if (!first || v.commit.effective_date < first->commit.effective_date) first = &v;
  }
  std::string first_date = first ? first->commit.effective_date.to_string() : "?";
  throw Error(name, 0,
              "no version was in force on " + date.to_string() + ": the first version (" +
                  (first ? first->commit.id.substr(0, 12) : std::string("?")) +
                  ") takes effect on " + first_date,
              "pass a date on or after " + first_date + " (see `accord log " + name + "`)");
}

}  // namespace

Command show_command() {
  return {"show", "Print a document's text at a revision, or the version in force on a date",
          [](CLI::App& app, const GlobalOptions&) {
            auto opts = std::make_shared<ShowOptions>();
            app.add_option("DOC", opts->doc, "Markdown file in a git work tree")->required();
            auto* rev = app.add_option("--rev", opts->rev, "Revision (commit, branch, tag)");
            auto* as_of = app.add_option(
                "--as-of", opts->as_of,
                "Date YYYY-MM-DD: the version with the latest effective date on or before it");
            rev->excludes(as_of);
            as_of->excludes(rev);
            app.add_option("--format", opts->format,
                           "text: the document's bytes exactly; json: with commit and dates")
                ->check(CLI::IsMember({"text", "json"}))
                ->capture_default_str();
            app.footer(
                "One of --rev and --as-of is required. A version whose effective date is\n"
                "after DATE is not yet in force; a DATE before the first version is exit 2.\n\n"
                "Examples:\n  accord show content/privacy.en.md --rev v1.2\n"
                "  accord show content/privacy.en.md --as-of 2024-05-01\n\n"
                "See docs/history.md.");
            return [opts] {
              if (opts->rev.empty() && opts->as_of.empty()) {
                throw Error("accord show", 0, "needs --rev REV or --as-of DATE",
                            "see `accord show --help`");
              }
              // Kept until exit, with its object cache: see keep_until_exit.
              GitDocument& doc = make_until_exit<GitDocument>(opts->doc);
              VersionText text;
              History history;
              std::optional<Version> version;
              std::optional<Date> date;
              if (!opts->as_of.empty()) {
                date = parse_date(opts->as_of);
                if (!date) {
                  throw Error("--as-of", 0, "'" + opts->as_of + "' is not a calendar date",
                              "write it as YYYY-MM-DD, e.g. 2024-05-01");
                }
                version = version_as_of(doc, opts->doc, *date, &history);
                text = doc.text_of(*version);
                if (history.truncated) {
                  std::cerr << "accord: note: " << terminal_safe(history.truncated->message())
                            << '\n';
                }
              } else {
                text = doc.text_at(opts->rev);
              }
              if (opts->format == "json") {
                nlohmann::ordered_json j;
                j["version"] = 1;
                j["repository"] = doc.repository();
                j["path"] = text.path;
                j["commit"] = text.commit;
                j["as_of"] = date ? nlohmann::ordered_json(date->to_string()) : nullptr;
                j["in_force"] = version ? to_json(version->commit) : nullptr;
                j["text"] = text.text;
                print(json_text(j));
              } else {
                print(text.text);
              }
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace accord::cli
