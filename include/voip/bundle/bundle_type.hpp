// SPDX-License-Identifier: MIT
#pragma once
// The five bundle types of the seed. Built only from a checked integer, so a raw
// int never stands in for a BundleType.
#include <cstdint>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string_view>

#include <tl/expected.hpp>

#include "error.hpp"

namespace voip {

enum class BundleType : std::uint8_t {
    business = 1,
    residential = 2,
    fax_only = 3,
    trunk_only = 4,
    forward_only = 5,
};

inline constexpr std::size_t bundle_type_count = 5;

[[nodiscard]] constexpr bool ok(BundleType t) noexcept {
    return static_cast<std::uint8_t>(t) >= 1 && static_cast<std::uint8_t>(t) <= 5;
}

// The wire code, [1, 5] when ok().
[[nodiscard]] constexpr int code(BundleType t) noexcept { return static_cast<int>(t); }

// [0, 4] when ok(): an index into per-type tables.
[[nodiscard]] constexpr std::size_t index(BundleType t) noexcept {
    return static_cast<std::size_t>(static_cast<std::uint8_t>(t) - 1u);
}

[[nodiscard]] constexpr tl::expected<BundleType, Error> bundle_type_from_code(std::int64_t c) noexcept {
    if (c < 1 || c > 5) return fail(Error::bundle_type_out_of_range);
    return static_cast<BundleType>(c);
}

// The seed's label: "Business", "Residential", "Fax Only", "Trunk Only", "Forward Only".
[[nodiscard]] constexpr std::string_view label(BundleType t) noexcept {
    switch (t) {
        case BundleType::business: return "Business";
        case BundleType::residential: return "Residential";
        case BundleType::fax_only: return "Fax Only";
        case BundleType::trunk_only: return "Trunk Only";
        case BundleType::forward_only: return "Forward Only";
    }
    return "invalid";
}

inline std::ostream& operator<<(std::ostream& os, BundleType t) {
    return os << code(t) << " (" << label(t) << ')';
}

}  // namespace voip

namespace std {
template <>
struct hash<voip::BundleType> {
    std::size_t operator()(voip::BundleType t) const noexcept {
        return std::hash<int>{}(voip::code(t));
    }
};
}  // namespace std
