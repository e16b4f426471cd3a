// SPDX-License-Identifier: MIT
#pragma once
// Where a bundle stands on a given day, and its renewal window (RULES 4, 5).
#include <cstdint>
#include <ostream>
#include <string_view>

#include <date/date.h>
#include <tl/expected.hpp>

#include "bundle.hpp"
#include "error.hpp"
#include "iso_date.hpp"
#include "renewal_policy.hpp"

namespace voip {

enum class State : std::uint8_t {
    active,        // in service, not yet renewable
    renewal_open,  // in service, renewable
    grace,         // out of service, still renewable
    lapsed,        // out of service for good: create a new bundle
};

[[nodiscard]] constexpr std::string_view name(State s) noexcept {
    switch (s) {
        case State::active: return "active";
        case State::renewal_open: return "renewal_open";
        case State::grace: return "grace";
        case State::lapsed: return "lapsed";
    }
    return "invalid";  // only for a value outside the enumeration
}

[[nodiscard]] constexpr bool in_service(State s) noexcept { return s == State::active || s == State::renewal_open; }
[[nodiscard]] constexpr bool renewable(State s) noexcept { return s == State::renewal_open || s == State::grace; }

inline std::ostream& operator<<(std::ostream& os, State s) { return os << name(s); }

// The days a renewal is allowed, both inclusive: [expires_on - before, expires_on + after].
struct RenewalWindow {
    date::sys_days first;
    date::sys_days last;

    [[nodiscard]] constexpr bool contains(date::sys_days d) const noexcept { return first <= d && d <= last; }
};

// Clipped to 0001-01-01..9999-12-31, the days the rules can name: a bundle expiring on
// 9999-12-31 is renewable until 9999-12-31, not until a day with a five-digit year.
[[nodiscard]] constexpr RenewalWindow renewal_window(date::sys_days expires_on, const RenewalPolicy& p) noexcept {
    const std::int64_t e = expires_on.time_since_epoch().count();
    constexpr std::int64_t lo = min_day.time_since_epoch().count();
    constexpr std::int64_t hi = max_day.time_since_epoch().count();
    const auto clip = [](std::int64_t d) {  // constants: no capture (clang: -Wunused-lambda-capture)
        return date::sys_days{date::days{static_cast<int>(d < lo ? lo : d > hi ? hi : d)}};
    };
    return {clip(e - p.renew_days_before), clip(e + p.renew_days_after)};
}
// A bundle's window; invalid_bundle when !ok(b), as renew() answers.
[[nodiscard]] constexpr tl::expected<RenewalWindow, Error> renewal_window(const Bundle& b,
                                                                         const RenewalPolicy& p) noexcept {
    if (!ok(b)) return fail(Error::invalid_bundle);
    return renewal_window(b.expires_on, p);
}

inline std::ostream& operator<<(std::ostream& os, const RenewalWindow& w) {
    return os << '[' << IsoDate{w.first} << ", " << IsoDate{w.last} << ']';
}

// The four states partition every day: each day is in exactly one. Computed in 64 bits,
// so no day count or offset can overflow.
[[nodiscard]] constexpr State state_on(date::sys_days expires_on, date::sys_days day, const RenewalPolicy& p) noexcept {
    const std::int64_t e = expires_on.time_since_epoch().count();
    const std::int64_t d = day.time_since_epoch().count();
    if (d < e - p.renew_days_before) return State::active;
    if (d < e) return State::renewal_open;
    if (d <= e + p.renew_days_after) return State::grace;
    return State::lapsed;
}
// A bundle's state; invalid_bundle when !ok(b), as renew() answers: a bundle with its
// dates swapped is not "lapsed".
[[nodiscard]] constexpr tl::expected<State, Error> state_on(const Bundle& b, date::sys_days day,
                                                           const RenewalPolicy& p) noexcept {
    if (!ok(b)) return fail(Error::invalid_bundle);
    return state_on(b.expires_on, day, p);
}

}  // namespace voip
