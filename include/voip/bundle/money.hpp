#pragma once
// Money in integer minor units (cents), never floating point (RULES 8).
#include <array>
#include <cstdint>
#include <ostream>

#include "bundle_type.hpp"

namespace voip {

struct Money {
    std::int64_t minor = 0;
};

[[nodiscard]] constexpr bool operator==(Money a, Money b) noexcept { return a.minor == b.minor; }
[[nodiscard]] constexpr bool operator!=(Money a, Money b) noexcept { return a.minor != b.minor; }
[[nodiscard]] constexpr bool operator<(Money a, Money b) noexcept { return a.minor < b.minor; }
[[nodiscard]] constexpr bool operator<=(Money a, Money b) noexcept { return a.minor <= b.minor; }
[[nodiscard]] constexpr bool operator>(Money a, Money b) noexcept { return a.minor > b.minor; }
[[nodiscard]] constexpr bool operator>=(Money a, Money b) noexcept { return a.minor >= b.minor; }

// The largest price or balance accepted: keeps every product in the pro rata
// computation (price x days x 2) far inside 64 bits.
inline constexpr Money max_amount{1'000'000'000'000'000};  // 10^15 minor units

[[nodiscard]] constexpr bool ok(Money m) noexcept { return 0 <= m.minor && m.minor <= max_amount.minor; }

inline std::ostream& operator<<(std::ostream& os, Money m) { return os << m.minor; }

// A price per term for each bundle type, in minor units.
struct PriceList {
    std::array<Money, bundle_type_count> per_term{};

    // Requires ok(t).
    [[nodiscard]] constexpr Money operator[](BundleType t) const noexcept { return per_term[index(t)]; }
};

[[nodiscard]] constexpr bool ok(const PriceList& p) noexcept {
    for (const Money m : p.per_term)
        if (!ok(m)) return false;
    return true;
}

inline std::ostream& operator<<(std::ostream& os, const PriceList& p) {
    os << '{';
    for (std::size_t i = 0; i < bundle_type_count; ++i) os << (i ? ", " : "") << i + 1 << ": " << p.per_term[i];
    return os << '}';
}

// `amount x part / whole`, rounded half up to the minor unit, in integers (RULES 8).
// Exact for ok(amount), 0 <= part <= whole, 0 < whole <= 4000; outside that, part is
// clamped to [0, whole] and an empty whole gives 0, so no input divides by zero or overflows.
[[nodiscard]] constexpr Money pro_rata(Money amount, std::int64_t part, std::int64_t whole) noexcept {
    if (whole <= 0 || whole > 4000 || !ok(amount)) return Money{0};
    if (part < 0) part = 0;
    if (part > whole) part = whole;
    return Money{(amount.minor * part * 2 + whole) / (whole * 2)};
}

}  // namespace voip
