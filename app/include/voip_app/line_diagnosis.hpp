// Why one stored line was refused, in words a person can act on: the column, the member, what is wrong with it.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

namespace voip_app {

// A bad store line: where (column 0: no one place, e.g. a missing member) and what.
struct LineProblem {
    std::size_t column = 0;
    std::string what;  // starts with the library's error name, e.g. "invalid_json"
};

// `line` was refused by voip::decode_bundle with `e`: the error's name, with the column
// and the member it is about where a second, diagnostic-only look can tell them.
[[nodiscard]] LineProblem diagnose_bundle_line(std::string_view line, voip::Error e);

}  // namespace voip_app
