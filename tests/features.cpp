#include <voip/bundle/features.hpp>

#include <doctest/doctest.h>

#include <sstream>

#include "common.hpp"

using namespace voip;
using voip_test::day;
using voip_test::make_bundle;

TEST_CASE("the default table") {
    constexpr FeatureTable t = default_feature_table();
    CHECK((*t.at(BundleType::business)) == FeatureSet::all());
    CHECK(t.at(BundleType::business)->size() == feature_count);
    CHECK(t.at(BundleType::fax_only)->has(Feature::efax));
    CHECK_FALSE(t.at(BundleType::fax_only)->has(Feature::sip_accounts));
    CHECK(t.at(BundleType::trunk_only)->has(Feature::sip_trunks));
    CHECK_FALSE(t.at(BundleType::residential)->has(Feature::sip_trunks));
    CHECK(t.at(BundleType::residential)->has(Feature::voicemail));
    for (const BundleType type : {BundleType::business, BundleType::residential, BundleType::fax_only,
                                  BundleType::trunk_only, BundleType::forward_only}) {
        CAPTURE(type);
        CHECK(t.at(type)->has(Feature::phone_numbers));  // a bundle is SIP users and numbers
        CHECK(t.at(type)->has(Feature::call_records));
    }
    // A type outside 1..5 is a typed error, never a read past the table.
    CHECK(t.at(static_cast<BundleType>(0)).error() == Error::bundle_type_out_of_range);
    CHECK(t.at(static_cast<BundleType>(6)).error() == Error::bundle_type_out_of_range);
}

TEST_CASE("the gate: a bundle must exist, be in service and have the feature") {
    const RenewalPolicy p;
    const Bundle business = make_bundle("2018-08-01", "2018-09-01");
    const Bundle fax = make_bundle("2018-08-01", "2018-09-01", BundleType::fax_only);
    CHECK(can_create_sip_account(&business, day("2018-08-10"), p));
    CHECK(can_create_number(&fax, day("2018-08-10"), p));
    CHECK(can_create_sip_account(nullptr, day("2018-08-10"), p).error() == Error::unknown_bundle);
    CHECK(can_create_number(nullptr, day("2018-08-10"), p).error() == Error::unknown_bundle);
    CHECK(can_create_sip_account(&fax, day("2018-08-10"), p).error() == Error::feature_not_in_type);
    CHECK(can_create_sip_account(&business, day("2018-09-01"), p).error() == Error::not_in_service);
    CHECK(check_feature(&business, Feature::wallboard, day("2018-08-31"), p));
    CHECK(status(Error::feature_not_in_type) == Status::bad_request);
}

TEST_CASE("features_on: the type's while in service, none after") {
    const RenewalPolicy p;
    const Bundle b = make_bundle("2018-08-01", "2018-09-01", BundleType::trunk_only);
    CHECK(features_on(b, day("2018-08-31"), p) == (*default_feature_table().at(BundleType::trunk_only)));
    CHECK(features_on(b, day("2018-09-01"), p) == FeatureSet{});
}

TEST_CASE("the operator's table replaces the default") {
    FeatureTable mine = default_feature_table();
    mine.by_type[index(BundleType::fax_only)] = mine.at(BundleType::fax_only)->with(Feature::sip_accounts);
    mine.by_type[index(BundleType::business)] = FeatureSet::all().without(Feature::wallboard);
    const RenewalPolicy p;
    const Bundle fax = make_bundle("2018-08-01", "2018-09-01", BundleType::fax_only);
    const Bundle business = make_bundle("2018-08-01", "2018-09-01");
    CHECK(can_create_sip_account(&fax, day("2018-08-10"), p, mine));
    CHECK(check_feature(&business, Feature::wallboard, day("2018-08-10"), p, mine).error() ==
          Error::feature_not_in_type);
}

TEST_CASE("printing") {
    std::ostringstream os;
    os << FeatureSet{Feature::efax, Feature::audio} << ' ' << Feature::call_queueing;
    CHECK(os.str() == "[audio, efax] call_queueing");
    std::ostringstream table;
    FeatureTable t;
    t.by_type[0] = FeatureSet{Feature::wallboard};
    table << t;
    CHECK(table.str() == "{1: [wallboard], 2: [], 3: [], 4: [], 5: []}");
}

static_assert((*default_feature_table().at(BundleType::business)).has(Feature::call_queueing));
static_assert(!(*default_feature_table().at(BundleType::forward_only)).has(Feature::sip_accounts));
static_assert(FeatureSet{Feature::efax}.bits() == 1u << 5);

// Found by mutation testing: != of FeatureSet, and printing the first feature.
TEST_CASE("FeatureSet: != and printing sip_accounts") {
    CHECK(FeatureSet{Feature::audio} != FeatureSet{Feature::efax});
    CHECK_FALSE(FeatureSet{Feature::audio} != FeatureSet{Feature::audio});
    std::ostringstream os;
    os << FeatureSet{Feature::sip_accounts, Feature::call_queueing};
    CHECK(os.str() == "[sip_accounts, call_queueing]");
}

TEST_CASE("a Feature outside the enumeration is never a member and adds no bit") {
    for (const unsigned v : {12u, 15u, 31u, 32u, 200u, 255u}) {
        CAPTURE(v);
        const auto f = static_cast<Feature>(v);
        CHECK_FALSE(FeatureSet::all().has(f));
        CHECK(FeatureSet{f} == FeatureSet{});
        CHECK(FeatureSet{Feature::efax}.with(f) == FeatureSet{Feature::efax});
    }
}

TEST_CASE("can_create_* on a Context is the (day, policy) form on its today") {
    const Bundle b = voip_test::make_bundle("2018-08-01", "2018-09-01", BundleType::fax_only);
    const Context in = make_context(day("2018-08-20")).value();
    const Context out = make_context(day("2018-09-02")).value();
    CHECK(can_create_number(&b, in).has_value());
    CHECK(can_create_sip_account(&b, in).error() == Error::feature_not_in_type);
    CHECK(can_create_number(&b, out).error() == Error::not_in_service);
    CHECK(can_create_number(nullptr, in).error() == Error::unknown_bundle);
}
