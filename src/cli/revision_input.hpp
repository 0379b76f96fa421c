// Documents read from git at a revision, for the commands that compare
// revisions (notice, notes), and the documents of a site opened in git.
#pragma once

#include <accord/document.hpp>
#include <accord/history.hpp>
#include <cstddef>
#include <string>

namespace accord::cli {

// A document as stored in one commit.
struct DocumentAt {
  std::string commit;  // the revision, resolved (40 hex)
  Document document;
};

// GIT's document at REV, decoded (invalid UTF-8 is reported as "REV:PATH")
// and parsed as DISPLAY (the name findings show). Throws Error for an unknown
// revision, a document not in it, bad text or bad front matter.
DocumentAt read_at(const GitDocument& git, const std::string& rev, const std::string& display,
                   const DocumentOptions& options, std::size_t max_size);

// The GitDocument of PATH (see GitDocument's constructor), kept until exit
// (see keep_until_exit) and sharing its repository, and so the object
// cache, with every document opened here before in the same work tree: a
// site with many pairs keeps one repository open, not one per document.
// Main thread only.
GitDocument& open_kept_document(const std::string& path);

}  // namespace accord::cli
