#include <voip/bundle/money.hpp>

#include <doctest/doctest.h>

#include <climits>
#include <cstdint>
#include <sstream>
#include <string>

using namespace voip;

TEST_CASE("pro rata in integers, rounded half up") {
    const struct {
        std::int64_t amount, part, whole, expected;
    } cases[] = {
        {600, 15, 31, 290},  // rules.md 7: 290.32 -> 290
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

// Outside its domain pro_rata answers a typed error, never a number.
static Error rata_error(Money amount, std::int64_t part, std::int64_t whole) {
    const auto r = pro_rata(amount, part, whole);
    REQUIRE_FALSE(r);
    return r.error();
}

TEST_CASE("pro_rata outside its domain: a typed error, no division by zero, no overflow") {
    CHECK(rata_error(Money{600}, 5, 0) == Error::fraction_out_of_range);
    CHECK(rata_error(Money{600}, 0, 0) == Error::fraction_out_of_range);  // 0 of nothing: still no whole
    CHECK(rata_error(Money{600}, 5, -3) == Error::fraction_out_of_range);
    CHECK(rata_error(Money{600}, 40, 31) == Error::fraction_out_of_range);  // part beyond whole
    CHECK(rata_error(Money{600}, -4, 31) == Error::fraction_out_of_range);
    CHECK(rata_error(Money{-1}, 1, 2) == Error::amount_out_of_range);       // not ok(amount)
    CHECK(rata_error(Money{max_amount.minor + 1}, 1, 2) == Error::amount_out_of_range);
    CHECK(rata_error(max_amount, 1, 100000) == Error::fraction_out_of_range);  // whole beyond any term
}

// The edges of pro_rata's domain, one each side.
TEST_CASE("pro_rata at the edges of its domain: whole 1 and 4000, part -1") {
    CHECK(pro_rata(Money{600}, 1, 1) == Money{600});        // the smallest whole is in the domain
    CHECK(pro_rata(Money{600}, 0, 1) == Money{0});
    CHECK(pro_rata(Money{8000}, 1, 4000) == Money{2});      // the largest whole is in the domain
    CHECK(pro_rata(Money{8000}, 4000, 4000) == Money{8000});
    CHECK(rata_error(Money{8002}, 1, 4001) == Error::fraction_out_of_range);  // one past it
    CHECK(rata_error(Money{600}, -1, 31) == Error::fraction_out_of_range);    // part just below 0
    CHECK(pro_rata(Money{600}, 31, 31) == Money{600});
    CHECK(rata_error(Money{600}, 32, 31) == Error::fraction_out_of_range);    // and just above whole
    CHECK(pro_rata(max_amount, 0, 1) == Money{0});          // the largest amount is in the domain
}

TEST_CASE("sums and differences: exact, or amount_out_of_range") {
    CHECK(add(Money{1500}, Money{900}) == Money{2400});
    CHECK(subtract(Money{900}, Money{1500}) == Money{-600});
    CHECK(subtract(Money{0}, Money{5}) == Money{-5});
    CHECK(add(max_amount, Money{0}) == max_amount);
    CHECK(add(Money{-max_amount.minor}, Money{0}) == Money{-max_amount.minor});
    CHECK(subtract(max_amount, max_amount) == Money{0});
    CHECK(add(max_amount, Money{1}).error() == Error::amount_out_of_range);               // the result
    // Either amount alone out of range, though the sum would be in it.
    CHECK(add(Money{max_amount.minor + 1}, Money{-5}).error() == Error::amount_out_of_range);
    CHECK(add(Money{-5}, Money{max_amount.minor + 1}).error() == Error::amount_out_of_range);
    CHECK(subtract(Money{-max_amount.minor}, Money{1}).error() == Error::amount_out_of_range);
    CHECK(add(Money{INT64_MAX}, Money{-INT64_MAX}).error() == Error::amount_out_of_range);  // an operand
    CHECK(add(Money{0}, Money{INT64_MIN}).error() == Error::amount_out_of_range);
    CHECK(subtract(Money{0}, Money{INT64_MIN}).error() == Error::amount_out_of_range);  // no negation of it
    CHECK(subtract(Money{INT64_MIN}, Money{0}).error() == Error::amount_out_of_range);
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
        const MinorDigits digits = make_minor_digits(c.digits).value();
        CHECK(to_decimal_string(Money{c.minor}, digits) == c.text);
        char buf[max_decimal_size];
        CHECK(static_cast<std::size_t>(write_decimal(buf, Money{c.minor}, digits) - buf) <= max_decimal_size);
    }
    CHECK(to_decimal_string(Money{1234}) == "12.34");                   // cents by default
    // A count outside [0, 18] is refused, never clamped.
    for (const int bad : {-40, -1, 19, 40}) {
        CAPTURE(bad);
        CHECK(make_minor_digits(bad).error() == Error::invalid_policy);
    }
    CHECK(make_minor_digits(0)->digits() == 0);
    CHECK(make_minor_digits(18)->digits() == 18);
    CHECK(MinorDigits{}.digits() == 2);
    CHECK(minor_digits<3> == make_minor_digits(3).value());
}

TEST_CASE("money prints as the expression that makes it, never as a bare count") {
    std::ostringstream os;
    os << Money{1500} << ' ' << Money{-5} << ' ' << Money{INT64_MIN};
    CHECK(os.str() == "Money{1500} Money{-5} Money{-9223372036854775808}");
    // doctest shows a failed comparison of amounts through the same operator<<.
    CHECK(std::string(doctest::toString(Money{1500}).c_str()) == "Money{1500}");
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
static_assert(*add(Money{2}, Money{3}) == Money{5} && *subtract(Money{2}, Money{3}) == Money{-1});
static_assert(noexcept(add(Money{}, Money{})));
static_assert(minor_digits<0>.digits() == 0 && minor_digits<18>.digits() == 18);
static_assert(minor_digits<2> != minor_digits<3> && !(minor_digits<2> != minor_digits<2>));
// In a constant expression: negating INT64_MIN would not compile, so the guard is what answers.
static_assert(subtract(Money{0}, Money{INT64_MIN}).error() == Error::amount_out_of_range);
static_assert(*pro_rata(Money{600}, 15, 31) == Money{290});
static_assert(Money{1} < Money{2} && Money{2} >= Money{2});
static_assert(std::is_trivially_copyable_v<Money>);
