#include <voip/bundle/state.hpp>

#include <doctest/doctest.h>

#include <limits>
#include <sstream>

#include "common.hpp"

using namespace voip;
using voip_test::day;
using voip_test::make_bundle;

TEST_CASE("the seed's window: expires 2018-09-01, renewable 2018-08-29..2018-09-06") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    const RenewalWindow w = renewal_window(b, RenewalPolicy{});
    CHECK(w.first == day("2018-08-29"));
    CHECK(w.last == day("2018-09-06"));
    std::ostringstream os;
    os << w;
    CHECK(os.str() == "[2018-08-29, 2018-09-06]");
}

TEST_CASE("window edges: -4, -3, -1, 0, +5, +6 days") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    const RenewalPolicy p;
    const struct {
        int offset;
        State state;
    } cases[] = {{-31, State::active},      {-4, State::active}, {-3, State::renewal_open}, {-1, State::renewal_open},
                 {0, State::grace},         {1, State::grace},   {5, State::grace},         {6, State::lapsed},
                 {400, State::lapsed}};
    for (const auto& c : cases) {
        CAPTURE(c.offset);
        const auto d = b.expires_on() + date::days{c.offset};
        const State s = state_on(b, d, p);
        CHECK(s == c.state);
        CHECK(renewal_window(b, p).contains(d) == renewable(s));
        CHECK(in_service(s) == (d < b.expires_on()));
    }
}

TEST_CASE("the window follows the policy's offsets") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    const RenewalPolicy p = make_renewal_policy(MonthEnd::clamp, TermMonths{1}, DaysBefore{0}, DaysAfter{0}).value();
    CHECK(state_on(b, day("2018-08-31"), p) == State::active);
    CHECK(state_on(b, day("2018-09-01"), p) == State::grace);
    CHECK(state_on(b, day("2018-09-02"), p) == State::lapsed);
}

TEST_CASE("extreme day counts never overflow") {
    constexpr auto lowest = date::sys_days{date::days{std::numeric_limits<int>::min()}};
    constexpr auto highest = date::sys_days{date::days{std::numeric_limits<int>::max()}};
    const RenewalPolicy p;
    CHECK(state_on(ExpiresOn{lowest}, highest, p) == State::lapsed);
    CHECK(state_on(ExpiresOn{highest}, lowest, p) == State::active);
    CHECK(state_on(ExpiresOn{lowest}, lowest, p) == State::grace);
}

TEST_CASE("the window is clipped to the days the rules can name") {
    const RenewalPolicy p;
    const RenewalWindow high = renewal_window(max_day, p);
    CHECK(high.first == max_day - date::days{3});
    CHECK(high.last == max_day);
    const RenewalWindow low = renewal_window(min_day + date::days{1}, p);
    CHECK(low.first == min_day);
    CHECK(low.last == min_day + date::days{6});
    CHECK(to_iso_string(high.last) == "9999-12-31");
}

TEST_CASE("a window contains its two edges and nothing beyond them") {
    const RenewalWindow w{voip_test::day("2018-08-29"), voip_test::day("2018-09-06")};
    CHECK(w.contains(w.first));
    CHECK(w.contains(w.last));
    CHECK_FALSE(w.contains(w.first - date::days{1}));
    CHECK_FALSE(w.contains(w.last + date::days{1}));
    CHECK_FALSE(w.contains(max_day));
    CHECK_FALSE(w.contains(min_day));
}

TEST_CASE("state names") {
    std::ostringstream os;
    os << State::active << ' ' << State::renewal_open << ' ' << State::grace << ' ' << State::lapsed;
    CHECK(os.str() == "active renewal_open grace lapsed");
}

static_assert(in_service(State::active) && in_service(State::renewal_open));
static_assert(!in_service(State::grace) && !in_service(State::lapsed));
static_assert(!renewable(State::active) && renewable(State::renewal_open) && renewable(State::grace) &&
              !renewable(State::lapsed));

static_assert(state_on(ExpiresOn{date::sys_days{date::year{2018} / 9 / 1}}, date::sys_days{date::year{2018} / 8 / 29}, RenewalPolicy{}) ==
              State::renewal_open);
static_assert(state_on(ExpiresOn{date::sys_days{date::year{2018} / 9 / 1}}, date::sys_days{date::year{2018} / 9 / 7}, RenewalPolicy{}) ==
              State::lapsed);
