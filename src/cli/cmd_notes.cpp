// accord notes: release notes between two revisions, for every document and
// language: substantial and editorial changes, translation status at the
// newer revision, and when the newer version takes effect.
#include <fmt/format.h>

#include <accord/change_set.hpp>
#include <accord/check.hpp>
#include <accord/history.hpp>
#include <accord/langid.hpp>
#include <accord/release_notes.hpp>
#include <algorithm>
#include <map>

#include "cli.hpp"
#include "pair_set.hpp"
#include "revision_input.hpp"
#include "terminal.hpp"

namespace accord::cli {
namespace {

struct NotesOptions {
  std::vector<std::string> paths;
  std::string from;
  std::string to;
  std::string published;  // empty: none given
  int notice_days = -1;   // < 0: none given
  std::string format = "markdown";
};

// A translation of the document, with its history as of --to for the
// check's history rules (outdated).
struct Side {
  const SelectedPair* pair;
  History history;
};

DocumentNotes notes_for(const std::vector<const SelectedPair*>& pairs, const NotesOptions& opts,
                        const std::optional<Date>& published, const LanguageIdentifier& langid,
                        const GlobalOptions& global) {
  const SelectedPair& first = *pairs.front();
  const Config& config = first.config;
  const std::string& source_language = first.pair.source_language;
  auto known_in = [&langid](const std::string& language) -> WordChecker {
    return [&langid, language](std::string_view w) { return langid.spells(w, language); };
  };
  LogOptions log;
  log.rev = opts.to;

  GitDocument source_git((config.root / first.pair.source).string());
  DocumentAt source_before =
      read_at(source_git, opts.from, first.source_display, config.document, global.max_file_size);
  DocumentAt source_after =
      read_at(source_git, opts.to, first.source_display, config.document, global.max_file_size);
  History source_history = source_git.log(log);

  std::vector<Side> targets;
  std::vector<DocumentVersions> translations;
  for (const SelectedPair* p : pairs) {
    GitDocument git((p->config.root / p->pair.target).string());
    translations.push_back(
        {p->pair.target_language,
         read_at(git, opts.from, p->target_display, p->config.document, global.max_file_size)
             .document,
         read_at(git, opts.to, p->target_display, p->config.document, global.max_file_size)
             .document});
    targets.push_back({p, git.log(log)});
  }
  const WordChecker known = known_in(source_language);
  const ChangeSet changes(
      {source_language, std::move(source_before.document), std::move(source_after.document)},
      std::move(translations), known);

  DocumentNotes d;
  d.file = first.source_display;
  d.source_language = source_language;
  d.from_commit = source_before.commit;
  d.to_commit = source_after.commit;
  d.substantial = changes.substantial();
  std::optional<int> option_days;
  if (opts.notice_days >= 0) option_days = opts.notice_days;
  d.period = applicable_notice_period(changes.source().before, changes.source().after,
                                      source_language, option_days, config.notice_days);
  if (!source_history.versions.empty()) {
    d.publication =
        publication_of(source_history.versions.front(), published, d.substantial, d.period);
  }

  const Document& source_doc = changes.source().after;
  d.languages.push_back({source_language,
                         first.source_display,
                         document_title(source_doc),
                         true,
                         note_changes(changes, source_language, known),
                         {}});
  for (const Side& t : targets) {
    const std::string& language = t.pair->pair.target_language;
    const Document& target_doc = changes.translation(language)->after;
    // The translation status as `accord check --rev TO` sees it.
    PairHistory history{source_history, t.history, known};
    PairInput input{
        source_doc,      target_doc, t.pair->source_display,           t.pair->target_display,
        source_language, language,   t.pair->config.translatable_keys, &history};
    d.languages.push_back({language, t.pair->target_display, document_title(target_doc), false,
                           note_changes(changes, language, known_in(language)),
                           translation_issues(check_pair(input, langid))});
  }
  return d;
}

int run_notes(const NotesOptions& opts, const GlobalOptions& global) {
  std::optional<Date> published;
  if (!opts.published.empty()) {
    published = parse_date(opts.published);
    if (!published) {
      throw Error("", 0, fmt::format("--published '{}' is not a date", opts.published),
                  "write it as YYYY-MM-DD");
    }
  }
  auto selected = select_pairs(opts.paths);
  if (selected.empty()) {
    throw Error("", 0, "no translation pairs found", "run 'accord pairs' to see why");
  }
  std::vector<std::string> languages;
  // Pairs grouped by their source document, in path order.
  std::map<std::string, std::vector<const SelectedPair*>> by_source;
  for (const auto& s : selected) {
    by_source[(s.config.root / s.pair.source).string()].push_back(&s);
    for (const auto& l : {s.pair.source_language, s.pair.target_language}) {
      if (std::find(languages.begin(), languages.end(), l) == languages.end())
        languages.push_back(l);
    }
  }
  const LanguageIdentifier langid(languages);

  ReleaseNotes notes;
  notes.from = opts.from;
  notes.to = opts.to;
  for (const auto& [source, pairs] : by_source) {
    notes.documents.push_back(notes_for(pairs, opts, published, langid, global));
  }
  print(opts.format == "json" ? json_text(to_json(notes))
                              : terminal_safe(render_release_notes(notes)));
  return k_exit_ok;
}

}  // namespace

Command notes_command() {
  return {"notes", "Write release notes between two revisions: changes, translation status, dates",
          [](CLI::App& app, const GlobalOptions& global) {
            auto opts = std::make_shared<NotesOptions>();
            app.add_option("PATH", opts->paths, "Site folders or documents (default: every pair)");
            app.add_option("--from", opts->from, "The older revision (commit, branch or tag)")
                ->required();
            app.add_option("--to", opts->to, "The newer revision")->required();
            app.add_option("--published", opts->published,
                           "Publication date, YYYY-MM-DD, for versions not yet published with "
                           "'accord publish'");
            app.add_option("--notice-days", opts->notice_days,
                           "Notice period in days (default: accord.toml's notice_days, else the "
                           "period the policy states)")
                ->check(CLI::Range(0, 36500));
            app.add_option("--format", opts->format, "Output format")
                ->check(CLI::IsMember({"markdown", "json"}))
                ->capture_default_str();
            app.footer(
                "Per source document and per language: the substantial and editorial changes\n"
                "from --from to --to (sections named in that language, reasons in plain words),\n"
                "changes made to a translation alone, the translation status at --to\n"
                "(untranslated, outdated and missing sections, as 'accord check --rev' finds\n"
                "them), and when the version at --to takes effect: the Published and\n"
                "Effective-Date 'accord publish' recorded, else --published plus the notice\n"
                "period (the longer of the two versions'; editorial changes need none).\n"
                "Dates are written per language by ICU (en \"April 9, 2026\", et \"9. aprill "
                "2026\").\n\n"
                "Exit codes: 0 written; 2 usage or input error (unknown revision, not a\n"
                "repository, a document missing from a revision); 3 internal error.\n\n"
                "Examples:\n"
                "  accord notes --from v1 --to v2\n"
                "  accord notes content/privacy.en.md --from v1 --to HEAD --published 2026-04-09\n"
                "  accord notes --from policy/content/privacy.en.md/2026-01-01 --to HEAD --format "
                "json");
            return [opts, &global] { return run_notes(*opts, global); };
          }};
}

}  // namespace accord::cli
