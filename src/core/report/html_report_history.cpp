// The notice status of the HTML report: what git history knows about each
// document's effective dates.
#include <accord/html_report.hpp>

namespace accord {

HistoryStatus history_status(const History& history, std::string file, std::string language,
                             const Date& today) {
  HistoryStatus status;
  status.file = std::move(file);
  status.language = std::move(language);
  status.versions = history.versions.size();
  status.truncated = history.truncated;
  if (const Version* v = version_in_force(history, today)) status.in_force = v->commit;
  for (const auto& v : history.versions) {
    if (today < v.commit.effective_date &&
        (!status.next || v.commit.effective_date < status.next->effective_date)) {
      status.next = v.commit;
    }
  }
  return status;
}

}  // namespace accord
