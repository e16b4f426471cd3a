#include <voip/bundle/bundle.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <type_traits>

#include "common.hpp"

using namespace voip;
using voip_test::make_bundle;

namespace {
tl::expected<Bundle, Error> raw(date::sys_days created_on, date::sys_days expires_on,
                                BundleType type = BundleType::business) {
    return voip::make_bundle(voip_test::seed_uuid(), CreatedOn{created_on}, ExpiresOn{expires_on}, type, AutoRenew::on);
}
}  // namespace

TEST_CASE("make_bundle refuses each broken invariant alone") {
    const date::sys_days one{min_day + date::days{1}};
    CHECK(raw(min_day, max_day).has_value());
    CHECK(raw(min_day, max_day, static_cast<BundleType>(0)).error() == Error::bundle_type_out_of_range);
    CHECK(raw(min_day, max_day, static_cast<BundleType>(6)).error() == Error::bundle_type_out_of_range);
    CHECK(raw(min_day - date::days{1}, one).error() == Error::date_out_of_range);  // created_on before 0001-01-01
    CHECK(raw(max_day + date::days{1}, max_day + date::days{2}).error() == Error::date_out_of_range);
    CHECK(raw(min_day, max_day + date::days{1}).error() == Error::date_out_of_range);  // expires_on after 9999-12-31
    CHECK(raw(min_day, min_day - date::days{1}).error() == Error::date_out_of_range);
    CHECK(raw(one, one).error() == Error::invalid_bundle);      // an empty term
    CHECK(raw(one, min_day).error() == Error::invalid_bundle);  // a reversed one
    // The type is checked first, then the dates' range, then their order.
    CHECK(raw(one, min_day - date::days{1}, static_cast<BundleType>(0)).error() == Error::bundle_type_out_of_range);
    CHECK(raw(max_day + date::days{1}, one).error() == Error::date_out_of_range);
}

TEST_CASE("with_type and renewed_until keep the invariants") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01", BundleType::fax_only, false);
    const auto t = b.with_type(BundleType::business, AutoRenew::on);
    REQUIRE(t);
    CHECK(t->bundle_type() == BundleType::business);
    CHECK(t->auto_renew());
    CHECK(t->uuid() == b.uuid());
    CHECK(t->created_on() == b.created_on());
    CHECK(t->expires_on() == b.expires_on());
    CHECK(b.with_type(BundleType::forward_only, AutoRenew::off)->bundle_type() == BundleType::forward_only);
    CHECK_FALSE(b.with_type(BundleType::business, AutoRenew::off)->auto_renew());
    CHECK(b.with_type(static_cast<BundleType>(0), AutoRenew::on).error() == Error::bundle_type_out_of_range);
    CHECK(b.with_type(static_cast<BundleType>(6), AutoRenew::on).error() == Error::bundle_type_out_of_range);

    const auto r = b.renewed_until(ExpiresOn{voip_test::day("2018-10-01")});
    REQUIRE(r);
    CHECK(r->expires_on() == voip_test::day("2018-10-01"));
    CHECK(r->created_on() == b.created_on());
    CHECK(r->bundle_type() == b.bundle_type());
    CHECK(r->auto_renew() == b.auto_renew());
    CHECK(b.renewed_until(ExpiresOn{voip_test::day("2018-08-02")})->expires_on() == voip_test::day("2018-08-02"));
    CHECK(b.renewed_until(ExpiresOn{voip_test::day("2018-08-01")}).error() == Error::invalid_bundle);
    CHECK(b.renewed_until(ExpiresOn{voip_test::day("2018-07-01")}).error() == Error::invalid_bundle);
    CHECK(b.renewed_until(ExpiresOn{max_day}).has_value());
    CHECK(b.renewed_until(ExpiresOn{max_day + date::days{1}}).error() == Error::date_out_of_range);
}

TEST_CASE("printing and equality") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    std::ostringstream os;
    os << b;
    CHECK(os.str() ==
          "{uuid: 0fba8c48-99fc-4727-8ca7-c847376da415, bundle_type: 1 (Business), auto_renew: true, "
          "created_on: 2018-08-01, expires_on: 2018-09-01}");
    const Bundle c = b;
    CHECK(c == b);
    CHECK(*b.with_type(b.bundle_type(), AutoRenew::off) != b);
    CHECK(*b.with_type(BundleType::residential, AutoRenew::on) != b);
    CHECK(*b.renewed_until(ExpiresOn{voip_test::day("2018-10-01")}) != b);
}

static_assert(std::is_trivially_copyable_v<Bundle>, "a Bundle is copied as bytes");
static_assert(std::is_trivially_destructible_v<Bundle>);
static_assert(sizeof(Bundle) <= 32);
static_assert(std::is_nothrow_copy_constructible_v<Bundle>);
static_assert(!std::is_default_constructible_v<Bundle>, "no empty bundle");
static_assert(!std::is_aggregate_v<Bundle>, "Bundle{uuid, d1, d2, type, true} does not compile");
static_assert(std::is_copy_assignable_v<Bundle>);
