// SPDX-License-Identifier: MIT
#pragma once
// Everything a decision depends on besides the bundle and the request: today, the
// operator's policy, prices and the reseller's balance.
#include <optional>
#include <ostream>

#include <date/date.h>

#include "iso_date.hpp"
#include "money.hpp"
#include "price_list.hpp"
#include "renewal_policy.hpp"

namespace voip {

// No default: a context without a today would decide as if it were 1970-01-01.
struct Context {
    date::sys_days today;
    RenewalPolicy policy;
    std::optional<PriceList> prices;  // none: nothing is charged, no 402 for funds
    std::optional<Money> balance;     // none: charges are computed but not checked against funds

    constexpr explicit Context(date::sys_days today_, RenewalPolicy policy_ = {},
                               std::optional<PriceList> prices_ = std::nullopt,
                               std::optional<Money> balance_ = std::nullopt) noexcept
        : today(today_), policy(policy_), prices(prices_), balance(balance_) {}
};

// Every decision answers invalid_policy for a context that is not ok().
[[nodiscard]] constexpr bool ok(const Context& c) noexcept {
    return in_range(c.today) && ok(c.policy) && (!c.balance || ok_balance(*c.balance));
}

// Whether the reseller can pay `charge` (RULES 8): always without a price list or a
// balance, and always for a charge of zero or less, whatever the balance.
[[nodiscard]] constexpr bool affordable(Money charge, const Context& c) noexcept {
    return !c.prices || !c.balance || charge.minor <= 0 || charge <= *c.balance;
}

inline std::ostream& operator<<(std::ostream& os, const Context& c) {
    os << "{today: " << IsoDate{c.today} << ", policy: " << c.policy << ", prices: ";
    if (c.prices) os << *c.prices;
    else os << "none";
    os << ", balance: ";
    if (c.balance) os << *c.balance;
    else os << "none";
    return os << '}';
}

}  // namespace voip
