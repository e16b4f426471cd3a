// Stored bundles (one JSON object a line) and price lists.
#include <voip/bundle_json.hpp>

#include <doctest/doctest.h>

#include "../common.hpp"

#include <random>
#include <string>
#include <vector>

using namespace voip;

namespace {
// The seed's bundle: created 2018-08-01, expires 2018-09-01, Business, auto-renew.
Bundle seed_bundle() { return voip_test::make_bundle("2018-08-01", "2018-09-01"); }

std::string stored_outcome(const std::string& line) {
    const auto r = decode_bundle(line);
    return r ? "ok" : std::string(name(r.error()));
}
}  // namespace

TEST_CASE("a stored bundle is the seed's result members in order, then created_on") {
    CHECK(encode_bundle(seed_bundle()) ==
          R"({"auto_renew":true,"bundle_type":1,"expires_on":"2018-09-01",)"
          R"("uuid":"0fba8c48-99fc-4727-8ca7-c847376da415","created_on":"2018-08-01"})");
    CHECK(encode_bundle(*seed_bundle().with_type(BundleType::business, AutoRenew::off)).size() == max_bundle_json_size);
}

TEST_CASE("round trip: encode then decode gives the same bundle, for many bundles") {
    std::mt19937_64 gen(12345);
    std::uniform_int_distribution<int> day(0, 3652058 - 400);  // 0001-01-01 .. 9999-12-31 less a margin
    for (int i = 0; i < 20000; ++i) {
        const date::sys_days created_on = min_day + date::days{day(gen)};
        const Bundle b = *make_bundle(make_uuid_v4(gen), CreatedOn{created_on},
                                      ExpiresOn{created_on + date::days{1 + day(gen) % 400}},
                                      static_cast<BundleType>(1 + i % 5), (i & 1) != 0 ? AutoRenew::on : AutoRenew::off);
        const std::string line = encode_bundle(b);
        const auto back = decode_bundle(line);
        REQUIRE(back);
        CHECK(*back == b);
    }
}

TEST_CASE("stored bundles: member order, spacing and escapes do not matter, unknown members are ignored") {
    const auto expected = seed_bundle();
    for (const std::string line : {
             R"({"created_on":"2018-08-01","uuid":"0FBA8C48-99FC-4727-8CA7-C847376DA415","expires_on":"2018-09-01","bundle_type":1,"auto_renew":true})",
             R"( { "auto_renew" : true , "bundle_type" : 1 , "expires_on" : "2018-09-01" , "uuid" : "0fba8c48-99fc-4727-8ca7-c847376da415" , "created_on" : "2018-08-01" } )",
             R"({"auto_renew":true,"bundle_type":1,"expires_on":"2018\u002d09-01","uuid":"0fba8c48-99fc-4727-8ca7-c847376da415","created_on":"2018-08-01","note":{"x":[1,2]}})",
         }) {
        CAPTURE(line);
        const auto b = decode_bundle(line);
        REQUIRE(b);
        CHECK(*b == expected);
    }
}

TEST_CASE("stored bundles: each broken line is its own typed error") {
    const std::string uuid = R"("uuid":"0fba8c48-99fc-4727-8ca7-c847376da415")";
    const std::string good_dates = R"("created_on":"2018-08-01","expires_on":"2018-09-01")";
    const auto line = [&](const std::string& rest) { return "{" + uuid + "," + good_dates + "," + rest + "}"; };
    struct Case {
        std::string text;
        const char* expected;
    };
    const std::vector<Case> cases = {
        {line(R"("auto_renew":true,"bundle_type":2)"), "ok"},
        {line(R"("auto_renew":true)"), "bundle_type_missing"},
        {line(R"("auto_renew":true,"bundle_type":"2")"), "bundle_type_not_integer"},
        {line(R"("auto_renew":true,"bundle_type":2.0)"), "bundle_type_not_integral"},
        {line(R"("auto_renew":true,"bundle_type":7)"), "bundle_type_out_of_range"},
        {line(R"("auto_renew":true,"bundle_type":null)"), "bundle_type_null"},
        {line(R"("bundle_type":2)"), "invalid_bundle"},
        {line(R"("auto_renew":null,"bundle_type":2)"), "auto_renew_null"},
        {line(R"("auto_renew":"yes","bundle_type":2)"), "auto_renew_not_boolean"},
        {line(R"("auto_renew":true,"bundle_type":2,"uuid":"x")"), "duplicate_member"},
        {R"({"auto_renew":true,"bundle_type":1,"created_on":"2018-08-01","expires_on":"2018-09-01"})", "invalid_bundle"},
        {R"({"uuid":7,"auto_renew":true,"bundle_type":1,"created_on":"2018-08-01","expires_on":"2018-09-01"})", "malformed_uuid"},
        {R"({"uuid":"0fba8c48-99fc-4727-8ca7-c847376da41","auto_renew":true,"bundle_type":1,"created_on":"2018-08-01","expires_on":"2018-09-01"})", "malformed_uuid"},
        {"{" + uuid + R"(,"created_on":"2018-08-01","auto_renew":true,"bundle_type":1})", "invalid_bundle"},
        {"{" + uuid + R"(,"created_on":"2018-02-30","expires_on":"2018-09-01","auto_renew":true,"bundle_type":1})", "malformed_date"},
        {"{" + uuid + R"(,"created_on":20180801,"expires_on":"2018-09-01","auto_renew":true,"bundle_type":1})", "malformed_date"},
        {"{" + uuid + R"(,"created_on":"2018-08-01","expires_on":"2018-9-01","auto_renew":true,"bundle_type":1})", "malformed_date"},
        {"{" + uuid + R"(,"created_on":"2018-08-01","expires_on":"2018-09-01 with a very long tail that is not a date","auto_renew":true,"bundle_type":1})", "malformed_date"},
        // created_on must come before expires_on
        {"{" + uuid + R"(,"created_on":"2018-09-01","expires_on":"2018-09-01","auto_renew":true,"bundle_type":1})", "invalid_bundle"},
        {"{" + uuid + R"(,"created_on":"2018-09-02","expires_on":"2018-09-01","auto_renew":true,"bundle_type":1})", "invalid_bundle"},
        {"", "invalid_json"},
        {"[]", "body_not_object"},
        {line(R"("auto_renew":true,"bundle_type":2)") + ",", "invalid_json"},
        {line("\"auto_renew\":true,\"bundle_type\":2,\"x\":\"\xe0\x80\x80\""), "invalid_utf8"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(stored_outcome(c.text) == c.expected);
    }
}

TEST_CASE("write_bundle_json: the buffer checked") {
    // Zeroed: `last` is a const char* into the buffer, and g++ -O2 takes the bytes it points
    // at for an input (-Wmaybe-uninitialized); the writer only compares against it.
    char buf[max_bundle_json_size] = {};
    CHECK(write_bundle_json(buf, buf + sizeof buf - 2, seed_bundle()).error() == Error::buffer_too_small);
    CHECK(write_bundle_json(buf, buf + sizeof buf, seed_bundle()) == encode_bundle(seed_bundle()).size());
}

TEST_CASE("price lists: every type, integers in range, nothing else") {
    const auto p = decode_prices(R"({"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 0})");
    REQUIRE(p);
    CHECK((*p->at(BundleType::business)) == Money{1500});
    CHECK((*p->at(BundleType::forward_only)) == Money{0});
    const auto error = [](const char* text) {
        const auto r = decode_prices(text);
        return r ? std::string("ok") : std::string(name(r.error()));
    };
    CHECK(error(R"({"1":1,"2":2,"3":3,"4":4})") == "invalid_policy");
    CHECK(error(R"({"1":1,"2":2,"3":3,"4":4,"5":5,"6":6})") == "invalid_policy");
    CHECK(error(R"({"1":1,"2":2,"3":3,"4":4,"5":-5})") == "invalid_policy");
    CHECK(error(R"({"1":1,"2":2,"3":3,"4":4,"5":5.0})") == "invalid_policy");
    CHECK(error(R"({"1":1,"2":2,"3":3,"4":4,"5":"5"})") == "invalid_policy");
    CHECK(error(R"({"1":1,"2":2,"3":3,"4":4,"5":1000000000000000})") == "ok");
    CHECK(error(R"({"1":1,"2":2,"3":3,"4":4,"5":1000000000000001})") == "invalid_policy");
    CHECK(error(R"({"1":1,"2":2,"3":3,"4":4,"5":5,"5":5})") == "duplicate_member");
    CHECK(error(R"({"1":1,)") == "invalid_json");
}
