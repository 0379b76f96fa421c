// "Did you mean …?" for an unknown command or option, and the usage errors
// that carry it.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord::cli {

// The Damerau-Levenshtein distance (optimal string alignment: insertions,
// deletions, substitutions and swaps of two neighbours, each 1) between A and
// B, byte by byte.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to WORD, if it is near enough: at most 2 edits and at
// most a third of WORD's length (at least 1), leading dashes not counted. On a
// tie, the first in CANDIDATES wins. Nothing when WORD is itself a candidate.
std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates);

// Writes "accord: error: unknown KIND 'WORD'; did you mean 'X'?" (or "; see
// 'SEE'" when nothing is near) to stderr and returns k_exit_input.
int unknown_word_error(std::string_view kind, std::string_view word,
                       const std::vector<std::string>& candidates, std::string_view see);

// The names users type for the visible commands of APP ("check", …), in
// table order.
std::vector<std::string> command_names(const CLI::App& app);

// When ARGV names a command APP does not have ("accord chek"), reports it
// with unknown_word_error and returns k_exit_input; else nothing. Global
// options of APP before the command, and their values, are skipped.
std::optional<int> check_command_word(const CLI::App& app, int argc, char** argv);

// After CLI11 rejected ARGV: when an argument that looks like an option
// ("--fromat", "--fromat=json") is not one of the command's options or APP's
// global ones, reports the first such with unknown_word_error and returns
// k_exit_input; else nothing (CLI11's own message then stands).
std::optional<int> check_unknown_option(const CLI::App& app, int argc, char** argv);

}  // namespace accord::cli
