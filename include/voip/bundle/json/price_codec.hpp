// SPDX-License-Identifier: MIT
#pragma once
// Price lists (schema::price_list): {"1": 1500, ..., "5": 300}, minor units per term.
// [decided] Every type must be priced (a missing price would silently make a type free),
// each an integer in [0, max_amount]; another member is an operator's typo. The JSON rules
// first, then any of these: invalid_policy.
#include <array>
#include <cstddef>
#include <string_view>

#include <tl/expected.hpp>

#include "../bundle_type.hpp"
#include "../error.hpp"
#include "../money.hpp"
#include "../request.hpp"
#include "../price_list.hpp"
#include "../schema.hpp"
#include "member_values.hpp"
#include "members.hpp"
#include "scan_object.hpp"

namespace voip {

namespace detail {
inline constexpr std::array<std::string_view, 5> price_names = schema::names(schema::price_list);
}  // namespace detail

[[nodiscard]] inline tl::expected<PriceList, Error> decode_prices(const char* data, std::size_t size) noexcept {
    detail::Members<5> m;
    if (const auto s = detail::scan_object(data, size, detail::price_names, m); !s) return fail(s.error());
    return prices_from_members(detail::member_values(m), m.unknown);
}
[[nodiscard]] inline tl::expected<PriceList, Error> decode_prices(std::string_view text) noexcept {
    return decode_prices(text.data(), text.size());
}

}  // namespace voip
