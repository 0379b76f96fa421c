// accord publish DOC --published DATE: tag the version at HEAD with its
// publication and effective dates, keeping the notice the policy promises.
#include <fmt/format.h>

#include <accord/config.hpp>
#include <accord/langid.hpp>
#include <accord/publish.hpp>
#include <filesystem>
#include <optional>

#include "cli.hpp"
#include "doc_language.hpp"
#include "terminal.hpp"

namespace accord::cli {
namespace {

struct PublishCliOptions {
  std::string doc;
  std::string published;
  std::optional<std::string> effective;  // nullopt: not given ('' is refused by cli.cpp)
  bool force = false;
  std::optional<int> notice_days;
  std::string format = "text";
};

// The site's configuration (accord.toml, the Hugo config) around DOC.
Config site_config(const std::string& doc) {
  // Absolute, so that find_root can walk up past the folder named on the
  // command line.
  return load_config(find_root(std::filesystem::absolute(doc).parent_path()));
}

Date date_option(const std::string& value, const char* option) {
  auto date = parse_date(value);
  if (!date) {
    throw Error("", 0, fmt::format("{} '{}' is not a calendar date", option, value),
                "write it as YYYY-MM-DD, e.g. 2026-04-09");
  }
  return *date;
}

std::string days(int n) { return n == 1 ? "1 day's" : fmt::format("{} days'", n); }

// "section 6", "sections 6, 8", 'section "Cookies"', "the preamble".
std::string sections_text(const std::vector<PublishedSection>& sections) {
  std::string list;
  for (const auto& s : sections) {
    if (!list.empty()) list += ", ";
    if (s.preamble) {
      list += "the preamble";
    } else if (s.number.empty()) {
      list += fmt::format("\"{}\"", s.title);
    } else {
      list += s.number;
    }
  }
  if (sections.size() == 1 && sections.front().preamble) return list;
  return (sections.size() > 1 ? "sections " : "section ") + list;
}

std::string summary(const PublishResult& r) {
  // Without substantial changes, only a date before publication is forced.
  const std::string forced = r.forced ? "forced: effective before publication, " : "";
  if (r.previous_tag.empty()) return forced + "first publication";
  if (r.substantial.empty()) return forced + "no substantial changes since " + r.previous_tag;
  std::string notice =
      r.forced ? fmt::format("forced: {} notice, {} required", days(r.notice_days), r.required_days)
               : days(r.notice_days) + " notice";
  return fmt::format("{}: {} changed substantially", notice, sections_text(r.substantial));
}

int run_publish(const PublishCliOptions& opts, const GlobalOptions& global) {
  PublishOptions options;
  options.published = date_option(opts.published, "--published");
  if (opts.effective) options.effective = date_option(*opts.effective, "--effective");
  options.force = opts.force;
  Config config = site_config(opts.doc);
  options.notice_days = opts.notice_days ? opts.notice_days : config.notice_days;
  options.language = language_in_name(opts.doc).value_or(config.source_language);
  options.max_file_size = global.max_file_size;
  options.known = lazy_speller(options.language);

  PublishResult r = publish(opts.doc, options);
  if (opts.format == "json") {
    print(json_text(to_json(r)));
    return k_exit_ok;
  }
  print(terminal_safe(fmt::format("tagged {} at {}: published {}, effective {} ({})\n", r.tag,
                                  r.commit.substr(0, 12), r.published.to_string(),
                                  r.effective.to_string(), summary(r))));
  return k_exit_ok;
}

}  // namespace

Command publish_command() {
  return {
      "publish", "Tag the version at HEAD as published, effective after the promised notice",
      [](CLI::App& app, const GlobalOptions& global) {
        auto opts = std::make_shared<PublishCliOptions>();
        app.add_option("DOC", opts->doc, "The document, e.g. content/privacy.en.md")->required();
        app.add_option("--published", opts->published,
                       "The day the version is announced (YYYY-MM-DD)")
            ->required();
        app.add_option("--effective", opts->effective,
                       "The day it takes effect (default: published + the notice period when a "
                       "change is substantial, else published)");
        app.add_flag("--force", opts->force,
                     "Accept an --effective date earlier than the promised notice allows");
        app.add_option("--notice-days", opts->notice_days,
                       "Notice period in days (default: accord.toml's notice_days, else the "
                       "period read from the policy)")
            ->check(CLI::Range(0, 36500));
        app.add_option("--format", opts->format, "Output format")
            ->check(CLI::IsMember({"text", "json"}))
            ->capture_default_str();
        app.footer(
            "Creates the annotated tag policy/<path>/<effective date> on the commit that last\n"
            "changed DOC as of HEAD. Its message records Published:, Effective-Date: and\n"
            "Notice-Days:. The work tree must be clean; tags are never moved or overwritten.\n"
            "The tagger is git's user.name and user.email.\n\n"
            "Examples:\n"
            "  accord publish content/privacy.en.md --published 2026-04-09\n"
            "  accord publish content/privacy.en.md --published 2026-04-09 --effective "
            "2026-05-01\n\n"
            "See docs/publish.md.");
        return [opts, &global] { return run_publish(*opts, global); };
      }};
}

}  // namespace accord::cli
