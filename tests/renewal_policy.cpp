#include <voip/bundle/renewal_policy.hpp>

#include <doctest/doctest.h>

#include <limits>

#include <sstream>

using namespace voip;

TEST_CASE("the default policy is the seed's rules") {
    constexpr RenewalPolicy p{};
    CHECK(p.month_end() == MonthEnd::clamp);
    CHECK(p.term_months() == 1);
    CHECK(p.renew_days_before() == 3);
    CHECK(p.renew_days_after() == 5);
    std::ostringstream os;
    os << p;
    CHECK(os.str() == "{month_end: clamp, term_months: 1, renew_days_before: 3, renew_days_after: 5}");
}

TEST_CASE("shortest terms") {
    CHECK(shortest_term_days(1) == 28);
    CHECK(shortest_term_days(2) == 59);   // February + March
    CHECK(shortest_term_days(3) == 89);   // February..April
    CHECK(shortest_term_days(12) == 365);
}

TEST_CASE("invalid policies") {
    const auto made = [](int term, int before, int after, MonthEnd m = MonthEnd::clamp) {
        return make_renewal_policy(m, TermMonths{term}, DaysBefore{before}, DaysAfter{after});
    };
    const auto refused = [&](int term, int before, int after, MonthEnd m = MonthEnd::clamp) {
        const auto p = made(term, before, after, m);
        return !p && p.error() == Error::invalid_policy;
    };
    CHECK(refused(0, 3, 5));
    CHECK(refused(13, 3, 5));
    CHECK(refused(1, -1, 5));
    CHECK(refused(1, 3, -1));
    CHECK(refused(1, 3, 5, static_cast<MonthEnd>(7)));
    CHECK(refused(1, 3, 5, static_cast<MonthEnd>(2)));
    CHECK(refused(12, 367, 0));
    CHECK(refused(12, 0, 367));
    // windows that could touch the next one: 28-day February terms
    CHECK(refused(1, 14, 14));
    CHECK(made(1, 13, 14).has_value());
    CHECK(made(1, 0, 0).has_value());
    CHECK(made(12, 100, 200).has_value());
    CHECK(made(12, 364, 0).has_value());
    CHECK(refused(12, 365, 0));
    const RenewalPolicy p = made(3, 10, 20, MonthEnd::overflow).value();
    CHECK(p.month_end() == MonthEnd::overflow);
    CHECK(p.term_months() == 3);
    CHECK(p.renew_days_before() == 10);
    CHECK(p.renew_days_after() == 20);
    CHECK(make_renewal_policy(MonthEnd::overflow).value() == made(1, 3, 5, MonthEnd::overflow).value());
    CHECK(made(1, 3, 5).value() == RenewalPolicy{});
    CHECK(made(1, 3, 6).value() != RenewalPolicy{});
}

static_assert(make_renewal_policy(MonthEnd::clamp, TermMonths{1}, DaysBefore{3}, DaysAfter{5}).value() == RenewalPolicy{});
static_assert(!make_renewal_policy(MonthEnd::clamp, TermMonths{1}, DaysBefore{20}, DaysAfter{8}).has_value());
static_assert(!std::is_aggregate_v<RenewalPolicy>, "RenewalPolicy{MonthEnd::clamp, 3, 10, 20} does not compile");

// Found by mutation testing: the overflow mode's name.
TEST_CASE("MonthEnd prints its name") {
    std::ostringstream os;
    os << MonthEnd::clamp << ' ' << MonthEnd::overflow << ' ' << static_cast<MonthEnd>(7);
    CHECK(os.str() == "clamp overflow invalid");
}

TEST_CASE("shortest_term_days outside 1..12 is 0") {
    CHECK(shortest_term_days(0) == 0);
    CHECK(shortest_term_days(-1) == 0);
    CHECK(shortest_term_days(13) == 0);
    CHECK(shortest_term_days(std::numeric_limits<int>::max()) == 0);
}

TEST_CASE("make_renewal_policy: offsets that would overflow a sum are refused, not wrapped") {
    constexpr int big = std::numeric_limits<int>::max();
    CHECK(make_renewal_policy(MonthEnd::clamp, TermMonths{1}, DaysBefore{big}, DaysAfter{big}).error() ==
          Error::invalid_policy);
    CHECK(make_renewal_policy(MonthEnd::clamp, TermMonths{12}, DaysBefore{big}, DaysAfter{1}).error() ==
          Error::invalid_policy);
    CHECK(make_renewal_policy(MonthEnd::clamp, TermMonths{12}, DaysBefore{0}, DaysAfter{364}).has_value());
    CHECK(make_renewal_policy(MonthEnd::clamp, TermMonths{12}, DaysBefore{1}, DaysAfter{364}).error() ==
          Error::invalid_policy);
}
