// SPDX-License-Identifier: MIT
#pragma once
// A price per term for each of the five bundle types (rules.md 8), named by type.
#include <array>
#include <cstddef>
#include <initializer_list>
#include <ostream>

#include <tl/expected.hpp>

#include "bundle_type.hpp"
#include "error.hpp"
#include "money.hpp"

namespace voip {

// One entry of a price list: the type it prices and the price of one term.
struct TypePrice {
    BundleType type{};  // 0, no type, unless given: make_price_list refuses it
    Money per_term;
};

class PriceList;
[[nodiscard]] constexpr tl::expected<PriceList, Error> make_price_list(std::initializer_list<TypePrice> entries) noexcept;

// Made only by make_price_list(), so every list prices each type exactly once, in
// [0, max_amount]: there is no list with a type silently free.
class PriceList {
public:
    // The price of one term of `t`; bundle_type_out_of_range for a type outside 1..5.
    [[nodiscard]] constexpr tl::expected<Money, Error> at(BundleType t) const noexcept {
        if (!ok(t)) return fail(Error::bundle_type_out_of_range);
        return per_term_[index(t)];
    }

    [[nodiscard]] friend constexpr bool operator==(const PriceList& a, const PriceList& b) noexcept {
        for (std::size_t i = 0; i < bundle_type_count; ++i)
            if (a.per_term_[i] != b.per_term_[i]) return false;
        return true;
    }
    [[nodiscard]] friend constexpr bool operator!=(const PriceList& a, const PriceList& b) noexcept { return !(a == b); }

private:
    constexpr PriceList() noexcept = default;
    friend constexpr tl::expected<PriceList, Error> make_price_list(std::initializer_list<TypePrice>) noexcept;
    friend std::ostream& operator<<(std::ostream& os, const PriceList& p);

    std::array<Money, bundle_type_count> per_term_{};
};

// invalid_policy unless the entries name each of the five types once, each price ok().
[[nodiscard]] constexpr tl::expected<PriceList, Error> make_price_list(std::initializer_list<TypePrice> entries) noexcept {
    PriceList p;
    std::array<bool, bundle_type_count> seen{};
    for (const TypePrice& e : entries) {
        if (!ok(e.type) || !ok(e.per_term) || seen[index(e.type)]) return fail(Error::invalid_policy);
        seen[index(e.type)] = true;
        p.per_term_[index(e.type)] = e.per_term;
    }
    for (const bool s : seen)
        if (!s) return fail(Error::invalid_policy);
    return p;
}

inline std::ostream& operator<<(std::ostream& os, const PriceList& p) {
    os << '{';
    for (int c = 1; c <= static_cast<int>(bundle_type_count); ++c)
        os << (c > 1 ? ", " : "") << c << ": " << p.per_term_[static_cast<std::size_t>(c - 1)];
    return os << '}';
}

}  // namespace voip
