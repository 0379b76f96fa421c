// The notice status of the HTML report: what git history knows about each
// document's effective dates.
#include <accord/error.hpp>
#include <accord/html_report.hpp>
#include <filesystem>

namespace accord {
namespace {

// Whether a folder at or above PATH has a .git entry (a folder, or the file
// of a linked work tree or submodule).
bool in_git_work_tree(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  if (ec) return false;
  for (p = p.parent_path(); !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) return true;
    if (p == p.parent_path()) break;
  }
  return false;
}

}  // namespace

HistoryStatus read_history_status(const std::string& path, std::string file, std::string language,
                                  const Date& today) {
  HistoryStatus status;
  status.file = std::move(file);
  status.language = std::move(language);
  if (!in_git_work_tree(path)) {
    status.unavailable = "not in a git repository";
    return status;
  }
  History history;
  try {
    GitDocument doc(path);
    LogOptions options;
    options.with_changes = false;
    history = doc.log(options);
  } catch (const Error& e) {
    // A document that is not committed yet, or a repository libgit2 cannot
    // read, costs this one row of the summary, not the whole report: the
    // reason is shown in its place.
    status.unavailable = "no history: " + e.failure().what;
    return status;
  }
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
