#include <accord/align.hpp>
#include <accord/change_set.hpp>
#include <algorithm>

namespace accord {
namespace {

std::map<std::size_t, std::size_t> align_map(const Document& source, const Document& target,
                                             const std::string& source_language,
                                             const std::string& target_language) {
  std::map<std::size_t, std::size_t> out;
  for (const auto& p : align_sections(source, target, {source_language, target_language, 0})) {
    if (p.source.empty() || p.target.empty()) continue;
    for (auto s : p.source) out[s] = p.target.front();
  }
  return out;
}

}  // namespace

std::string document_title(const Document& doc) {
  const FrontMatterEntry* e = doc.front_matter.find("title");
  return e && e->value.is_string() ? e->value.get<std::string>() : doc.file;
}

ChangeSet::ChangeSet(DocumentVersions source, std::vector<DocumentVersions> translations,
                     const WordChecker& known)
    : m_source(std::move(source)), m_translations(std::move(translations)) {
  m_diffs = diff_documents(m_source.before, m_source.after, m_source.language, known);
  for (const auto& t : m_translations) {
    m_before.push_back(align_map(m_source.before, t.before, m_source.language, t.language));
    m_after.push_back(align_map(m_source.after, t.after, m_source.language, t.language));
  }
}

bool ChangeSet::substantial() const {
  return std::any_of(m_diffs.begin(), m_diffs.end(),
                     [](const SectionDiff& d) { return d.classification.substantial; });
}

const DocumentVersions* ChangeSet::translation(std::string_view language) const {
  for (const auto& t : m_translations) {
    if (t.language == language) return &t;
  }
  return nullptr;
}

const std::map<std::size_t, std::size_t>& ChangeSet::counterparts(std::string_view language,
                                                                  bool after) const {
  static const std::map<std::size_t, std::size_t> k_none;
  for (std::size_t k = 0; k < m_translations.size(); ++k) {
    if (m_translations[k].language == language) return after ? m_after[k] : m_before[k];
  }
  return k_none;
}

NoticeSection ChangeSet::section_in(const SectionDiff& diff, std::string_view language) const {
  NoticeSection out;
  out.status = diff.status;
  out.reasons = diff.classification.reasons;
  const bool removed = diff.new_sections.empty();
  const Document& src = removed ? m_source.before : m_source.after;
  const std::size_t index = removed ? diff.old_sections.front() : diff.new_sections.front();
  const Section* section = &src.sections[index];
  if (const DocumentVersions* t = translation(language)) {
    const auto& map = counterparts(language, !removed);
    auto it = map.find(index);
    if (it != map.end()) section = &(removed ? t->before : t->after).sections[it->second];
  }
  out.number = section->number;
  out.title = section->title;
  return out;
}

std::string_view to_string(PeriodOrigin origin) {
  switch (origin) {
    case PeriodOrigin::option:
      return "option";
    case PeriodOrigin::config:
      return "config";
    case PeriodOrigin::old_version:
      return "old_version";
    case PeriodOrigin::new_version:
      return "new_version";
  }
  return "new_version";
}

std::optional<AppliedPeriod> applicable_notice_period(const Document& before, const Document& after,
                                                      std::string_view language,
                                                      std::optional<int> option_days,
                                                      std::optional<int> config_days) {
  if (option_days) return AppliedPeriod{{*option_days, "day", "", 0}, PeriodOrigin::option};
  if (config_days) return AppliedPeriod{{*config_days, "day", "", 0}, PeriodOrigin::config};
  auto a = find_notice_period(before, language);
  auto b = find_notice_period(after, language);
  // When the versions promise different periods, the longer applies.
  if (a && (!b || a->approximate_days() > b->approximate_days())) {
    return AppliedPeriod{std::move(*a), PeriodOrigin::old_version};
  }
  if (b) return AppliedPeriod{std::move(*b), PeriodOrigin::new_version};
  return std::nullopt;
}

}  // namespace accord
