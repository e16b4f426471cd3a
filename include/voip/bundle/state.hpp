// SPDX-License-Identifier: MIT
#pragma once
// Where a bundle stands on a given day (rules.md 5), from its renewal window (rules.md 4).
#include <cstdint>
#include <ostream>
#include <string_view>

#include <date/date.h>
#include <tl/expected.hpp>

#include "bundle.hpp"
#include "context.hpp"
#include "error.hpp"
#include "iso_date.hpp"
#include "renewal_policy.hpp"
#include "renewal_window.hpp"

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

// The four states partition every day: each day is in exactly one. The window's two ends
// and expires_on split the days (detail::window_days, in 64 bits: no day count or offset
// can overflow), so renewable(state_on(ExpiresOn{e}, d, p)) == renewal_window(e, p).contains(d)
// for every day d in 0001..9999 and every policy. The expiry is typed: it cannot swap with the day.
[[nodiscard]] constexpr State state_on(ExpiresOn expires_on, date::sys_days day, const RenewalPolicy& p) noexcept {
    const detail::DaySpan w = detail::window_days(expires_on.day, p);
    const std::int64_t d = detail::day_count(day);
    if (d < w.first) return State::active;
    if (d < detail::day_count(expires_on.day)) return State::renewal_open;
    if (d <= w.last) return State::grace;
    return State::lapsed;
}
// A bundle's state on `day`.
[[nodiscard]] constexpr State state_on(const Bundle& b, date::sys_days day, const RenewalPolicy& p) noexcept {
    return state_on(ExpiresOn{b.expires_on()}, day, p);
}
// state_on(b, c.today(), c.policy()).
[[nodiscard]] constexpr State state_on(const Bundle& b, const Context& c) noexcept {
    return state_on(b, c.today(), c.policy());
}

}  // namespace voip
