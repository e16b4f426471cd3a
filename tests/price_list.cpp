#include <voip/bundle/price_list.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <type_traits>

#include "common.hpp"

using namespace voip;

TEST_CASE("price lists name each type once, by type") {
    const auto p = make_price_list({{BundleType::forward_only, Money{300}},
                                    {BundleType::business, Money{1500}},
                                    {BundleType::trunk_only, Money{2000}},
                                    {BundleType::residential, Money{900}},
                                    {BundleType::fax_only, Money{500}}});
    REQUIRE(p);
    CHECK(p->at(BundleType::business) == Money{1500});
    CHECK(p->at(BundleType::residential) == Money{900});
    CHECK(p->at(BundleType::forward_only) == Money{300});
    // A type outside 1..5 is a typed error, never a read past the table.
    CHECK(p->at(static_cast<BundleType>(0)).error() == Error::bundle_type_out_of_range);
    CHECK(p->at(static_cast<BundleType>(6)).error() == Error::bundle_type_out_of_range);
    CHECK(p->at(static_cast<BundleType>(255)).error() == Error::bundle_type_out_of_range);
    CHECK(*p == voip_test::test_prices());  // the order of the entries does not matter
    std::ostringstream os;
    os << *p;
    CHECK(os.str() == "{1: Money{1500}, 2: Money{900}, 3: Money{500}, 4: Money{2000}, 5: Money{300}}");
}

TEST_CASE("price lists that would leave a type unpriced or priced twice are refused") {
    // The footgun of a positional list: two prices given, three types silently free.
    CHECK(make_price_list({{BundleType::business, Money{1500}}, {BundleType::residential, Money{900}}}).error() ==
          Error::invalid_policy);
    CHECK(make_price_list({}).error() == Error::invalid_policy);
    CHECK(make_price_list({{BundleType::business, Money{1}},
                           {BundleType::business, Money{2}},
                           {BundleType::fax_only, Money{3}},
                           {BundleType::trunk_only, Money{4}},
                           {BundleType::forward_only, Money{5}}})
              .error() == Error::invalid_policy);  // residential missing, business twice
    CHECK(make_price_list({{BundleType::business, Money{1}},
                           {BundleType::residential, Money{2}},
                           {BundleType::fax_only, Money{-3}},
                           {BundleType::trunk_only, Money{4}},
                           {BundleType::forward_only, Money{5}}})
              .error() == Error::invalid_policy);  // a negative price
    CHECK(make_price_list({{BundleType::business, Money{1}},
                           {BundleType::residential, Money{2}},
                           {BundleType::fax_only, Money{max_amount.minor + 1}},
                           {BundleType::trunk_only, Money{4}},
                           {BundleType::forward_only, Money{5}}})
              .error() == Error::invalid_policy);
    CHECK(make_price_list({{BundleType::business, Money{1}},
                           {BundleType::residential, Money{2}},
                           {BundleType::fax_only, Money{3}},
                           {static_cast<BundleType>(9), Money{4}},
                           {BundleType::forward_only, Money{5}}})
              .error() == Error::invalid_policy);  // a type that does not exist
    CHECK(make_price_list({{BundleType::business, max_amount},
                           {BundleType::residential, Money{0}},
                           {BundleType::fax_only, Money{3}},
                           {BundleType::trunk_only, Money{4}},
                           {BundleType::forward_only, Money{5}}})
              .has_value());  // both bounds
}

constexpr bool compile_time_list() {
    const auto p = make_price_list({{BundleType::business, Money{1}},
                                    {BundleType::residential, Money{2}},
                                    {BundleType::fax_only, Money{3}},
                                    {BundleType::trunk_only, Money{4}},
                                    {BundleType::forward_only, Money{5}}});
    return p && *(*p).at(BundleType::trunk_only) == Money{4};
}
static_assert(compile_time_list());
static_assert(std::is_trivially_copyable_v<PriceList>);
static_assert(!std::is_default_constructible_v<PriceList>, "a list is made by make_price_list()");
static_assert(!std::is_aggregate_v<PriceList>);
