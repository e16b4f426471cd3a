// SPDX-License-Identifier: MIT
#pragma once
// Money in integer minor units (cents), never floating point (RULES 8).
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

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

// A price or a charge: [0, max_amount].
[[nodiscard]] constexpr bool ok(Money m) noexcept { return 0 <= m.minor && m.minor <= max_amount.minor; }
// A balance, which may be owed: [-max_amount, max_amount].
[[nodiscard]] constexpr bool ok_balance(Money m) noexcept {
    return -max_amount.minor <= m.minor && m.minor <= max_amount.minor;
}

// Sums and differences. Exact whenever the result is within +-9.2 x 10^18 (any 9,000
// amounts of at most max_amount); beyond that they wrap around rather than overflow
// into undefined behaviour.
[[nodiscard]] constexpr Money operator+(Money a, Money b) noexcept {
    return Money{static_cast<std::int64_t>(static_cast<std::uint64_t>(a.minor) + static_cast<std::uint64_t>(b.minor))};
}
[[nodiscard]] constexpr Money operator-(Money a, Money b) noexcept {
    return Money{static_cast<std::int64_t>(static_cast<std::uint64_t>(a.minor) - static_cast<std::uint64_t>(b.minor))};
}
[[nodiscard]] constexpr Money operator-(Money a) noexcept { return Money{} - a; }
constexpr Money& operator+=(Money& a, Money b) noexcept { return a = a + b; }
constexpr Money& operator-=(Money& a, Money b) noexcept { return a = a - b; }

// How many decimal digits the minor unit has: 2 for cents ("12.34"), 0 for a currency
// without one ("1234"), 3 for mills ("1.234"). No currency sign: that is the host's.
struct MinorDigits {
    int digits = 2;  // [0, 18]
};

[[nodiscard]] constexpr bool ok(MinorDigits d) noexcept { return 0 <= d.digits && d.digits <= 18; }

// The most characters write_decimal() writes: a sign, 19 digits, a point, a leading 0.
inline constexpr std::size_t max_decimal_size = 22;

// Writes the amount as decimal text ("-0.05", "12.34", "1234") and returns the end.
// Requires out to hold max_decimal_size characters; digits outside [0, 18] count as 18 or 0.
constexpr char* write_decimal(char* out, Money m, MinorDigits d = {}) noexcept {
    const int digits = d.digits < 0 ? 0 : d.digits > 18 ? 18 : d.digits;
    // The magnitude in unsigned arithmetic: the most negative amount has no positive twin.
    std::uint64_t v = m.minor < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(m.minor)
                                  : static_cast<std::uint64_t>(m.minor);
    char buf[max_decimal_size] = {};
    std::size_t n = 0;  // digits in buf, from the end
    do {
        if (digits != 0 && n == static_cast<std::size_t>(digits)) buf[max_decimal_size - 1 - n++] = '.';
        buf[max_decimal_size - 1 - n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0 || n <= static_cast<std::size_t>(digits));
    if (m.minor < 0) *out++ = '-';
    for (std::size_t i = max_decimal_size - n; i < max_decimal_size; ++i) *out++ = buf[i];
    return out;
}

[[nodiscard]] inline std::string to_decimal_string(Money m, MinorDigits d = {}) {
    char buf[max_decimal_size];
    return std::string(buf, write_decimal(buf, m, d));
}

// Minor units, as on the wire.
inline std::ostream& operator<<(std::ostream& os, Money m) { return os << m.minor; }

// `amount x part / whole`, rounded half up to the minor unit, in integers (RULES 8).
// Exact for ok(amount), 0 <= part <= whole, 0 < whole <= 4000. Outside that: part is
// clamped to [0, whole]; whole <= 0, whole > 4000 or !ok(amount) give 0; so no input
// divides by zero or overflows.
[[nodiscard]] constexpr Money pro_rata(Money amount, std::int64_t part, std::int64_t whole) noexcept {
    if (whole <= 0 || whole > 4000 || !ok(amount)) return Money{0};
    if (part < 0) part = 0;
    if (part > whole) part = whole;
    return Money{(amount.minor * part * 2 + whole) / (whole * 2)};
}

}  // namespace voip
