// Properties (rapidcheck) of invalid input: the factories, the only way to a Bundle, a
// RenewalPolicy or a Context, refuse each broken member with its typed error, and the
// changes a value offers keep its invariants.
#include "support.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace props {

void invalid_bundles_agree() {
    property("make_bundle, with_type and renewed_until refuse broken members with the first broken rule's error", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle v = *gen::bundle(p);
        // The same members made again: the same bundle.
        RC_ASSERT((make_bundle(v.uuid(), CreatedOn{v.created_on()}, ExpiresOn{v.expires_on()}, v.bundle_type(),
                               v.auto_renew() ? AutoRenew::on : AutoRenew::off) == tl::expected<Bundle, Error>(v)));
        date::sys_days created_on = v.created_on();
        date::sys_days expires_on = v.expires_on();
        BundleType type = v.bundle_type();
        switch (*rc::gen::inRange(0, 6)) {
            case 0: std::swap(created_on, expires_on); break;
            case 1: created_on = expires_on; break;
            case 2: type = static_cast<BundleType>(static_cast<std::uint8_t>(*rc::gen::oneOf(rc::gen::just(0), rc::gen::inRange(6, 256)))); break;
            case 3: expires_on = max_day + date::days{*rc::gen::inRange(1, 1'000'000)}; break;
            case 4: created_on = min_day - date::days{*rc::gen::inRange(1, 1'000'000)}; break;
            default: created_on = expires_on = date::sys_days{}; break;  // 1970-01-01 twice
        }
        const Error expect = !ok(type)                                           ? Error::bundle_type_out_of_range
                             : !in_range(created_on) || !in_range(expires_on) ? Error::date_out_of_range
                                                                              : Error::invalid_bundle;
        RC_ASSERT(fails_with(make_bundle(v.uuid(), CreatedOn{created_on}, ExpiresOn{expires_on}, type, AutoRenew::on),
                             expect));
        // The changes: another type (refused outside 1..5), another expiry (refused unless
        // after created_on and in range); nothing else moves.
        const auto t = v.with_type(type, AutoRenew::off);
        if (ok(type)) {
            RC_ASSERT(t.has_value());
            RC_ASSERT(t->bundle_type() == type);
            RC_ASSERT(!t->auto_renew());
            RC_ASSERT(t->expires_on() == v.expires_on());
            RC_ASSERT(t->created_on() == v.created_on());
        } else {
            RC_ASSERT(fails_with(t, Error::bundle_type_out_of_range));
        }
        const auto r = v.renewed_until(ExpiresOn{expires_on});
        if (!in_range(expires_on)) RC_ASSERT(fails_with(r, Error::date_out_of_range));
        else if (!(v.created_on() < expires_on)) RC_ASSERT(fails_with(r, Error::invalid_bundle));
        else RC_ASSERT(r.has_value() && r->expires_on() == expires_on && r->created_on() == v.created_on());
        // A valid bundle: the bundle overloads answer what the day overloads do.
        const date::sys_days d = *gen::day();
        RC_ASSERT(state_on(v, d, p) == state_on(ExpiresOn{v.expires_on()}, d, p));
        RC_ASSERT(renewal_window(v, p) == renewal_window(v.expires_on(), p));
        RC_ASSERT(sweep_action(v, d, p) == sweep_action(ExpiresOn{v.expires_on()}, v.auto_renew(), d, p));
    });
}

void invalid_inputs_typed_errors() {
    property("make_renewal_policy, make_context and make_price_list refuse what is out of range", [] {
        const RenewalPolicy good = *gen::policy();
        const int room = shortest_term_days(good.term_months());
        int term = good.term_months(), before = good.renew_days_before(), after = good.renew_days_after();
        MonthEnd month_end = good.month_end();
        const int broken = *rc::gen::inRange(0, 4);
        switch (broken) {
            case 0: term = *rc::gen::element(0, 13, -1, 1000); break;
            case 1:  // room - after reaches the next window
                before = *rc::gen::element(-1, 367, room - after, std::numeric_limits<int>::min()); break;
            case 2: after = *rc::gen::element(-1, 367, room - before, std::numeric_limits<int>::max()); break;
            default: month_end = static_cast<MonthEnd>(*rc::gen::inRange(2, 256)); break;
        }
        RC_ASSERT(fails_with(make_renewal_policy(month_end, TermMonths{term}, DaysBefore{before}, DaysAfter{after}),
                             Error::invalid_policy));
        RC_ASSERT((make_renewal_policy(good.month_end(), TermMonths{good.term_months()},
                                       DaysBefore{good.renew_days_before()}, DaysAfter{good.renew_days_after()}) ==
                   tl::expected<RenewalPolicy, Error>(good)));
        // A context: today in 0001..9999, a balance within +-max_amount.
        const date::sys_days out = day(*rc::gen::element(min_serial - 1, max_serial + 1, std::numeric_limits<int>::min() / 2));
        RC_ASSERT(fails_with(make_context(out, good), Error::date_out_of_range));
        const Money owed{*rc::gen::element<std::int64_t>(max_amount.minor + 1, -max_amount.minor - 1,
                                                         std::numeric_limits<std::int64_t>::min())};
        RC_ASSERT(fails_with(make_context(*gen::day(), good, std::nullopt, owed), Error::amount_out_of_range));
        const Context ctx = *gen::context(*gen::day(), good);
        RC_ASSERT(fails_with(ctx.with_today(out), Error::date_out_of_range));
        RC_ASSERT(fails_with(ctx.with_balance(owed), Error::amount_out_of_range));
        // A bad price list is refused before it reaches a context.
        std::array<Money, 5> m{};
        for (auto& x : m) x = *gen::money();
        m[*rc::gen::inRange<std::size_t>(0, 5)] =
            Money{*rc::gen::element<std::int64_t>(-1, max_amount.minor + 1, std::numeric_limits<std::int64_t>::min())};
        using T = BundleType;
        RC_ASSERT(fails_with(make_price_list({{T::business, m[0]}, {T::residential, m[1]}, {T::fax_only, m[2]},
                                              {T::trunk_only, m[3]}, {T::forward_only, m[4]}}), Error::invalid_policy));
        const Money x = *gen::money();
        RC_ASSERT(fails_with(make_price_list({{T::business, x}, {T::residential, x}, {T::fax_only, x}, {T::trunk_only, x}}),
                             Error::invalid_policy));  // a type missing
        RC_ASSERT(fails_with(make_price_list({{T::business, x}, {T::residential, x}, {T::fax_only, x}, {T::trunk_only, x},
                                              {T::forward_only, x}, {T::business, x}}), Error::invalid_policy));
        RC_ASSERT(fails_with(make_price_list({{T::business, x}, {T::residential, x}, {T::fax_only, x}, {T::trunk_only, x},
                                              {static_cast<T>(*rc::gen::element(0, 6, 255)), x}}), Error::invalid_policy));
    });
}

}  // namespace props
