// The nlohmann adapter at its edges: DOM trees no parser builds (binary and discarded
// values, bad UTF-8, deep nesting) for both nlohmann::json and nlohmann::ordered_json -
// each is its own instantiation of the adapter - every from_json / to_json error path for
// both, and the SAX handler's branches the text path alone cannot reach.
#include <voip/bundle_json.hpp>
#include <voip/bundle_nlohmann.hpp>

#include <doctest/doctest.h>

#include "../common.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace voip;
using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;
using namespace std::string_literals;

namespace {

template <class Json>
std::string dom_outcome(const Json& j) {
    const auto r = decode_request_json(j);
    if (!r) return std::string(name(r.error()));
    const auto v = validate(*r);
    return v ? "ok" : std::string(name(v.error()));
}

// What a conversion throws: the rule's name, "encode: <name>", or "no exception".
template <class F>
std::string thrown(F&& f) {
    try {
        f();
    } catch (const json_decode_error& e) {
        return std::string(name(e.error()));
    } catch (const json_encode_error& e) {
        return "encode: " + std::string(name(e.error()));
    }
    return "no exception";
}

// A body {"bundle_type":1,"x":...} whose "x" holds `levels` - 1 nested containers, built in
// place (copying a deep DOM would recurse in nlohmann itself).
template <class Json>
Json body_nested(std::size_t levels, bool objects) {
    Json body = Json::object();
    body["bundle_type"] = 1;
    Json* at = &body["x"];
    *at = objects ? Json::object() : Json::array();
    for (std::size_t i = 2; i < levels; ++i) {
        Json* next = objects ? &(*at)["y"] : (at->push_back(Json::array()), &at->back());
        if (objects) *next = Json::object();
        at = next;
    }
    return body;
}

// A body with `value` as an unknown member, and as the element of an unknown array.
template <class Json>
Json with_member(Json value) {
    Json body = Json::object();
    body["bundle_type"] = 1;
    body["x"] = Json::array();
    body["x"].push_back(value);
    body["y"] = std::move(value);
    return body;
}

template <class Json>
void check_dom_trees() {
    // The root itself breaks a rule: that error, not body_not_object.
    CHECK(dom_outcome(Json(std::string("\xff"))) == "invalid_utf8");
    CHECK(dom_outcome(Json::binary({1, 2, 3})) == "invalid_json");
    CHECK(dom_outcome(Json(Json::value_t::discarded)) == "invalid_json");
    CHECK(dom_outcome(Json("text")) == "body_not_object");
    CHECK(dom_outcome(Json(nullptr)) == "body_not_object");
    // The same anywhere below it: a parser never builds these, code can.
    CHECK(dom_outcome(with_member(Json::binary({1}))) == "invalid_json");
    CHECK(dom_outcome(with_member(Json(Json::value_t::discarded))) == "invalid_json");
    CHECK(dom_outcome(with_member(Json(std::string("\xed\xa0\x80")))) == "invalid_utf8");  // a surrogate
    CHECK(dom_outcome(with_member(Json(std::string("\xf0\x9f\x41\x80")))) == "invalid_utf8");
    Json bad_key = with_member(Json(1));
    bad_key["y"] = Json::object();
    bad_key["y"][std::string("\xc3")] = 1;
    CHECK(dom_outcome(bad_key) == "invalid_utf8");
    // Valid non-ASCII text, in values and names, is fine.
    Json fine = with_member(Json(std::string("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80")));
    fine[std::string("\xe2\x82\xac")] = std::string("\xf4\x8f\xbf\xbf");
    CHECK(dom_outcome(fine) == "ok");
    // Depth, counted with the body's object, through arrays and through objects.
    for (const bool objects : {false, true}) {
        CAPTURE(objects);
        CHECK(dom_outcome(body_nested<Json>(max_nesting, objects)) == "ok");
        CHECK(dom_outcome(body_nested<Json>(max_nesting + 1, objects)) == "nesting_too_deep");
    }
    // Unsigned values (what nlohmann's parser makes of a non-negative integer) read as integers.
    CHECK(dom_outcome(Json::parse(R"({"bundle_type":3})")) == "ok");
    CHECK(Json(std::uint64_t{3}).template get<BundleType>() == BundleType::fax_only);
}

template <class Json>
void check_conversion_errors() {
    CHECK(thrown([] { (void)Json("2018-02-30").template get<IsoDate>(); }) == "malformed_date");
    CHECK(Json("2018-08-01").template get<IsoDate>().day == voip_test::day("2018-08-01"));
    CHECK(thrown([] { (void)Json("0fba8c48-99fc-4727-8ca7-c847376da41").template get<Uuid>(); }) == "malformed_uuid");
    CHECK(thrown([] { (void)Json(6).template get<BundleType>(); }) == "bundle_type_out_of_range");
    CHECK(thrown([] { (void)Json(1.0).template get<BundleType>(); }) == "bundle_type_not_integral");
    CHECK(thrown([] { (void)Json(1.5).template get<Money>(); }) == "invalid_policy");
    CHECK(thrown([] { (void)Json(max_amount.minor + 1).template get<Money>(); }) == "invalid_policy");
    CHECK(Json(-max_amount.minor).template get<Money>() == Money{-max_amount.minor});

    // A date outside 0001-01-01..9999-12-31 has no "YYYY-MM-DD": an encode error.
    CHECK(thrown([] { (void)Json(IsoDate{min_day - date::days{1}}); }) == "encode: date_out_of_range");
    CHECK(thrown([] { (void)Json(IsoDate{max_day + date::days{1}}); }) == "encode: date_out_of_range");
    CHECK(Json(IsoDate{min_day}) == "0001-01-01");
    CHECK(Json(IsoDate{max_day}) == "9999-12-31");

    // A price list: the tree first, then the object, then the prices.
    Json prices = Json::parse(R"({"1":1,"2":2,"3":3,"4":4,"5":5})");
    CHECK(prices.template get<PriceList>().at(BundleType::forward_only) == Money{5});
    Json p = prices;
    p["note"] = std::string("\xff");
    CHECK(thrown([&] { (void)p.template get<PriceList>(); }) == "invalid_utf8");
    p = prices;
    p["note"] = Json::binary({0});
    CHECK(thrown([&] { (void)p.template get<PriceList>(); }) == "invalid_json");
    CHECK(thrown([] { (void)Json::array({1, 2, 3, 4, 5}).template get<PriceList>(); }) == "body_not_object");
    CHECK(thrown([] { (void)Json::parse(R"({"1":1,"2":2,"3":3,"4":4})").template get<PriceList>(); }) ==
          "invalid_policy");

    // A request: decode_request_json's errors, then validate's.
    CHECK(thrown([] { (void)Json::array().template get<Request>(); }) == "body_not_object");
    CHECK(thrown([] { (void)Json(std::string("\xc0\xaf")).template get<Request>(); }) == "invalid_utf8");
    CHECK(thrown([] { (void)body_nested<Json>(max_nesting + 1, true).template get<Request>(); }) ==
          "nesting_too_deep");
    CHECK(thrown([] { (void)Json::parse(R"({"bundle_type":0})").template get<Request>(); }) ==
          "bundle_type_out_of_range");
    CHECK(Json::parse(R"({"bundle_type":5,"auto_renew":true})").template get<Request>() ==
          Request{true, BundleType::forward_only});

    // A bundle: the tree, the object, then bundle_from_members.
    const Bundle seed = voip_test::make_bundle("2018-08-01", "2018-09-01");
    const Json good = seed;
    CHECK(good.template get<Bundle>() == seed);
    Json b = good;
    b["note"] = std::string("\xe0\x80\x80");  // overlong
    CHECK(thrown([&] { (void)b.template get<Bundle>(); }) == "invalid_utf8");
    b = good;
    b["note"] = Json(Json::value_t::discarded);
    CHECK(thrown([&] { (void)b.template get<Bundle>(); }) == "invalid_json");
    CHECK(thrown([] { (void)Json::array({1}).template get<Bundle>(); }) == "body_not_object");
    b = good;
    b["uuid"] = "x";
    CHECK(thrown([&] { (void)b.template get<Bundle>(); }) == "malformed_uuid");
    CHECK(thrown([] { (void)Json(IsoDate{max_day + date::days{1}}); }) == "encode: date_out_of_range");
}

}  // namespace

TEST_CASE("DOM trees no parser builds: binary, discarded, bad UTF-8, depth - nlohmann::json") {
    check_dom_trees<json>();
}

TEST_CASE("DOM trees no parser builds: binary, discarded, bad UTF-8, depth - nlohmann::ordered_json") {
    check_dom_trees<ordered_json>();
}

TEST_CASE("from_json and to_json: every error each conversion throws - nlohmann::json") {
    check_conversion_errors<json>();
}

TEST_CASE("from_json and to_json: every error each conversion throws - nlohmann::ordered_json") {
    check_conversion_errors<ordered_json>();
}

// Found by branch coverage: nlohmann's get_ptr<number_integer_t> answers for an unsigned
// value too, so 2^63 was read as -2^63 and a price of 2^64 - 1500 as -1500.
TEST_CASE("DOM: an unsigned value above INT64_MAX is a big integer, never a negative one") {
    const json j = {{"bundle_type", std::uint64_t{9223372036854775808u}}};
    const auto r = decode_request_json(j);
    REQUIRE(r);
    CHECK(r->bundle_type.kind == JsonKind::big_integer);
    const auto top = decode_request_json(ordered_json{{"bundle_type", std::uint64_t{18446744073709551615u}}});
    REQUIRE(top);
    CHECK(top->bundle_type.kind == JsonKind::big_integer);
    const auto small = decode_request_json(json{{"bundle_type", std::uint64_t{3}}});
    REQUIRE(small);
    CHECK(small->bundle_type.kind == JsonKind::integer);
    CHECK(small->bundle_type.integer == 3);
    CHECK(thrown([] { (void)json::parse("18446744073709550116").get<Money>(); }) == "invalid_policy");
    CHECK(thrown([] { (void)ordered_json(std::uint64_t{18446744073709550116u}).get<Money>(); }) == "invalid_policy");
}

TEST_CASE("SAX path: a known member holding an object or an array, as decode_request reads it") {
    for (const std::string text : {R"({"bundle_type":[1]})", R"({"bundle_type":{}})",
                                   R"({"auto_renew":{"bundle_type":1},"bundle_type":[[]]})",
                                   R"({"x":{"bundle_type":[]},"bundle_type":2})"}) {
        CAPTURE(text);
        const auto sax = parse_request_nlohmann(text);
        const auto own = decode_request(text);
        REQUIRE(sax);
        REQUIRE(own);
        CHECK(sax->bundle_type.kind == own->bundle_type.kind);
        CHECK(sax->bundle_type.integer == own->bundle_type.integer);
        CHECK(sax->auto_renew.kind == own->auto_renew.kind);
    }
    const auto kind_of = [](const char* text) {
        const auto r = parse_request_nlohmann(text);
        REQUIRE(r);
        return r->bundle_type;
    };
    CHECK(kind_of(R"({"bundle_type":[1]})").kind == JsonKind::array);
    CHECK(kind_of(R"({"bundle_type":{}})").kind == JsonKind::object);
    CHECK(kind_of(R"({"x":{"bundle_type":[]},"bundle_type":2})").integer == 2);
}

TEST_CASE("SAX path: an error before a NUL byte is kept when it is a rule's own") {
    // Parsing stops at the NUL; what was found before it stands when it is not merely the
    // early end (nesting, a duplicate, bad UTF-8), as decode_request reports it.
    const std::vector<std::pair<std::string, const char*>> cases = {
        {std::string(max_nesting + 1, '[') + "\0]"s, "nesting_too_deep"},
        {"{\"a\":" + std::string(max_nesting, '[') + "\0"s, "nesting_too_deep"},
        {"{\"a\":1,\"a\"\0:2}"s, "duplicate_member"},
        {"{\"x\":\"\\ud800\0\"}"s, "invalid_utf8"},  // a high surrogate cut by the NUL
        {"{\"x\":[1,\0]}"s, "invalid_json"},
    };
    for (const auto& c : cases) {  // not a structured binding: CAPTURE's lambda cannot take one in C++17
        CAPTURE(c.first);
        const auto sax = parse_request_nlohmann(c.first);
        const auto own = decode_request(c.first);
        REQUIRE(!sax);
        REQUIRE(!own);
        CHECK(name(sax.error()) == c.second);
        CHECK(name(own.error()) == c.second);
    }
}

TEST_CASE("SAX handler: a binary value, which only a binary format delivers, is invalid_json") {
    // CBOR {"x": h'0102'}: nlohmann hands the byte string to the handler's binary().
    const std::vector<std::uint8_t> cbor = {0xA1, 0x61, 'x', 0x42, 0x01, 0x02};
    detail::StrictSax<json> sax;
    CHECK_FALSE(json::sax_parse(cbor, &sax, json::input_format_t::cbor));
    CHECK(sax.error() == Error::invalid_json);
    // The same handler takes the rest of CBOR's values as a text's.
    const std::vector<std::uint8_t> ok = {0xA1, 0x6B, 'b', 'u', 'n', 'd', 'l', 'e', '_', 't', 'y', 'p', 'e', 0x03};
    detail::StrictSax<json> ok_sax;
    CHECK(json::sax_parse(ok, &ok_sax, json::input_format_t::cbor));
    CHECK(ok_sax.error() == std::nullopt);
    CHECK(ok_sax.top_is_object());
    CHECK(ok_sax.request().bundle_type.integer == 3);
}

TEST_CASE("SAX handler: the first error wins, and values land only at depth 1") {
    detail::StrictSax<json> sax;
    std::string a = "a";
    REQUIRE(sax.start_object(1));
    REQUIRE(sax.key(a));
    REQUIRE(sax.number_integer(1));
    CHECK_FALSE(sax.key(a));
    CHECK(sax.error() == Error::duplicate_member);
    // A later report - nlohmann's, or any other - does not replace it.
    CHECK_FALSE(sax.parse_error(0, "", std::runtime_error("syntax error - invalid string: ill-formed UTF-8 byte")));
    json::binary_t bytes;
    CHECK_FALSE(sax.binary(bytes));
    CHECK(sax.error() == Error::duplicate_member);

    // A known name's value is taken at depth 1 only: after its object closed, a stray
    // value (no parser sends one) does not land in the request.
    std::string type = "bundle_type";
    for (const bool container : {false, true}) {
        CAPTURE(container);
        detail::StrictSax<json> stray;
        REQUIRE(stray.start_object(1));
        REQUIRE(stray.key(type));
        REQUIRE(stray.end_object());
        CHECK((container ? stray.start_array(0) : stray.number_unsigned(3)));
        CHECK(stray.request().bundle_type.kind == JsonKind::absent);
        CHECK(stray.error() == std::nullopt);
    }
}
