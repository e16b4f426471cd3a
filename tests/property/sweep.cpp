// Properties (rapidcheck) of the daily sweep: the same answers as per-bundle calls in every
// form (iterators, array, columns), for any policy and any day count.
#include "support.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace props {

void sweep_agrees_with_single_calls() {
    property("the sweep agrees with per-bundle calls", [] {
        const RenewalPolicy p = *gen::policy();
        const int n = *rc::gen::inRange(0, 40);
        std::vector<Bundle> bundles;
        // Mostly ordinary days; sometimes days near 0001-01-01 or 9999-12-31, where the
        // sweep's fast path cannot precompute its bounds.
        const date::sys_days today = *gen::day();
        for (int i = 0; i < n; ++i) {
            const date::sys_days e = day(std::clamp(serial(today) + *rc::gen::inRange(-60, 61), min_serial + 1, max_serial));
            const date::sys_days c = day(std::max(serial(e) - *rc::gen::inRange(28, 400), min_serial));
            const auto b = make_bundle(*gen::uuid(), CreatedOn{c}, ExpiresOn{e}, *gen::type(),
                                       *rc::gen::arbitrary<bool>() ? AutoRenew::on : AutoRenew::off);
            RC_ASSERT(b.has_value());
            bundles.push_back(*b);
        }
        std::vector<std::pair<Bundle, SweepAction>> reported;
        const SweepTotals t = sweep(bundles.begin(), bundles.end(), today, p,
                                    [&](const Bundle& b, SweepAction a) { reported.emplace_back(b, a); });
        SweepTotals expect, expect_columns;
        std::vector<std::pair<Bundle, SweepAction>> expect_reported;
        const Context ctx = make_context(today, p).value();
        for (const Bundle& b : bundles) {
            const SweepAction a = sweep_action(b, today, p);
            expect.add(a);
            expect_columns.add(sweep_action(ExpiresOn{b.expires_on()}, b.auto_renew(), today, p));
            if (a != SweepAction::none) expect_reported.emplace_back(b, a);
            // renew exactly when the flag is on and the window open, which is when renew()
            // succeeds today, unless the next expiry would pass 9999-12-31 (a 400 that the
            // daily sweep meets until the bundle lapses); lapsed exactly when the state is.
            const bool open = renewal_window(b, p).contains(today);
            RC_ASSERT((a == SweepAction::renew) == (b.auto_renew() && open));
            const auto r = renew(b, ctx);
            if (open) RC_ASSERT(r.has_value() || r.error() == Error::date_out_of_range);
            else RC_ASSERT(fails_with(r, Error::outside_renewal_window));
            RC_ASSERT((a == SweepAction::lapsed) == (state_on(b, today, p) == State::lapsed));
            RC_ASSERT(a == sweep_action(ExpiresOn{b.expires_on()}, b.auto_renew(), today, p));
        }
        RC_ASSERT(t == expect);
        RC_ASSERT(t.total() == static_cast<std::uint64_t>(n));
        RC_ASSERT(reported.size() == expect_reported.size());
        for (std::size_t i = 0; i < reported.size(); ++i) {
            RC_ASSERT(reported[i].first == expect_reported[i].first);
            RC_ASSERT(reported[i].second == expect_reported[i].second);
        }
        RC_ASSERT(sweep_totals(bundles.data(), bundles.size(), today, p) == t);
        // The columns hold no created_on or type: they see only expiry and flag.
        std::vector<date::sys_days> expiries;
        std::unique_ptr<bool[]> flags(new bool[bundles.size() + 1]);
        for (std::size_t i = 0; i < bundles.size(); ++i) {
            expiries.push_back(bundles[i].expires_on());
            flags[i] = bundles[i].auto_renew();
        }
        const SweepTotals columns = sweep_totals(expiries.data(), flags.get(), bundles.size(), today, p);
        RC_ASSERT(columns == expect_columns);
        RC_ASSERT(columns == t);
    });
}

void sweep_forms_agree() {
    property("the sweep's three forms agree for any day count and any policy", [] {
        // Days far outside 0001..9999 (today; a column's expiries, as a corrupt store could
        // hold them) must still give the same totals everywhere, without UB (UBSan).
        const RenewalPolicy p = *gen::policy();
        const date::sys_days today = day(*rc::gen::arbitrary<int>());
        const int n = *rc::gen::inRange(0, 20);
        std::vector<Bundle> bundles;
        std::vector<date::sys_days> expiries;
        std::unique_ptr<bool[]> flags(new bool[static_cast<std::size_t>(n) + 1]);
        SweepTotals expect, expect_columns;
        for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
            const Bundle b = *gen::bundle(p);
            bundles.push_back(b);
            const date::sys_days e = *rc::gen::arbitrary<bool>() ? day(*rc::gen::arbitrary<int>()) : b.expires_on();
            expiries.push_back(e);
            flags[i] = b.auto_renew();
            expect.add(sweep_action(b, today, p));
            expect_columns.add(sweep_action(ExpiresOn{e}, b.auto_renew(), today, p));
            RC_ASSERT(sweep_action(b, today, p) == sweep_action(ExpiresOn{b.expires_on()}, b.auto_renew(), today, p));
        }
        RC_ASSERT(sweep_totals(bundles.data(), bundles.size(), today, p) == expect);
        RC_ASSERT(sweep(bundles.begin(), bundles.end(), today, p, [](const Bundle&, SweepAction) {}) == expect);
        RC_ASSERT(sweep_totals(expiries.data(), flags.get(), bundles.size(), today, p) == expect_columns);
    });
}

}  // namespace props
