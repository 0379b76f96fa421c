#include "git/version_sections.hpp"

#include <accord/document.hpp>
#include <accord/text.hpp>
#include <unordered_map>
#include <unordered_set>

namespace accord::git {
namespace {

std::string block_text(const Block& block) {
  // Code, HTML and shortcode blocks have no prose text; their source still
  // matters to the reader.
  std::string out = block.text.empty() ? collapse_space(block.source) : block.text;
  for (const auto& url : block.urls) out += " <" + url + ">";
  return out;
}

}  // namespace

VersionSections parse_version(std::string_view bytes, const std::string& file, ParseCache& cache) {
  VersionSections out;
  auto text = decode_text(bytes, file);
  if (!text) {
    out.failure = text.error();
    return out;
  }
  auto doc = parse_document(std::move(*text), file, {}, cache);
  if (!doc) {
    out.failure = doc.error();
    return out;
  }
  std::unordered_map<std::string, int> seen;
  out.sections.reserve(doc->sections.size());
  for (const auto& s : doc->sections) {
    KeyedSection k;
    k.preamble = s.is_preamble();
    k.number = s.number;
    k.title = k.preamble ? std::string() : s.title;
    k.line = s.line;
    std::string base = k.preamble ? std::string("\x01") : k.number + '\x1f' + k.title;
    int n = seen[base]++;
    k.key = n == 0 ? base : base + '\x1e' + std::to_string(n);
    for (const auto& b : s.blocks) {
      if (!k.text.empty()) k.text += "\n\n";
      k.text += block_text(b);
    }
    out.sections.push_back(std::move(k));
  }
  return out;
}

std::vector<SectionChange> compare_sections(const VersionSections& old,
                                            const VersionSections& now) {
  std::unordered_map<std::string_view, const KeyedSection*> old_by_key;
  for (const auto& s : old.sections) old_by_key.emplace(s.key, &s);
  std::unordered_set<std::string_view> now_keys;
  std::vector<SectionChange> out;
  auto change = [](const KeyedSection& s, SectionStatus status) {
    SectionChange c;
    c.number = s.number;
    c.title = s.title;
    c.preamble = s.preamble;
    c.status = status;
    return c;
  };
  for (const auto& s : now.sections) {
    now_keys.insert(s.key);
    auto it = old_by_key.find(s.key);
    if (it == old_by_key.end()) {
      SectionChange c = change(s, SectionStatus::added);
      c.new_text = s.text;
      out.push_back(std::move(c));
    } else if (it->second->text != s.text) {
      SectionChange c = change(s, SectionStatus::changed);
      c.old_text = it->second->text;
      c.new_text = s.text;
      out.push_back(std::move(c));
    }
  }
  for (const auto& s : old.sections) {
    if (now_keys.count(s.key) != 0) continue;
    SectionChange c = change(s, SectionStatus::removed);
    c.old_text = s.text;
    out.push_back(std::move(c));
  }
  return out;
}

std::string substantive_text(std::string_view text) {
  std::string out;
  for (const auto& token : word_tokens(text)) {
    if (!token.is_word) continue;
    if (!out.empty()) out += ' ';
    out += fold_case(nfc(token.text));
  }
  return out;
}

}  // namespace accord::git
