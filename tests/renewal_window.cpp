#include <voip/bundle/operations.hpp>
#include <voip/bundle/renewal_window.hpp>
#include <voip/bundle/state.hpp>

#include <doctest/doctest.h>

#include "common.hpp"

using namespace voip;
using voip_test::day;
using voip_test::make_bundle;

TEST_CASE("the one definition: the window's ends as offsets from expires_on, and seen from a day") {
    const RenewalPolicy p{MonthEnd::clamp, 1, 3, 5};
    CHECK(detail::window_offsets(p).first == -3);
    CHECK(detail::window_offsets(p).last == 5);
    const date::sys_days e = day("2018-09-01");
    const detail::DaySpan w = detail::window_days(e, p);
    CHECK(w.first == detail::day_count(day("2018-08-29")));
    CHECK(w.last == detail::day_count(day("2018-09-06")));
    // From 2018-09-06, the expiries whose window holds it run from 2018-09-01 to 2018-09-09.
    const detail::DaySpan from_day = detail::expiries_open_on(day("2018-09-06"), p);
    CHECK(from_day.first == detail::day_count(day("2018-09-01")));
    CHECK(from_day.last == detail::day_count(day("2018-09-09")));
    // The two views agree: expiry e is in expiries_open_on(d) exactly when d is in e's window.
    for (const RenewalPolicy q : {p, RenewalPolicy{MonthEnd::clamp, 1, 0, 0}, RenewalPolicy{MonthEnd::clamp, 3, 10, 20}})
        for (int de = -30; de <= 30; ++de)
            for (int dd = -30; dd <= 30; ++dd) {
                const date::sys_days ex = e + date::days{de};
                const date::sys_days d = e + date::days{dd};
                CHECK_EQ(detail::expiries_open_on(d, q).contains(detail::day_count(ex)),
                         detail::window_days(ex, q).contains(detail::day_count(d)));
            }
    static_assert(detail::window_days(date::sys_days{date::days{100}}, RenewalPolicy{}).first == 97);
    static_assert(detail::expiries_open_on(date::sys_days{date::days{100}}, RenewalPolicy{}).last == 103);
}

TEST_CASE("renewal_window(bundle, Context) is renewal_window(bundle, context's policy)") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    const RenewalPolicy wide{MonthEnd::clamp, 3, 10, 20};
    const RenewalWindow w = *renewal_window(b, Context{day("2018-01-01"), wide});
    CHECK(w.first == day("2018-08-22"));
    CHECK(w.last == day("2018-09-21"));
    CHECK(renewal_window(b, Context{day("2018-08-30")})->first == day("2018-08-29"));
    CHECK(renewal_window(b, Context{day("2018-08-30")})->last == day("2018-09-06"));
    const Bundle swapped = voip_test::raw_bundle(day("2018-09-01"), day("2018-08-01"));
    CHECK(renewal_window(swapped, Context{day("2018-08-30")}).error() == Error::invalid_bundle);
}

TEST_CASE("state_on(bundle, Context) is state_on(bundle, today, policy)") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    const RenewalPolicy wide{MonthEnd::clamp, 3, 10, 20};
    for (int offset = -12; offset <= 22; ++offset) {
        const date::sys_days d = b.expires_on + date::days{offset};
        CAPTURE(offset);
        CHECK(state_on(b, Context{d}) == state_on(b, d, RenewalPolicy{}));
        CHECK(state_on(b, Context{d, wide}) == state_on(b, d, wide));
    }
    CHECK(*state_on(b, Context{day("2018-08-21"), wide}) == State::active);
    CHECK(*state_on(b, Context{day("2018-08-22"), wide}) == State::renewal_open);
    CHECK(*state_on(b, Context{day("2018-09-21"), wide}) == State::grace);
    CHECK(*state_on(b, Context{day("2018-09-22"), wide}) == State::lapsed);
    const Bundle swapped = voip_test::raw_bundle(day("2018-09-01"), day("2018-08-01"));
    CHECK(state_on(swapped, Context{day("2018-08-30")}).error() == Error::invalid_bundle);
}

TEST_CASE("can_renew: the seed's window, 2018-08-29..2018-09-06 for expires 2018-09-01") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    const RenewalPolicy p;
    CHECK(can_renew(b, day("2018-08-28"), p).error() == Error::outside_renewal_window);
    CHECK(can_renew(b, day("2018-08-29"), p).has_value());
    CHECK(can_renew(b, day("2018-09-01"), p).has_value());
    CHECK(can_renew(b, day("2018-09-06"), p).has_value());
    CHECK(can_renew(b, day("2018-09-07"), p).error() == Error::outside_renewal_window);
    CHECK(can_renew(b, Context{day("2018-08-29")}).has_value());
    CHECK_FALSE(can_renew(b, Context{day("2018-08-28")}).has_value());
#if __cplusplus >= 202002L  // tl::expected<void, E>'s success is a constant from C++20 on (its union)
    static_assert(can_renew(*voip::make_bundle(Uuid{}, CreatedOn{date::sys_days{date::year{2018} / 8 / 1}},
                                               ExpiresOn{date::sys_days{date::year{2018} / 9 / 1}},
                                               BundleType::business, AutoRenew::off),
                            date::sys_days{date::year{2018} / 8 / 29}, RenewalPolicy{})
                      .has_value());
#endif
}

TEST_CASE("can_renew answers what renew's window check answers, in renew's order") {
    const Bundle b = make_bundle("2018-01-31", "2018-02-28");
    const Bundle swapped = voip_test::raw_bundle(day("2018-09-01"), day("2018-08-01"));
    const RenewalPolicy bad{MonthEnd::clamp, 1, 20, 20};  // windows that would overlap: not ok()
    for (const RenewalPolicy p : {RenewalPolicy{}, RenewalPolicy{MonthEnd::overflow, 1, 0, 0},
                                  RenewalPolicy{MonthEnd::clamp, 3, 10, 20}, bad})
        for (int offset = -25; offset <= 25; ++offset) {
            const Context c{b.expires_on + date::days{offset}, p};
            CAPTURE(offset);
            CAPTURE(p);
            const auto q = quote_renew(b, c);
            const auto open = can_renew(b, c);
            CHECK(open.has_value() == q.has_value());
            if (!open) CHECK(open.error() == q.error());
            const auto same = can_renew(b, c.today, p);
            CHECK(same.has_value() == open.has_value());
            if (!same) CHECK(same.error() == open.error());
            CHECK(can_renew(swapped, c).error() == quote_renew(swapped, c).error());
            // Where it is defined, the window check is the state's: renewable or not.
            if (ok(p)) CHECK(open.has_value() == renewable(*state_on(b, c)));
        }
    CHECK(can_renew(b, Context{day("2018-02-28"), bad}).error() == Error::invalid_policy);
    CHECK(can_renew(swapped, Context{day("2018-08-30")}).error() == Error::invalid_bundle);
    CHECK(can_renew(b, Context{max_day + date::days{1}}).error() == Error::invalid_policy);
}

TEST_CASE("can_renew leaves to renew what the window does not decide: a new expiry past 9999") {
    const Bundle last = make_bundle("9999-11-30", "9999-12-30");
    const Context c{day("9999-12-31")};
    CHECK(can_renew(last, c).has_value());
    CHECK(quote_renew(last, c).error() == Error::date_out_of_range);
}
