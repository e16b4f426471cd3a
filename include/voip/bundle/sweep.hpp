#pragma once
// The daily auto-renew sweep (RULES 6): which bundles to renew today, which have lapsed.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string_view>

#include <date/date.h>

#include "bundle.hpp"
#include "renewal_policy.hpp"
#include "state.hpp"

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
    return "invalid";
}

inline std::ostream& operator<<(std::ostream& os, SweepAction a) { return os << name(a); }

[[nodiscard]] constexpr SweepAction sweep_action(date::sys_days expires_on, bool auto_renew, date::sys_days day,
                                                 const RenewalPolicy& p) noexcept {
    const State s = state_on(expires_on, day, p);
    if (s == State::lapsed) return SweepAction::lapsed;
    return auto_renew && renewable(s) ? SweepAction::renew : SweepAction::none;
}
[[nodiscard]] constexpr SweepAction sweep_action(const Bundle& b, date::sys_days day, const RenewalPolicy& p) noexcept {
    return sweep_action(b.expires_on, b.auto_renew, day, p);
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

// Totals only, over an array of bundles.
[[nodiscard]] constexpr SweepTotals sweep_totals(const Bundle* first, std::size_t n, date::sys_days day,
                                                 const RenewalPolicy& p) noexcept {
    SweepTotals t;
    for (std::size_t i = 0; i < n; ++i) t.add(sweep_action(first[i], day, p));
    return t;
}

// Totals over a column of expiry days and a column of auto_renew flags (structure of
// arrays): the form for sweeps over millions of bundles.
[[nodiscard]] constexpr SweepTotals sweep_totals(const date::sys_days* expires_on, const bool* auto_renew,
                                                 std::size_t n, date::sys_days day, const RenewalPolicy& p) noexcept {
    SweepTotals t;
    for (std::size_t i = 0; i < n; ++i) t.add(sweep_action(expires_on[i], auto_renew[i], day, p));
    return t;
}

}  // namespace voip
