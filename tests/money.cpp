#include <voip/bundle/money.hpp>

#include <doctest/doctest.h>

#include <climits>
#include <cstdint>
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

// The edges of pro_rata's domain, one each side (found by mutation testing: the cases above
// left whole = 1, whole = 4000 and part = -1 unchecked).
TEST_CASE("pro_rata at the edges of its domain: whole 1 and 4000, part -1") {
    CHECK(pro_rata(Money{600}, 1, 1) == Money{600});        // the smallest whole is in the domain
    CHECK(pro_rata(Money{600}, 0, 1) == Money{0});
    CHECK(pro_rata(Money{8000}, 1, 4000) == Money{2});      // the largest whole is in the domain
    CHECK(pro_rata(Money{8000}, 4000, 4000) == Money{8000});
    CHECK(pro_rata(Money{8002}, 1, 4001) == Money{0});      // one past it: 0
    CHECK(pro_rata(Money{600}, -1, 31) == Money{0});        // part clamped to 0 from just below
    CHECK(pro_rata(Money{600}, 31, 31) == Money{600});
    CHECK(pro_rata(Money{600}, 32, 31) == Money{600});      // and to whole from just above
}

TEST_CASE("sums and differences") {
    CHECK(Money{1500} + Money{900} == Money{2400});
    CHECK(Money{900} - Money{1500} == Money{-600});
    CHECK(-Money{5} == Money{-5});
    Money m{10};
    m += Money{5};
    CHECK(m == Money{15});
    m -= Money{20};
    CHECK(m == Money{-5});
    // Beyond 64 bits they wrap, never undefined behaviour (UBSan runs this).
    CHECK(Money{INT64_MAX} + Money{1} == Money{INT64_MIN});
    CHECK(Money{INT64_MIN} - Money{1} == Money{INT64_MAX});
}

TEST_CASE("decimal text with a minor-unit scale") {
    const struct {
        std::int64_t minor;
        int digits;
        const char* text;
    } cases[] = {
        {1234, 2, "12.34"},  {5, 2, "0.05"},     {-5, 2, "-0.05"},   {0, 2, "0.00"},     {100, 2, "1.00"},
        {-1234, 2, "-12.34"}, {1234, 0, "1234"}, {0, 0, "0"},        {-7, 0, "-7"},      {1234, 3, "1.234"},
        {1, 3, "0.001"},     {max_amount.minor, 2, "10000000000000.00"},
        {INT64_MIN, 2, "-92233720368547758.08"}, {INT64_MAX, 18, "9.223372036854775807"},
        {INT64_MIN, 18, "-9.223372036854775808"}, {1, 18, "0.000000000000000001"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.minor);
        CAPTURE(c.digits);
        CHECK(to_decimal_string(Money{c.minor}, MinorDigits{c.digits}) == c.text);
        char buf[max_decimal_size];
        CHECK(static_cast<std::size_t>(write_decimal(buf, Money{c.minor}, MinorDigits{c.digits}) - buf) <= max_decimal_size);
    }
    CHECK(to_decimal_string(Money{1234}) == "12.34");                   // cents by default
    CHECK(to_decimal_string(Money{1234}, MinorDigits{-3}) == "1234");   // clamped to 0
    CHECK(to_decimal_string(Money{1}, MinorDigits{40}) == "0.000000000000000001");  // clamped to 18
    // One outside each end clamps too (mutation testing: -3 and 40 left -1 and 19 unchecked).
    CHECK(to_decimal_string(Money{1234}, MinorDigits{-1}) == "1234");
    CHECK(to_decimal_string(Money{1}, MinorDigits{19}) == "0.000000000000000001");
    CHECK(to_decimal_string(Money{-1}, MinorDigits{19}) == "-0.000000000000000001");
    CHECK(ok(MinorDigits{0}));
    CHECK(ok(MinorDigits{18}));
    CHECK_FALSE(ok(MinorDigits{19}));
    CHECK_FALSE(ok(MinorDigits{-1}));
}

TEST_CASE("ok: prices and balances") {
    CHECK(ok(Money{0}));
    CHECK(ok(max_amount));
    CHECK_FALSE(ok(Money{-1}));
    CHECK_FALSE(ok(Money{max_amount.minor + 1}));
    CHECK(ok_balance(Money{-max_amount.minor}));
    CHECK_FALSE(ok_balance(Money{-max_amount.minor - 1}));
    CHECK_FALSE(ok_balance(Money{max_amount.minor + 1}));
}

constexpr Money decimal_check() {
    char buf[max_decimal_size] = {};
    char* end = write_decimal(buf, Money{-1234});
    return Money{end - buf};
}
static_assert(decimal_check() == Money{6});  // "-12.34" at compile time
static_assert(Money{2} + Money{3} == Money{5} && Money{2} - Money{3} == Money{-1});
static_assert(noexcept(Money{} + Money{}));
static_assert(pro_rata(Money{600}, 15, 31) == Money{290});
static_assert(Money{1} < Money{2} && Money{2} >= Money{2});
static_assert(std::is_trivially_copyable_v<Money>);
