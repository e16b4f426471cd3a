#include <voip/bundle/operations.hpp>
#include <voip/bundle/renewal_window.hpp>
#include <voip/bundle/state.hpp>

#include <doctest/doctest.h>

#include <limits>

#include "common.hpp"

using namespace voip;
using voip_test::day;
using voip_test::make_bundle;

TEST_CASE("the one definition: the window's ends as offsets from expires_on, and seen from a day") {
    const RenewalPolicy p = make_renewal_policy(MonthEnd::clamp, TermMonths{1}, DaysBefore{3}, DaysAfter{5}).value();
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
    for (const RenewalPolicy q : {p, make_renewal_policy(MonthEnd::clamp, TermMonths{1}, DaysBefore{0}, DaysAfter{0}).value(), make_renewal_policy(MonthEnd::clamp, TermMonths{3}, DaysBefore{10}, DaysAfter{20}).value()})
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
    const RenewalPolicy wide = make_renewal_policy(MonthEnd::clamp, TermMonths{3}, DaysBefore{10}, DaysAfter{20}).value();
    const RenewalWindow w = renewal_window(b, make_context(day("2018-01-01"), wide).value());
    CHECK(w.first == day("2018-08-22"));
    CHECK(w.last == day("2018-09-21"));
    CHECK(renewal_window(b, make_context(day("2018-08-30")).value()).first == day("2018-08-29"));
    CHECK(renewal_window(b, make_context(day("2018-08-30")).value()).last == day("2018-09-06"));
    CHECK(renewal_window(b, wide) == w);
}

TEST_CASE("state_on(bundle, Context) is state_on(bundle, today, policy)") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    const RenewalPolicy wide = make_renewal_policy(MonthEnd::clamp, TermMonths{3}, DaysBefore{10}, DaysAfter{20}).value();
    for (int offset = -12; offset <= 22; ++offset) {
        const date::sys_days d = b.expires_on() + date::days{offset};
        CAPTURE(offset);
        CHECK(state_on(b, make_context(d).value()) == state_on(b, d, RenewalPolicy{}));
        CHECK(state_on(b, make_context(d, wide).value()) == state_on(b, d, wide));
    }
    CHECK(state_on(b, make_context(day("2018-08-21"), wide).value()) == State::active);
    CHECK(state_on(b, make_context(day("2018-08-22"), wide).value()) == State::renewal_open);
    CHECK(state_on(b, make_context(day("2018-09-21"), wide).value()) == State::grace);
    CHECK(state_on(b, make_context(day("2018-09-22"), wide).value()) == State::lapsed);
}

TEST_CASE("can_renew: the seed's window, 2018-08-29..2018-09-06 for expires 2018-09-01") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    const RenewalPolicy p;
    CHECK(can_renew(b, day("2018-08-28"), p).error() == Error::outside_renewal_window);
    CHECK(can_renew(b, day("2018-08-29"), p).has_value());
    CHECK(can_renew(b, day("2018-09-01"), p).has_value());
    CHECK(can_renew(b, day("2018-09-06"), p).has_value());
    CHECK(can_renew(b, day("2018-09-07"), p).error() == Error::outside_renewal_window);
    CHECK(can_renew(b, make_context(day("2018-08-29")).value()).has_value());
    CHECK_FALSE(can_renew(b, make_context(day("2018-08-28")).value()).has_value());
#if __cplusplus >= 202002L  // tl::expected<void, E>'s success is a constant from C++20 on (its union)
    static_assert(can_renew(*voip::make_bundle(Uuid{}, CreatedOn{date::sys_days{date::year{2018} / 8 / 1}},
                                               ExpiresOn{date::sys_days{date::year{2018} / 9 / 1}},
                                               BundleType::business, AutoRenew::off),
                            date::sys_days{date::year{2018} / 8 / 29}, RenewalPolicy{})
                      .has_value());
#endif
}

TEST_CASE("can_renew answers what renew's window check answers") {
    const Bundle b = make_bundle("2018-01-31", "2018-02-28");
    for (const RenewalPolicy p : {RenewalPolicy{}, make_renewal_policy(MonthEnd::overflow, TermMonths{1}, DaysBefore{0}, DaysAfter{0}).value(),
                                  make_renewal_policy(MonthEnd::clamp, TermMonths{3}, DaysBefore{10}, DaysAfter{20}).value()})
        for (int offset = -25; offset <= 25; ++offset) {
            const Context c = make_context(b.expires_on() + date::days{offset}, p).value();
            CAPTURE(offset);
            CAPTURE(p);
            const auto q = quote_renew(b, c);
            const auto open = can_renew(b, c);
            CHECK(open.has_value() == q.has_value());
            if (!open) CHECK(open.error() == q.error());
            const auto same = can_renew(b, c.today(), p);
            CHECK(same.has_value() == open.has_value());
            if (!same) CHECK(same.error() == open.error());
            // The window check is the state's: renewable or not.
            CHECK(open.has_value() == renewable(state_on(b, c)));
        }
    // Past 9999-12-31 the window goes on as the state does: grace two days after, then past it.
    CHECK(can_renew(make_bundle("9999-11-30", "9999-12-30"), max_day + date::days{1}, RenewalPolicy{}).has_value());
    CHECK(can_renew(make_bundle("9999-11-30", "9999-12-30"), max_day + date::days{5}, RenewalPolicy{}).error() ==
          Error::outside_renewal_window);
}

TEST_CASE("can_renew leaves to renew what the window does not decide: a new expiry past 9999") {
    const Bundle last = make_bundle("9999-11-30", "9999-12-30");
    const Context c = make_context(day("9999-12-31")).value();
    CHECK(can_renew(last, c).has_value());
    CHECK(quote_renew(last, c).error() == Error::date_out_of_range);
}

TEST_CASE("can_renew, state_on and sweep_action agree on any day count, the range's ends included") {
    // A bundle the rules make: created 9999-10-31, renewed once, expiring 9999-12-31.
    const Bundle last = make_bundle("9999-10-31", "9999-12-31");
    const Bundle first = make_bundle("0001-01-01", "0001-02-01");
    const RenewalPolicy p;
    for (const Bundle& b : {last, first})
        for (int offset = -10; offset <= 10; ++offset) {
            const date::sys_days d = b.expires_on() + date::days{offset};
            CAPTURE(offset);
            CHECK(can_renew(b, d, p).has_value() == renewable(state_on(b, d, p)));
            CHECK((sweep_action(ExpiresOn{b.expires_on()}, true, d, p) == SweepAction::renew) == renewable(state_on(b, d, p)));
            if (in_range(d)) CHECK(renewal_window(b, p).contains(d) == renewable(state_on(b, d, p)));
        }
    // Two days past 9999-12-31: still grace, as the state and the sweep say.
    CHECK(can_renew(last, max_day + date::days{2}, p).has_value());
    CHECK(state_on(last, max_day + date::days{2}, p) == State::grace);
}

TEST_CASE("renewal_window of an expiry whose window lies outside 0001..9999 is empty") {
    const RenewalPolicy p;
    const date::sys_days far{date::days{std::numeric_limits<int>::max()}};
    const RenewalWindow w = renewal_window(far, p);
    CHECK(w.first > w.last);
    CHECK_FALSE(w.contains(max_day));
    CHECK_FALSE(w.contains(min_day));
    CHECK(state_on(ExpiresOn{far}, max_day, p) == State::active);
    const RenewalWindow before = renewal_window(min_day - date::days{10}, p);
    CHECK_FALSE(before.contains(min_day));
    // Partly inside: clipped, not emptied.
    CHECK(renewal_window(max_day + date::days{2}, p) == RenewalWindow{max_day - date::days{1}, max_day});
    CHECK(renewal_window(min_day - date::days{2}, p) == RenewalWindow{min_day, min_day + date::days{3}});
}
