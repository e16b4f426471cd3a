#pragma once
// Create, update and renew as pure decisions (RULES 3, 4, 7, 8). Nothing is committed:
// a Decision is the bundle as it would be stored afterwards and what it costs; storing it
// and taking the money is the caller's business. quote_* gives the same decision without
// the funds check, so a client can show the cost before spending it.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>
#include <utility>

#include <date/date.h>
#include <tl/expected.hpp>

#include "bundle.hpp"
#include "error.hpp"
#include "iso_date.hpp"
#include "money.hpp"
#include "renewal_policy.hpp"
#include "request.hpp"
#include "state.hpp"
#include "term.hpp"
#include "uuid.hpp"

namespace voip {

// Everything a decision depends on besides the bundle and the request.
struct Context {
    date::sys_days today{};
    RenewalPolicy policy{};
    std::optional<PriceList> prices{};  // none: nothing is charged, no 402 for funds
    std::optional<Money> balance{};     // none: charges are computed but not checked against funds
};

inline std::ostream& operator<<(std::ostream& os, const Context& c) {
    os << "{today: " << IsoDate{c.today} << ", policy: " << c.policy << ", prices: ";
    if (c.prices) os << *c.prices;
    else os << "none";
    os << ", balance: ";
    if (c.balance) os << *c.balance;
    else os << "none";
    return os << '}';
}

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

[[nodiscard]] constexpr bool ok(const Context& c) noexcept {
    return in_range(c.today) && ok(c.policy) && (!c.prices || ok(*c.prices)) &&
           (!c.balance || (-max_amount.minor <= c.balance->minor && c.balance->minor <= max_amount.minor));
}

namespace detail {
[[nodiscard]] constexpr Money price_of(const Context& c, BundleType t) noexcept {
    return c.prices ? (*c.prices)[t] : Money{0};
}
// The funds check every charging operation ends with.
[[nodiscard]] constexpr Result afford(Decision d, const Context& c, Error short_of_funds) noexcept {
    // Nothing owed, nothing to check: a zero charge never fails, whatever the balance.
    if (c.prices && c.balance && d.charge.minor > 0 && *c.balance < d.charge) return fail(short_of_funds);
    return d;
}
}  // namespace detail

// Create: the bundle starts today and expires one term later; one term's price.
// Short funds answer 400 (Error::insufficient_funds_on_create): the seed's create has no 402.
[[nodiscard]] constexpr Result quote_create(const Request& r, const Uuid& uuid, const Context& c) noexcept {
    if (!ok(c)) return fail(Error::invalid_policy);
    if (!ok(r.bundle_type)) return fail(Error::bundle_type_out_of_range);
    const auto expires = first_expiry(c.today, c.policy);
    if (!expires) return fail(expires.error());
    return Decision{Bundle{uuid, c.today, *expires, r.bundle_type, r.auto_renew}, detail::price_of(c, r.bundle_type)};
}
[[nodiscard]] constexpr Result create(const Request& r, const Uuid& uuid, const Context& c) noexcept {
    const auto q = quote_create(r, uuid, c);
    // 400, not 402: the seed's create answers only 201 or 400 (see docs/rules.md).
    return q ? detail::afford(*q, c, Error::insufficient_funds_on_create) : q;
}

// The pro rata charge for moving a bundle in service on `today` to a dearer type: the
// price difference x days left / days in the term, rounded half up. Cheaper: 0.
[[nodiscard]] constexpr tl::expected<Money, Error> upgrade_charge(const Bundle& b, BundleType to,
                                                                 const Context& c) noexcept {
    if (!ok(b) || !ok(to)) return fail(Error::invalid_bundle);
    if (!c.prices) return Money{0};
    const Money diff{(*c.prices)[to].minor - (*c.prices)[b.bundle_type].minor};
    if (diff.minor <= 0) return Money{0};
    const auto start = term_start(b, c.policy);
    if (!start) return fail(start.error());
    const std::int64_t whole = (b.expires_on - *start).count();  // > 0: start < expires_on for an ok() bundle
    std::int64_t left = (b.expires_on - c.today).count();        // > 0: the bundle is in service
    // Never more than the whole difference: today can precede the computed term start when
    // created_on is after today, or in an overflow-mode term longer than "expires_on minus
    // one month" (01-31 -> 03-03 starts its 31 days before 02-03) (docs/rules.md, 7).
    if (left > whole) left = whole;
    return pro_rata(diff, left, whole);
}

// Update: replaces bundle_type and auto_renew (PUT: omitted auto_renew is false);
// expires_on and created_on stay. A bundle out of service must be renewed first.
[[nodiscard]] constexpr Result quote_update(const Bundle& b, const Request& r, const Context& c) noexcept {
    if (!ok(c)) return fail(Error::invalid_policy);
    if (!ok(b)) return fail(Error::invalid_bundle);
    if (!ok(r.bundle_type)) return fail(Error::bundle_type_out_of_range);
    if (!in_service(state_on(b, c.today, c.policy))) return fail(Error::not_in_service);
    const auto charge = upgrade_charge(b, r.bundle_type, c);
    if (!charge) return fail(charge.error());
    Bundle next = b;
    next.bundle_type = r.bundle_type;
    next.auto_renew = r.auto_renew;
    return Decision{next, *charge};
}
[[nodiscard]] constexpr Result update(const Bundle& b, const Request& r, const Context& c) noexcept {
    const auto q = quote_update(b, r, c);
    return q ? detail::afford(*q, c, Error::insufficient_funds) : q;
}

// Renew: only inside the window; the new expiry is one term after the old one, however
// early or late, so a second renewal in the same window is too early.
[[nodiscard]] constexpr Result quote_renew(const Bundle& b, const Context& c) noexcept {
    if (!ok(c)) return fail(Error::invalid_policy);
    if (!ok(b)) return fail(Error::invalid_bundle);
    if (!renewal_window(b, c.policy).contains(c.today)) return fail(Error::outside_renewal_window);
    const auto expires = next_expiry(b, c.policy);
    if (!expires) return fail(expires.error());
    Bundle next = b;
    next.expires_on = *expires;
    return Decision{next, detail::price_of(c, b.bundle_type)};
}
[[nodiscard]] constexpr Result renew(const Bundle& b, const Context& c) noexcept {
    const auto q = quote_renew(b, c);
    return q ? detail::afford(*q, c, Error::insufficient_funds) : q;
}

// The whole request as the API sees it, in the rules' order of checks (RULES 4, 7):
// malformed uuid -> invalid body -> unknown bundle -> state -> funds.
// `find(const Uuid&)` returns a pointer to the stored bundle, or null.
template <class Find>
[[nodiscard]] Result handle_update(std::string_view uuid_text, const tl::expected<RawRequest, Error>& body, Find&& find,
                                   const Context& c) {
    const auto uuid = parse_uuid(uuid_text);
    if (!uuid) return fail(uuid.error());
    if (!body) return fail(body.error());
    const auto request = validate(*body);
    if (!request) return fail(request.error());
    const Bundle* found = std::forward<Find>(find)(*uuid);
    if (found == nullptr) return fail(Error::unknown_bundle);
    return update(*found, *request, c);
}

template <class Find>
[[nodiscard]] Result handle_renew(std::string_view uuid_text, Find&& find, const Context& c) {
    const auto uuid = parse_uuid(uuid_text);
    if (!uuid) return fail(uuid.error());
    const Bundle* found = std::forward<Find>(find)(*uuid);
    if (found == nullptr) return fail(Error::unknown_bundle);
    return renew(*found, c);
}

[[nodiscard]] constexpr Result handle_create(const tl::expected<RawRequest, Error>& body, const Uuid& new_uuid,
                                             const Context& c) noexcept {
    if (!body) return fail(body.error());
    const auto request = validate(*body);
    if (!request) return fail(request.error());
    return create(*request, new_uuid, c);
}

}  // namespace voip
