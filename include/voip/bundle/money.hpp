// SPDX-License-Identifier: MIT
#pragma once
// Money in integer minor units (cents), never floating point (rules.md 8).
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

#include <tl/expected.hpp>

#include "error.hpp"

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

// Sums and differences, exact or amount_out_of_range: both amounts and the result within
// [-max_amount, max_amount], the range of a balance. Never wraps; 2 x max_amount is far
// inside 64 bits, so the check comes after the arithmetic.
[[nodiscard]] constexpr tl::expected<Money, Error> add(Money a, Money b) noexcept {
    if (!ok_balance(a) || !ok_balance(b)) return fail(Error::amount_out_of_range);
    const Money sum{a.minor + b.minor};
    if (!ok_balance(sum)) return fail(Error::amount_out_of_range);
    return sum;
}
[[nodiscard]] constexpr tl::expected<Money, Error> subtract(Money a, Money b) noexcept {
    if (!ok_balance(b)) return fail(Error::amount_out_of_range);
    return add(a, Money{-b.minor});
}

class MinorDigits;
[[nodiscard]] constexpr tl::expected<MinorDigits, Error> make_minor_digits(int digits) noexcept;

// How many decimal digits the minor unit has: 2 for cents ("12.34"), 0 for a currency
// without one ("1234"), 3 for mills ("1.234"). No currency sign: that is the host's.
// Made by make_minor_digits() or minor_digits<N>, so it is always in [0, 18].
class MinorDigits {
public:
    constexpr MinorDigits() noexcept = default;  // cents
    [[nodiscard]] constexpr int digits() const noexcept { return digits_; }

    [[nodiscard]] friend constexpr bool operator==(MinorDigits a, MinorDigits b) noexcept {
        return a.digits_ == b.digits_;
    }
    [[nodiscard]] friend constexpr bool operator!=(MinorDigits a, MinorDigits b) noexcept { return !(a == b); }

private:
    constexpr explicit MinorDigits(int digits) noexcept : digits_(digits) {}
    friend constexpr tl::expected<MinorDigits, Error> make_minor_digits(int) noexcept;

    int digits_ = 2;  // [0, 18]
};

// invalid_policy outside [0, 18].
[[nodiscard]] constexpr tl::expected<MinorDigits, Error> make_minor_digits(int digits) noexcept {
    if (digits < 0 || digits > 18) return fail(Error::invalid_policy);
    return MinorDigits(digits);
}

// A count known when compiling: minor_digits<3> for mills. Out of range does not compile.
template <int N>
inline constexpr MinorDigits minor_digits = make_minor_digits(N).value();

inline std::ostream& operator<<(std::ostream& os, MinorDigits d) { return os << d.digits(); }

// The most characters write_decimal() writes: a sign, 19 digits, a point, a leading 0.
inline constexpr std::size_t max_decimal_size = 22;

// Writes the amount as decimal text ("-0.05", "12.34", "1234") and returns the end.
// Requires out to hold max_decimal_size characters.
constexpr char* write_decimal(char* out, Money m, MinorDigits d = {}) noexcept {
    const int digits = d.digits();
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

// As the expression that makes it, "Money{1500}": a count of minor units that cannot pass for
// a decimal amount (to_decimal_string writes "15.00"; the wire, the bare 1500).
inline std::ostream& operator<<(std::ostream& os, Money m) { return os << "Money{" << m.minor << '}'; }

// `amount x part / whole`, rounded half up to the minor unit, in integers (rules.md 8).
// amount_out_of_range unless ok(amount); fraction_out_of_range unless 0 <= part <= whole
// and 0 < whole <= 4000 (the longest term is 12 months: 366 days). Within them no product
// leaves 64 bits.
[[nodiscard]] constexpr tl::expected<Money, Error> pro_rata(Money amount, std::int64_t part,
                                                           std::int64_t whole) noexcept {
    if (!ok(amount)) return fail(Error::amount_out_of_range);
    if (whole <= 0 || whole > 4000 || part < 0 || part > whole) return fail(Error::fraction_out_of_range);
    return Money{(amount.minor * part * 2 + whole) / (whole * 2)};
}

}  // namespace voip
