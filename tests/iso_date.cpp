#include <voip/bundle/iso_date.hpp>

#include <doctest/doctest.h>

#include <limits>
#include <sstream>
#include <string>

using namespace voip;

TEST_CASE("valid dates parse, including leap days of leap years only") {
    for (const char* s : {"2018-08-01", "2018-09-01", "0001-01-01", "9999-12-31", "2000-02-29", "2024-02-29",
                          "1600-02-29", "2018-12-31", "2018-04-30"}) {
        CAPTURE(s);
        const auto d = parse_iso_date(s);
        REQUIRE(d);
        CHECK(to_iso_string(*d) == s);
    }
}

TEST_CASE("everything that is not exactly YYYY-MM-DD naming a real day is malformed_date") {
    for (const char* s : {"", "2018-8-01", "2018-08-1", "2018-08-011", " 2018-08-01", "2018-08-01 ", "2018/08/01",
                          "20180801xx", "2018-08_01", "+018-08-01", "-018-08-01", "2O18-08-01", "2018-0a-01",
                          "0000-01-01", "2018-00-01", "2018-13-01", "2018-08-00", "2018-08-32", "2018-02-29",
                          "1900-02-29", "2100-02-29", "2018-04-31", "2018-06-31", "２018-08-01"}) {
        CAPTURE(s);
        const auto d = parse_iso_date(s);
        REQUIRE_FALSE(d);
        CHECK(d.error() == Error::malformed_date);
    }
}

TEST_CASE("every day of 0001-01-01..9999-12-31 round-trips, and the text is the date library's") {
    char buf[iso_date_size];
    long days = 0;
    date::year_month_day expected{date::year{1}, date::month{1}, date::day{1}};
    for (date::sys_days d = min_day; d <= max_day; d += date::days{1}, ++days) {
        write_iso_date(buf, d);
        const auto back = parse_iso_date(std::string_view(buf, iso_date_size));
        if (!back || *back != d) FAIL("round trip failed at day " << d.time_since_epoch().count());
        const date::year_month_day ymd{d};
        if (ymd != expected) FAIL("calendar mismatch");
        expected = date::year_month_day{date::sys_days{expected} + date::days{1}};
    }
    CHECK(days == 3652059);
}

TEST_CASE("days out of range are never written as a date") {
    CHECK(to_iso_string(max_day + date::days{5}) == "(out of range: 2932901)");
    CHECK(to_iso_string(min_day - date::days{1}) == "(out of range: -719163)");
    // write_iso_date itself stays in bounds for any day count (the caller checks in_range)
    for (const int n : {std::numeric_limits<int>::min(), -1000000000, 2932901, 1000000000, std::numeric_limits<int>::max()}) {
        char buf[iso_date_size + 1];
        buf[iso_date_size] = '#';
        CHECK(write_iso_date(buf, date::sys_days{date::days{n}}) == buf + iso_date_size);
        CHECK(buf[iso_date_size] == '#');
    }
}

TEST_CASE("in_range and printing") {
    CHECK(in_range(min_day));
    CHECK(in_range(max_day));
    CHECK_FALSE(in_range(min_day - date::days{1}));
    CHECK_FALSE(in_range(max_day + date::days{1}));
    std::ostringstream os;
    os << IsoDate{max_day} << ' ' << IsoDate{max_day + date::days{1}};
    CHECK(os.str() == "9999-12-31 (out of range: 2932897)");
}

static_assert(*parse_iso_date("2018-09-01") == date::sys_days{date::year{2018} / 9 / 1});
static_assert(!parse_iso_date("2018-02-29"));
static_assert(noexcept(parse_iso_date("")));

// Found by mutation testing: ':' is the character after '9', so "digit > 9" is the test
// that refuses it; in each place below it would make a real date if taken for 10.
TEST_CASE("parse_iso_date refuses ':' (the character after '9') in every digit's place") {
    for (const char* text : {":018-08-01", "2:18-08-01", "20:8-08-01", "201:-08-01", "2018-0:-01", "2018-08-0:",
                             "2018-08-:1"}) {
        CAPTURE(text);
        REQUIRE_FALSE(parse_iso_date(text));
        CHECK(parse_iso_date(text).error() == Error::malformed_date);
    }
}
