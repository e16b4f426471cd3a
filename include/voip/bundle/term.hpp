// SPDX-License-Identifier: MIT
#pragma once
// Term arithmetic: when a bundle expires, where its term started (rules.md 3).
#include <cstdint>

#include <date/date.h>
#include <tl/expected.hpp>

#include "bundle.hpp"
#include "error.hpp"
#include "iso_date.hpp"
#include "renewal_policy.hpp"

namespace voip {

namespace detail {
// The month `months` after (before, when negative) `from`'s month, as a count of months
// from January of year 0: year index / 12, month index % 12 + 1.
[[nodiscard]] constexpr long long month_index(const Civil& from, long long months) noexcept {
    return static_cast<long long>(from.year) * 12 + (from.month - 1) + months;
}

// The month-end clamp (rules.md 3): day `wanted` of month `index` (month_index), or that
// month's last day when it is shorter. Requires a month in 0001-01..9999-12.
[[nodiscard]] constexpr date::sys_days day_clamped_to_month(long long index, std::uint32_t wanted) noexcept {
    const auto year = static_cast<std::uint32_t>(index / 12);
    const auto month = static_cast<std::uint32_t>(index % 12) + 1;
    const std::uint32_t last = days_in_month(year, month);
    return days_from_civil(year, month, wanted < last ? wanted : last);
}

// add_term() on plain values (DayOrError, iso_date.hpp), in integer arithmetic on the civil date.
[[nodiscard]] constexpr DayOrError add_term_day(date::sys_days from, date::sys_days anchor,
                                                const RenewalPolicy& policy) noexcept {
    constexpr DayOrError out_of_range{date::sys_days{}, Error::date_out_of_range};
    if (!in_range(from) || !in_range(anchor)) return out_of_range;
    const Civil f = civil_from_days(from);
    // After 9999 every day of the target month is out of range, in both modes. (Never before
    // year 1: `from` is in range and a term is at least a month long.)
    const long long target = month_index(f, policy.term_months());
    if (target >= 10000 * 12) return out_of_range;
    if (policy.month_end() == MonthEnd::clamp) {
        const std::uint32_t anchor_day = civil_from_days(anchor).day;
        const date::sys_days anchored = day_clamped_to_month(target, anchor_day);
        // Off the chain of terms (from's day past the anchor's), the anchor's day of the
        // target month can come within a window's length of from: a renewal would leave the
        // bundle renewable again in the window it was renewed in, or not in service at all.
        // Then the anchor's day of the month after. On the chain, anchored - from is at
        // least the shortest term, which a valid policy's window is shorter than.
        const int window = policy.renew_days_before() + policy.renew_days_after();
        if ((anchored - from).count() > window) return {anchored, Error{}};
        if (target + 1 >= 10000 * 12) return out_of_range;
        return {day_clamped_to_month(target + 1, anchor_day), Error{}};
    }
    const auto year = static_cast<std::uint32_t>(target / 12);
    const auto month = static_cast<std::uint32_t>(target % 12) + 1;
    const date::sys_days result = days_from_civil(year, month, f.day);  // a day past the month's end overflows
    if (!in_range(result)) return out_of_range;
    return {result, Error{}};
}
}  // namespace detail

// One term after `from`. In clamp mode the day of month is `anchor`'s (a bundle's
// created_on, typed so that it cannot swap with `from`), clamped to the target month; when
// that day is not more than before + after days past `from` (an expiry off the chain), the
// anchor's day of the month after (01-31 anchored on the 1st: 03-01, not 02-01). In
// overflow mode it is `from`'s day, with a missing day rolling into the next month. Dates
// outside the range are date_out_of_range.
[[nodiscard]] constexpr tl::expected<date::sys_days, Error> add_term(date::sys_days from, CreatedOn anchor,
                                                                     const RenewalPolicy& policy) noexcept {
    const detail::DayOrError r = detail::add_term_day(from, anchor.day, policy);
    tl::expected<date::sys_days, Error> out(r.day);  // filled in place (docs/benchmarks.md)
    if (r.error != Error{}) out = tl::expected<date::sys_days, Error>(tl::unexpect, r.error);
    return out;
}

// The expiry of a bundle that starts on `start` (create).
[[nodiscard]] constexpr tl::expected<date::sys_days, Error> first_expiry(date::sys_days start,
                                                                         const RenewalPolicy& policy) noexcept {
    return add_term(start, CreatedOn{start}, policy);
}

// The expiry after one renewal: one term after the old expiry, whenever it is renewed;
// date_out_of_range past 9999-12-31.
[[nodiscard]] constexpr tl::expected<date::sys_days, Error> next_expiry(const Bundle& b,
                                                                        const RenewalPolicy& policy) noexcept {
    return add_term(b.expires_on(), CreatedOn{b.created_on()}, policy);
}

// The terms of a bundle are the chain from created_on, one term each (rules.md 3): anchored
// on created_on's day in clamp mode, chained from each boundary in overflow mode. This is
// the boundary of that chain before `term_end`, for a bundle created on `created`
// (rules.md 7: anchored in clamp mode; in overflow mode term_end minus one term, clamped,
// except after a boundary that overflowed: 01-31 -> 03-03 is one term of 31 days).
// Never before created_on. Requires in_range for both days: date_out_of_range otherwise.
[[nodiscard]] constexpr tl::expected<date::sys_days, Error> term_start(CreatedOn created, date::sys_days term_end,
                                                                       const RenewalPolicy& policy) noexcept {
    const date::sys_days created_on = created.day;
    if (!in_range(term_end) || !in_range(created_on)) return fail(Error::date_out_of_range);
    if (policy.month_end() == MonthEnd::overflow) {  // a chain keeps no anchor: walk it, [1, 10^5] steps
        date::sys_days t = created_on;
        for (;;) {
            const auto next = add_term(t, created, policy);
            if (!next || *next >= term_end) return t;
            t = *next;
        }
    }
    const long long target = detail::month_index(detail::civil_from_days(term_end), -static_cast<long long>(policy.term_months()));
    // A boundary before 0001-01-01 is before created_on too: not an out-of-range error.
    if (target < 12) return created_on;
    // target < 10000 * 12: term_end is in range and term_months >= 1.
    const date::sys_days start = detail::day_clamped_to_month(target, detail::civil_from_days(created_on).day);
    return start < created_on ? created_on : start;
}

// The first day of a bundle's last term, [term_start, expires_on). A bundle's days are in
// range, so the date form cannot fail here.
[[nodiscard]] constexpr date::sys_days term_start(const Bundle& b, const RenewalPolicy& policy) noexcept {
    return *term_start(CreatedOn{b.created_on()}, b.expires_on(), policy);
}

}  // namespace voip
