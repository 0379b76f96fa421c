#include "revision_input.hpp"

#include <accord/text.hpp>
#include <vector>

#include "cli.hpp"

namespace accord::cli {

DocumentAt read_at(const GitDocument& git, const std::string& rev, const std::string& display,
                   const DocumentOptions& options, std::size_t max_size) {
  VersionText v = git.text_at(rev);
  auto text = decode_text(v.text, rev + ":" + v.path, max_size);
  if (!text) throw Error(text.error());
  auto doc = parse_document(std::move(*text), display, options);
  if (!doc) throw Error(doc.error());
  return {std::move(v.commit), std::move(*doc)};
}

GitDocument& open_kept_document(const std::string& path) {
  static std::vector<const GitDocument*> opened;  // one per work tree
  GitDocument& doc = make_until_exit<GitDocument>(path);
  for (const GitDocument* other : opened) {
    if (doc.share_repository(*other)) return doc;
  }
  opened.push_back(&doc);
  return doc;
}

}  // namespace accord::cli
