// SPDX-License-Identifier: MIT
#pragma once
// The knobs of the term and renewal rules; the default is the seed's rules (rules.md 3, 4).
#include <cstdint>
#include <ostream>

#include <date/date.h>
#include <tl/expected.hpp>

#include "error.hpp"

namespace voip {

// What "one month later" means when the day does not exist in the target month.
enum class MonthEnd : std::uint8_t {
    clamp,     // 01-31 + 1 month = 02-28 (02-29 in leap years); renewals keep created_on's day
    overflow,  // 01-31 + 1 month = 03-03, as PHP's "+1 month"; renewals chain from the old expiry
};

// The shortest a term of `months` months can be, in days: 28 for one month. It is the
// fewest days in a run of `months` whole months of a common year (February once at most).
// 0 outside [1, 12].
[[nodiscard]] constexpr int shortest_term_days(int months) noexcept {
    if (months < 1 || months > 12) return 0;
    constexpr date::year common{2001};
    int best = 366;
    for (unsigned m = 1; m <= 12; ++m) {
        const date::year_month first = common / date::month{m};
        const auto days = date::sys_days{(first + date::months{months}) / 1} - date::sys_days{first / 1};
        if (days.count() < best) best = days.count();
    }
    return best;
}

// The arguments of make_renewal_policy(), each of its own type so that three counts
// cannot swap.
struct TermMonths {
    int months;  // [1, 12]
};
struct DaysBefore {
    int days;  // the window opens this many days before expires_on, [0, 364]
};
struct DaysAfter {
    int days;  // and closes this many days after it, both inclusive, [0, 364]
};

class RenewalPolicy;
[[nodiscard]] constexpr tl::expected<RenewalPolicy, Error> make_renewal_policy(MonthEnd month_end, TermMonths term,
                                                                               DaysBefore before,
                                                                               DaysAfter after) noexcept;

// Valid by construction: the numbers are in range and a window can never reach the next
// one (before + after < shortest_term_days(term_months)), so a renewal always leaves the
// window it was made in (rules.md 4). The default is the seed's: clamp, 1 month, 3 and 5 days.
class RenewalPolicy {
public:
    constexpr RenewalPolicy() noexcept = default;

    [[nodiscard]] constexpr MonthEnd month_end() const noexcept { return month_end_; }
    [[nodiscard]] constexpr int term_months() const noexcept { return term_months_; }              // [1, 12]
    [[nodiscard]] constexpr int renew_days_before() const noexcept { return renew_days_before_; }  // [0, 364]
    [[nodiscard]] constexpr int renew_days_after() const noexcept { return renew_days_after_; }    // [0, 364]

private:
    constexpr RenewalPolicy(MonthEnd m, int term, int before, int after) noexcept
        : month_end_(m), term_months_(term), renew_days_before_(before), renew_days_after_(after) {}
    friend constexpr tl::expected<RenewalPolicy, Error> make_renewal_policy(MonthEnd, TermMonths, DaysBefore,
                                                                            DaysAfter) noexcept;

    MonthEnd month_end_ = MonthEnd::clamp;
    int term_months_ = 1;
    int renew_days_before_ = 3;
    int renew_days_after_ = 5;
};

// invalid_policy for a month-end mode outside the enumeration, a term outside 1..12
// months, a negative offset, or a window as long as the shortest term of its length.
[[nodiscard]] constexpr tl::expected<RenewalPolicy, Error> make_renewal_policy(MonthEnd month_end, TermMonths term,
                                                                               DaysBefore before,
                                                                               DaysAfter after) noexcept {
    if (month_end != MonthEnd::clamp && month_end != MonthEnd::overflow) return fail(Error::invalid_policy);
    // before + after < shortest, without a sum that could overflow; a term outside 1..12 has
    // a shortest of 0, which no window fits. Both offsets then lie in [0, 364].
    const int shortest = shortest_term_days(term.months);
    if (before.days < 0 || after.days < 0 || after.days >= shortest - before.days) return fail(Error::invalid_policy);
    return RenewalPolicy(month_end, term.months, before.days, after.days);
}
// The seed's numbers with another month-end mode; invalid_policy outside the enumeration.
[[nodiscard]] constexpr tl::expected<RenewalPolicy, Error> make_renewal_policy(MonthEnd month_end) noexcept {
    return make_renewal_policy(month_end, TermMonths{1}, DaysBefore{3}, DaysAfter{5});
}

[[nodiscard]] constexpr bool operator==(const RenewalPolicy& a, const RenewalPolicy& b) noexcept {
    return a.month_end() == b.month_end() && a.term_months() == b.term_months() &&
           a.renew_days_before() == b.renew_days_before() && a.renew_days_after() == b.renew_days_after();
}
[[nodiscard]] constexpr bool operator!=(const RenewalPolicy& a, const RenewalPolicy& b) noexcept { return !(a == b); }

inline std::ostream& operator<<(std::ostream& os, MonthEnd m) {
    return os << (m == MonthEnd::clamp ? "clamp" : m == MonthEnd::overflow ? "overflow" : "invalid");
}

inline std::ostream& operator<<(std::ostream& os, const RenewalPolicy& p) {
    return os << "{month_end: " << p.month_end() << ", term_months: " << p.term_months()
              << ", renew_days_before: " << p.renew_days_before() << ", renew_days_after: " << p.renew_days_after()
              << '}';
}

}  // namespace voip
