// Errors that stop a command. Findings about documents are data (see
// check.hpp); this header is for the three tiers' other two.
#pragma once

#include <stdexcept>
#include <string>

namespace accord {

// Where an input problem is and what the user can do about it. Used as the
// error side of tl::expected by functions whose failure a caller may want to
// survive (e.g. an old version in a history walk that does not parse).
struct Failure {
  std::string file;  // path as the user named it, or "" when not file-bound
  int line = 0;      // 1-based; 0 when the problem has no line
  std::string what;  // what is wrong, lower case, no trailing period
  std::string hint;  // what to do about it; may be empty

  // "FILE:LINE: what; hint" (parts that are empty are left out).
  std::string to_string() const;
};

// The one exception type for a broken environment or bad input that a
// command cannot go on with: a missing file, invalid UTF-8, a path that is
// not a repository, an unknown revision. The CLI prints
// "accord: error: <to_string()>" and exits 2.
class Error : public std::runtime_error {
 public:
  explicit Error(Failure failure);
  Error(std::string file, int line, std::string what, std::string hint = {});
  const Failure& failure() const noexcept { return m_failure; }

 private:
  Failure m_failure;
};

}  // namespace accord
