// Output formats for findings: text, json, github, sarif.
#pragma once

#include <accord/check.hpp>
#include <string>
#include <vector>

#include "cli.hpp"

namespace accord::cli {

struct CheckSummary {
  std::size_t pairs = 0;
  std::vector<std::string> notices;  // things the user should know that are not findings
};

// FILE:LINE: severity: [rule] message, grouped by file, then a summary line.
std::string format_text(const std::vector<Finding>& findings, const CheckSummary& summary,
                        const Style& style);

// The stable JSON schema of docs/cli.md ("version": 1).
std::string format_json(const std::vector<Finding>& findings, const CheckSummary& summary);

// GitHub Actions workflow commands (::error file=…,line=…,title=…::…).
std::string format_github(const std::vector<Finding>& findings);

// SARIF 2.1.0, one run, every rule described in the driver.
std::string format_sarif(const std::vector<Finding>& findings);

}  // namespace accord::cli
