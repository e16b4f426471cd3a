// Properties (rapidcheck) of what a bundle may do on a day: the renewal window, the four
// states, the features.
#include "support.hpp"

#include <cstddef>

namespace props {

void window_bounds() {
    property("the window contains expires_on and is [expires_on - before, expires_on + after]", [] {
        const RenewalPolicy p = *gen::policy();
        const date::sys_days e = *gen::day_between(min_day + date::days{400}, max_day - date::days{400});
        const RenewalWindow w = renewal_window(e, p);
        RC_ASSERT(w.contains(e));
        RC_ASSERT(serial(e) - serial(w.first) == p.renew_days_before());
        RC_ASSERT(serial(w.last) - serial(e) == p.renew_days_after());
        RC_ASSERT(!w.contains(w.first - date::days{1}));
        RC_ASSERT(!w.contains(w.last + date::days{1}));
    });
}

void states_partition_days() {
    property("the four states partition every day, in order, as rules.md 5's table says", [] {
        const RenewalPolicy p = *gen::policy();
        const date::sys_days e = *gen::day_between(min_day + date::days{400}, max_day - date::days{400});
        const date::sys_days d = *gen::day_between(e - date::days{400}, e + date::days{400});
        const int before = p.renew_days_before(), after = p.renew_days_after();
        const int n = serial(d) - serial(e);  // days from expiry
        const bool is_active = n < -before;
        const bool is_open = -before <= n && n < 0;
        const bool is_grace = 0 <= n && n <= after;
        const bool is_lapsed = n > after;
        RC_ASSERT(int{is_active} + int{is_open} + int{is_grace} + int{is_lapsed} == 1);
        const State s = state_on(ExpiresOn{e}, d, p);
        RC_ASSERT((s == State::active) == is_active);
        RC_ASSERT((s == State::renewal_open) == is_open);
        RC_ASSERT((s == State::grace) == is_grace);
        RC_ASSERT((s == State::lapsed) == is_lapsed);
        RC_ASSERT(in_service(s) == (n < 0));
        RC_ASSERT(renewable(s) == renewal_window(e, p).contains(d));
        // Monotone: the next day is never in an earlier state.
        RC_ASSERT(static_cast<int>(state_on(ExpiresOn{e}, d + date::days{1}, p)) >= static_cast<int>(s));
    });
}

void feature_usable_in_service_and_type() {
    property("a feature is usable exactly while in service and in the type; 404 -> 402 -> 400", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const date::sys_days d = *gen::day_near(b.expires_on(), p);
        const Feature f = arbitrary<Feature>();
        FeatureTable table = default_feature_table();
        if (*rc::gen::arbitrary<bool>())  // an operator's own table
            for (auto& set : table.by_type) {
                for (std::size_t i = 0; i < feature_count; ++i) {
                    const auto fi = static_cast<Feature>(i);
                    set = *rc::gen::arbitrary<bool>() ? set.with(fi) : set.without(fi);
                }
            }
        const bool serving = d < b.expires_on();
        const bool has = table.at(b.bundle_type())->has(f);
        RC_ASSERT(features_on(b, d, p, table) == (serving ? (*table.at(b.bundle_type())) : FeatureSet{}));
        const auto r = check_feature(&b, f, d, p, table);
        RC_ASSERT(r.has_value() == (serving && has));
        if (!serving) RC_ASSERT(fails_with(r, Error::not_in_service));
        else if (!has) RC_ASSERT(fails_with(r, Error::feature_not_in_type));
        const auto none = check_feature(nullptr, f, d, p, table);
        RC_ASSERT(fails_with(none, Error::unknown_bundle) && status(none.error()) == Status::not_found);
    });
}

}  // namespace props
