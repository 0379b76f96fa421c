// Section-aware diff of two versions of one document.
#include <accord/align.hpp>
#include <accord/change.hpp>
#include <accord/text.hpp>
#include <algorithm>
#include <dtl/dtl.hpp>

namespace accord {
namespace {

std::string text_of(const Document& doc, const std::vector<std::size_t>& indices) {
  std::string out;
  for (auto i : indices) {
    const Section& s = doc.sections[i];
    if (!out.empty()) out += '\n';
    out += s.title;
    for (const auto& b : s.blocks) {
      if (b.text.empty()) continue;
      out += '\n';
      out += b.text;
    }
  }
  return out;
}

std::vector<std::string> urls_of(const Document& doc, const std::vector<std::size_t>& indices) {
  std::vector<std::string> out;
  for (auto i : indices) {
    for (const auto& b : doc.sections[i].blocks)
      out.insert(out.end(), b.urls.begin(), b.urls.end());
  }
  return out;
}

std::string source_of(const Document& doc, const std::vector<std::size_t>& indices) {
  std::string out;
  for (auto i : indices) {
    for (const auto& b : doc.sections[i].blocks) out += b.source + '\n';
  }
  return out;
}

}  // namespace

std::string_view to_string(DiffOp::Kind kind) {
  switch (kind) {
    case DiffOp::Kind::equal:
      return "equal";
    case DiffOp::Kind::insert:
      return "insert";
    case DiffOp::Kind::remove:
      return "delete";
  }
  return "equal";
}

std::string_view to_string(ChangeStatus status) {
  switch (status) {
    case ChangeStatus::changed:
      return "changed";
    case ChangeStatus::added:
      return "added";
    case ChangeStatus::removed:
      return "removed";
    case ChangeStatus::moved:
      return "moved";
    case ChangeStatus::renumbered:
      return "renumbered";
  }
  return "changed";
}

std::vector<DiffOp> word_diff(std::string_view old_text, std::string_view new_text,
                              std::string_view locale) {
  // One run, or none: what dtl finds, without tokenising (most sections of
  // a long diff are unchanged text under a new number).
  if (old_text == new_text || old_text.empty() || new_text.empty()) {
    std::vector<DiffOp> ops;
    if (old_text == new_text) {
      if (!old_text.empty()) ops.push_back({DiffOp::Kind::equal, std::string(old_text)});
    } else if (!old_text.empty()) {
      ops.push_back({DiffOp::Kind::remove, std::string(old_text)});
    } else {
      ops.push_back({DiffOp::Kind::insert, std::string(new_text)});
    }
    return ops;
  }
  std::vector<std::string> a, b;
  for_each_token(old_text, locale,
                 [&](std::string_view t, std::size_t, bool) { a.emplace_back(t); });
  for_each_token(new_text, locale,
                 [&](std::string_view t, std::size_t, bool) { b.emplace_back(t); });
  dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
  diff.onHuge();
  diff.compose();
  std::vector<DiffOp> ops;
  for (const auto& [token, info] : diff.getSes().getSequence()) {
    DiffOp::Kind kind = info.type == dtl::SES_COMMON ? DiffOp::Kind::equal
                        : info.type == dtl::SES_ADD  ? DiffOp::Kind::insert
                                                     : DiffOp::Kind::remove;
    if (!ops.empty() && ops.back().kind == kind) {
      ops.back().text += token;
    } else {
      ops.push_back({kind, token});
    }
  }
  return ops;
}

std::vector<SectionDiff> diff_documents(const Document& old_doc, const Document& new_doc,
                                        std::string_view language, const WordChecker& known) {
  AlignOptions options;
  options.source_language = std::string(language);
  options.target_language = std::string(language);
  options.length_ratio = 1.0;
  auto alignment = align_sections(old_doc, new_doc, options);
  std::vector<SectionDiff> out;
  for (const auto& p : alignment) {
    SectionDiff d;
    d.old_sections = p.source;
    d.new_sections = p.target;
    std::string before = text_of(old_doc, p.source);
    std::string after = text_of(new_doc, p.target);
    if (p.target.empty()) {
      d.status = ChangeStatus::removed;
      d.classification.substantial = true;
      d.classification.reasons.push_back({"removed", old_doc.sections[p.source[0]].title, ""});
      d.diff = word_diff(before, "", language);
      out.push_back(std::move(d));
      continue;
    }
    if (p.source.empty()) {
      d.status = ChangeStatus::added;
      d.classification.substantial = true;
      d.classification.reasons.push_back({"added", "", new_doc.sections[p.target[0]].title});
      d.diff = word_diff("", after, language);
      out.push_back(std::move(d));
      continue;
    }
    const Section& first_old = old_doc.sections[p.source[0]];
    const Section& first_new = new_doc.sections[p.target[0]];
    bool renumbered = first_old.number != first_new.number;
    bool text_same = before == after && urls_of(old_doc, p.source) == urls_of(new_doc, p.target);
    bool markup_same = source_of(old_doc, p.source) == source_of(new_doc, p.target);
    if (text_same && markup_same && !renumbered && !p.moved && p.source.size() == p.target.size()) {
      continue;  // unchanged
    }
    d.status = p.moved      ? ChangeStatus::moved
               : renumbered ? ChangeStatus::renumbered
                            : ChangeStatus::changed;
    // Chrome, links, markup and numbering are judged with the Markdown.
    d.classification =
        classify_sections(old_doc, p.source, new_doc, p.target, language, known, p.moved);
    if (!text_same && d.status == ChangeStatus::renumbered) d.status = ChangeStatus::changed;
    d.diff = word_diff(before, after, language);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace accord
