// SPDX-License-Identifier: MIT
#pragma once
// The renewal window (rules.md 4), defined once: the states (state.hpp), the sweep and its
// ranges (sweep.hpp) and renew() all ask it whether a day is inside.
#include <cstdint>
#include <ostream>

#include <date/date.h>
#include <tl/expected.hpp>

#include "bundle.hpp"
#include "context.hpp"
#include "error.hpp"
#include "iso_date.hpp"
#include "renewal_policy.hpp"

namespace voip {

namespace detail {
// A run of day counts, both ends inclusive, in 64 bits: no day count of a sys_days plus or
// minus an int offset can overflow it.
struct DaySpan {
    std::int64_t first;
    std::int64_t last;

    [[nodiscard]] constexpr bool contains(std::int64_t d) const noexcept { return first <= d && d <= last; }
};

[[nodiscard]] constexpr std::int64_t day_count(date::sys_days d) noexcept { return d.time_since_epoch().count(); }

// The one definition: the window of an expiry on day e is [e - before, e + after], here as
// the offsets of its two ends from e. The only reader of the policy's two offsets.
[[nodiscard]] constexpr DaySpan window_offsets(const RenewalPolicy& p) noexcept {
    return {-static_cast<std::int64_t>(p.renew_days_before()), static_cast<std::int64_t>(p.renew_days_after())};
}

// The window of an expiry on `expires_on`, unclipped.
[[nodiscard]] constexpr DaySpan window_days(date::sys_days expires_on, const RenewalPolicy& p) noexcept {
    const DaySpan o = window_offsets(p);
    return {day_count(expires_on) + o.first, day_count(expires_on) + o.last};
}

// The window seen from a day: the expiries whose window contains `day`.
// e + first <= day <= e + last  <=>  day - last <= e <= day - first.
[[nodiscard]] constexpr DaySpan expiries_open_on(date::sys_days day, const RenewalPolicy& p) noexcept {
    const DaySpan o = window_offsets(p);
    return {day_count(day) - o.last, day_count(day) - o.first};
}
}  // namespace detail

// The days a renewal is allowed, both inclusive: [expires_on - before, expires_on + after].
struct RenewalWindow {
    date::sys_days first;
    date::sys_days last;

    [[nodiscard]] constexpr bool contains(date::sys_days d) const noexcept { return first <= d && d <= last; }
};

[[nodiscard]] constexpr bool operator==(const RenewalWindow& a, const RenewalWindow& b) noexcept {
    return a.first == b.first && a.last == b.last;
}
[[nodiscard]] constexpr bool operator!=(const RenewalWindow& a, const RenewalWindow& b) noexcept { return !(a == b); }

// Clipped to 0001-01-01..9999-12-31, the days the rules can name: a bundle expiring on
// 9999-12-31 is renewable until 9999-12-31, not until a day with a five-digit year; empty
// (first after last) for an expiry whose window lies wholly outside that range. For a day
// in the range, contains(day) is detail::window_days(...).contains(day).
[[nodiscard]] constexpr RenewalWindow renewal_window(date::sys_days expires_on, const RenewalPolicy& p) noexcept {
    constexpr std::int64_t lo = detail::day_count(min_day);
    constexpr std::int64_t hi = detail::day_count(max_day);
    const auto clip = [](std::int64_t d) {  // constants: no capture (clang: -Wunused-lambda-capture)
        return date::sys_days{date::days{static_cast<int>(d < lo ? lo : d > hi ? hi : d)}};
    };
    const detail::DaySpan w = detail::window_days(expires_on, p);
    if (w.last < lo || w.first > hi) return {max_day, min_day};  // empty
    return {clip(w.first), clip(w.last)};
}
// A bundle's window.
[[nodiscard]] constexpr RenewalWindow renewal_window(const Bundle& b, const RenewalPolicy& p) noexcept {
    return renewal_window(b.expires_on(), p);
}
// renewal_window(b, c.policy()): the window does not depend on the day.
[[nodiscard]] constexpr RenewalWindow renewal_window(const Bundle& b, const Context& c) noexcept {
    return renewal_window(b, c.policy());
}

inline std::ostream& operator<<(std::ostream& os, const RenewalWindow& w) {
    return os << '[' << IsoDate{w.first} << ", " << IsoDate{w.last} << ']';
}

// May `b` be renewed on `day`? Success exactly when renew() passes its window check, which
// is when renewable(state_on(b, day, p)), on any day count; outside_renewal_window
// otherwise. renew() can still refuse for what the window does not decide: a new expiry
// past 9999-12-31 (date_out_of_range) or short funds.
[[nodiscard]] constexpr tl::expected<void, Error> can_renew(const Bundle& b, date::sys_days day,
                                                           const RenewalPolicy& p) noexcept {
    if (!detail::window_days(b.expires_on(), p).contains(detail::day_count(day)))
        return fail(Error::outside_renewal_window);
    return {};
}
// can_renew(b, c.today(), c.policy()).
[[nodiscard]] constexpr tl::expected<void, Error> can_renew(const Bundle& b, const Context& c) noexcept {
    return can_renew(b, c.today(), c.policy());
}

}  // namespace voip
