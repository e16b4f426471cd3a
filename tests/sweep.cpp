#include <voip/bundle/operations.hpp>
#include <voip/bundle/sweep.hpp>

#include <doctest/doctest.h>

#include <limits>
#include <memory>
#include <random>
#include <sstream>
#include <vector>

#include "common.hpp"

using namespace voip;
using voip_test::day;
using voip_test::make_bundle;

TEST_CASE("the sweep's action for each state and flag") {
    const RenewalPolicy p;
    const Bundle on = make_bundle("2018-08-01", "2018-09-01", BundleType::business, true);
    const Bundle off = make_bundle("2018-08-01", "2018-09-01", BundleType::business, false);
    const struct {
        const char* day;
        SweepAction with_flag;
        SweepAction without_flag;
    } cases[] = {
        {"2018-08-28", SweepAction::none, SweepAction::none},     // active
        {"2018-08-29", SweepAction::renew, SweepAction::none},    // renewal open
        {"2018-09-01", SweepAction::renew, SweepAction::none},    // grace
        {"2018-09-06", SweepAction::renew, SweepAction::none},    // last day of grace
        {"2018-09-07", SweepAction::lapsed, SweepAction::lapsed}, // lapsed, whatever the flag
        {"2019-09-07", SweepAction::lapsed, SweepAction::lapsed},
    };
    for (const auto& c : cases) {
        CAPTURE(c.day);
        CHECK(sweep_action(on, day(c.day), p) == c.with_flag);
        CHECK(sweep_action(off, day(c.day), p) == c.without_flag);
    }
}

TEST_CASE("sweep agrees with per-bundle calls, in every form") {
    std::mt19937 gen(2018);
    std::uniform_int_distribution<int> offset(-40, 40);
    std::vector<Bundle> bundles;
    const date::sys_days today = day("2018-09-01");
    for (int i = 0; i < 5000; ++i) {
        const date::sys_days e = today + date::days{offset(gen)};
        bundles.push_back(*voip::make_bundle(voip_test::seed_uuid(), CreatedOn{e - date::days{31}}, ExpiresOn{e},
                                             BundleType::business, (i % 3) != 0 ? AutoRenew::on : AutoRenew::off));
    }
    const RenewalPolicy p;
    SweepTotals expected;
    for (const Bundle& b : bundles) expected.add(sweep_action(b, today, p));
    CHECK(expected.total() == bundles.size());
    CHECK(expected.renew > 0);
    CHECK(expected.lapsed > 0);
    CHECK(expected.none > 0);

    std::size_t reported = 0;
    const SweepTotals t = sweep(bundles.begin(), bundles.end(), today, p, [&](const Bundle& b, SweepAction a) {
        CHECK(a != SweepAction::none);
        CHECK(a == sweep_action(b, today, p));
        ++reported;
    });
    CHECK(t == expected);
    CHECK(reported == expected.renew + expected.lapsed);
    CHECK(sweep_totals(bundles.data(), bundles.size(), today, p) == expected);

    std::vector<date::sys_days> expiries;
    std::vector<char> flags;  // vector<bool> has no data()
    for (const Bundle& b : bundles) {
        expiries.push_back(b.expires_on());
        flags.push_back(b.auto_renew());
    }
    bool flag_array[5000];
    for (std::size_t i = 0; i < flags.size(); ++i) flag_array[i] = flags[i] != 0;
    CHECK(sweep_totals(expiries.data(), flag_array, expiries.size(), today, p) == expected);
}

TEST_CASE("printing") {
    std::ostringstream os;
    os << SweepAction::renew << ' ' << SweepTotals{1, 2, 3};
    CHECK(os.str() == "renew {none: 1, renew: 2, lapsed: 3}");
}

TEST_CASE("sweep_ranges: the sweep's two predicates as ranges of expires_on, for a database's index") {
    const RenewalPolicy policies[] = {
        RenewalPolicy{},
        make_renewal_policy(MonthEnd::overflow, TermMonths{1}, DaysBefore{3}, DaysAfter{5}).value(),
        make_renewal_policy(MonthEnd::clamp, TermMonths{1}, DaysBefore{0}, DaysAfter{0}).value(),
        make_renewal_policy(MonthEnd::clamp, TermMonths{3}, DaysBefore{10}, DaysAfter{20}).value(),
        make_renewal_policy(MonthEnd::clamp, TermMonths{12}, DaysBefore{100}, DaysAfter{200}).value(),
    };
    const date::sys_days days[] = {day("2018-08-29"), day("2024-02-29"), day("0001-01-01"), day("9999-12-31")};
    int checked = 0;
    for (const RenewalPolicy& p : policies)
        for (const date::sys_days d : days) {
            const auto r = sweep_ranges(d, p);
            REQUIRE(r.has_value());
            CHECK(r->renew_first == d - date::days{p.renew_days_after()});
            CHECK(r->renew_last == d + date::days{p.renew_days_before()});
            CHECK(r->lapsed_before == r->renew_first);
            for (int offset = -250; offset <= 250; ++offset) {
                const date::sys_days e = d + date::days{offset};
                for (const bool flag : {false, true}) {
                    const SweepAction a = sweep_action(ExpiresOn{e}, flag, d, p);
                    const bool renew = flag && r->renew_first <= e && e <= r->renew_last;
                    const bool lapsed = e < r->lapsed_before;
                    CHECK_EQ(a == SweepAction::renew, renew);
                    CHECK_EQ(a == SweepAction::lapsed, lapsed);
                    ++checked;
                }
            }
        }
    CHECK(checked == 5 * 4 * 501 * 2);
    CHECK(sweep_ranges(max_day + date::days{1}, RenewalPolicy{}).error() == Error::date_out_of_range);
    CHECK(sweep_ranges(min_day - date::days{1}, RenewalPolicy{}).error() == Error::date_out_of_range);
    CHECK(sweep_ranges(max_day, RenewalPolicy{}).has_value());
    static_assert(sweep_ranges(date::sys_days{date::days{100}}, RenewalPolicy{}).value().renew_last ==
                  date::sys_days{date::days{103}});
    std::ostringstream os;
    os << *sweep_ranges(day("2018-09-06"), RenewalPolicy{});
    CHECK(os.str() == "{renew: [2018-09-01, 2018-09-09], lapsed: < 2018-09-01}");
    CHECK(*sweep_ranges(day("2018-09-06"), RenewalPolicy{}) == SweepRanges{day("2018-09-01"), day("2018-09-09"), day("2018-09-01")});
    CHECK(*sweep_ranges(day("2018-09-06"), RenewalPolicy{}) != SweepRanges{day("2018-09-01"), day("2018-09-09"), day("2018-09-02")});
    // Another renew_first or renew_last makes them differ, and so do two members with
    // renew_first the same (lapsed_before alone: just above).
    const SweepRanges r{day("2018-09-01"), day("2018-09-09"), day("2018-09-01")};
    CHECK(r != SweepRanges{day("2018-08-31"), day("2018-09-09"), day("2018-09-01")});
    CHECK(r != SweepRanges{day("2018-09-01"), day("2018-09-10"), day("2018-09-01")});
    CHECK_FALSE(r == SweepRanges{day("2018-08-31"), day("2018-09-10"), day("2018-09-02")});
    CHECK_FALSE(r == SweepRanges{day("2018-09-01"), day("2018-09-10"), day("2018-09-02")});  // renew_first alone the same
    CHECK_FALSE(r != r);
}


// The branch-free forms take their bounds from detail::expiries_open_on; checked here
// against the window itself (voip_test::window_action), not against sweep_action, on days
// at both ends of the range too, where the window is clipped.
TEST_CASE("sweep_totals, both forms, sweep_action and sweep_ranges agree with the renewal window") {
    const RenewalPolicy policies[] = {RenewalPolicy{}, make_renewal_policy(MonthEnd::clamp, TermMonths{1}, DaysBefore{0}, DaysAfter{0}).value(),
                                      make_renewal_policy(MonthEnd::clamp, TermMonths{3}, DaysBefore{10}, DaysAfter{20}).value(), make_renewal_policy(MonthEnd::clamp, TermMonths{12}, DaysBefore{0}, DaysAfter{300}).value()};
    const date::sys_days days[] = {day("2018-09-06"), day("0001-01-02"), day("9999-12-30")};
    for (const RenewalPolicy& p : policies)
        for (const date::sys_days today : days) {
            CAPTURE(p);
            CAPTURE(IsoDate{today});
            const detail::SweepBounds bounds = detail::sweep_bounds(today, p);
            const auto ranges = sweep_ranges(today, p);
            REQUIRE(ranges.has_value());
            std::vector<Bundle> bundles;
            std::vector<date::sys_days> expiries;
            SweepTotals expected;
            const int reach = 2 * (p.renew_days_before() + p.renew_days_after()) + 4;
            for (int k = 0; k < 1200; ++k) {
                const date::sys_days e = today + date::days{k % (2 * reach + 1) - reach};
                if (!in_range(e) || !in_range(e - date::days{1})) continue;
                const Bundle b = *voip::make_bundle(voip_test::seed_uuid(), CreatedOn{e - date::days{1}}, ExpiresOn{e},
                                                    BundleType::business, k % 3 != 0 ? AutoRenew::on : AutoRenew::off);
                const SweepAction a = voip_test::window_action(b, today, p);
                CHECK(sweep_action(b, today, p) == a);
                CHECK((a == SweepAction::renew) == (b.auto_renew() && ranges->renew_first <= e && e <= ranges->renew_last));
                CHECK((a == SweepAction::lapsed) == (e < ranges->lapsed_before));
                CHECK((a == SweepAction::lapsed) == (detail::day_count(e) < bounds.first));
                CHECK(detail::expiries_open_on(today, p).contains(detail::day_count(e)) ==
                      renewal_window(e, p).contains(today));
                expected.add(a);
                bundles.push_back(b);
                expiries.push_back(e);
            }
            CHECK(bounds.usable);
            CHECK(expected.renew > 0);
            CHECK(expected.none + expected.lapsed > 0);
            CHECK(sweep_totals(bundles.data(), bundles.size(), today, p) == expected);
            const std::unique_ptr<bool[]> flags(new bool[bundles.size()]);
            for (std::size_t i = 0; i < bundles.size(); ++i) flags[i] = bundles[i].auto_renew();
            CHECK(sweep_totals(expiries.data(), flags.get(), expiries.size(), today, p) == expected);
        }
}

TEST_CASE("sweep_totals on days at the ends of the branch-free bounds: the sign of expires_on - first") {
    // Just inside [-2^30, 2^30] the fast path runs with bundles at both ends of 0001..9999,
    // the farthest expires_on - first can be; just outside it, the plain loop.
    const RenewalPolicy p;
    const std::vector<Bundle> bundles{make_bundle("0001-01-01", "0001-02-01"), make_bundle("9999-11-30", "9999-12-31"),
                                      make_bundle("2018-08-01", "2018-09-01")};
    const date::sys_days expiries[] = {bundles[0].expires_on(), bundles[1].expires_on(), bundles[2].expires_on()};
    const bool flags[] = {true, true, true};
    constexpr int edge = 1 << 30;
    constexpr int beyond = std::numeric_limits<int>::max() - 800;  // bounds in int, d not
    for (const int n : {edge - 400, edge - 366, edge, beyond, -edge + 366, -edge + 400, -edge}) {
        const date::sys_days day{date::days{n}};
        CAPTURE(n);
        CHECK(detail::sweep_bounds(day, p).usable == (-edge < n && n < edge));
        SweepTotals expected;
        for (const Bundle& b : bundles) expected.add(sweep_action(b, day, p));
        CHECK(expected.lapsed == (n > 0 ? 3u : 0u));
        CHECK(sweep_totals(bundles.data(), bundles.size(), day, p) == expected);
        CHECK(sweep_totals(expiries, flags, 3, day, p) == expected);
    }
}

TEST_CASE("sweep_bounds: usable while both bounds are within 2^30 days of the epoch, ends included") {
    const RenewalPolicy p;
    constexpr std::int64_t edge = std::int64_t{1} << 30;
    const date::sys_days origin{};
    const detail::DaySpan at_origin = detail::expiries_open_on(origin, p);
    // The day whose first (last) bound is exactly n, for this policy.
    const auto day_with_first = [&](std::int64_t n) { return origin + date::days{static_cast<int>(n - at_origin.first)}; };
    const auto day_with_last = [&](std::int64_t n) { return origin + date::days{static_cast<int>(n - at_origin.last)}; };
    REQUIRE(detail::expiries_open_on(day_with_first(-edge), p).first == -edge);
    REQUIRE(detail::expiries_open_on(day_with_last(edge), p).last == edge);
    CHECK(detail::sweep_bounds(day_with_first(-edge), p).usable);
    CHECK_FALSE(detail::sweep_bounds(day_with_first(-edge - 1), p).usable);
    CHECK(detail::sweep_bounds(day_with_last(edge), p).usable);
    CHECK_FALSE(detail::sweep_bounds(day_with_last(edge + 1), p).usable);
}

TEST_CASE("sweep_totals on a day whose bounds pass int: the plain loop, every bundle counted") {
    // A day within a window's reach of the largest day count: the branch-free bounds do not
    // fit an int, so both forms take the per-bundle loop.
    const RenewalPolicy p;
    const date::sys_days far{date::days{std::numeric_limits<int>::max() - 2}};
    REQUIRE_FALSE(detail::sweep_bounds(far, p).usable);
    const std::vector<Bundle> bundles{make_bundle("2018-08-01", "2018-09-01"), make_bundle("2018-07-01", "2018-08-01")};
    SweepTotals expected;
    for (const Bundle& b : bundles) expected.add(sweep_action(b, far, p));
    CHECK(expected.lapsed == 2);
    CHECK(sweep_totals(bundles.data(), bundles.size(), far, p) == expected);
    const date::sys_days expiries[] = {bundles[0].expires_on(), bundles[1].expires_on()};
    const bool flags[] = {true, true};
    CHECK(sweep_totals(expiries, flags, 2, far, p) == expected);
    // Columns long enough for any form's blocks, which must not run on unusable bounds.
    const std::size_t n = 2 * 256 + 3;
    const std::vector<date::sys_days> column(n, bundles[0].expires_on());
    const auto on = std::make_unique<bool[]>(n);
    for (std::size_t i = 0; i < n; ++i) on[i] = true;
    CHECK(sweep_totals(column.data(), on.get(), n, far, p) == SweepTotals{0, 0, n});
}
