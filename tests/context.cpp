#include <voip/bundle/context.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <type_traits>

#include "common.hpp"

using namespace voip;
using voip_test::day;

TEST_CASE("a context is made with its today") {
    const Context c = make_context(day("2018-08-01")).value();
    CHECK(c.today() == day("2018-08-01"));
    CHECK(c.policy() == RenewalPolicy{});
    CHECK_FALSE(c.prices());
    CHECK_FALSE(c.balance());
    CHECK(make_context(max_day + date::days{1}).error() == Error::date_out_of_range);
    CHECK(make_context(min_day - date::days{1}).error() == Error::date_out_of_range);
    CHECK(make_context(max_day).has_value());
    CHECK(make_context(min_day).has_value());
    CHECK(make_context(day("2018-08-01"), RenewalPolicy{}, std::nullopt, Money{-max_amount.minor - 1}).error() ==
          Error::amount_out_of_range);
    CHECK(make_context(day("2018-08-01"), RenewalPolicy{}, std::nullopt, Money{max_amount.minor + 1}).error() ==
          Error::amount_out_of_range);
    CHECK(make_context(day("2018-08-01"), RenewalPolicy{}, std::nullopt, Money{-max_amount.minor})->balance() ==
          Money{-max_amount.minor});
    CHECK(make_context(day("2018-08-01"), RenewalPolicy{}, std::nullopt, max_amount)->balance() == max_amount);
}

TEST_CASE("with_today, with_balance and with_policy change one member and keep the invariants") {
    const Context c = make_context(day("2018-08-01"), RenewalPolicy{}, voip_test::test_prices(), Money{5}).value();
    const auto later = c.with_today(day("2018-09-01"));
    REQUIRE(later);
    CHECK(later->today() == day("2018-09-01"));
    CHECK(later->balance() == Money{5});
    CHECK(later->prices() == c.prices());
    CHECK(c.with_today(max_day + date::days{1}).error() == Error::date_out_of_range);
    CHECK(c.with_balance(Money{-7})->balance() == Money{-7});
    CHECK_FALSE(c.with_balance(std::nullopt)->balance());
    CHECK(c.with_balance(Money{max_amount.minor + 1}).error() == Error::amount_out_of_range);
    const RenewalPolicy overflow = make_renewal_policy(MonthEnd::overflow).value();
    const Context o = c.with_policy(overflow);
    CHECK(o.policy() == overflow);
    CHECK(o.today() == c.today());
    CHECK(o.balance() == c.balance());
}

TEST_CASE("affordable: the funds check of every charging decision") {
    const Context none = make_context(day("2018-08-01")).value();
    CHECK(affordable(Money{1'000'000}, none));  // no price list: nothing is checked
    Context c = make_context(day("2018-08-01"), RenewalPolicy{}, voip_test::test_prices()).value();
    CHECK(affordable(Money{1'000'000}, c));  // no balance: computed, not checked
    c = *c.with_balance(Money{100});
    CHECK(affordable(Money{100}, c));
    CHECK_FALSE(affordable(Money{101}, c));
    c = *c.with_balance(Money{-50});
    CHECK(affordable(Money{0}, c));  // a zero charge never fails, whatever the balance
    CHECK_FALSE(affordable(Money{1}, c));
}

TEST_CASE("printing a context") {
    std::ostringstream os;
    os << make_context(day("2018-08-01"), RenewalPolicy{}, voip_test::test_prices(), Money{7}).value();
    CHECK(os.str() ==
          "{today: 2018-08-01, policy: {month_end: clamp, term_months: 1, renew_days_before: 3, renew_days_after: 5}, "
          "prices: {1: Money{1500}, 2: Money{900}, 3: Money{500}, 4: Money{2000}, 5: Money{300}}, balance: Money{7}}");
}

static_assert(!std::is_default_constructible_v<Context>, "a context without a today does not compile");
static_assert(!std::is_convertible_v<date::sys_days, Context>, "explicit: a day is not silently a context");
static_assert(std::is_trivially_copyable_v<Context>);
static_assert(make_context(date::sys_days{date::year{2018} / 8 / 1}).value().today() ==
              date::sys_days{date::year{2018} / 8 / 1});
