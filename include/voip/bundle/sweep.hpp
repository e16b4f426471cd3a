// SPDX-License-Identifier: MIT
#pragma once
// The daily auto-renew sweep (rules.md 6): which bundles to renew today, which have lapsed.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string_view>
#include <type_traits>

#include <date/date.h>
#include <tl/expected.hpp>

#include "bundle.hpp"
#include "context.hpp"
#include "error.hpp"
#include "iso_date.hpp"
#include "renewal_policy.hpp"
#include "renewal_window.hpp"
#include "state.hpp"
#include "sweep_blocks.hpp"

namespace voip {

enum class SweepAction : std::uint8_t {
    none,    // nothing to do today
    renew,   // auto_renew is on and the window is open: try a renewal (retried daily until it works)
    lapsed,  // past the window, whatever the flag: the host archives it
};

[[nodiscard]] constexpr std::string_view name(SweepAction a) noexcept {
    switch (a) {
        case SweepAction::none: return "none";
        case SweepAction::renew: return "renew";
        case SweepAction::lapsed: return "lapsed";
    }
    return "unknown";  // only for a value outside the enumeration
}

inline std::ostream& operator<<(std::ostream& os, SweepAction a) { return os << name(a); }

[[nodiscard]] constexpr SweepAction sweep_action(ExpiresOn expires_on, bool auto_renew, date::sys_days day,
                                                 const RenewalPolicy& p) noexcept {
    const State s = state_on(expires_on, day, p);
    if (s == State::lapsed) return SweepAction::lapsed;
    return auto_renew && renewable(s) ? SweepAction::renew : SweepAction::none;
}
[[nodiscard]] constexpr SweepAction sweep_action(const Bundle& b, date::sys_days day, const RenewalPolicy& p) noexcept {
    return sweep_action(ExpiresOn{b.expires_on()}, b.auto_renew(), day, p);
}
// sweep_action(b, c.today(), c.policy()).
[[nodiscard]] constexpr SweepAction sweep_action(const Bundle& b, const Context& c) noexcept {
    return sweep_action(b, c.today(), c.policy());
}

struct SweepTotals {
    std::uint64_t none = 0;
    std::uint64_t renew = 0;
    std::uint64_t lapsed = 0;

    [[nodiscard]] constexpr std::uint64_t total() const noexcept { return none + renew + lapsed; }
    constexpr void add(SweepAction a) noexcept {
        none += a == SweepAction::none;
        renew += a == SweepAction::renew;
        lapsed += a == SweepAction::lapsed;
    }
};

[[nodiscard]] constexpr bool operator==(const SweepTotals& a, const SweepTotals& b) noexcept {
    return a.none == b.none && a.renew == b.renew && a.lapsed == b.lapsed;
}
[[nodiscard]] constexpr bool operator!=(const SweepTotals& a, const SweepTotals& b) noexcept { return !(a == b); }

inline std::ostream& operator<<(std::ostream& os, const SweepTotals& t) {
    return os << "{none: " << t.none << ", renew: " << t.renew << ", lapsed: " << t.lapsed << '}';
}

// Calls on_action(bundle, action) for every bundle that needs action and returns the totals.
template <class ForwardIt, class OnAction>
constexpr SweepTotals sweep(ForwardIt first, ForwardIt last, date::sys_days day, const RenewalPolicy& p,
                            OnAction&& on_action) {
    SweepTotals t;
    for (; first != last; ++first) {
        const Bundle& b = *first;
        const SweepAction a = sweep_action(b, day, p);
        t.add(a);
        if (a != SweepAction::none) on_action(b, a);
    }
    return t;
}

// The daily sweep's two predicates as ranges of expires_on, for a host that keeps its
// bundles in a database and selects the due ones through an index (a sorted column):
// on `day`, [renew_first, renew_last] are the expiries whose renewal window contains `day`
// (detail::expiries_open_on), and
//   sweep_action(b, day) == renew   <=>  b.auto_renew() && renew_first <= b.expires_on() <= renew_last
//   sweep_action(b, day) == lapsed  <=>  b.expires_on() < lapsed_before
// and none otherwise. The bounds may fall outside 0001..9999 near
// its ends (compare them as day counts). A bundle newly lapsed on `day` has
// expires_on == lapsed_before - 1 day.
struct SweepRanges {
    date::sys_days renew_first;    // inclusive: the earliest expiry whose window contains day
    date::sys_days renew_last;     // inclusive: the latest one
    date::sys_days lapsed_before;  // exclusive: renew_first, whose window closes on day
};

[[nodiscard]] constexpr bool operator==(const SweepRanges& a, const SweepRanges& b) noexcept {
    return a.renew_first == b.renew_first && a.renew_last == b.renew_last && a.lapsed_before == b.lapsed_before;
}
[[nodiscard]] constexpr bool operator!=(const SweepRanges& a, const SweepRanges& b) noexcept { return !(a == b); }

inline std::ostream& operator<<(std::ostream& os, const SweepRanges& r) {
    return os << "{renew: [" << IsoDate{r.renew_first} << ", " << IsoDate{r.renew_last}
              << "], lapsed: < " << IsoDate{r.lapsed_before} << '}';
}

// date_out_of_range for a day outside 0001..9999.
[[nodiscard]] constexpr tl::expected<SweepRanges, Error> sweep_ranges(date::sys_days day,
                                                                      const RenewalPolicy& p) noexcept {
    if (!in_range(day)) return fail(Error::date_out_of_range);
    // Both offsets are within 366 days and `day` is in range: both ends fit an int.
    const detail::DaySpan e = detail::expiries_open_on(day, p);
    const date::sys_days first{date::days{static_cast<int>(e.first)}};
    const date::sys_days last{date::days{static_cast<int>(e.last)}};
    return SweepRanges{first, last, first};
}

namespace detail {
// sweep_action() for one day, as two comparisons of expires_on with the bounds of
// expiries_open_on(day), so the totals need no branch per bundle (docs/benchmarks.md).
// With the window's ends on either side of its expiry (first <= e <= last for the window
// of e, that is, both offsets >= 0):
//   lapsed  <=> day is past e's window            <=> expires_on < first
//   renew   <=> auto_renew && e's window holds day <=> auto_renew && first <= expires_on <= last
[[nodiscard]] constexpr SweepBounds sweep_bounds(date::sys_days day, const RenewalPolicy& p) noexcept {
    const DaySpan e = expiries_open_on(day, p);
    // Within 2^30 of the epoch, expires_on - first of any bundle (a day in 0001..9999) fits
    // an int, and its sign says lapsed. A policy's offsets are never negative, so `day` is
    // inside its own span, as the comparisons above need.
    constexpr std::int64_t lo = -(std::int64_t{1} << 30);
    constexpr std::int64_t hi = std::int64_t{1} << 30;
    if (e.first < lo || e.last > hi) return {};
    return {true, static_cast<int>(e.first), static_cast<int>(e.last)};
}

// True while a constant expression is evaluated (std::is_constant_evaluated in C++20, the
// compiler's builtin in C++17); true where neither is known, which keeps the plain loops.
[[nodiscard]] constexpr bool constant_evaluation() noexcept {
#if defined(__cpp_lib_is_constant_evaluated)
    return std::is_constant_evaluated();
#elif defined(__has_builtin)
#if __has_builtin(__builtin_is_constant_evaluated)
    return __builtin_is_constant_evaluated();
#else
    return true;
#endif
#else
    return true;
#endif
}

// The totals of `rows` rows a block kernel took and counted in `c`.
[[nodiscard]] constexpr SweepTotals totals_of(const BlockCounts& c, std::size_t rows) noexcept {
    return {rows - c.lapsed - c.renew, c.renew, c.lapsed};
}
}  // namespace detail

// Totals only, over an array of bundles.
[[nodiscard]] constexpr SweepTotals sweep_totals(const Bundle* first, std::size_t n, date::sys_days day,
                                                 const RenewalPolicy& p) noexcept {
    SweepTotals t;
    const detail::SweepBounds b = detail::sweep_bounds(day, p);
    if (!b.usable) {
        for (std::size_t i = 0; i < n; ++i) t.add(sweep_action(first[i], day, p));
        return t;
    }
    detail::BlockCounts c;
    // The fastest form this target has; a constant expression takes the plain one.
    const std::size_t taken = detail::constant_evaluation() ? detail::sweep_array_blocks_plain(first, n, b, c)
                                                            : detail::array_blocks[0].run(first, n, b, c);
    t = detail::totals_of(c, taken);
    for (std::size_t i = taken; i < n; ++i) t.add(sweep_action(first[i], day, p));  // fewer than a step
    return t;
}

// Totals over a column of expiry days and a column of auto_renew flags (structure of
// arrays): the form for sweeps over millions of bundles. Its blocks compare days signed,
// not through the array form's difference: a column may hold any day count, so
// expires_on - first may not fit an int.
[[nodiscard]] constexpr SweepTotals sweep_totals(const date::sys_days* expires_on, const bool* auto_renew,
                                                 std::size_t n, date::sys_days day, const RenewalPolicy& p) noexcept {
    const detail::SweepBounds b = detail::sweep_bounds(day, p);
    std::size_t i = 0;
    detail::BlockCounts c;
    if (b.usable && !detail::constant_evaluation()) {
        // Any object may be read through unsigned char.
        i = detail::column_blocks().begin()->run(expires_on, reinterpret_cast<const unsigned char*>(auto_renew), n, b, c);
    }
    SweepTotals t = detail::totals_of(c, i);
    for (; i < n; ++i) t.add(sweep_action(ExpiresOn{expires_on[i]}, auto_renew[i], day, p));
    return t;
}

}  // namespace voip
