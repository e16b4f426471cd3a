// SPDX-License-Identifier: MIT
#pragma once
// Create, update and renew as pure decisions (rules.md 3, 4, 7, 8). Nothing is committed:
// a Decision is the bundle as it would be stored afterwards and what it costs; storing it
// and taking the money is the caller's business. quote_* gives the same decision without
// the funds check, so a client can show the cost before spending it.
#include <ostream>
#include <utility>

#include <tl/expected.hpp>

#include "bundle.hpp"
#include "charge.hpp"
#include "context.hpp"
#include "error.hpp"
#include "money.hpp"
#include "request.hpp"
#include "renewal_window.hpp"
#include "state.hpp"
#include "term.hpp"
#include "uuid.hpp"

namespace voip {

struct Decision {
    Bundle bundle;  // the bundle as it would be stored afterwards
    Money charge;   // what the operation costs, 0 without a price list
};

[[nodiscard]] constexpr bool operator==(const Decision& a, const Decision& b) noexcept {
    return a.bundle == b.bundle && a.charge == b.charge;
}
[[nodiscard]] constexpr bool operator!=(const Decision& a, const Decision& b) noexcept { return !(a == b); }

inline std::ostream& operator<<(std::ostream& os, const Decision& d) {
    return os << "{bundle: " << d.bundle << ", charge: " << d.charge << '}';
}

using Result = tl::expected<Decision, Error>;

namespace detail {
// Nothing without a price list. Requires ok(t): callers check the request's type first.
[[nodiscard]] constexpr Money price_of(const Context& c, BundleType t) noexcept {
    return c.prices() ? *c.prices()->at(t) : Money{0};
}
// The funds check every charging operation ends with.
[[nodiscard]] constexpr Result afford(const Decision& d, const Context& c, Error short_of_funds) noexcept {
    if (!affordable(d.charge, c)) return fail(short_of_funds);
    return d;
}
}  // namespace detail

// Create: the bundle starts today and expires one term later; one term's price.
// Short funds answer 400 (Error::insufficient_funds_on_create): the seed's create has no 402.
[[nodiscard]] constexpr Result quote_create(const Request& r, const Uuid& uuid, const Context& c) noexcept {
    if (!ok(r.bundle_type)) return fail(Error::bundle_type_out_of_range);
    const auto expires = first_expiry(c.today(), c.policy());
    if (!expires) return fail(expires.error());
    // The type is ok, both days in range and the expiry after today: make_bundle cannot fail.
    const Bundle b = *make_bundle(uuid, CreatedOn{c.today()}, ExpiresOn{*expires}, r.bundle_type,
                                  r.auto_renew ? AutoRenew::on : AutoRenew::off);
    return Decision{b, detail::price_of(c, r.bundle_type)};
}
[[nodiscard]] constexpr Result create(const Request& r, const Uuid& uuid, const Context& c) noexcept {
    const auto q = quote_create(r, uuid, c);
    // 400, not 402: the seed's create answers only 201 or 400 (see docs/rules.md).
    return q ? detail::afford(*q, c, Error::insufficient_funds_on_create) : q;
}

// Update: replaces bundle_type and auto_renew (PUT: omitted auto_renew is false);
// expires_on and created_on stay. A bundle out of service must be renewed first. The
// charge is upgrade_charge() (charge.hpp): the price difference for every prepaid day.
[[nodiscard]] constexpr Result quote_update(const Bundle& b, const Request& r, const Context& c) noexcept {
    const auto next = b.with_type(r.bundle_type, r.auto_renew ? AutoRenew::on : AutoRenew::off);
    if (!next) return fail(next.error());
    if (!in_service(state_on(b, c))) return fail(Error::not_in_service);
    const auto charge = upgrade_charge(b, r.bundle_type, c);
    if (!charge) return fail(charge.error());
    return Decision{*next, *charge};
}
[[nodiscard]] constexpr Result update(const Bundle& b, const Request& r, const Context& c) noexcept {
    const auto q = quote_update(b, r, c);
    return q ? detail::afford(*q, c, Error::insufficient_funds) : q;
}

// Renew: only inside the window; the new expiry is one term after the old one, however
// early or late, so a second renewal in the same window is too early.
// can_renew() is its first check, so the two never disagree.
[[nodiscard]] constexpr Result quote_renew(const Bundle& b, const Context& c) noexcept {
    if (const auto open = can_renew(b, c); !open) return fail(open.error());
    const auto expires = next_expiry(b, c.policy());
    if (!expires) return fail(expires.error());
    // In range and after the old expiry, so after created_on: renewed_until cannot fail.
    return Decision{*b.renewed_until(ExpiresOn{*expires}), detail::price_of(c, b.bundle_type())};
}
[[nodiscard]] constexpr Result renew(const Bundle& b, const Context& c) noexcept {
    const auto q = quote_renew(b, c);
    return q ? detail::afford(*q, c, Error::insufficient_funds) : q;
}

// A call on one bundle, after the wire was read: decode -> validate -> find -> decide.
// The text was already turned into a Uuid and a Request (the decoders of
// voip/bundle/json/calls.hpp do that in the rules' order: uuid, then body), so no failed
// decode reaches a decision. `find(const Uuid&)` returns a pointer to the stored bundle,
// or null: unknown_bundle (404).
template <class Find>
[[nodiscard]] Result handle_update(const Uuid& uuid, const Request& request, Find&& find, const Context& c) {
    const Bundle* found = std::forward<Find>(find)(uuid);
    if (found == nullptr) return fail(Error::unknown_bundle);
    return update(*found, request, c);
}

template <class Find>
[[nodiscard]] Result handle_renew(const Uuid& uuid, Find&& find, const Context& c) {
    const Bundle* found = std::forward<Find>(find)(uuid);
    if (found == nullptr) return fail(Error::unknown_bundle);
    return renew(*found, c);
}

}  // namespace voip
