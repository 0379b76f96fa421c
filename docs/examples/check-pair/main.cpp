// check-pair SOURCE TARGET SOURCE_LANGUAGE TARGET_LANGUAGE: checks one
// translation pair with accord's rules (no history) and prints each finding
// as FILE:LINE: SEVERITY: [RULE] MESSAGE. Exit 1 when there are findings,
// 2 on bad input.
#include <accord/check.hpp>
#include <accord/config.hpp>
#include <accord/document.hpp>
#include <accord/error.hpp>
#include <accord/langid.hpp>
#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: check-pair SOURCE TARGET SOURCE_LANGUAGE TARGET_LANGUAGE\n");
    return 2;
  }
  try {
    const accord::Document source = accord::read_document(argv[1]);
    const accord::Document target = accord::read_document(argv[2]);
    const accord::LanguageIdentifier langid({argv[3], argv[4]});
    const accord::Config defaults;
    const accord::PairInput pair{
        source, target, argv[1], argv[2], argv[3], argv[4], defaults.translatable_keys};
    const auto findings = accord::check_pair(pair, langid);
    for (const auto& f : findings) {
      std::printf("%s:%d: %s: [%s] %s\n", f.file.c_str(), f.line,
                  std::string(accord::to_string(f.severity)).c_str(), f.rule.c_str(),
                  f.message.c_str());
    }
    return findings.empty() ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "check-pair: error: %s\n", e.what());
    return 2;
  }
}
