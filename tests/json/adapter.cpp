// The nlohmann::json adapter: DOM decoding, the SAX text path, ADL conversions.
#include <voip/bundle_json.hpp>
#include <voip/bundle_nlohmann.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace voip;
using json = nlohmann::json;

namespace {
std::string dom_outcome(const json& j) {
    const auto r = decode_request_json(j);
    if (!r) return std::string(name(r.error()));
    const auto v = validate(*r);
    return v ? "ok" : std::string(name(v.error()));
}
std::string text_outcome(const std::string& text, bool through_nlohmann) {
    const auto r = through_nlohmann ? parse_request_nlohmann(text) : decode_request(text);
    if (!r) return std::string(name(r.error()));
    const auto v = validate(*r);
    return v ? "ok" : std::string(name(v.error()));
}
Bundle adapter_seed_bundle() {
    return *make_bundle(*parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415"), CreatedOn{*parse_iso_date("2018-08-01")},
                        ExpiresOn{*parse_iso_date("2018-09-01")}, BundleType::business, AutoRenew::on);
}
}  // namespace

TEST_CASE("DOM: the member kinds and the rules a DOM can still show") {
    CHECK(dom_outcome(json::parse(R"({"auto_renew":true,"bundle_type":1})")) == "ok");
    CHECK(dom_outcome(json::parse(R"({"bundle_type":1.0})")) == "bundle_type_not_integral");
    CHECK(dom_outcome(json::parse(R"({"bundle_type":"1"})")) == "bundle_type_not_integer");
    CHECK(dom_outcome(json::parse(R"({"bundle_type":null})")) == "bundle_type_null");
    CHECK(dom_outcome(json::parse(R"({"bundle_type":18446744073709551615})")) == "bundle_type_out_of_range");
    CHECK(dom_outcome(json::parse(R"({"bundle_type":-9223372036854775808})")) == "bundle_type_out_of_range");
    CHECK(dom_outcome(json::parse(R"({"bundle_type":1,"auto_renew":0})")) == "auto_renew_not_boolean");
    CHECK(dom_outcome(json::parse("[1]")) == "body_not_object");
    CHECK(dom_outcome(json::parse("3")) == "body_not_object");
    // Strings built in code can hold anything: checked.
    json bad = {{"bundle_type", 1}, {"x", std::string("\xc0\xaf")}};
    CHECK(dom_outcome(bad) == "invalid_utf8");
    json bad_key = {{"bundle_type", 1}};
    bad_key[std::string("\xff")] = 1;
    CHECK(dom_outcome(bad_key) == "invalid_utf8");
    // Depth, iteratively: a DOM 10000 deep is an error, not a stack overflow.
    // Built in place, level by level: copying a deep DOM would recurse in nlohmann itself.
    const auto body_nested = [](std::size_t levels) {  // the body's object plus `levels` arrays
        json body = json::object();
        body["bundle_type"] = 1;
        json* at = &body["x"];
        *at = json::array();
        for (std::size_t i = 1; i < levels; ++i) {
            at->push_back(json::array());
            at = &at->back();
        }
        return body;
    };
    CHECK(dom_outcome(body_nested(10000)) == "nesting_too_deep");
    CHECK(dom_outcome(body_nested(max_nesting - 1)) == "ok");
    CHECK(dom_outcome(body_nested(max_nesting)) == "nesting_too_deep");
}

TEST_CASE("text through nlohmann's SAX parser accepts and rejects what decode_request does") {
    const std::vector<std::string> texts = {
        R"({"auto_renew" : true, "bundle_type" : 1})", "{}", R"({"bundle_type":1,"bundle_type":1})",
        R"({"bundle_type":1,"\u0061":1,"a":2})", R"({"bundle_type":1,"x":{"a":1,"a":2}})", "[]", "1", "",
        R"({"bundle_type":1,})", R"({"bundle_type":1.5})", R"({"bundle_type":99999999999999999999999})",
        R"({"bundle_type":9223372036854775808})", R"({"bundle_type":-1})", R"({"bundle_type":"1"})",
        R"({"bundle_type":1,"auto_renew":null})", "{\"bundle_type\":1,\"x\":\"\xc0\xaf\"}",
        "{\"bundle_type\":1,\"x\":\"\xed\xa0\x80\"}", R"({"bundle_type":1,"x":"\ud800"})",
        R"({"bundle_type":1,"x":"\udc00"})", R"({"bundle_type":1,"x":"\ud83d\ude00"})",
        std::string(max_nesting + 1, '[') + std::string(max_nesting + 1, ']'),
        std::string(max_nesting, '[') + std::string(max_nesting, ']'), std::string(10000, '['),
        std::string(max_body_size + 1, ' '), "{\"a\":01}", "{\"a\":1e5,\"bundle_type\":3}", "{\"a\":\"\t\"}",
        // The words of nlohmann's UTF-8 message inside the input must not make it a UTF-8 error.
        "\"UTF-8\x01", "{\"a\":\"ill-formed UTF-8 byte; surrogate \x01\"}",
    };
    for (const auto& t : texts) {
        CAPTURE(t);
        CHECK(text_outcome(t, true) == text_outcome(t, false));
    }
}

TEST_CASE("the SAX path's documented differences, and NUL bytes nlohmann would stop at") {
    // nlohmann's lexer refuses numbers beyond a double; decode_request reads them as numbers.
    CHECK(text_outcome(R"({"bundle_type":1e999})", true) == "invalid_json");
    CHECK(text_outcome(R"({"bundle_type":1e999})", false) == "bundle_type_not_integral");
    CHECK(text_outcome("{\"bundle_type\":1,\"x\":\xc3\xa9}", true) == "invalid_json");
    CHECK(text_outcome("{\"bundle_type\":1,\"x\":\xff}", true) == "invalid_json");
    CHECK(text_outcome("{\"bundle_type\":1,\"x\":\xff}", false) == "invalid_utf8");
    // A NUL ends nlohmann's input; the adapter does not let it hide what follows.
    using namespace std::string_literals;
    for (const std::string& t : {"{\"bundle_type\":1}\0"s, "{\"bundle_type\":1}\0junk"s, "{\"bundle_type\":1\0}"s,
                                 "{\"bundle_type\":\"\0\"}"s, "\0"s, "{\"a\":1,\"a\":2\0"s, "{\"a\":\"\xff\0"s}) {
        CAPTURE(t);
        CHECK(text_outcome(t, true) == text_outcome(t, false));
    }
}

TEST_CASE("ADL conversions: the wire forms, both ways") {
    const Bundle b = adapter_seed_bundle();
    const json j = b;
    CHECK(j.dump() == R"({"auto_renew":true,"bundle_type":1,"created_on":"2018-08-01","expires_on":"2018-09-01",)"
                       R"("uuid":"0fba8c48-99fc-4727-8ca7-c847376da415"})");
    CHECK(j.get<Bundle>() == b);
    const nlohmann::ordered_json oj = b;
    CHECK(oj.dump() == encode_bundle(b));  // the stored line's order
    CHECK(oj.get<Bundle>() == b);

    CHECK(json(BundleType::fax_only) == 3);
    CHECK(json(3).get<BundleType>() == BundleType::fax_only);
    CHECK(json(b.uuid()) == "0fba8c48-99fc-4727-8ca7-c847376da415");
    CHECK(json("0FBA8C48-99FC-4727-8CA7-C847376DA415").get<Uuid>() == b.uuid());
    CHECK(json(IsoDate{b.expires_on()}) == "2018-09-01");
    CHECK(json(Money{1500}) == 1500);
    CHECK(json(Status::payment_required) == 402);
    CHECK(json(Error::duplicate_member) == "duplicate_member");
    CHECK(json(State::grace) == "grace");
    CHECK(json(SweepAction::renew) == "renew");
    CHECK(json(FeatureSet{Feature::efax, Feature::audio}) == json::array({"audio", "efax"}));

    const Request r = json::parse(R"({"bundle_type":2})").get<Request>();
    CHECK(r == Request{false, BundleType::residential});
    CHECK(json(r) == json::parse(R"({"auto_renew":false,"bundle_type":2})"));

    const PriceList p = *make_price_list({{BundleType::business, Money{100}},
                                          {BundleType::residential, Money{200}},
                                          {BundleType::fax_only, Money{300}},
                                          {BundleType::trunk_only, Money{400}},
                                          {BundleType::forward_only, Money{500}}});
    CHECK(json(p).get<PriceList>() == p);
    CHECK(json(p) == json::parse(R"({"1":100,"2":200,"3":300,"4":400,"5":500})"));

    // The envelope: the seed's 201, compact, in its order.
    CHECK(json(success_envelope(Operation::create, b)).dump() ==
          R"({"result":{"auto_renew":true,"bundle_type":1,"expires_on":"2018-09-01",)"
          R"("uuid":"0fba8c48-99fc-4727-8ca7-c847376da415"},"status_code":201,"status_message":"Created"})");
    CHECK(json(error_envelope(Error::unknown_bundle)).dump() == to_string(error_envelope(Error::unknown_bundle)));
}

TEST_CASE("from_json throws json_decode_error with the rule, or nlohmann's type_error") {
    const auto error_of = [](auto&& f) -> std::string {
        try {
            f();
        } catch (const json_decode_error& e) {
            return std::string(name(e.error()));
        } catch (const json::type_error&) {
            return "type_error";
        }
        return "no exception";
    };
    CHECK(error_of([] { (void)json(6).get<BundleType>(); }) == "bundle_type_out_of_range");
    CHECK(error_of([] { (void)json("x").get<Uuid>(); }) == "malformed_uuid");
    CHECK(error_of([] { (void)json(5).get<Uuid>(); }) == "type_error");
    CHECK(error_of([] { (void)json("2018-02-30").get<IsoDate>(); }) == "malformed_date");
    CHECK(error_of([] { (void)json::parse(R"({"bundle_type":"1"})").get<Request>(); }) == "bundle_type_not_integer");
    CHECK(error_of([] { (void)json::parse(R"({"1":1})").get<PriceList>(); }) == "invalid_policy");
    json j = adapter_seed_bundle();
    j.erase("created_on");
    CHECK(error_of([&] { (void)j.get<Bundle>(); }) == "invalid_bundle");
    j = adapter_seed_bundle();
    j["expires_on"] = "2018-07-01";
    CHECK(error_of([&] { (void)j.get<Bundle>(); }) == "invalid_bundle");
    j = adapter_seed_bundle();
    j["auto_renew"] = nullptr;
    CHECK(error_of([&] { (void)j.get<Bundle>(); }) == "auto_renew_null");
    // Encoding a value with no wire form throws json_encode_error, not a decode error.
    const IsoDate bad{max_day + date::days{1}};
    try {
        json out = bad;
        FAIL("no exception");
    } catch (const json_encode_error& e) {
        CHECK(e.error() == Error::date_out_of_range);
    }
    CHECK_THROWS_AS((void)json(bad), json_encode_error);
}

TEST_CASE("to_json(Bundle) writes the stored order with ordered_json: the same bytes as the store") {
    const nlohmann::ordered_json j = adapter_seed_bundle();
    CHECK(j.dump() == encode_bundle(adapter_seed_bundle()));
    const Bundle b = *adapter_seed_bundle().with_type(BundleType::forward_only, AutoRenew::off);
    CHECK(nlohmann::ordered_json(b).dump() == encode_bundle(b));
    // nlohmann::json sorts members by name: the same value, in another order.
    CHECK(json(b) == json::parse(encode_bundle(b)));
    CHECK(json(b).get<Bundle>() == b);
    const nlohmann::ordered_json e = success_envelope(Operation::renew, b);
    CHECK(e.dump() == to_string(success_envelope(Operation::renew, b)));
}
