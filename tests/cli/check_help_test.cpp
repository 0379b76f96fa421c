// `accord check --help` names every rule rules() knows, with its default
// severity when that is not error: the footer is written from the table.
#include <gtest/gtest.h>

#include <accord/check.hpp>
#include <string>

#include "test_support.hpp"

namespace accord {
namespace {

TEST(CheckHelp, FooterListsEveryRule) {
  auto r = test::run_accord({"check", "--help"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& help = r.out;
  auto at = help.find("Rules (docs/rules.md):");
  ASSERT_NE(at, std::string::npos) << help;
  // The footer's rule list, up to its closing full stop, joined into one line.
  std::string list = help.substr(at, help.find('.', help.find("notice-violation", at)) - at);
  for (char& c : list) {
    if (c == '\n') c = ' ';
  }
  ASSERT_FALSE(rules().empty());
  for (const auto& rule : rules()) {
    std::string item(rule.id);
    if (rule.severity != Severity::error)
      item += " (" + std::string(to_string(rule.severity)) + ")";
    EXPECT_NE(list.find(" " + item), std::string::npos) << item << "\n" << list;
  }
  EXPECT_NE(list.find("notice-violation"), std::string::npos) << list;
}

TEST(CheckHelp, FooterLinesFitEightyColumns) {
  auto r = test::run_accord({"check", "--help"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto at = r.out.find("Rules (docs/rules.md):");
  ASSERT_NE(at, std::string::npos);
  const std::size_t end = r.out.find('.', r.out.find("notice-violation", at));
  ASSERT_NE(end, std::string::npos);
  std::size_t line_start = at;
  for (std::size_t i = at; i <= end; ++i) {
    if (r.out[i] == '\n' || i == end) {
      EXPECT_LE(i - line_start, 80u) << r.out.substr(line_start, i - line_start);
      line_start = i + 1;
    }
  }
}

}  // namespace
}  // namespace accord
