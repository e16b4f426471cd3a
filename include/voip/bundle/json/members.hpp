// SPDX-License-Identifier: MIT
#pragma once
// What the scanners hand the codecs: Value, the kind and content of one known top-level
// member, and Members, the values of a caller's table of known names.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../request.hpp"
#include "member_values.hpp"
#include "limits.hpp"

namespace voip::detail {

// What a known top-level member held, as the scanner keeps it: a MemberValue's RawField, and
// the string's decoded bytes in place (a MemberValue views them: member_values()).
struct Value : RawField {
    bool text_too_long = false;
    std::uint8_t text_size = 0;
    std::array<char, max_kept_text> text;  // only [0, text_size) is meaningful
};

[[nodiscard]] inline std::string_view text_of(const Value& v) noexcept { return {v.text.data(), v.text_size}; }

// The known members of a top-level object, in the order of the caller's name table.
template <std::size_t N>
struct Members {
    std::array<Value, N> values{};
    std::size_t unknown = 0;  // members whose names are not in the table (ignored, validated)
};

template <std::size_t N>
void reset(Members<N>& m) noexcept {
    for (Value& v : m.values) {
        v.kind = JsonKind::absent;
        v.boolean = false;
        v.text_too_long = false;
        v.text_size = 0;
        v.integer = 0;
    }
    m.unknown = 0;
}

// The scanner's values as member_values.hpp takes them, in the same order.
template <std::size_t N>
[[nodiscard]] inline std::array<MemberValue, N> member_values(const Members<N>& m) noexcept {
    std::array<MemberValue, N> out{};
    for (std::size_t i = 0; i < N; ++i) {
        const Value& v = m.values[i];
        const RawField& field = v;  // the scalars; the text goes in as a view of v's
        out[i] = MemberValue{{field}, text_of(v), v.text_too_long};
    }
    return out;
}

}  // namespace voip::detail
