#pragma once
// Days on the wire: exactly "YYYY-MM-DD", years 0001..9999 (RULES 1, 3).
#include <cstddef>
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
[[nodiscard]] constexpr int digit(char c) noexcept {
    return (c >= '0' && c <= '9') ? c - '0' : -1;
}
}  // namespace detail

// Parses exactly ten characters "YYYY-MM-DD" naming a real day in 0001-01-01..9999-12-31.
// Hand-written rather than date::parse: no stream, no locale, no allocation (see benchmarks).
[[nodiscard]] constexpr tl::expected<date::sys_days, Error> parse_iso_date(std::string_view s) noexcept {
    if (s.size() != iso_date_size || s[4] != '-' || s[7] != '-')
        return fail(Error::malformed_date);
    int v[8] = {};
    constexpr std::size_t pos[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (std::size_t i = 0; i < 8; ++i) {
        v[i] = detail::digit(s[pos[i]]);
        if (v[i] < 0) return fail(Error::malformed_date);
    }
    const int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];            // [0, 9999]
    const unsigned m = static_cast<unsigned>(v[4] * 10 + v[5]);         // [0, 99]
    const unsigned d = static_cast<unsigned>(v[6] * 10 + v[7]);         // [0, 99]
    const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (y < 1 || !ymd.ok()) return fail(Error::malformed_date);
    return date::sys_days{ymd};
}

// Writes exactly iso_date_size characters; the day must be in_range().
constexpr char* write_iso_date(char* out, date::sys_days day) noexcept {
    const date::year_month_day ymd{day};
    const int y = static_cast<int>(ymd.year());                 // [1, 9999]
    const unsigned m = static_cast<unsigned>(ymd.month());      // [1, 12]
    const unsigned d = static_cast<unsigned>(ymd.day());        // [1, 31]
    out[0] = static_cast<char>('0' + y / 1000);
    out[1] = static_cast<char>('0' + y / 100 % 10);
    out[2] = static_cast<char>('0' + y / 10 % 10);
    out[3] = static_cast<char>('0' + y % 10);
    out[4] = '-';
    out[5] = static_cast<char>('0' + m / 10);
    out[6] = static_cast<char>('0' + m % 10);
    out[7] = '-';
    out[8] = static_cast<char>('0' + d / 10);
    out[9] = static_cast<char>('0' + d % 10);
    return out + iso_date_size;
}

[[nodiscard]] inline std::string to_iso_string(date::sys_days day) {
    char buf[iso_date_size];
    write_iso_date(buf, day);
    return std::string(buf, iso_date_size);
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

}  // namespace voip
