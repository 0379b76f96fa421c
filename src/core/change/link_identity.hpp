// Link identity: whether two URLs lead to the same resource (see
// link_identity.cpp for the judgement, docs/rules.md for the reasons).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord::link {

// A URL taken apart: scheme and host lower-cased, the path percent-decoded
// without its trailing '/' and without path parameters (";jsessionid=…").
struct Parts {
  std::string scheme;  // "https", "mailto", … ("" when not written)
  std::string host;
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;        // as written, decoded
  std::vector<std::pair<std::string, std::string>> path_params;  // ";name=value" in the path
  std::string fragment;
  bool relative = false;  // "/pricing", "#scope"
};

Parts parse(std::string_view url);

// The destination a redirect wrapper ("l.php?u=…", "/url?q=…") carries.
std::optional<std::string> redirect_target(const Parts& parts);

// Whether VALUE has a shape no one types: a UUID, a hex hash (16+), a
// timestamp (10+ digits), a token of 20+ letters and digits.
bool is_token_value(std::string_view value);

// Whether a query parameter tracks a visit or session rather than naming
// the resource.
bool is_noise_parameter(std::string_view name, std::string_view value);

// One string for every URL of one resource: https, production host without
// "www.", no fragment, no noise parameters, the others sorted, redirect
// wrappers unwrapped. A fragment-only link is "#".
std::string canonical(std::string_view url);

// What differs between two URLs of one resource, for the reasons:
// "same resource: http -> https; tracking or session parameter utm_source".
std::string difference(std::string_view a, std::string_view b);

// URLs written in running text ("https://…", "http://…", "www.…"), trailing
// punctuation left out.
struct Span {
  std::size_t offset = 0;
  std::size_t length = 0;
};
std::vector<Span> urls_in_text(std::string_view text);

}  // namespace accord::link
