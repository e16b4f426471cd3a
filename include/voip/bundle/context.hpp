// SPDX-License-Identifier: MIT
#pragma once
// Everything a decision depends on besides the bundle and the request: today, the
// operator's policy, prices and the reseller's balance.
#include <optional>
#include <ostream>

#include <date/date.h>
#include <tl/expected.hpp>

#include "error.hpp"
#include "iso_date.hpp"
#include "money.hpp"
#include "price_list.hpp"
#include "renewal_policy.hpp"

namespace voip {

class Context;
[[nodiscard]] constexpr tl::expected<Context, Error> make_context(date::sys_days today, RenewalPolicy policy = {},
                                                                  std::optional<PriceList> prices = std::nullopt,
                                                                  std::optional<Money> balance = std::nullopt) noexcept;

// Valid by construction (make_context): today in 0001..9999 and a balance, when given,
// within [-max_amount, max_amount]. No default: a context without a today would decide
// as if it were 1970-01-01.
class Context {
public:
    // const: `c.today() = d` does not compile (it would assign to a copy).
    // NOLINTNEXTLINE(readability-const-return-type)
    [[nodiscard]] constexpr const date::sys_days today() const noexcept { return today_; }
    [[nodiscard]] constexpr const RenewalPolicy& policy() const noexcept { return policy_; }
    // none: nothing is charged, no 402 for funds
    [[nodiscard]] constexpr const std::optional<PriceList>& prices() const noexcept { return prices_; }
    // none: charges are computed but not checked against funds
    [[nodiscard]] constexpr const std::optional<Money>& balance() const noexcept { return balance_; }

    // The same context on another day; date_out_of_range outside 0001..9999.
    [[nodiscard]] constexpr tl::expected<Context, Error> with_today(date::sys_days day) const noexcept {
        return make_context(day, policy_, prices_, balance_);
    }
    // The same context with another balance, or none; amount_out_of_range outside
    // [-max_amount, max_amount].
    [[nodiscard]] constexpr tl::expected<Context, Error> with_balance(std::optional<Money> m) const noexcept {
        return make_context(today_, policy_, prices_, m);
    }
    // The same context under another policy.
    [[nodiscard]] constexpr Context with_policy(const RenewalPolicy& p) const noexcept {
        return Context(today_, p, prices_, balance_);
    }

private:
    constexpr Context(date::sys_days today, const RenewalPolicy& policy, const std::optional<PriceList>& prices,
                      const std::optional<Money>& balance) noexcept
        : today_(today), policy_(policy), prices_(prices), balance_(balance) {}
    friend constexpr tl::expected<Context, Error> make_context(date::sys_days, RenewalPolicy, std::optional<PriceList>,
                                                               std::optional<Money>) noexcept;

    date::sys_days today_;
    RenewalPolicy policy_;
    std::optional<PriceList> prices_;
    std::optional<Money> balance_;
};

// date_out_of_range for a day outside 0001..9999; amount_out_of_range for a balance
// outside [-max_amount, max_amount].
[[nodiscard]] constexpr tl::expected<Context, Error> make_context(date::sys_days today, RenewalPolicy policy,
                                                                  std::optional<PriceList> prices,
                                                                  std::optional<Money> balance) noexcept {
    if (!in_range(today)) return fail(Error::date_out_of_range);
    if (balance && !ok_balance(*balance)) return fail(Error::amount_out_of_range);
    return Context(today, policy, prices, balance);
}

// Whether the reseller can pay `charge` (rules.md 8): always without a price list or a
// balance, and always for a charge of zero or less, whatever the balance.
[[nodiscard]] constexpr bool affordable(Money charge, const Context& c) noexcept {
    return !c.prices() || !c.balance() || charge.minor <= 0 || charge <= *c.balance();
}

inline std::ostream& operator<<(std::ostream& os, const Context& c) {
    os << "{today: " << IsoDate{c.today()} << ", policy: " << c.policy() << ", prices: ";
    if (c.prices()) os << *c.prices();
    else os << "none";
    os << ", balance: ";
    if (c.balance()) os << *c.balance();
    else os << "none";
    return os << '}';
}

}  // namespace voip
