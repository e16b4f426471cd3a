#include <voip/bundle/renewal_policy.hpp>

#include <doctest/doctest.h>

#include <sstream>

using namespace voip;

TEST_CASE("the default policy is the seed's rules") {
    constexpr RenewalPolicy p{};
    CHECK(p.month_end == MonthEnd::clamp);
    CHECK(p.term_months == 1);
    CHECK(p.renew_days_before == 3);
    CHECK(p.renew_days_after == 5);
    CHECK(ok(p));
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
    auto with = [](auto change) {
        RenewalPolicy p;
        change(p);
        return ok(p);
    };
    CHECK_FALSE(with([](RenewalPolicy& p) { p.term_months = 0; }));
    CHECK_FALSE(with([](RenewalPolicy& p) { p.term_months = 13; }));
    CHECK_FALSE(with([](RenewalPolicy& p) { p.renew_days_before = -1; }));
    CHECK_FALSE(with([](RenewalPolicy& p) { p.renew_days_after = -1; }));
    CHECK_FALSE(with([](RenewalPolicy& p) { p.month_end = static_cast<MonthEnd>(7); }));
    // windows that could touch the next one: 28-day February terms
    CHECK_FALSE(with([](RenewalPolicy& p) { p.renew_days_before = 14, p.renew_days_after = 14; }));
    CHECK(with([](RenewalPolicy& p) { p.renew_days_before = 13, p.renew_days_after = 14; }));
    CHECK(with([](RenewalPolicy& p) { p.renew_days_before = 0, p.renew_days_after = 0; }));
    CHECK(with([](RenewalPolicy& p) { p.term_months = 12, p.renew_days_before = 100, p.renew_days_after = 200; }));
    CHECK_FALSE(with([](RenewalPolicy& p) { p.term_months = 12, p.renew_days_before = 365, p.renew_days_after = 0; }));
}

static_assert(ok(RenewalPolicy{}));
static_assert(!ok(RenewalPolicy{MonthEnd::clamp, 1, 20, 8}));
static_assert(ok(RenewalPolicy{MonthEnd::overflow, 1, 3, 5}));

// Found by mutation testing: the overflow mode's name.
TEST_CASE("MonthEnd prints its name") {
    std::ostringstream os;
    os << MonthEnd::clamp << ' ' << MonthEnd::overflow << ' ' << static_cast<MonthEnd>(7);
    CHECK(os.str() == "clamp overflow invalid");
}
