#include <voip/bundle/operations.hpp>
#include <voip/bundle/state.hpp>
#include <voip/bundle/term.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <utility>

#include "common.hpp"

using namespace voip;
using voip_test::day;
using voip_test::make_bundle;

namespace {
constexpr RenewalPolicy clamp{};
constexpr RenewalPolicy overflow = make_renewal_policy(MonthEnd::overflow, TermMonths{1}, DaysBefore{3}, DaysAfter{5}).value();
}  // namespace

TEST_CASE("create: one calendar month later (the seed's 2018-08-01 -> 2018-09-01)") {
    CHECK(*first_expiry(day("2018-08-01"), clamp) == day("2018-09-01"));
    CHECK(*first_expiry(day("2018-08-01"), overflow) == day("2018-09-01"));
    CHECK(*first_expiry(day("2018-12-31"), clamp) == day("2019-01-31"));
    CHECK(*first_expiry(day("2018-03-31"), clamp) == day("2018-04-30"));
    CHECK(*first_expiry(day("2018-03-31"), overflow) == day("2018-05-01"));
}

TEST_CASE("month ends in both modes, leap and common years") {
    const struct {
        const char* start;
        const char* clamp;
        const char* overflow;
    } cases[] = {
        {"2018-01-28", "2018-02-28", "2018-02-28"}, {"2018-01-29", "2018-02-28", "2018-03-01"},
        {"2018-01-30", "2018-02-28", "2018-03-02"}, {"2018-01-31", "2018-02-28", "2018-03-03"},
        {"2024-01-29", "2024-02-29", "2024-02-29"}, {"2024-01-30", "2024-02-29", "2024-03-01"},
        {"2024-01-31", "2024-02-29", "2024-03-02"}, {"2000-01-29", "2000-02-29", "2000-02-29"},
        {"2000-01-30", "2000-02-29", "2000-03-01"}, {"2000-01-31", "2000-02-29", "2000-03-02"},
        {"1900-01-29", "1900-02-28", "1900-03-01"}, {"1900-01-30", "1900-02-28", "1900-03-02"},
        {"1900-01-31", "1900-02-28", "1900-03-03"}, {"2100-01-29", "2100-02-28", "2100-03-01"},
        {"2100-01-30", "2100-02-28", "2100-03-02"}, {"2100-01-31", "2100-02-28", "2100-03-03"},
        {"2024-02-29", "2024-03-29", "2024-03-29"}, {"2018-05-31", "2018-06-30", "2018-07-01"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.start);
        CHECK(to_iso_string(*first_expiry(day(c.start), clamp)) == c.clamp);
        CHECK(to_iso_string(*first_expiry(day(c.start), overflow)) == c.overflow);
    }
}

TEST_CASE("clamp mode: the anchor never drifts over 24 renewals") {
    Bundle b = make_bundle("2018-01-31", "2018-02-28");
    const char* expected[] = {"2018-03-31", "2018-04-30", "2018-05-31", "2018-06-30", "2018-07-31", "2018-08-31",
                              "2018-09-30", "2018-10-31", "2018-11-30", "2018-12-31", "2019-01-31", "2019-02-28",
                              "2019-03-31", "2019-04-30", "2019-05-31", "2019-06-30", "2019-07-31", "2019-08-31",
                              "2019-09-30", "2019-10-31", "2019-11-30", "2019-12-31", "2020-01-31", "2020-02-29"};
    for (const char* e : expected) {
        const auto next = next_expiry(b, clamp);
        REQUIRE(next);
        CHECK(to_iso_string(*next) == e);
        b = *b.renewed_until(ExpiresOn{*next});
    }
    // the 30th: February clamps, March goes back to the 30th
    b = make_bundle("2019-01-30", "2019-02-28");
    CHECK(to_iso_string(*next_expiry(b, clamp)) == "2019-03-30");
}

TEST_CASE("overflow mode chains from the old expiry like PHP's +1 month") {
    Bundle b = make_bundle("2018-01-31", "2018-03-03");
    for (const char* e : {"2018-04-03", "2018-05-03", "2018-06-03"}) {
        b = *b.renewed_until(ExpiresOn{*next_expiry(b, overflow)});
        CHECK(to_iso_string(b.expires_on()) == e);
    }
}

TEST_CASE("terms longer than a month") {
    constexpr RenewalPolicy quarterly = make_renewal_policy(MonthEnd::clamp, TermMonths{3}, DaysBefore{3}, DaysAfter{5}).value();
    CHECK(to_iso_string(*first_expiry(day("2018-11-30"), quarterly)) == "2019-02-28");
    const Bundle b = make_bundle("2018-11-30", "2019-02-28");
    CHECK(to_iso_string(*next_expiry(b, quarterly)) == "2019-05-30");
    constexpr RenewalPolicy yearly = make_renewal_policy(MonthEnd::clamp, TermMonths{12}, DaysBefore{3}, DaysAfter{5}).value();
    CHECK(to_iso_string(*first_expiry(day("2024-02-29"), yearly)) == "2025-02-28");
}

TEST_CASE("the 9999-12 boundary is an error, never a wrong date") {
    CHECK(to_iso_string(*first_expiry(day("9999-11-30"), clamp)) == "9999-12-30");
    CHECK(to_iso_string(*first_expiry(day("9999-11-30"), overflow)) == "9999-12-30");
    for (const char* s : {"9999-12-01", "9999-12-31"}) {
        CAPTURE(s);
        CHECK(first_expiry(day(s), clamp).error() == Error::date_out_of_range);
        CHECK(first_expiry(day(s), overflow).error() == Error::date_out_of_range);
    }
    const Bundle b = make_bundle("9999-11-15", "9999-12-15");
    CHECK(next_expiry(b, clamp).error() == Error::date_out_of_range);
    CHECK(first_expiry(min_day - date::days{1}, clamp).error() == Error::date_out_of_range);
    CHECK(first_expiry(max_day + date::days{400}, clamp).error() == Error::date_out_of_range);
    const auto far = date::sys_days{date::days{std::numeric_limits<int>::max()}};
    CHECK(add_term(far, CreatedOn{far}, clamp).error() == Error::date_out_of_range);
    CHECK(term_start(CreatedOn{far}, far, clamp).error() == Error::date_out_of_range);
    CHECK(term_start(CreatedOn{far}, far, overflow).error() == Error::date_out_of_range);
}

TEST_CASE("term_start: the boundary of the chain from created_on before expires_on") {
    CHECK(to_iso_string(term_start(make_bundle("2018-08-01", "2018-09-01"), clamp)) == "2018-08-01");
    CHECK(to_iso_string(term_start(make_bundle("2018-01-31", "2018-03-31"), clamp)) == "2018-02-28");
    CHECK(to_iso_string(term_start(make_bundle("2018-01-31", "2018-04-30"), clamp)) == "2018-03-31");
    // overflow chains: 01-31 -> 03-03 -> 04-03, so the first term is 31 days and the
    // second starts on 03-03 (03-03 minus a month would be 02-03, inside the first term)
    CHECK(to_iso_string(term_start(make_bundle("2018-01-31", "2018-03-03"), overflow)) == "2018-01-31");
    CHECK(to_iso_string(term_start(make_bundle("2018-01-31", "2018-04-03"), overflow)) == "2018-03-03");
    CHECK(to_iso_string(term_start(make_bundle("2019-12-31", "2020-03-02"), overflow)) == "2020-01-31");
    CHECK(to_iso_string(term_start(make_bundle("2018-03-31", "2018-05-01"), overflow)) == "2018-03-31");  // 04-31 = 05-01
    CHECK(to_iso_string(term_start(make_bundle("2018-03-31", "2018-06-01"), overflow)) == "2018-05-01");
    CHECK(to_iso_string(term_start(make_bundle("0001-01-01", "0001-02-01"), clamp)) == "0001-01-01");
    // a stored bundle that no mode would produce: the clamp boundary is still the anchored one
    CHECK(to_iso_string(term_start(make_bundle("2018-01-31", "2018-03-03"), clamp)) == "2018-02-28");
    // never before created_on: the boundary 02-03 precedes created_on 02-10
    CHECK(to_iso_string(term_start(make_bundle("2018-02-10", "2018-03-03"), overflow)) == "2018-02-10");
}

static_assert(*first_expiry(date::sys_days{date::year{2018} / 8 / 1}, RenewalPolicy{}) ==
              date::sys_days{date::year{2018} / 9 / 1});
static_assert(*first_expiry(date::sys_days{date::year{2018} / 1 / 31}, RenewalPolicy{}) ==
              date::sys_days{date::year{2018} / 2 / 28});
static_assert(*first_expiry(date::sys_days{date::year{2018} / 1 / 31}, make_renewal_policy(MonthEnd::overflow, TermMonths{1}, DaysBefore{3}, DaysAfter{5}).value()) ==
              date::sys_days{date::year{2018} / 3 / 3});
static_assert(noexcept(first_expiry(std::declval<date::sys_days>(), std::declval<const RenewalPolicy&>())));

TEST_CASE("no term is shorter than shortest_term_days, which keeps windows apart") {
    // Every start day of a leap cycle, every term length, both modes, a few renewals each.
    for (const MonthEnd mode : {MonthEnd::clamp, MonthEnd::overflow}) {
        for (int months = 1; months <= 12; ++months) {
            const RenewalPolicy p = make_renewal_policy(mode, TermMonths{months}, DaysBefore{0}, DaysAfter{0}).value();
            long shortest = 100000;
            for (date::sys_days start = day("2023-01-01"); start < day("2027-01-01"); start += date::days{1}) {
                Bundle b = *make_bundle(voip_test::seed_uuid(), CreatedOn{start}, ExpiresOn{*first_expiry(start, p)},
                                        BundleType::business, AutoRenew::off);
                shortest = std::min<long>(shortest, (b.expires_on() - start).count());
                for (int r = 0; r < 3; ++r) {
                    const auto next = *next_expiry(b, p);
                    shortest = std::min<long>(shortest, (next - b.expires_on()).count());
                    b = *b.renewed_until(ExpiresOn{next});
                }
            }
            CAPTURE(months);
            CHECK(shortest >= shortest_term_days(months));
        }
    }
}

// Found by mutation testing: either day out of range is an error, and the boundaries
// before 0001-01-01 or before created_on are created_on.
TEST_CASE("add_term and term_start: one day out of range is enough, boundaries before created_on are created_on") {
    const date::sys_days past = max_day + date::days{1};
    CHECK(add_term(day("2018-08-01"), CreatedOn{past}, clamp).error() == Error::date_out_of_range);
    CHECK(add_term(past, CreatedOn{day("2018-08-01")}, clamp).error() == Error::date_out_of_range);
    CHECK(term_start(CreatedOn{day("2018-08-01")}, past, clamp).error() == Error::date_out_of_range);
    CHECK(term_start(CreatedOn{past}, day("2018-08-01"), clamp).error() == Error::date_out_of_range);
    // A term ending in January of year 1 starts before 0001-01-01: on created_on.
    CHECK(term_start(CreatedOn{day("0001-01-01")}, day("0001-01-15"), clamp) == day("0001-01-01"));
    // Less than a term after created_on: the boundary a term before is earlier still.
    CHECK(term_start(CreatedOn{day("2018-08-20")}, day("2018-08-25"), clamp) == day("2018-08-20"));
}

TEST_CASE("overflow mode: a chain whose next boundary is past 9999-12-31 starts its last term where it is") {
    CHECK(term_start(CreatedOn{day("9999-12-15")}, day("9999-12-31"), overflow) == day("9999-12-15"));
    CHECK(term_start(CreatedOn{day("9999-10-15")}, day("9999-12-31"), overflow) == day("9999-12-15"));
}

// term_start and add_term share one month-end clamp (detail::day_clamped_to_month): in clamp mode the
// boundary a term before add_term's answer is where the term started.
TEST_CASE("term_start undoes add_term on created_on's anchor, month ends included") {
    for (const char* created : {"2018-01-31", "2019-12-31", "2020-01-30", "2020-02-29", "2018-03-15"})
        for (int months = 1; months <= 12; ++months) {
            const RenewalPolicy p = make_renewal_policy(MonthEnd::clamp, TermMonths{months}, DaysBefore{0}, DaysAfter{0}).value();
            date::sys_days t = day(created);
            for (int k = 0; k < 30; ++k) {
                const date::sys_days next = *add_term(t, CreatedOn{day(created)}, p);
                CAPTURE(created);
                CAPTURE(months);
                CAPTURE(IsoDate{next});
                CHECK(term_start(CreatedOn{day(created)}, next, p) == t);
                t = next;
            }
        }
    static_assert(detail::day_clamped_to_month(2019 * 12 + 1, 31) == date::sys_days{date::year{2019} / 2 / 28});
    static_assert(detail::day_clamped_to_month(2020 * 12 + 1, 31) == date::sys_days{date::year{2020} / 2 / 29});
    static_assert(detail::day_clamped_to_month(2020 * 12 + 1, 15) == date::sys_days{date::year{2020} / 2 / 15});
}

TEST_CASE("add_term off the chain: the anchor's day of the month after when the next is within a window") {
    // A stored bundle made on the 1st but expiring on the 31st: one term later on the 1st
    // would be 02-01, a day after, and a renewal in grace would leave it expired. The seed's
    // window is 3 + 5 days: the anchor's day is taken when it is more than 8 days past from.
    const CreatedOn first_of_month{day("2018-03-01")};
    CHECK(add_term(day("2019-01-31"), first_of_month, clamp) == day("2019-03-01"));
    CHECK(add_term(day("2019-01-25"), first_of_month, clamp) == day("2019-03-01"));  // 02-01 is 7 days on
    CHECK(add_term(day("2019-01-23"), first_of_month, clamp) == day("2019-02-01"));  // 9 days on
    CHECK(add_term(day("2019-01-24"), first_of_month, clamp) == day("2019-03-01"));  // 8 days on
    CHECK(add_term(day("2019-01-02"), first_of_month, clamp) == day("2019-02-01"));
    CHECK(add_term(day("2019-01-01"), first_of_month, clamp) == day("2019-02-01"));  // on the chain
    CHECK(add_term(day("2019-01-15"), CreatedOn{day("2018-03-31")}, clamp) == day("2019-02-28"));  // before the anchor's day
    CHECK(add_term(day("2020-01-31"), CreatedOn{day("2019-03-28")}, clamp) == day("2020-02-28"));  // 28 days on
    const RenewalPolicy yearly = make_renewal_policy(MonthEnd::clamp, TermMonths{12}, DaysBefore{3}, DaysAfter{5}).value();
    CHECK(add_term(day("2019-01-02"), first_of_month, yearly) == day("2020-01-01"));
    CHECK(add_term(day("2019-12-31"), first_of_month, yearly) == day("2020-12-01"));  // 336 days on: the anchor's day
    const RenewalPolicy no_window = make_renewal_policy(MonthEnd::clamp, TermMonths{1}, DaysBefore{0}, DaysAfter{0}).value();
    CHECK(add_term(day("2019-01-31"), first_of_month, no_window) == day("2019-02-01"));  // no window: a day on will do
    CHECK(add_term(day("9999-11-30"), first_of_month, clamp).error() == Error::date_out_of_range);
    CHECK(add_term(day("9999-11-01"), first_of_month, clamp) == day("9999-12-01"));
    CHECK(add_term(day("9999-10-31"), first_of_month, clamp) == day("9999-12-01"));  // the month after, the last in range
    const Bundle b = make_bundle("2018-03-01", "2019-01-31");
    const auto renewed = renew(b, make_context(day("2019-02-03"), clamp).value());
    REQUIRE(renewed.has_value());
    CHECK(renewed->bundle.expires_on() == day("2019-03-01"));
    CHECK(state_on(renewed->bundle, day("2019-02-03"), clamp) == State::active);
}
