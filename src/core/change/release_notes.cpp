#include <fmt/format.h>

#include <accord/release_notes.hpp>
#include <algorithm>
#include <set>
#include <tuple>

namespace accord {
namespace {

using json = nlohmann::ordered_json;

// The words of the notes in one language. Languages other than en and et
// get English, as describe_reason does.
struct Labels {
  const char* substantial;
  const char* editorial;
  const char* none;
  const char* no_changes;
  const char* translation_only;
  const char* status;
  const char* status_ok;
  const char* untranslated;
  const char* outdated;
  const char* missing;
  const char* effective;
  const char* preamble;
  // Publication sentences, fmt syntax with {published}, {effective}, {period}.
  const char* published;
  const char* published_undated;
  const char* planned_notice;
  const char* planned_editorial;
  const char* planned_no_period;
  const char* unpublished_notice;
  const char* unpublished_editorial;
  const char* unpublished_no_period;
};

const Labels& labels(std::string_view language) {
  static const Labels en{
      "Substantial changes",
      "Editorial changes",
      "none",
      "No changes.",
      "in this translation only",
      "Translation status",
      "every section is translated and up to date",
      "not translated",
      "outdated (the source changed substantially since it was last translated)",
      "missing (the section has no translation)",
      "Effective date",
      "the preamble",
      "published on {published}; takes effect on {effective}.",
      "published; takes effect on {effective}.",
      "not published yet. Published on {published}, it takes effect on {effective}, {period} "
      "later.",
      "not published yet. Published on {published}, it takes effect the same day (no "
      "substantial changes).",
      "not published yet, and the policy states no notice period: the effective date is unknown.",
      "not published yet; takes effect {period} after publication.",
      "not published yet; takes effect on publication (no substantial changes).",
      "not published yet, and the policy states no notice period: the effective date is unknown."};
  static const Labels et{
      "Sisulised muudatused",
      "Toimetuslikud muudatused",
      "puuduvad",
      "Muudatusi pole.",
      "ainult selles tõlkes",
      "Tõlke seis",
      "kõik jaotised on tõlgitud ja ajakohased",
      "tõlkimata",
      "aegunud (lähtetekst on pärast viimast tõlkimist sisuliselt muutunud)",
      "puudub (jaotis on tõlkimata)",
      "Jõustumine",
      "sissejuhatus",
      "avaldatud {published}; jõustub {effective}.",
      "avaldatud; jõustub {effective}.",
      "pole veel avaldatud. Avaldamisel {published} jõustub {effective}, {period} hiljem.",
      "pole veel avaldatud. Avaldamisel {published} jõustub samal päeval (sisulisi muudatusi "
      "pole).",
      "pole veel avaldatud ja poliitika ei nimeta teavitamisaega: jõustumise kuupäev pole teada.",
      "pole veel avaldatud; jõustub {period} pärast avaldamist.",
      "pole veel avaldatud; jõustub avaldamisel (sisulisi muudatusi pole).",
      "pole veel avaldatud ja poliitika ei nimeta teavitamisaega: jõustumise kuupäev pole teada."};
  return language == "et" ? et : en;
}

std::string section_name(const std::string& number, const std::string& title, bool preamble,
                         const Labels& w, std::string_view language) {
  return preamble ? std::string(w.preamble) : describe_section(number, title, language);
}

json string_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json section_json(const std::string& number, const std::string& title, bool preamble) {
  return json{{"number", string_or_null(number)},
              {"title", preamble ? json(nullptr) : json(title)}};
}

// Source section indices that DIFFS touch, on the newer side and the older.
std::pair<std::set<std::size_t>, std::set<std::size_t>> touched(
    const std::vector<SectionDiff>& diffs) {
  std::set<std::size_t> after, before;
  for (const auto& d : diffs) {
    after.insert(d.new_sections.begin(), d.new_sections.end());
    before.insert(d.old_sections.begin(), d.old_sections.end());
  }
  return {after, before};
}

// Whether the source section aligned with translation section INDEX is one
// DIFFS touch; a translation section with no source counterpart is not.
bool source_changed(const std::map<std::size_t, std::size_t>& counterparts, std::size_t index,
                    const std::set<std::size_t>& touched_sources) {
  for (const auto& [source, target] : counterparts) {
    if (target == index && touched_sources.count(source)) return true;
  }
  return false;
}

std::string publication_text(const DocumentNotes& d, const Labels& w, std::string_view language) {
  const Publication& p = d.publication;
  // Every label writes its dates as "on" the date ("jõustub 9. mail").
  const std::string published =
      p.published ? format_date(*p.published, language, DateForm::on) : "";
  const std::string effective =
      p.effective ? format_date(*p.effective, language, DateForm::on) : "";
  const std::string period = d.period ? describe_period(d.period->period, language) : "";
  const char* tmpl = nullptr;
  switch (p.state) {
    case Publication::State::published:
      tmpl = p.published ? w.published : w.published_undated;
      break;
    case Publication::State::planned:
      tmpl = !d.substantial ? w.planned_editorial
             : d.period     ? w.planned_notice
                            : w.planned_no_period;
      break;
    case Publication::State::unpublished:
      tmpl = !d.substantial ? w.unpublished_editorial
             : d.period     ? w.unpublished_notice
                            : w.unpublished_no_period;
      break;
  }
  return fmt::format(fmt::runtime(tmpl), fmt::arg("published", published),
                     fmt::arg("effective", effective), fmt::arg("period", period));
}

std::string change_line(const NoteChange& c, const Labels& w, std::string_view language) {
  std::string why = describe_status(c.section.status, language);
  if (why.empty()) {
    for (const auto& r : c.section.reasons) {
      why += (why.empty() ? "" : "; ") + describe_reason(r, language);
    }
  }
  std::string name = section_name(c.section.number, c.section.title, c.preamble, w, language);
  if (c.translation_only) name += fmt::format(" ({})", w.translation_only);
  return fmt::format("- {}: {}.\n", name, why);
}

std::string change_list(const LanguageNotes& l, bool substantial, const Labels& w) {
  std::string items;
  for (const auto& c : l.changes) {
    if (c.substantial == substantial) items += change_line(c, w, l.language);
  }
  const char* label = substantial ? w.substantial : w.editorial;
  if (items.empty()) return fmt::format("{}: {}.\n\n", label, w.none);
  return fmt::format("{}:\n\n{}\n", label, items);
}

std::string status_list(const LanguageNotes& l, const Labels& w) {
  if (l.issues.empty()) return fmt::format("{}: {}.\n\n", w.status, w.status_ok);
  std::string out = fmt::format("{}:\n\n", w.status);
  for (const auto& i : l.issues) {
    const char* what = i.rule == "outdated"          ? w.outdated
                       : i.rule == "missing-section" ? w.missing
                                                     : w.untranslated;
    out += fmt::format("- {}: {}.\n", section_name(i.number, i.title, i.preamble, w, l.language),
                       what);
  }
  return out + "\n";
}

}  // namespace

std::vector<NoteChange> note_changes(const ChangeSet& changes, std::string_view language,
                                     const WordChecker& known) {
  std::vector<NoteChange> out;
  const DocumentVersions& source = changes.source();
  for (const auto& d : changes.diffs()) {
    NoteChange c;
    c.section = changes.section_in(d, language);
    const bool removed = d.new_sections.empty();
    const Document& doc = removed ? source.before : source.after;
    c.preamble =
        doc.sections[removed ? d.old_sections.front() : d.new_sections.front()].is_preamble();
    c.substantial = d.classification.substantial;
    out.push_back(std::move(c));
  }
  const DocumentVersions* t = changes.translation(language);
  if (!t) return out;
  const auto [after, before] = touched(changes.diffs());
  for (const auto& d : diff_documents(t->before, t->after, t->language, known)) {
    const bool removed = d.new_sections.empty();
    const std::size_t index = removed ? d.old_sections.front() : d.new_sections.front();
    if (source_changed(changes.counterparts(language, !removed), index, removed ? before : after)) {
      continue;
    }
    const Section& s = (removed ? t->before : t->after).sections[index];
    NoteChange c;
    c.section.number = s.number;
    c.section.title = s.title;
    c.section.status = d.status;
    c.section.reasons = d.classification.reasons;
    c.preamble = s.is_preamble();
    c.substantial = d.classification.substantial;
    c.translation_only = true;
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<TranslationIssue> translation_issues(const std::vector<Finding>& findings) {
  std::vector<const Finding*> sorted;
  for (const auto& f : findings) {
    if (f.rule == "untranslated" || f.rule == "outdated" || f.rule == "missing-section") {
      sorted.push_back(&f);
    }
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Finding* a, const Finding* b) { return a->line < b->line; });
  std::vector<TranslationIssue> out;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const Finding* f : sorted) {
    TranslationIssue i;
    i.rule = f->rule;
    const json& s = f->section;
    if (s.is_object()) {
      if (s.value("number", json()).is_string()) i.number = s["number"].get<std::string>();
      if (s.value("title", json()).is_string()) i.title = s["title"].get<std::string>();
    }
    i.preamble = !s.is_object() || !s.value("title", json()).is_string();
    if (!seen.insert({i.rule, i.number, i.title}).second) continue;
    i.line = f->line;
    i.message = f->message;
    out.push_back(std::move(i));
  }
  return out;
}

Publication publication_of(const Version& version, const std::optional<Date>& published,
                           bool substantial, const std::optional<AppliedPeriod>& period) {
  Publication p;
  const CommitInfo& c = version.commit;
  p.commit = c.id;
  if (c.effective_source != EffectiveSource::commit) {
    p.state = Publication::State::published;
    p.published = c.published;
    p.effective = c.effective_date;
    p.source = c.effective_source;
    return p;
  }
  if (!published) return p;
  p.state = Publication::State::planned;
  p.published = published;
  if (!substantial) {
    p.effective = published;
  } else if (period) {
    p.effective = add_period(*published, period->period);
  }
  return p;
}

std::string render_release_notes(const ReleaseNotes& notes) {
  std::string out = fmt::format("# Release notes: {} → {}\n", notes.from, notes.to);
  for (const auto& d : notes.documents) {
    out += fmt::format("\n## {}\n", d.file);
    for (const auto& l : d.languages) {
      const Labels& w = labels(l.language);
      out += fmt::format("\n### {} ({}, {})\n\n", l.title, l.language, l.file);
      if (l.changes.empty()) {
        out += fmt::format("{}\n\n", w.no_changes);
      } else {
        out += change_list(l, true, w);
        out += change_list(l, false, w);
      }
      if (!l.source) out += status_list(l, w);
      std::string when = publication_text(d, w, l.language);
      out += fmt::format("{}: {}\n", w.effective, when);
    }
  }
  return out;
}

json to_json(const ReleaseNotes& notes) {
  json out;
  out["version"] = 1;
  out["from"] = notes.from;
  out["to"] = notes.to;
  out["documents"] = json::array();
  for (const auto& d : notes.documents) {
    json doc;
    doc["file"] = d.file;
    doc["source_language"] = d.source_language;
    doc["from_commit"] = d.from_commit;
    doc["to_commit"] = d.to_commit;
    doc["substantial"] = d.substantial;
    doc["notice_period"] = d.period ? json{{"amount", d.period->period.amount},
                                           {"unit", d.period->period.unit},
                                           {"phrase", string_or_null(d.period->period.phrase)},
                                           {"line", d.period->period.line},
                                           {"origin", to_string(d.period->origin)}}
                                    : json(nullptr);
    const Publication& p = d.publication;
    doc["publication"] =
        json{{"status", p.state == Publication::State::published ? "published"
                        : p.state == Publication::State::planned ? "planned"
                                                                 : "unpublished"},
             {"published", p.published ? json(p.published->to_string()) : json(nullptr)},
             {"effective", p.effective ? json(p.effective->to_string()) : json(nullptr)},
             {"recorded_by",
              p.state == Publication::State::published ? json(to_string(p.source)) : json(nullptr)},
             {"commit", p.commit}};
    doc["languages"] = json::array();
    for (const auto& l : d.languages) {
      json lj{{"language", l.language}, {"file", l.file}, {"title", l.title}, {"source", l.source}};
      lj["changes"] = json::array();
      for (const auto& c : l.changes) {
        json reasons = json::array();
        for (const auto& r : c.section.reasons) {
          reasons.push_back(json{{"kind", r.kind},
                                 {"old", string_or_null(r.old_value)},
                                 {"new", string_or_null(r.new_value)},
                                 {"text", describe_reason(r, l.language)}});
        }
        lj["changes"].push_back(
            json{{"section", section_json(c.section.number, c.section.title, c.preamble)},
                 {"status", to_string(c.section.status)},
                 {"classification", c.substantial ? "substantial" : "editorial"},
                 {"translation_only", c.translation_only},
                 {"reasons", std::move(reasons)}});
      }
      lj["translation_status"] = json::array();
      for (const auto& i : l.issues) {
        lj["translation_status"].push_back(
            json{{"rule", i.rule},
                 {"section", section_json(i.number, i.title, i.preamble)},
                 {"line", i.line},
                 {"message", i.message}});
      }
      doc["languages"].push_back(std::move(lj));
    }
    out["documents"].push_back(std::move(doc));
  }
  return out;
}

}  // namespace accord
