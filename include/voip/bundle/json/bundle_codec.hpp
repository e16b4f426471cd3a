// SPDX-License-Identifier: MIT
#pragma once
// Stored bundles: one JSON object a line, the members of schema::bundle in its order (the
// envelope's result members, then created_on). Decoding is as strict as for bodies; all
// five members are required; unknown members are ignored (validated), so a host may store
// more. Errors: the JSON rules, then bundle_from_members()'s (member_values.hpp).
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include <date/date.h>
#include <tl/expected.hpp>

#include "../bundle.hpp"
#include "../envelope.hpp"
#include "../error.hpp"
#include "../iso_date.hpp"
#include "../schema.hpp"
#include "../uuid.hpp"
#include "member_values.hpp"
#include "members.hpp"
#include "scan_object.hpp"

namespace voip {

namespace detail {
inline constexpr std::array<std::string_view, 5> bundle_names = schema::names(schema::bundle);

// The characters of a member's value in the stored form; a boolean is at most "false".
[[nodiscard]] constexpr std::size_t stored_value_size(schema::Kind k) noexcept {
    switch (k) {
        case schema::Kind::boolean: return 5;
        case schema::Kind::integer: return 1;  // a bundle type's code
        case schema::Kind::date: return iso_date_size + 2;
        case schema::Kind::uuid: return uuid_text_size + 2;
        case schema::Kind::text:
        case schema::Kind::object:
        case schema::Kind::array: break;
    }
    return 0;  // a stored bundle has no such member (tests/json checks the size)
}
}  // namespace detail

// The longest encoding: {"name":value,...} with auto_renew false.
inline constexpr std::size_t max_bundle_json_size = [] {
    std::size_t n = 1;  // {
    for (const schema::Member& m : schema::bundle) n += m.name.size() + 3 + detail::stored_value_size(m.kind) + 1;
    return n;  // each member: "name": value, then a comma or the closing brace
}();

[[nodiscard]] inline tl::expected<Bundle, Error> decode_bundle(const char* data, std::size_t size) noexcept {
    detail::Members<5> m;
    if (const auto s = detail::scan_object(data, size, detail::bundle_names, m); !s) return fail(s.error());
    return bundle_from_members(detail::member_values(m));
}
[[nodiscard]] inline tl::expected<Bundle, Error> decode_bundle(std::string_view line) noexcept {
    return decode_bundle(line.data(), line.size());
}

// Writes the line (no newline) into [first, last); returns its length, or buffer_too_small
// when it does not fit (never when last - first >= max_bundle_json_size).
[[nodiscard]] inline tl::expected<std::size_t, Error> write_bundle_json(char* first, const char* last,
                                                                       const Bundle& b) noexcept {
    if (last < first) return fail(Error::buffer_too_small);  // a reversed range holds nothing
    // Every member has a fixed width but auto_renew's: nothing is written when it cannot fit.
    const std::size_t size = max_bundle_json_size - (b.auto_renew() ? 1 : 0);
    if (static_cast<std::size_t>(last - first) < size) return fail(Error::buffer_too_small);
    detail::Out out(first, last);
    out.put("{");
    detail::put_bundle_members<schema::bundle.size()>(out, b, [&out](std::string_view key) {
        out.put("\"");
        out.put(key);
        out.put("\":");
    });
    out.put("}");
    return static_cast<std::size_t>(out.pos() - first);  // == size
}

// The line as a string.
[[nodiscard]] inline std::string encode_bundle(const Bundle& b) {
    std::array<char, max_bundle_json_size> buf{};
    const auto n = write_bundle_json(buf.data(), buf.data() + buf.size(), b);
    return std::string(buf.data(), *n);  // max_bundle_json_size always fits
}

}  // namespace voip
