#include <voip/bundle/bundle.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <type_traits>

#include "common.hpp"

using namespace voip;
using voip_test::make_bundle;

TEST_CASE("Bundle invariants") {
    CHECK(ok(make_bundle("2018-08-01", "2018-09-01")));
    CHECK_FALSE(ok(make_bundle("2018-09-01", "2018-09-01")));  // empty term
    CHECK_FALSE(ok(make_bundle("2018-09-02", "2018-09-01")));
    Bundle b = make_bundle("2018-08-01", "2018-09-01");
    b.bundle_type = static_cast<BundleType>(9);
    CHECK_FALSE(ok(b));
    b = make_bundle("2018-08-01", "2018-09-01");
    b.expires_on = max_day + date::days{1};
    CHECK_FALSE(ok(b));
    b = make_bundle("2018-08-01", "2018-09-01");
    b.created_on = min_day - date::days{1};
    CHECK_FALSE(ok(b));
}

TEST_CASE("ok() refuses each broken invariant alone") {
    using voip_test::raw_bundle;
    const date::sys_days one{min_day + date::days{1}};
    CHECK(ok(raw_bundle(min_day, max_day)));
    CHECK_FALSE(ok(raw_bundle(min_day, max_day, static_cast<BundleType>(0))));
    CHECK_FALSE(ok(raw_bundle(min_day, max_day, static_cast<BundleType>(6))));
    CHECK_FALSE(ok(raw_bundle(min_day - date::days{1}, one)));           // created_on before 0001-01-01
    CHECK_FALSE(ok(raw_bundle(max_day + date::days{1}, max_day + date::days{2})));  // after 9999-12-31
    CHECK_FALSE(ok(raw_bundle(min_day, max_day + date::days{1})));       // expires_on after 9999-12-31
    CHECK_FALSE(ok(raw_bundle(min_day, min_day - date::days{1})));       // expires_on before 0001-01-01
    CHECK_FALSE(ok(raw_bundle(one, one)));                               // an empty term
    CHECK_FALSE(ok(raw_bundle(one, min_day)));                           // a reversed one
}

TEST_CASE("printing and equality") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    std::ostringstream os;
    os << b;
    CHECK(os.str() ==
          "{uuid: 0fba8c48-99fc-4727-8ca7-c847376da415, bundle_type: 1 (Business), auto_renew: true, "
          "created_on: 2018-08-01, expires_on: 2018-09-01}");
    Bundle c = b;
    CHECK(c == b);
    c.auto_renew = false;
    CHECK(c != b);
}

static_assert(std::is_trivially_copyable_v<Bundle>, "a Bundle is copied as bytes");
static_assert(std::is_trivially_destructible_v<Bundle>);
static_assert(sizeof(Bundle) <= 32);
static_assert(std::is_nothrow_copy_constructible_v<Bundle>);
