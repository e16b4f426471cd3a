// Properties (rapidcheck) of invalid input: invalid bundles and contexts get their typed
// error from every operation, never undefined behaviour.
#include "support.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace props {

void invalid_bundles_agree() {
    property("state_on, renewal_window, sweep_action, renew and update agree on invalid bundles", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::invalid_bundle();
        const date::sys_days d = *gen::day();
        const Context ctx = *gen::context(d, p);
        RC_ASSERT(!ok(b));
        RC_ASSERT(fails_with(state_on(b, d, p), Error::invalid_bundle));
        RC_ASSERT(fails_with(renewal_window(b, p), Error::invalid_bundle));
        RC_ASSERT(sweep_action(b, d, p) == SweepAction::invalid);
        RC_ASSERT(sweep_totals(&b, 1, d, p).invalid == 1);
        RC_ASSERT(fails_with(renew(b, ctx), Error::invalid_bundle));
        RC_ASSERT(fails_with(quote_renew(b, ctx), Error::invalid_bundle));
        RC_ASSERT(fails_with(update(b, *gen::request(), ctx), Error::invalid_bundle));
        RC_ASSERT(fails_with(upgrade_charge(b, *gen::type(), ctx), Error::invalid_bundle));
        RC_ASSERT(fails_with(next_expiry(b, p), Error::invalid_bundle));
        RC_ASSERT(fails_with(term_start(b, p), Error::invalid_bundle));
        RC_ASSERT(fails_with(upgrade_charge_breakdown(b, *gen::type(), ctx), Error::invalid_bundle));
        const auto find = [&](const Uuid&) { return &b; };
        RC_ASSERT(fails_with(handle_renew(b.uuid, find, ctx), Error::invalid_bundle));
        RC_ASSERT(features_on(b, d, p) == FeatureSet{});
        RC_ASSERT(fails_with(check_feature(&b, arbitrary<Feature>(), d, p), Error::invalid_bundle));
        RC_ASSERT((success_envelope(arbitrary<Operation>(), b) == error_envelope(Error::invalid_bundle)));
        // make_bundle refuses the same members, with the first broken rule's error.
        const auto made = make_bundle(b.uuid, CreatedOn{b.created_on}, ExpiresOn{b.expires_on}, b.bundle_type,
                                      b.auto_renew ? AutoRenew::on : AutoRenew::off);
        const Error expect = !ok(b.bundle_type)                                 ? Error::bundle_type_out_of_range
                             : !in_range(b.created_on) || !in_range(b.expires_on) ? Error::date_out_of_range
                                                                                  : Error::invalid_bundle;
        RC_ASSERT(fails_with(made, expect));
        // A valid bundle: the bundle overloads answer what the day overloads do.
        const Bundle v = *gen::bundle(p);
        RC_ASSERT(*state_on(v, d, p) == state_on(v.expires_on, d, p));
        RC_ASSERT(renewal_window(v, p)->first == renewal_window(v.expires_on, p).first);
        RC_ASSERT(renewal_window(v, p)->last == renewal_window(v.expires_on, p).last);
        RC_ASSERT(sweep_action(v, d, p) == sweep_action(v.expires_on, v.auto_renew, d, p));
        RC_ASSERT((make_bundle(v.uuid, CreatedOn{v.created_on}, ExpiresOn{v.expires_on}, v.bundle_type,
                               v.auto_renew ? AutoRenew::on : AutoRenew::off) == tl::expected<Bundle, Error>(v)));
    });
}

void invalid_inputs_typed_errors() {
    property("invalid inputs get their typed error from every operation, never UB", [] {
        // A context ok() rejects: a policy out of range or with overlapping windows, a
        // balance beyond max_amount, or today outside 0001..9999. (A price beyond it cannot
        // get into a context: make_price_list refuses it, checked below.)
        const RenewalPolicy good = *gen::policy();
        Context ctx = *gen::context(*gen::day(), good);
        const int room = shortest_term_days(good.term_months);
        const int broken = *rc::gen::inRange(0, 9);
        switch (broken) {
            case 0: ctx.policy.term_months = *rc::gen::element(0, 13, -1, 1000); break;
            case 1: ctx.policy.renew_days_before =  // room - after reaches the next window
                *rc::gen::element(-1, 367, room - good.renew_days_after, std::numeric_limits<int>::min()); break;
            case 2: ctx.policy.renew_days_after =
                *rc::gen::element(-1, 367, room - good.renew_days_before, std::numeric_limits<int>::max()); break;
            case 3: ctx.policy.month_end = static_cast<MonthEnd>(*rc::gen::inRange(2, 256)); break;
            case 4: ctx.balance = Money{*rc::gen::element<std::int64_t>(max_amount.minor + 1, -max_amount.minor - 1,
                                                                         std::numeric_limits<std::int64_t>::min())}; break;
            case 5: ctx.today = day(*rc::gen::element(min_serial - 1, max_serial + 1, std::numeric_limits<int>::min() / 2)); break;
            case 6: {  // the context is fine; a bad price list is refused before it reaches one
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
                break;
            }
            default: break;  // the context is fine; the bundle below is not
        }
        RC_ASSERT(ok(ctx) == (broken >= 6));
        // A bundle ok() rejects, or a good one.
        const bool bad_bundle = broken >= 6 ? *rc::gen::inRange(0, 5) != 0 : *rc::gen::arbitrary<bool>();
        const Bundle b = bad_bundle ? *gen::invalid_bundle() : *gen::bundle(good);
        RC_ASSERT(ok(b) == !bad_bundle);
        const Request req = *gen::request();
        if (broken < 6) {
            RC_ASSERT(fails_with(quote_create(req, b.uuid, ctx), Error::invalid_policy));
            RC_ASSERT(fails_with(create(req, b.uuid, ctx), Error::invalid_policy));
            RC_ASSERT(fails_with(quote_update(b, req, ctx), Error::invalid_policy));
            RC_ASSERT(fails_with(update(b, req, ctx), Error::invalid_policy));
            RC_ASSERT(fails_with(quote_renew(b, ctx), Error::invalid_policy));
            RC_ASSERT(fails_with(renew(b, ctx), Error::invalid_policy));
            RC_ASSERT(fails_with(upgrade_charge(b, req.bundle_type, ctx), Error::invalid_policy));
        } else if (bad_bundle) {
            RC_ASSERT(fails_with(update(b, req, ctx), Error::invalid_bundle));
            RC_ASSERT(fails_with(renew(b, ctx), Error::invalid_bundle));
            RC_ASSERT(fails_with(check_feature(&b, Feature::phone_numbers, ctx.today, ctx.policy), Error::invalid_bundle));
            RC_ASSERT(features_on(b, ctx.today, ctx.policy) == FeatureSet{});
        }
        // Envelopes of whatever came out are still written (or refused) cleanly.
        const Envelope e = make_envelope(Operation::renew, renew(b, ctx));
        RC_ASSERT(!to_string(e).empty());
    });
}

}  // namespace props
