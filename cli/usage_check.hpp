// Names what is wrong with a command line before CLI11 parses it: an unknown command or option, with the closest valid one.
#pragma once
// CLI11 alone says "The following arguments were not expected: creat", or for `create
// --date D` only that --today is required (its required check runs before its check of
// unknown arguments). A person needs the word they typed, the valid word nearest to it and
// the list to choose from, on one line.
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace voip_cli {

// The command line after the program's name (`args`), against the subcommands and options
// registered on `app`. The message for the first unknown command, quote operation or
// option, or none when each word is known (values, positionals and the rest are CLI11's).
[[nodiscard]] std::optional<std::string> check_command_line(const CLI::App& app, const std::vector<std::string>& args);

// `help`, `help create`, `help quote renew`: the same words with --help, so that help is a
// command of its own and not an unknown one.
[[nodiscard]] std::vector<std::string> expand_help_command(std::vector<std::string> args);

}  // namespace voip_cli
