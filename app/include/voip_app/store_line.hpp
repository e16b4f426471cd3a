// One line of a store read as the command reads it: blank, the store's header (line 1 only), a bundle, or a problem.
#pragma once
// The header records the month-end policy the store was written with, so a later command
// cannot silently apply the other one: {"voip_bundle_store":1,"month_end":"clamp"}
// (docs/json-and-cli.md). The store fuzz target reads every line through here.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include <tl/expected.hpp>
#include <voip/bundle.hpp>

#include <voip_app/line_diagnosis.hpp>

namespace voip_app {

struct BlankLine {};

// The store's first line when it is a header.
struct StoreHeader {
    voip::MonthEnd month_end = voip::MonthEnd::clamp;
};

using StoreLine = std::variant<BlankLine, StoreHeader, voip::Bundle>;

// `line` without its '\n' (a '\r' before it is part of the line, as JSON whitespace);
// `first` when it is the store's line 1, the only place a header may stand.
[[nodiscard]] tl::expected<StoreLine, LineProblem> read_store_line(std::string_view line, bool first);

// The header line for `m`, without a line ending.
[[nodiscard]] std::string header_line(voip::MonthEnd m);

[[nodiscard]] constexpr std::string_view month_end_name(voip::MonthEnd m) noexcept {
    return m == voip::MonthEnd::overflow ? "overflow" : "clamp";
}

// The ending a line read without its '\n' had: "\r\n" when it ends in '\r', else "\n". A
// line that replaces it (a commit) takes the same, so a CRLF store stays CRLF.
[[nodiscard]] constexpr std::string_view ending_of(std::string_view line) noexcept {
    return !line.empty() && line.back() == '\r' ? "\r\n" : "\n";
}

}  // namespace voip_app
