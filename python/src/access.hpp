// SPDX-License-Identifier: MIT
#pragma once
// The one place the bindings read the members of voip::Bundle, voip::RenewalPolicy and
// voip::Context, and make the last two, through the library's accessors and factories.
// Every rule stays the C++ headers'.
#include <cstdint>
#include <optional>

#include <date/date.h>
#include <tl/expected.hpp>

#include <voip/bundle.hpp>

namespace vb {

// Bundle
inline const voip::Uuid& uuid_of(const voip::Bundle& b) noexcept { return b.uuid(); }
inline date::sys_days created_on_of(const voip::Bundle& b) noexcept { return b.created_on(); }
inline date::sys_days expires_on_of(const voip::Bundle& b) noexcept { return b.expires_on(); }
inline voip::BundleType bundle_type_of(const voip::Bundle& b) noexcept { return b.bundle_type(); }
inline bool auto_renew_of(const voip::Bundle& b) noexcept { return b.auto_renew(); }

// RenewalPolicy
inline voip::MonthEnd month_end_of(const voip::RenewalPolicy& p) noexcept { return p.month_end(); }
inline int term_months_of(const voip::RenewalPolicy& p) noexcept { return p.term_months(); }
inline int days_before_of(const voip::RenewalPolicy& p) noexcept { return p.renew_days_before(); }
inline int days_after_of(const voip::RenewalPolicy& p) noexcept { return p.renew_days_after(); }

// make_renewal_policy: invalid_policy for numbers out of range.
inline tl::expected<voip::RenewalPolicy, voip::Error> make_policy(voip::MonthEnd month_end, int term_months,
                                                                  int days_before, int days_after) noexcept {
    return voip::make_renewal_policy(month_end, voip::TermMonths{term_months}, voip::DaysBefore{days_before},
                                     voip::DaysAfter{days_after});
}

// Context
inline date::sys_days today_of(const voip::Context& c) noexcept { return c.today(); }
inline const voip::RenewalPolicy& policy_of(const voip::Context& c) noexcept { return c.policy(); }
inline const std::optional<voip::PriceList>& prices_of(const voip::Context& c) noexcept { return c.prices(); }
inline const std::optional<voip::Money>& balance_of(const voip::Context& c) noexcept { return c.balance(); }

// make_context: date_out_of_range for today, amount_out_of_range for the balance.
inline tl::expected<voip::Context, voip::Error> make_context(date::sys_days today, const voip::RenewalPolicy& policy,
                                                            const std::optional<voip::PriceList>& prices,
                                                            const std::optional<voip::Money>& balance) noexcept {
    return voip::make_context(today, policy, prices, balance);
}

}  // namespace vb
