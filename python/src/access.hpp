// SPDX-License-Identifier: MIT
#pragma once
// The one place the bindings read the members of voip::Bundle, voip::RenewalPolicy and
// voip::Context, and make the last two. When those types become classes with accessors
// (uuid(), month_end(), today(), ...) and checked factories (make_renewal_policy,
// make_context), only the bodies below change. Every rule stays the C++ headers'.
#include <cstdint>
#include <optional>

#include <date/date.h>
#include <tl/expected.hpp>

#include <voip/bundle.hpp>

namespace vb {

// Bundle
inline const voip::Uuid& uuid_of(const voip::Bundle& b) noexcept { return b.uuid; }
inline date::sys_days created_on_of(const voip::Bundle& b) noexcept { return b.created_on; }
inline date::sys_days expires_on_of(const voip::Bundle& b) noexcept { return b.expires_on; }
inline voip::BundleType bundle_type_of(const voip::Bundle& b) noexcept { return b.bundle_type; }
inline bool auto_renew_of(const voip::Bundle& b) noexcept { return b.auto_renew; }

// RenewalPolicy
inline voip::MonthEnd month_end_of(const voip::RenewalPolicy& p) noexcept { return p.month_end; }
inline int term_months_of(const voip::RenewalPolicy& p) noexcept { return p.term_months; }
inline int days_before_of(const voip::RenewalPolicy& p) noexcept { return p.renew_days_before; }
inline int days_after_of(const voip::RenewalPolicy& p) noexcept { return p.renew_days_after; }

// invalid_policy unless ok(): what make_renewal_policy(MonthEnd, TermMonths{}, DaysBefore{},
// DaysAfter{}) answers once it exists.
inline tl::expected<voip::RenewalPolicy, voip::Error> make_policy(voip::MonthEnd month_end, int term_months,
                                                                  int days_before, int days_after) noexcept {
    voip::RenewalPolicy p;
    p.month_end = month_end;
    p.term_months = term_months;
    p.renew_days_before = days_before;
    p.renew_days_after = days_after;
    if (!voip::ok(p)) return voip::fail(voip::Error::invalid_policy);
    return p;
}

// Context
inline date::sys_days today_of(const voip::Context& c) noexcept { return c.today; }
inline const voip::RenewalPolicy& policy_of(const voip::Context& c) noexcept { return c.policy; }
inline const std::optional<voip::PriceList>& prices_of(const voip::Context& c) noexcept { return c.prices; }
inline const std::optional<voip::Money>& balance_of(const voip::Context& c) noexcept { return c.balance; }

// invalid_policy unless ok(): what make_context(today, policy, prices, balance) answers.
inline tl::expected<voip::Context, voip::Error> make_context(date::sys_days today, const voip::RenewalPolicy& policy,
                                                            const std::optional<voip::PriceList>& prices,
                                                            const std::optional<voip::Money>& balance) noexcept {
    const voip::Context c{today, policy, prices, balance};
    if (!voip::ok(c)) return voip::fail(voip::Error::invalid_policy);
    return c;
}

}  // namespace vb
