// Properties (rapidcheck) of the generators themselves: valid values, bundles on their
// chain of terms.
#include "support.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace props {

void generators_make_valid_values() {
    property("the generators make valid values, bundles on their chain of terms", [] {
        const RenewalPolicy p = arbitrary<RenewalPolicy>();
        RC_ASSERT(make_renewal_policy(p.month_end(), TermMonths{p.term_months()}, DaysBefore{p.renew_days_before()},
                                      DaysAfter{p.renew_days_after()}).has_value());
        const date::sys_days d = *gen::day();
        RC_ASSERT(in_range(d));
        RC_ASSERT(ok(arbitrary<Money>()));
        RC_ASSERT(ok_balance(*gen::balance()));
        const PriceList prices = arbitrary<PriceList>();
        for (int c = 1; c <= 5; ++c) RC_ASSERT(ok((*prices.at(*bundle_type_from_code(c)))));
        RC_ASSERT(ok(arbitrary<BundleType>()));
        RC_ASSERT(ok(arbitrary<Request>().bundle_type));
        const Context c = *gen::context(d, p);
        RC_ASSERT(c.today() == d);
        RC_ASSERT(c.policy() == p);
        RC_ASSERT(!c.balance() || ok_balance(*c.balance()));
        // A bundle is exactly on its chain: created_on, then whole terms up to expires_on,
        // the same days as the independent calendar gives.
        const Bundle b = *gen::bundle(p);
        RC_ASSERT(b.created_on() < b.expires_on());
        const std::vector<date::sys_days> t = chain(b, p);
        RC_ASSERT(t.back() == b.expires_on());
        const oracle::Ymd start = ymd(b.created_on());
        oracle::Ymd chained = start;
        for (std::size_t k = 1; k < t.size(); ++k) {
            chained = oracle::add_overflow(chained, p.term_months());
            const oracle::Ymd expect = p.month_end() == MonthEnd::clamp
                                           ? oracle::add_clamped(start, static_cast<int>(k) * p.term_months(), start.d)
                                           : chained;
            RC_ASSERT(ymd(t[k]) == expect);
        }
        const date::sys_days n = *gen::day_near(b.expires_on(), p);
        const int reach = std::max({40, p.renew_days_before() + 1, p.renew_days_after() + 1});
        RC_ASSERT(in_range(n));
        RC_ASSERT(std::abs(serial(n) - serial(b.expires_on())) <= reach);
        RC_ASSERT(name(arbitrary<Error>()) != "unknown_error");
        RC_ASSERT(name(arbitrary<State>()) != "invalid");
        RC_ASSERT(name(arbitrary<Operation>()) != "invalid");
        RC_ASSERT(name(arbitrary<Feature>()) != "invalid");
        const int status_code = code(arbitrary<Status>());
        RC_ASSERT((status_code == 200 || status_code == 201 || status_code == 400 || status_code == 402 || status_code == 404 ||
                   status_code == 500));
        const MonthEnd m = arbitrary<MonthEnd>();
        RC_ASSERT((m == MonthEnd::clamp || m == MonthEnd::overflow));
        RC_ASSERT(static_cast<int>(arbitrary<SweepAction>()) <= static_cast<int>(SweepAction::lapsed));
    });
}

}  // namespace props
