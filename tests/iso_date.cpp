#include <voip/bundle/iso_date.hpp>

#include <doctest/doctest.h>

#include <cstring>
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

namespace {

// The rule written out plainly, digits one by one and the date library's calendar: what
// parse_iso_date's word-at-a-time checks must agree with.
bool reference_parse(std::string_view s, date::sys_days& out) {
    if (s.size() != iso_date_size || s[4] != '-' || s[7] != '-') return false;
    int v[8] = {};
    constexpr std::size_t digit_at[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (std::size_t k = 0; k < 8; ++k) {
        const char c = s[digit_at[k]];
        if (c < '0' || c > '9') return false;
        v[k] = c - '0';
    }
    const int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(v[4] * 10 + v[5])},
                                   date::day{static_cast<unsigned>(v[6] * 10 + v[7])}};
    if (y < 1 || !ymd.ok()) return false;
    out = date::sys_days{ymd};
    return true;
}

// Empty when parse_iso_date and the reference agree on `text`, else the text.
std::string disagreement(std::string_view text) {
    date::sys_days expected{};
    const bool valid = reference_parse(text, expected);
    const auto got = parse_iso_date(text);
    const bool same = valid ? got && *got == expected : !got && got.error() == Error::malformed_date;
    return same ? std::string() : std::string(text);
}

}  // namespace

TEST_CASE("every byte in each of the ten places of a date is refused unless it makes another real date") {
    // Both ends of the range, leap days of each rule, and month ends of every length.
    for (const char* base : {"2018-08-01", "0001-01-01", "9999-12-31", "2000-02-29", "2024-02-29", "0004-02-29",
                             "1900-02-28", "2018-04-30", "2019-12-19", "1999-11-30"}) {
        CAPTURE(base);
        char text[iso_date_size];
        for (std::size_t place = 0; place < iso_date_size; ++place) {
            for (int b = 0; b < 256; ++b) {
                std::memcpy(text, base, iso_date_size);
                text[place] = static_cast<char>(static_cast<unsigned char>(b));
                const std::string bad = disagreement(std::string_view(text, iso_date_size));
                if (!bad.empty()) FAIL("place " << place << ", byte " << b);
            }
        }
    }
}

TEST_CASE("every month and day 00..99 of years at the calendar's edges parses as the reference does") {
    // tests/exhaustive/calendar.cpp takes every year with months 00..13 and days 00..32;
    // here the two-digit pairs run to 99, which the parse reads as any other month or day.
    char text[iso_date_size] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0'};
    const auto put = [&text](std::size_t at, int value, int digits) {
        for (int k = digits - 1; k >= 0; --k, value /= 10) text[at + static_cast<std::size_t>(k)] = static_cast<char>('0' + value % 10);
    };
    for (const int y : {0, 1, 3, 4, 99, 100, 200, 400, 1600, 1900, 1970, 2000, 2018, 2024, 2100, 9996, 9999}) {
        for (int m = 0; m <= 99; ++m) {
            for (int d = 0; d <= 99; ++d) {
                put(0, y, 4);
                put(5, m, 2);
                put(8, d, 2);
                const std::string bad = disagreement(std::string_view(text, iso_date_size));
                if (!bad.empty()) FAIL(bad);
            }
        }
    }
}

TEST_CASE("parse_iso_date is the reference on texts of every length up to 12") {
    const char longer[] = "2018-08-01-0";
    for (std::size_t n = 0; n < sizeof longer; ++n) CHECK(disagreement(std::string_view(longer, n)).empty());
}

static_assert(*parse_iso_date("0001-01-01") == min_day);
static_assert(*parse_iso_date("9999-12-31") == max_day);
static_assert(*parse_iso_date("2000-02-29") == date::sys_days{date::year{2000} / 2 / 29});
static_assert(!parse_iso_date("1900-02-29"));
static_assert(!parse_iso_date("0000-12-31"));
static_assert(!parse_iso_date("2018-13-01"));
