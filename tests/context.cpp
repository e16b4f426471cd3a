#include <voip/bundle/context.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <type_traits>

#include "common.hpp"

using namespace voip;
using voip_test::day;

TEST_CASE("a context is made with its today") {
    const Context c{day("2018-08-01")};
    CHECK(c.today == day("2018-08-01"));
    CHECK(c.policy == RenewalPolicy{});
    CHECK_FALSE(c.prices);
    CHECK_FALSE(c.balance);
    CHECK(ok(c));
    CHECK_FALSE(ok(Context{max_day + date::days{1}}));
    CHECK_FALSE(ok(Context{day("2018-08-01"), RenewalPolicy{MonthEnd::clamp, 1, 30, 5}}));
    CHECK_FALSE(ok(Context{day("2018-08-01"), RenewalPolicy{}, std::nullopt, Money{-max_amount.minor - 1}}));
    CHECK(ok(Context{day("2018-08-01"), RenewalPolicy{}, std::nullopt, Money{-max_amount.minor}}));
}

TEST_CASE("affordable: the funds check of every charging decision") {
    const Context none{day("2018-08-01")};
    CHECK(affordable(Money{1'000'000}, none));  // no price list: nothing is checked
    Context c{day("2018-08-01"), RenewalPolicy{}, voip_test::test_prices()};
    CHECK(affordable(Money{1'000'000}, c));  // no balance: computed, not checked
    c.balance = Money{100};
    CHECK(affordable(Money{100}, c));
    CHECK_FALSE(affordable(Money{101}, c));
    c.balance = Money{-50};
    CHECK(affordable(Money{0}, c));  // a zero charge never fails, whatever the balance
    CHECK_FALSE(affordable(Money{1}, c));
}

TEST_CASE("printing a context") {
    std::ostringstream os;
    os << Context{day("2018-08-01"), RenewalPolicy{}, voip_test::test_prices(), Money{7}};
    CHECK(os.str() ==
          "{today: 2018-08-01, policy: {month_end: clamp, term_months: 1, renew_days_before: 3, renew_days_after: 5}, "
          "prices: {1: 1500, 2: 900, 3: 500, 4: 2000, 5: 300}, balance: 7}");
}

static_assert(!std::is_default_constructible_v<Context>, "a context without a today does not compile");
static_assert(!std::is_convertible_v<date::sys_days, Context>, "explicit: a day is not silently a context");
static_assert(std::is_trivially_copyable_v<Context>);
static_assert(ok(Context{date::sys_days{date::year{2018} / 8 / 1}}));
