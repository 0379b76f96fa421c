// accord notice: the bilingual notice of substantial changes between two
// revisions, with the effective date the policy's own notice period gives.
#include <fmt/format.h>

#include <accord/change.hpp>
#include <accord/change_set.hpp>
#include <accord/history.hpp>
#include <accord/langid.hpp>
#include <accord/notice.hpp>
#include <accord/report.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli.hpp"
#include "pair_set.hpp"
#include "revision_input.hpp"
#include "terminal.hpp"

namespace accord::cli {
namespace {

using json = nlohmann::ordered_json;

struct NoticeCliOptions {
  std::vector<std::string> paths;
  std::string from;
  std::string to = "HEAD";
  std::string published;
  std::string languages;  // "et,en"; empty: source and every target
  std::string format = "markdown";
  int notice_days = -1;
};

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

int run_notice(const NoticeCliOptions& opts, const GlobalOptions& global) {
  auto published = parse_date(opts.published);
  if (!published) {
    throw Error("", 0, fmt::format("--published '{}' is not a date", opts.published),
                "write it as YYYY-MM-DD");
  }
  auto selected = select_pairs(opts.paths);
  // Group the pairs by their source document.
  std::map<std::string, std::vector<const SelectedPair*>> by_source;
  for (const auto& s : selected) by_source[(s.config.root / s.pair.source).string()].push_back(&s);

  json out_json;
  out_json["version"] = 1;
  out_json["documents"] = json::array();
  std::string out_text;
  for (const auto& [source_path, pairs] : by_source) {
    const SelectedPair& first = *pairs.front();
    const Config& config = first.config;
    const std::string source_language = first.pair.source_language;
    std::vector<std::string> all_languages = {source_language};
    for (const auto* p : pairs) all_languages.push_back(p->pair.target_language);
    LanguageIdentifier speller(all_languages);

    GitDocument source_git(source_path);
    DocumentVersions source{
        source_language,
        read_at(source_git, opts.from, first.source_display, config.document, global.max_file_size)
            .document,
        read_at(source_git, opts.to, first.source_display, config.document, global.max_file_size)
            .document};
    std::optional<int> option_days;
    if (opts.notice_days >= 0) option_days = opts.notice_days;
    auto applied = applicable_notice_period(source.before, source.after, source_language,
                                            option_days, config.notice_days);
    std::vector<DocumentVersions> versions;
    for (const auto* p : pairs) {
      GitDocument target_git((p->config.root / p->pair.target).string());
      versions.push_back(
          {p->pair.target_language,
           read_at(target_git, opts.from, p->target_display, config.document, global.max_file_size)
               .document,
           read_at(target_git, opts.to, p->target_display, config.document, global.max_file_size)
               .document});
    }
    WordChecker known = [&](std::string_view w) { return speller.spells(w, source_language); };
    const ChangeSet changes(std::move(source), std::move(versions), known);
    const bool substantial = changes.substantial();
    std::optional<NoticePeriod> period;
    std::string period_source;
    if (applied) {
      period = applied->period;
      period_source = applied->origin == PeriodOrigin::option        ? "--notice-days"
                      : applied->origin == PeriodOrigin::config      ? "accord.toml"
                      : applied->origin == PeriodOrigin::old_version ? opts.from
                                                                     : opts.to;
    }
    if (substantial && !period) {
      throw Error(first.source_display, 0,
                  "substantial changes, but the policy states no notice period",
                  "pass --notice-days N or set notice_days in accord.toml");
    }
    Date effective = substantial ? add_period(*published, *period) : *published;
    std::vector<std::string> languages =
        opts.languages.empty() ? all_languages : split_list(opts.languages);

    json doc_json;
    doc_json["file"] = first.source_display;
    doc_json["from"] = opts.from;
    doc_json["to"] = opts.to;
    doc_json["published"] = published->to_string();
    doc_json["effective"] = effective.to_string();
    doc_json["substantial"] = substantial;
    doc_json["notice_period"] = period && substantial ? json{{"amount", period->amount},
                                                             {"unit", period->unit},
                                                             {"phrase", period->phrase},
                                                             {"from", period_source}}
                                                      : json(nullptr);
    doc_json["sections"] = json::array();
    for (const auto& d : changes.diffs()) {
      NoticeSection s = changes.section_in(d, source_language);
      json reasons = json::array();
      for (const auto& r : d.classification.reasons)
        reasons.push_back(json{{"kind", r.kind}, {"old", r.old_value}, {"new", r.new_value}});
      doc_json["sections"].push_back(json{
          {"section",
           {{"number", s.number.empty() ? json(nullptr) : json(s.number)}, {"title", s.title}}},
          {"status", to_string(d.status)},
          {"classification", d.classification.substantial ? "substantial" : "editorial"},
          {"reasons", reasons}});
    }
    doc_json["notices"] = json::object();

    for (const auto& language : languages) {
      const DocumentVersions* t = changes.translation(language);
      if (language != source_language && !t) {
        throw Error(first.source_display, 0,
                    fmt::format("no {} translation to write a notice in", language),
                    "run 'accord pairs' to see the languages, or pass --lang");
      }
      NoticeContent content;
      content.language = language;
      content.document_title = document_title(t ? t->after : changes.source().after);
      content.substantial = substantial;
      content.published = *published;
      content.effective = effective;
      content.period = substantial ? period : std::nullopt;
      for (const auto& d : changes.diffs()) {
        auto s = changes.section_in(d, language);
        (d.classification.substantial ? content.sections : content.editorial)
            .push_back(std::move(s));
      }
      auto custom = read_notice_template(config, language);
      std::string notice =
          custom ? render_notice(content, custom->text, custom->file) : render_notice(content);
      doc_json["notices"][language] = notice;
      if (opts.format == "html") {
        out_text += fmt::format("<article lang=\"{}\">\n{}</article>\n", language,
                                markdown_to_html(notice));
      } else {
        if (!out_text.empty()) out_text += opts.format == "markdown" ? "\n---\n\n" : "\n";
        out_text += notice;
      }
    }
    out_json["documents"].push_back(std::move(doc_json));
  }

  if (opts.format == "json") {
    print(json_text(out_json));
  } else if (opts.format == "html") {
    print(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\n"
        "<title>Notice</title>\n</head>\n<body>\n" +
        out_text + "</body>\n</html>\n");
  } else {
    print(terminal_safe(out_text));
  }
  return k_exit_ok;
}

}  // namespace

Command notice_command() {
  return {
      "notice",
      "Write the notice of substantial changes, in each language, with the effective date",
      [](CLI::App& app, const GlobalOptions& global) {
        auto opts = std::make_shared<NoticeCliOptions>();
        app.add_option("PATH", opts->paths, "Site folders or documents (default: every pair)");
        app.add_option("--from", opts->from, "The revision published before")->required();
        app.add_option("--to", opts->to, "The revision being published")->capture_default_str();
        app.add_option("--published", opts->published, "Publication date, YYYY-MM-DD")->required();
        app.add_option("--lang", opts->languages, "Languages to write, e.g. et,en (default: all)");
        app.add_option("--notice-days", opts->notice_days,
                       "Notice period in days (default: accord.toml's notice_days, else the "
                       "period the policy states)")
            ->check(CLI::Range(0, 36500));
        app.add_option("--format", opts->format, "Output format")
            ->check(CLI::IsMember({"markdown", "text", "json", "html"}))
            ->capture_default_str();
        app.footer(
            "The effective date is the publication date plus the notice period the policy\n"
            "itself promises (\"at least 14 days before they become effective\"); when the\n"
            "old and new versions promise different periods, the longer applies. With only\n"
            "editorial changes the notice says so and they apply from the publication date.\n"
            "Dates are written per language by ICU (en \"April 9, 2026\", et \"9. aprill 2026\").\n"
            "Built-in templates: en, et; others via [notice_templates] in accord.toml.\n\n"
            "Exit codes: 0 written; 2 usage or input error, including substantial changes\n"
            "with no notice period (pass --notice-days).\n\n"
            "Examples:\n"
            "  accord notice --from v1 --to v2 --published 2026-04-09\n"
            "  accord notice content/privacy.en.md --from v1 --published 2026-04-09 --lang et\n"
            "  accord notice --from v1 --published 2026-04-09 --format json");
        return [opts, &global] { return run_notice(*opts, global); };
      }};
}

}  // namespace accord::cli
