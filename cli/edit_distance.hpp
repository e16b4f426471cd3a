// How far a mistyped word is from the valid ones: edit distances and the closest name, for usage messages.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voip_cli {

// Optimal string alignment distance: the fewest insertions, deletions, replacements and
// swaps of two adjacent characters that turn `a` into `b` ("craete" -> "create" is 1).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The same edits, but turning `word` into any part of `name` ("creat" is 0 from
// "create", "date" is 2 from "today" through "day"): a person who half-remembers a name
// types a piece of it, so a whole-word distance alone would rank "--zone" above "--today"
// for "--date".
[[nodiscard]] std::size_t infix_distance(std::string_view word, std::string_view name);

// The candidate a person most likely meant: the least infix_distance, ties broken by
// edit_distance, then by the candidates' order; none when even that one needs more than
// half of the word's characters changed (a suggestion that far off would mislead).
[[nodiscard]] std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace voip_cli
