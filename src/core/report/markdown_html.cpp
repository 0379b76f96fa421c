#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <accord/report.hpp>
#include <cstdlib>
#include <memory>

namespace accord {

std::string markdown_to_html(std::string_view markdown) {
  // CMARK_OPT_DEFAULT is safe mode: no raw HTML, no javascript: links.
  std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &std::free);
  if (!html) throw std::bad_alloc();
  return html.get();
}

}  // namespace accord
