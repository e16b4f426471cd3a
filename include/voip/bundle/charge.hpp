// SPDX-License-Identifier: MIT
#pragma once
// What an upgrade costs, term by term, as an invoice would show it (rules.md 7, 8).
#include <cstdint>
#include <ostream>

#include <date/date.h>
#include <tl/expected.hpp>

#include "bundle.hpp"
#include "bundle_type.hpp"
#include "context.hpp"
#include "error.hpp"
#include "iso_date.hpp"
#include "money.hpp"
#include "term.hpp"

namespace voip {

// A term of a bundle, [first, end).
struct Term {
    date::sys_days first;
    date::sys_days end;

    [[nodiscard]] constexpr int days() const noexcept { return (end - first).count(); }
};

[[nodiscard]] constexpr bool operator==(const Term& a, const Term& b) noexcept {
    return a.first == b.first && a.end == b.end;
}
[[nodiscard]] constexpr bool operator!=(const Term& a, const Term& b) noexcept { return !(a == b); }

inline std::ostream& operator<<(std::ostream& os, const Term& t) {
    return os << '[' << IsoDate{t.first} << ", " << IsoDate{t.end} << ')';
}

// Every prepaid day is charged, term by term: the days of the term containing today from
// today on, at their share of that term, plus each whole term after it up to expires_on
// (already paid at the old price after an early renewal), rounded half up once:
//   total = difference x (days_left / current.days() + prepaid_terms)
// (and, off the chain only, + cut_days / cut_term_days, rounded on its own)
// The terms are the chain from created_on (term_start(), term.hpp), so days_left never
// exceeds current.days() and no cap is needed: when today precedes created_on, current is
// the first term and every one of its days is ahead of today.
struct UpgradeCharge {
    Money difference;       // per term: the new type's price minus the old one's, 0 when not dearer
    Term current;           // the term containing today (the first term when today precedes it)
    int days_left = 0;      // days of current from today (included) to its end or expires_on: [0, current.days()]
    int prepaid_terms = 0;  // whole terms after current, up to expires_on
    // A last term cut short by expires_on, for a bundle whose expires_on is off its chain
    // (made under another policy, or by hand): its days, and the days of the whole term
    // it is part of. Both 0 for a bundle the rules made, and when the cut term is current
    // (then current is the whole term and days_left stops at expires_on).
    int cut_days = 0;
    int cut_term_days = 0;
    Money total;            // the charge
};

[[nodiscard]] constexpr bool operator==(const UpgradeCharge& a, const UpgradeCharge& b) noexcept {
    return a.difference == b.difference && a.current == b.current && a.days_left == b.days_left &&
           a.prepaid_terms == b.prepaid_terms && a.cut_days == b.cut_days && a.cut_term_days == b.cut_term_days &&
           a.total == b.total;
}
[[nodiscard]] constexpr bool operator!=(const UpgradeCharge& a, const UpgradeCharge& b) noexcept {
    return !(a == b);
}

inline std::ostream& operator<<(std::ostream& os, const UpgradeCharge& u) {
    os << "{difference: " << u.difference << ", current: " << u.current << ", days_left: " << u.days_left
              << ", prepaid_terms: " << u.prepaid_terms;
    if (u.cut_days != 0) os << ", cut_days: " << u.cut_days << ", cut_term_days: " << u.cut_term_days;
    return os << ", total: " << u.total << '}';
}

// The charge for moving `b` to type `to` on c.today(). Without a price list, or to a type
// no dearer, the difference and the total are 0 (the terms are still filled in).
// bundle_type_out_of_range for a type outside 1..5; charge_out_of_range when the total would pass
// max_amount (only when today lies thousands of terms before expires_on).
[[nodiscard]] constexpr tl::expected<UpgradeCharge, Error> upgrade_charge_breakdown(const Bundle& b, BundleType to,
                                                                                    const Context& c) noexcept {
    if (!ok(to)) return fail(Error::bundle_type_out_of_range);  // as quote_update
    UpgradeCharge u;
    if (c.prices()) {  // both types ok(): the prices are in [0, max_amount], so is the difference
        const Money diff{(*c.prices()->at(to)).minor - (*c.prices()->at(b.bundle_type())).minor};
        if (diff.minor > 0) u.difference = diff;
    }
    // The chain of terms from created_on (term.hpp), the last one ending on expires_on.
    const auto next_boundary = [&](date::sys_days t) {
        const auto n = add_term(t, CreatedOn{b.created_on()}, c.policy());
        return !n || b.expires_on() < *n ? b.expires_on() : *n;
    };
    const date::sys_days from = c.today() < b.created_on() ? b.created_on() : c.today();
    date::sys_days first = b.created_on();
    date::sys_days end = next_boundary(first);
    while (end <= from && end < b.expires_on()) {  // [1, 10^5] steps: one a term
        first = end;
        end = next_boundary(first);
    }
    // Off the chain, expires_on may cut today's term short: its days left still go at the
    // whole term's rate (a term past 9999-12-31 counts as ending on expires_on). end is
    // this boundary or expires_on, whichever is first.
    u.current = Term{first, add_term(first, CreatedOn{b.created_on()}, c.policy()).value_or(end)};
    u.days_left = from < end ? (end - from).count() : 0;
    for (date::sys_days t = end; t < b.expires_on();) {
        const auto n = add_term(t, CreatedOn{b.created_on()}, c.policy());
        if (!n || b.expires_on() < *n) {  // cut short: its days at the whole term's rate
            u.cut_days = (b.expires_on() - t).count();
            u.cut_term_days = n ? (*n - t).count() : u.cut_days;
            break;
        }
        ++u.prepaid_terms;
        t = *n;
    }
    // Two fractions, each rounded half up (the cut term arises only off the chain).
    const auto today_part = pro_rata(u.difference, u.days_left, u.current.days());
    const tl::expected<Money, Error> cut_part =
        u.cut_days == 0 ? Money{0} : pro_rata(u.difference, u.cut_days, u.cut_term_days);
    if (!today_part || !cut_part) return fail(!today_part ? today_part.error() : cut_part.error());
    // Each part is at most difference <= max_amount, so their sum is at most 2 x max_amount:
    // far inside 64 bits, but it may pass max_amount alone.
    const std::int64_t part = today_part->minor + cut_part->minor;
    if (part > max_amount.minor ||
        (u.difference.minor != 0 && u.prepaid_terms > (max_amount.minor - part) / u.difference.minor))
        return fail(Error::charge_out_of_range);
    u.total = Money{u.difference.minor * u.prepaid_terms + part};
    return u;
}

// The total alone.
[[nodiscard]] constexpr tl::expected<Money, Error> upgrade_charge(const Bundle& b, BundleType to,
                                                                 const Context& c) noexcept {
    const auto u = upgrade_charge_breakdown(b, to, c);
    if (!u) return fail(u.error());
    return u->total;
}

}  // namespace voip
