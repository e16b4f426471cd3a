// SPDX-License-Identifier: MIT
#pragma once
// Request bodies (rules.md 2): body text to RawRequest, to a validated Request, or only
// checked against the JSON rules.
#include <array>
#include <cstddef>
#include <string_view>

#include <tl/expected.hpp>

#include "../error.hpp"
#include "../request.hpp"
#include "../schema.hpp"
#include "member_values.hpp"
#include "members.hpp"
#include "scan_object.hpp"

namespace voip {

namespace detail {
inline constexpr std::array<std::string_view, 2> request_names = schema::names(schema::request);
}  // namespace detail

// What each known member of a body held; validate() then applies the rules.
[[nodiscard]] inline tl::expected<RawRequest, Error> decode_request(const char* data, std::size_t size) noexcept {
    detail::Members<2> m;
    if (const auto s = detail::scan_object(data, size, detail::request_names, m); !s) return fail(s.error());
    return request_from_members(detail::member_values(m));
}
[[nodiscard]] inline tl::expected<RawRequest, Error> decode_request(std::string_view text) noexcept {
    return decode_request(text.data(), text.size());
}

// decode_request then validate: a body text to a valid Request or the first failed rule.
[[nodiscard]] inline tl::expected<Request, Error> parse_request(std::string_view text) noexcept {
    const auto raw = decode_request(text);
    if (!raw) return fail(raw.error());
    return validate(*raw);
}

// The JSON rules alone (no member is looked at): for fuzzers and for callers that only
// need to know the text is acceptable.
[[nodiscard]] inline tl::expected<void, Error> check_json_object(const char* data, std::size_t size) noexcept {
    detail::Members<2> m;
    return detail::scan_object(data, size, detail::request_names, m);
}
[[nodiscard]] inline tl::expected<void, Error> check_json_object(std::string_view text) noexcept {
    return check_json_object(text.data(), text.size());
}

}  // namespace voip
