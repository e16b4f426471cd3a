#include <voip/bundle/money.hpp>

#include <doctest/doctest.h>

#include <sstream>

using namespace voip;

TEST_CASE("pro rata in integers, rounded half up") {
    const struct {
        std::int64_t amount, part, whole, expected;
    } cases[] = {
        {600, 15, 31, 290},  // RULES 7: 290.32 -> 290
        {1, 1, 2, 1},        // 0.5 -> 1
        {3, 1, 2, 2},        // 1.5 -> 2
        {5, 1, 2, 3},        // 2.5 -> 3
        {1, 1, 3, 0},        // 0.33 -> 0
        {2, 1, 3, 1},        // 0.67 -> 1
        {600, 31, 31, 600},  // a whole term
        {600, 0, 31, 0},
        {100, 14, 28, 50},
        {max_amount.minor, 366, 366, max_amount.minor},  // no overflow at the bounds
        {max_amount.minor, 365, 366, 997267759562842},   // 10^15 x 365 / 366 = 997267759562841.5 -> ...42
    };
    for (const auto& c : cases) {
        CAPTURE(c.amount);
        CAPTURE(c.part);
        CAPTURE(c.whole);
        CHECK(pro_rata(Money{c.amount}, c.part, c.whole) == Money{c.expected});
    }
}

TEST_CASE("pro_rata outside its exact domain: no division by zero, no overflow") {
    CHECK(pro_rata(Money{600}, 5, 0) == Money{0});
    CHECK(pro_rata(Money{600}, 5, -3) == Money{0});
    CHECK(pro_rata(Money{600}, 40, 31) == Money{600});  // part clamped to whole
    CHECK(pro_rata(Money{600}, -4, 31) == Money{0});
    CHECK(pro_rata(Money{-1}, 1, 2) == Money{0});       // not ok(amount)
    CHECK(pro_rata(max_amount, 1, 100000) == Money{0}); // whole beyond any term
}

TEST_CASE("price lists") {
    PriceList p{{Money{1500}, Money{900}, Money{500}, Money{2000}, Money{300}}};
    CHECK(p[BundleType::business] == Money{1500});
    CHECK(p[BundleType::forward_only] == Money{300});
    CHECK(ok(p));
    p.per_term[2] = Money{-1};
    CHECK_FALSE(ok(p));
    p.per_term[2] = Money{max_amount.minor + 1};
    CHECK_FALSE(ok(p));
    p.per_term[2] = max_amount;
    CHECK(ok(p));
    std::ostringstream os;
    os << PriceList{{Money{1}, Money{2}, Money{3}, Money{4}, Money{5}}};
    CHECK(os.str() == "{1: 1, 2: 2, 3: 3, 4: 4, 5: 5}");
}

static_assert(pro_rata(Money{600}, 15, 31) == Money{290});
static_assert(Money{1} < Money{2} && Money{2} >= Money{2});
static_assert(std::is_trivially_copyable_v<PriceList>);
