// SPDX-License-Identifier: MIT
#pragma once
// The knobs of the term and renewal rules; the default is the seed's rules (RULES 3, 4).
#include <cstdint>
#include <ostream>

#include <date/date.h>

namespace voip {

// What "one month later" means when the day does not exist in the target month.
enum class MonthEnd : std::uint8_t {
    clamp,     // 01-31 + 1 month = 02-28 (02-29 in leap years); renewals keep created_on's day
    overflow,  // 01-31 + 1 month = 03-03, as PHP's "+1 month"; renewals chain from the old expiry
};

struct RenewalPolicy {
    MonthEnd month_end = MonthEnd::clamp;
    int term_months = 1;        // [1, 12]
    int renew_days_before = 3;  // the window opens this many days before expires_on
    int renew_days_after = 5;   // and closes this many days after it, both inclusive
};

// The shortest a term of `months` months can be, in days: 28 for one month. It is the
// fewest days in a run of `months` whole months of a common year (February once at most).
[[nodiscard]] constexpr int shortest_term_days(int months) noexcept {
    constexpr date::year common{2001};
    int best = 366;
    for (unsigned m = 1; m <= 12; ++m) {
        const date::year_month first = common / date::month{m};
        const auto days = date::sys_days{(first + date::months{months}) / 1} - date::sys_days{first / 1};
        if (days.count() < best) best = days.count();
    }
    return best;
}

// Valid when the numbers are in range and a window can never reach the next one, so a
// renewal always leaves the window it was made in (RULES 4).
[[nodiscard]] constexpr bool ok(const RenewalPolicy& p) noexcept {
    if (p.month_end != MonthEnd::clamp && p.month_end != MonthEnd::overflow) return false;
    if (p.term_months < 1 || p.term_months > 12) return false;
    if (p.renew_days_before < 0 || p.renew_days_after < 0) return false;
    if (p.renew_days_before > 366 || p.renew_days_after > 366) return false;
    return p.renew_days_before + p.renew_days_after < shortest_term_days(p.term_months);
}

[[nodiscard]] constexpr bool operator==(const RenewalPolicy& a, const RenewalPolicy& b) noexcept {
    return a.month_end == b.month_end && a.term_months == b.term_months &&
           a.renew_days_before == b.renew_days_before && a.renew_days_after == b.renew_days_after;
}
[[nodiscard]] constexpr bool operator!=(const RenewalPolicy& a, const RenewalPolicy& b) noexcept { return !(a == b); }

inline std::ostream& operator<<(std::ostream& os, MonthEnd m) {
    return os << (m == MonthEnd::clamp ? "clamp" : m == MonthEnd::overflow ? "overflow" : "invalid");
}

inline std::ostream& operator<<(std::ostream& os, const RenewalPolicy& p) {
    return os << "{month_end: " << p.month_end << ", term_months: " << p.term_months
              << ", renew_days_before: " << p.renew_days_before << ", renew_days_after: " << p.renew_days_after
              << '}';
}

}  // namespace voip
