#include <accord/error.hpp>

namespace accord {

std::string Failure::to_string() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) {
      // Two appends, not ":" + to_string(): GCC 12 at -O3 warns (-Wrestrict,
      // a false positive) about the temporary.
      out += ':';
      out += std::to_string(line);
    }
    out += ": ";
  }
  out += what;
  if (!hint.empty()) out += "; " + hint;
  return out;
}

Error::Error(Failure failure)
    : std::runtime_error(failure.to_string()), m_failure(std::move(failure)) {}

Error::Error(std::string file, int line, std::string what, std::string hint)
    : Error(Failure{std::move(file), line, std::move(what), std::move(hint)}) {}

}  // namespace accord
