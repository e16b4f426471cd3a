#include <voip/bundle/schema.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "common.hpp"

using namespace voip;

TEST_CASE("the stored bundle's members: the result's in the seed's order, then created_on") {
    const auto names = schema::names(schema::bundle);
    CHECK(std::vector<std::string_view>(names.begin(), names.end()) ==
          std::vector<std::string_view>{"auto_renew", "bundle_type", "expires_on", "uuid", "created_on"});
    for (const auto& m : schema::bundle) CHECK(m.required);
    CHECK(schema::result_size == 4);
    CHECK(schema::position(schema::bundle, schema::Field::created_on) == 4);
    CHECK(schema::position(schema::bundle, schema::Field::none) == schema::bundle.size());
}

TEST_CASE("the request shares the bundle's names, auto_renew is optional") {
    CHECK(schema::request[0].name == schema::bundle[0].name);
    CHECK(schema::request[1].name == schema::bundle[1].name);
    CHECK_FALSE(schema::request[0].required);
    CHECK(schema::request[1].required);
}

TEST_CASE("the envelope and the price list") {
    CHECK(schema::envelope[0].name == "result");
    CHECK(schema::envelope[1].name == "status_code");
    CHECK(schema::envelope[2].name == "status_message");
    CHECK_FALSE(schema::envelope[3].required);
    for (std::size_t i = 0; i < schema::price_list.size(); ++i)
        CHECK(schema::price_list[i].name == std::to_string(i + 1));  // named by the type's code
}

TEST_CASE("visit_bundle gives every member in order with its value") {
    const Bundle b = voip_test::make_bundle("2018-08-01", "2018-09-01", BundleType::trunk_only, false);
    std::vector<std::string> seen;
    schema::visit_bundle<schema::bundle.size()>(b, [&](auto i, const auto& value) {
        using V = std::decay_t<decltype(value)>;
        std::ostringstream text;  // not std::string's operator+: g++ 12 -O3 warns falsely (-Wrestrict)
        text << schema::bundle[decltype(i)::value].name << '=';
        if constexpr (std::is_same_v<V, bool>) text << (value ? "true" : "false");
        else if constexpr (std::is_same_v<V, date::sys_days>) text << IsoDate{value};
        else text << value;
        seen.push_back(text.str());
    });
    CHECK(seen == std::vector<std::string>{"auto_renew=false", "bundle_type=4", "expires_on=2018-09-01",
                                           "uuid=0fba8c48-99fc-4727-8ca7-c847376da415", "created_on=2018-08-01"});
    int count = 0;
    schema::visit_bundle<schema::result_size>(b, [&](auto, const auto&) { ++count; });
    CHECK(count == 4);
}

TEST_CASE("visit_bundle_json gives every member as JSON holds it: bool, int or a string's text") {
    const Bundle b = voip_test::make_bundle("2018-08-01", "2018-09-01", BundleType::trunk_only, true);
    std::vector<std::string> seen;
    schema::visit_bundle_json<schema::bundle.size()>(b, [&](std::string_view name, const auto& value) {
        using V = std::decay_t<decltype(value)>;
        static_assert(std::is_same_v<V, bool> || std::is_same_v<V, int> || std::is_same_v<V, std::string_view>);
        std::ostringstream text;
        text << name << '=';
        if constexpr (std::is_same_v<V, bool>) text << (value ? "true" : "false");
        else if constexpr (std::is_same_v<V, int>) text << value;
        else text << '"' << value << '"';
        seen.push_back(text.str());
    });
    CHECK(seen == std::vector<std::string>{"auto_renew=true", "bundle_type=4", "expires_on=\"2018-09-01\"",
                                           "uuid=\"0fba8c48-99fc-4727-8ca7-c847376da415\"", "created_on=\"2018-08-01\""});
    int count = 0;
    schema::visit_bundle_json<schema::result_size>(b, [&](std::string_view, const auto&) { ++count; });
    CHECK(count == 4);
}
