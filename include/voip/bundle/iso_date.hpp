// SPDX-License-Identifier: MIT
#pragma once
// Days on the wire: exactly "YYYY-MM-DD", years 0001..9999 (rules.md 1, 3).
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include <date/date.h>
#include <tl/expected.hpp>

#include "error.hpp"

namespace voip {

inline constexpr std::size_t iso_date_size = 10;

// The range every date of the rules stays in.
inline constexpr date::sys_days min_day = date::sys_days{date::year{1} / 1 / 1};
inline constexpr date::sys_days max_day = date::sys_days{date::year{9999} / 12 / 31};

[[nodiscard]] constexpr bool in_range(date::sys_days d) noexcept { return min_day <= d && d <= max_day; }

namespace detail {

// Civil date <-> day count with the algorithms of Neri and Schneider, "Euclidean affine
// functions and their application to calendar algorithms" (2022): the same results as the
// date library's for every day of the rules' range (tests/exhaustive checks them all);
// why by hand: docs/benchmarks.md.
struct Civil {
    std::uint32_t year;   // [1, 9999] for days in range
    std::uint32_t month;  // [1, 12]
    std::uint32_t day;    // [1, 31]
};
// Shifting by 82 eras of 400 years keeps every intermediate value unsigned.
inline constexpr std::uint32_t era_shift = 82;
inline constexpr std::uint32_t days_shift = 719468 + 146097 * era_shift;
inline constexpr std::uint32_t years_shift = 400 * era_shift;

[[nodiscard]] constexpr Civil civil_from_days(date::sys_days day) noexcept {
    const std::uint32_t n = static_cast<std::uint32_t>(day.time_since_epoch().count()) + days_shift;
    const std::uint32_t n1 = 4 * n + 3;
    const std::uint32_t century = n1 / 146097;
    const std::uint32_t n2 = n1 % 146097 / 4 * 4 + 3;
    const std::uint64_t p2 = std::uint64_t{2939745} * n2;
    const std::uint32_t year_of_century = static_cast<std::uint32_t>(p2 >> 32);
    const std::uint32_t day_of_year = static_cast<std::uint32_t>(p2) / 2939745 / 4;  // from March 1st
    const std::uint32_t n3 = 2141 * day_of_year + 197913;
    const std::uint32_t month = n3 >> 16;  // [3, 14]: March..February
    const std::uint32_t day_of_month = (n3 & 0xFFFF) / 2141;
    const std::uint32_t january_or_february = day_of_year >= 306 ? 1 : 0;
    return {100 * century + year_of_century - years_shift + january_or_february,
            january_or_february != 0 ? month - 12 : month, day_of_month + 1};
}

// Requires a real date with year >= 1.
[[nodiscard]] constexpr date::sys_days days_from_civil(std::uint32_t y, std::uint32_t m, std::uint32_t d) noexcept {
    const std::uint32_t january_or_february = m <= 2 ? 1 : 0;
    const std::uint32_t year = y + years_shift - january_or_february;  // years from March 1st
    const std::uint32_t month = january_or_february != 0 ? m + 12 : m;
    const std::uint32_t century = year / 100;
    const std::uint32_t year_days = 1461 * year / 4 - century + century / 4;
    const std::uint32_t month_days = (979 * month - 2919) / 32;
    return date::sys_days{date::days{static_cast<int>(year_days + month_days + d - 1 - days_shift)}};
}

// For y in [1, 9999]: divisible by 4, and by 16 when divisible by 25 (that is, by 400
// when by 100), without a division.
[[nodiscard]] constexpr bool is_leap(std::uint32_t y) noexcept { return (y & 3) == 0 && (y % 25 != 0 || (y & 15) == 0); }

// Days of each month of a common year, January at 1; 16 entries so that any month & 15 reads
// inside the table (0 for no month).
inline constexpr unsigned char month_days[16] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0, 0, 0};

[[nodiscard]] constexpr std::uint32_t days_in_month(std::uint32_t y, std::uint32_t m) noexcept {  // m in [1, 12]
    return month_days[m & 15] + (m == 2 && is_leap(y) ? 1u : 0u);
}

// "00" .. "99", two characters each.
inline constexpr char two_digits[] =
    "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849"
    "5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

constexpr void put_two_digits(char* out, std::uint32_t v) noexcept {  // v in [0, 99]
    out[0] = two_digits[2 * v];
    out[1] = two_digits[2 * v + 1];
}

// A day or why there is none: the work is done on this plain struct and the public
// functions only wrap it in tl::expected (docs/benchmarks.md, "tl::expected").
struct DayOrError {
    date::sys_days day;
    Error error;  // Error{} (no enumerator is 0): `day` is the answer
};
static_assert(static_cast<int>(first_error) > 0, "Error{} must name no error");

// parse_day's tables, at 2 * month + leap (leap: 1 in a leap year). The month is two digits,
// at most 99: 128 months keep any month the parse reads (a 7-bit value) inside, 0 for no month.
struct ParseMonths {
    unsigned char length[256];  // days of the month, 0 for no month
    std::uint16_t start[256];   // 1 + days of the year before the month, less the leap day while it is ahead
};

[[nodiscard]] constexpr ParseMonths make_parse_months() noexcept {
    ParseMonths t{};
    std::uint32_t before = 0;
    for (std::uint32_t m = 1; m <= 12; ++m) {
        for (std::uint32_t leap = 0; leap <= 1; ++leap) {
            const std::uint32_t feb29 = m == 2 ? leap : 0;
            const std::uint32_t ahead = m <= 2 ? leap : 0;  // parse_day's year count has it from January 1st
            t.length[2 * m + leap] = static_cast<unsigned char>(month_days[m] + feb29);
            t.start[2 * m + leap] = static_cast<std::uint16_t>(before + 1 - ahead);
        }
        before += month_days[m];
    }
    return t;
}
inline constexpr ParseMonths parse_months = make_parse_months();

// parse_day's day count: 1 on 0000-01-01 (year 0 counts as a leap year). Every day of year 0
// counts below 0001-01-01, which is how the parse refuses year 0.
inline constexpr std::uint32_t count_0001_01_01 = 367;
inline constexpr std::uint32_t count_1970_01_01 = 719529;

// The text as two words, "YY" and "YY-MM-DD", so that all ten bytes are checked by one mask
// test and the digits paired by one multiply-add (docs/benchmarks.md, "Date parse, the raw
// parse in two words").
[[nodiscard, gnu::always_inline]] constexpr DayOrError parse_day(std::string_view s) noexcept {
    constexpr DayOrError malformed{date::sys_days{}, Error::malformed_date};
    if (s.size() != iso_date_size) return malformed;
    // s[i] at bit 8 * (i - first), the text's order in a little-endian word: g++ and clang
    // read it with one load. Not a loop (they do not fuse it), not memcpy (not constexpr).
    const auto byte = [s](std::size_t i, std::size_t first) {
        return std::uint64_t{static_cast<unsigned char>(s[i])} << (8 * (i - first));
    };
    // XOR with the expected text: a digit becomes its value and a '-' 0; any other byte is
    // above 9 in a digit's place, above 0 in a separator's.
    const std::uint64_t c = (byte(0, 0) | byte(1, 0)) ^ 0x3030;
    const std::uint64_t x = (byte(2, 2) | byte(3, 2) | byte(4, 2) | byte(5, 2) | byte(6, 2) | byte(7, 2) | byte(8, 2) | byte(9, 2)) ^
                            0x30302D30302D3030;
    // + 0x76 (0x7F in a separator's place) sets a byte's top bit when it is above 9 (above 0)
    // and below 0x80, which have it already; only those carry into the next byte.
    const std::uint64_t bad_bytes = (c | (c + 0x7676) | x | (x + 0x76767F76767F7676)) & 0x8080808080808080;
    // 10 * byte + next byte: "YY", "MM", "DD" in bytes 0, 3, 6, each in [0, 99] when every
    // byte is a digit. Otherwise any value, read only to be refused.
    const std::uint64_t pairs = x * 10 + (x >> 8);
    const std::uint32_t hi = static_cast<std::uint32_t>((c * 10 + (c >> 8)) & 0xFF);  // year / 100
    const std::uint32_t lo = static_cast<std::uint32_t>(pairs & 0xFF);                // year % 100
    const std::uint32_t m = static_cast<std::uint32_t>((pairs >> 24) & 0x7F);
    const std::uint32_t d = static_cast<std::uint32_t>((pairs >> 48) & 0xFF);
    // year % 4 is lo % 4 (100 is a multiple of 4); a century (lo == 0) is a leap year when
    // year % 400 == 0, that is when hi % 4 == 0.
    const std::uint32_t leap = ((lo != 0 ? lo : hi) & 3) == 0 ? 1u : 0u;
    const std::uint32_t at = 2 * m + leap;  // [0, 255]
    // The years before: 36524 days a century and one more every fourth; 365 a year and one
    // more every fourth within the century.
    const std::uint32_t count = ((146097 * hi) >> 2) + ((1461 * lo) >> 2) + parse_months.start[at] + d;
    // Every check at once (| rather than ||): one branch, taken only by bad text. A month out
    // of [1, 12] has length 0: every day of it is refused.
    const auto flag = [](bool b) { return b ? 1u : 0u; };
    const std::uint32_t bad =
        flag(bad_bytes != 0) | flag(d - 1 >= parse_months.length[at]) | flag(count < count_0001_01_01);
    if (bad != 0) return malformed;
    return {date::sys_days{date::days{static_cast<int>(count) - static_cast<int>(count_1970_01_01)}}, Error{}};
}

}  // namespace detail

// Parses exactly ten characters "YYYY-MM-DD" naming a real day in 0001-01-01..9999-12-31.
// Hand-written rather than date::parse: no stream, no locale, no allocation (see benchmarks).
[[nodiscard, gnu::always_inline]] constexpr tl::expected<date::sys_days, Error> parse_iso_date(std::string_view s) noexcept {
    const detail::DayOrError r = detail::parse_day(s);
    // One object, filled in place (docs/benchmarks.md, "tl::expected").
    tl::expected<date::sys_days, Error> out(r.day);
    if (r.error != Error{}) out = tl::expected<date::sys_days, Error>(tl::unexpect, r.error);
    return out;
}

// Writes exactly iso_date_size characters. The text is the day's only when in_range(day):
// check first (out of range, it writes ten characters of no meaning, never out of bounds).
constexpr char* write_iso_date(char* out, date::sys_days day) noexcept {
    const detail::Civil c = detail::civil_from_days(day);
    detail::put_two_digits(out, c.year / 100 % 100);  // % 100: memory-safe even for days out of range
    detail::put_two_digits(out + 2, c.year % 100);
    out[4] = '-';
    detail::put_two_digits(out + 5, c.month);
    out[7] = '-';
    detail::put_two_digits(out + 8, c.day);
    return out + iso_date_size;
}

// Prints a day as YYYY-MM-DD, or "(out of range: N)" with the day count.
struct IsoDate {
    date::sys_days day;
};

inline std::ostream& operator<<(std::ostream& os, IsoDate d) {
    if (!in_range(d.day)) return os << "(out of range: " << d.day.time_since_epoch().count() << ')';
    char buf[iso_date_size];
    write_iso_date(buf, d.day);
    return os.write(buf, static_cast<std::streamsize>(iso_date_size));
}

// YYYY-MM-DD, or "(out of range: N)" as operator<< prints it: never a wrong date.
[[nodiscard]] inline std::string to_iso_string(date::sys_days day) {
    if (!in_range(day)) return "(out of range: " + std::to_string(day.time_since_epoch().count()) + ")";
    char buf[iso_date_size];
    write_iso_date(buf, day);
    return std::string(buf, iso_date_size);
}

}  // namespace voip
