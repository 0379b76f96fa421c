// A notice template: the input, decoded as a template file is, rendered by
// render_notice with fixed content. Only {field}, {{ and }} are substituted,
// so the notice can never be larger than the template with every byte a
// field's text (fmt's width specs once made it 2 GB).
#include <accord/notice.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <string>

#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

int accord_fuzz_notice_template(const uint8_t* data, size_t size) {
  using accord::fuzz::require;
  auto text = accord::decode_text(accord::fuzz::as_text(data, size), "notice.md");
  if (!text || text->empty()) return 0;  // empty: the built-in template
  accord::NoticeContent content;
  content.language = size % 2 == 0 ? "de" : "et";
  content.document_title = "Privacy {title} {{";
  content.substantial = size % 3 != 0;
  content.published = accord::Date{2026, 4, 9};
  content.effective = accord::Date{2026, 5, 9};
  content.period = accord::NoticePeriod{30, "day", "", 0};
  content.sections.push_back({"1", "Scope", {}, accord::ChangeStatus::added});
  try {
    std::string notice = accord::render_notice(content, *text, "notice.md");
    const std::size_t longest = 200;  // every field's text here is shorter
    require(notice.size() <= text->size() * longest, "a notice is bounded by its template");
  } catch (const accord::Error& e) {
    require(e.failure().file == "notice.md", "a template error names the template");
    require(e.failure().line >= 1, "a template error names the line");
  }
  return 0;
}
