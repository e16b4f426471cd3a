// decode_request: every strictness rule of rules.md 2 as its own typed error, the fast path
// agreeing with the general scanner, and hostile inputs that must not crash.
#include <voip/bundle_json.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

using namespace voip;
using namespace std::string_literals;

namespace {

// The error decode_request gives, or "ok".
std::string outcome(std::string_view text) {
    const auto r = decode_request(text);
    return r ? "ok" : std::string(name(r.error()));
}

// The general scanner alone: must agree with decode_request on every text.
std::string general_outcome(std::string_view text) {
    if (text.size() > max_body_size) return "body_too_large";
    detail::Members<2> m;
    const auto s = detail::scan_general(text.data(), text.data() + text.size(), detail::request_names, m);
    return s ? "ok" : std::string(name(s.error()));
}

std::string full(std::string_view text) {
    const auto r = parse_request(text);
    return r ? "ok" : std::string(name(r.error()));
}

struct Case {
    std::string text;
    const char* expected;
};

}  // namespace

TEST_CASE("the seed's body decodes, through the fast path and the general scanner alike") {
    const std::string body = "{\n\"auto_renew\" : true,\n\"bundle_type\" : 1\n}";
    const auto r = parse_request(body);
    REQUIRE(r);
    CHECK(r->auto_renew);
    CHECK(r->bundle_type == BundleType::business);
    detail::Members<2> fast;
    CHECK(detail::scan_fast(body.data(), body.data() + body.size(), detail::request_names, fast));
    CHECK(general_outcome(body) == "ok");
}

TEST_CASE("member kinds reach RawRequest as the rules need them") {
    const auto kind = [](const std::string& value) {
        const auto r = decode_request(R"({"bundle_type":)" + value + "}");
        REQUIRE(r);
        return r->bundle_type.kind;
    };
    CHECK(kind("1") == JsonKind::integer);
    CHECK(kind("-0") == JsonKind::integer);
    CHECK(kind("null") == JsonKind::null);
    CHECK(kind("true") == JsonKind::boolean);
    CHECK(kind(R"("1")") == JsonKind::string);
    CHECK(kind("1.0") == JsonKind::number);
    CHECK(kind("1e0") == JsonKind::number);
    CHECK(kind("1E+2") == JsonKind::number);
    CHECK(kind("[1]") == JsonKind::array);
    CHECK(kind(R"({"a":1})") == JsonKind::object);
    CHECK(kind("9223372036854775807") == JsonKind::integer);
    CHECK(kind("9223372036854775808") == JsonKind::big_integer);
    CHECK(kind("-9223372036854775808") == JsonKind::integer);
    CHECK(kind("-9223372036854775809") == JsonKind::big_integer);
    CHECK(kind("123456789012345678901234567890") == JsonKind::big_integer);
    CHECK(decode_request(R"({"bundle_type":-9223372036854775808})")->bundle_type.integer == INT64_MIN);
    CHECK(decode_request(R"({"bundle_type":9223372036854775807})")->bundle_type.integer == INT64_MAX);
    CHECK(decode_request(R"({"bundle_type":"x"})")->auto_renew.kind == JsonKind::absent);
    // The fast path's shortcuts: one-digit integers, names matched in place.
    CHECK(decode_request(R"({"bundle_type":7})")->bundle_type.integer == 7);
    CHECK(decode_request(R"({"bundle_type":0})")->bundle_type.integer == 0);
    CHECK(decode_request(R"({"bundle_type":12})")->bundle_type.integer == 12);
    CHECK(kind("1.5") == JsonKind::number);
    CHECK(kind("2e1") == JsonKind::number);
    CHECK(!decode_request(R"({"bundle_type":05})"));
    CHECK(!decode_request(R"({"bundle_type":1)"));
    CHECK(decode_request(R"({"bundle_typ":1,"bundle_type_":2,"auto_renewX":true})")->bundle_type.kind == JsonKind::absent);
    CHECK(decode_request(R"({"bundle_typ":1,"bundle_type_":2,"auto_renewX":true})")->auto_renew.kind == JsonKind::absent);
    CHECK(decode_request(R"({"bundle_type")").error() == Error::invalid_json);
    CHECK(decode_request(R"({"bundle_type)").error() == Error::invalid_json);
}

TEST_CASE("rules.md 2: every rejected body, each with its own error") {
    const std::vector<Case> cases = {
        {R"({"auto_renew":true,"bundle_type":1})", "ok"},
        {R"({"bundle_type":5})", "ok"},
        {R"({"bundle_type":1,"unknown":[{"deep":{"x":[null,true,false,-1.5e-3,"\u00e9"]}}]})", "ok"},
        {"{}", "bundle_type_missing"},
        {R"({"bundle_type":null})", "bundle_type_null"},
        {R"({"bundle_type":"1"})", "bundle_type_not_integer"},
        {R"({"bundle_type":true})", "bundle_type_not_integer"},
        {R"({"bundle_type":[1]})", "bundle_type_not_integer"},
        {R"({"bundle_type":{}})", "bundle_type_not_integer"},
        {R"({"bundle_type":1.5})", "bundle_type_not_integral"},
        {R"({"bundle_type":1.0})", "bundle_type_not_integral"},
        {R"({"bundle_type":1e0})", "bundle_type_not_integral"},
        {R"({"bundle_type":0})", "bundle_type_out_of_range"},
        {R"({"bundle_type":6})", "bundle_type_out_of_range"},
        {R"({"bundle_type":-1})", "bundle_type_out_of_range"},
        {R"({"bundle_type":9223372036854775808})", "bundle_type_out_of_range"},
        {R"({"bundle_type":1,"auto_renew":null})", "auto_renew_null"},
        {R"({"bundle_type":1,"auto_renew":1})", "auto_renew_not_boolean"},
        {R"({"bundle_type":1,"auto_renew":"true"})", "auto_renew_not_boolean"},
        {R"({"bundle_type":1,"bundle_type":1})", "duplicate_member"},
        {R"({"bundle_type":1,"auto_renew":true,"auto_renew":true})", "duplicate_member"},
        {R"([{"bundle_type":1}])", "body_not_object"},
        {"1", "body_not_object"},
        {R"("text")", "body_not_object"},
        {"null", "body_not_object"},
        {"", "invalid_json"},
        {"{", "invalid_json"},
        {R"({"bundle_type":1)", "invalid_json"},
        {R"({"bundle_type":1,})", "invalid_json"},
        {"{\"bundle_type\":1}\xff", "invalid_utf8"},
        {"{\"bundle_type\":\"\xc3\x28\"}", "invalid_utf8"},
        {std::string(max_body_size + 1, ' '), "body_too_large"},
        {std::string(max_nesting + 1, '[') + std::string(max_nesting + 1, ']'), "nesting_too_deep"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(full(c.text) == c.expected);
    }
}

TEST_CASE("the whole text is JSON: grammar errors anywhere, unknown members included") {
    const std::vector<std::string> bad = {
        " ", "{", "}", "{]", "[}", "{,}", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{\"a\":1,}", "{,\"a\":1}", "{\"a\":1 \"b\":2}",
        "{'a':1}", "{a:1}", "{\"a\":1}}", "{\"a\":1}{}", "{\"a\":1} x", "{\"a\":[1,]}", "{\"a\":[,1]}", "{\"a\":[1 2]}",
        "{\"a\":01}", "{\"a\":-01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":-}", "{\"a\":1e}", "{\"a\":1e+}",
        "{\"a\":0x10}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":True}",
        "{\"a\":falsey}", "{\"a\":\"unterminated}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12G4\"}",
        "{\"a\":\"\t\"}", "{\"a\":\"\n\"}", "{\"a\\\":1}", "{\"a\":1}\x00"s, "\x00{}"s, "{\"a\":\"\x00\"}"s, "{\"a\"\v:1}",
        "{\"a\":1}\f", "/*c*/{}", "{}//", "{\"a\":[1]]}", "{\"a\":{\"b\":1]}", "[1,2", "[", "\"", "{\"bundle_type\":1}   ,",
    };
    for (const auto& text : bad) {
        CAPTURE(text);
        CHECK(outcome(text) == "invalid_json");
        CHECK(general_outcome(text) == "invalid_json");
    }
}

TEST_CASE("whitespace: the four JSON spaces anywhere between tokens, nothing else") {
    CHECK(outcome(" \t\r\n{ \t\r\n\"bundle_type\" \t\r\n: \t\r\n1 \t\r\n} \t\r\n") == "ok");
    CHECK(outcome("{\"bundle_type\":1}\v") == "invalid_json");
    CHECK(outcome("\xc2\xa0{\"bundle_type\":1}") == "invalid_json");          // NO-BREAK SPACE: valid UTF-8, not JSON
    CHECK(outcome("\xef\xbb\xbf{\"bundle_type\":1}") == "invalid_json");      // byte order mark
}

TEST_CASE("UTF-8: overlongs, surrogates, truncations and out-of-range code points") {
    const std::vector<Case> cases = {
        {"\xc3\xa9", "ok"},                   // U+00E9
        {"\xe2\x82\xac", "ok"},               // U+20AC
        {"\xf0\x9f\x98\x80", "ok"},           // U+1F600
        {"\xf4\x8f\xbf\xbf", "ok"},           // U+10FFFF
        {"\xed\x9f\xbf", "ok"},               // U+D7FF
        {"\xee\x80\x80", "ok"},               // U+E000
        {"\x7f", "ok"},                       // DEL is not a control character for JSON
        {"\xc0\xaf", "invalid_utf8"},         // overlong '/'
        {"\xc1\xbf", "invalid_utf8"},         // overlong
        {"\xe0\x80\xaf", "invalid_utf8"},     // overlong
        {"\xe0\x9f\xbf", "invalid_utf8"},     // overlong
        {"\xf0\x80\x80\xaf", "invalid_utf8"}, // overlong
        {"\xf0\x8f\xbf\xbf", "invalid_utf8"}, // overlong
        {"\xed\xa0\x80", "invalid_utf8"},     // U+D800, a surrogate
        {"\xed\xbf\xbf", "invalid_utf8"},     // U+DFFF
        {"\xf4\x90\x80\x80", "invalid_utf8"}, // U+110000
        {"\xf5\x80\x80\x80", "invalid_utf8"},
        {"\xff", "invalid_utf8"},
        {"\xfe", "invalid_utf8"},
        {"\x80", "invalid_utf8"},             // lone continuation
        {"\xbf", "invalid_utf8"},
        {"\xc3", "invalid_utf8"},             // truncated before the quote
        {"\xe2\x82", "invalid_utf8"},
        {"\xf0\x9f\x98", "invalid_utf8"},
        {"\xc3\xc3\xa9", "invalid_utf8"},
        {"\\u00e9", "ok"},
        {"\\ud83d\\ude00", "ok"},             // a surrogate pair
        {"\\uD83D\\uDE00", "ok"},
        {"\\ud800", "invalid_utf8"},          // lone high surrogate
        {"\\udc00", "invalid_utf8"},          // lone low surrogate
        {"\\ud800\\u0041", "invalid_utf8"},   // high then not low
        {"\\ud800\\ud800", "invalid_utf8"},
        {"\\ud800x", "invalid_utf8"},
        {"\\ud800\\n", "invalid_utf8"},
        {"\\ud800\\uzzzz", "invalid_json"},
        {"\\u0000", "ok"},                    // NUL escaped is fine
    };
    for (const auto& c : cases) {
        for (const std::string& body : {"{\"bundle_type\":1,\"x\":\"" + c.text + "\"}",   // in a value
                                        "{\"bundle_type\":1,\"" + c.text + "\":0}",       // in a name
                                        "{\"bundle_type\":1,\"x\":[\"" + c.text + "\"]}"}) {
            CAPTURE(body);
            CHECK(outcome(body) == c.expected);
            CHECK(general_outcome(body) == c.expected);
        }
    }
    // Outside strings, bytes that are not UTF-8 are invalid_utf8.
    CHECK(outcome("{\"bundle_type\":1,\"x\":\xff}") == "invalid_utf8");
    CHECK(outcome("{\"bundle_type\":1,\"x\":\xc3\xa9}") == "invalid_json");
}

TEST_CASE("duplicate names: in any object, compared after unescaping") {
    const std::vector<Case> cases = {
        {R"({"bundle_type":1,"a":1,"a":2})", "duplicate_member"},
        {R"({"bundle_type":1,"a":1,"\u0061":2})", "duplicate_member"},
        {R"({"bundle_type":1,"bundle\u005ftype":2})", "duplicate_member"},
        {R"({"bundle_type":1,"\u00e9":1,"\u00E9":2})", "duplicate_member"},
        {"{\"bundle_type\":1,\"\\u00e9\":1,\"\xc3\xa9\":2}", "duplicate_member"},
        {R"({"bundle_type":1,"\ud83d\ude00":1,"\uD83D\uDE00":2})", "duplicate_member"},
        {R"({"bundle_type":1,"a\/b":1,"a/b":2})", "duplicate_member"},
        {R"({"bundle_type":1,"x":{"a":1,"b":{"a":1},"a":2}})", "duplicate_member"},
        {R"({"bundle_type":1,"x":[{"a":1,"a":1}]})", "duplicate_member"},
        {R"({"bundle_type":1,"":1,"":2})", "duplicate_member"},
        // the same name in different objects is fine, so is a name that is a prefix of another
        {R"({"bundle_type":1,"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]})", "ok"},
        {R"({"bundle_type":1,"a":1,"ab":2,"a\u0000":3})", "ok"},
        {R"({"bundle_type":1,"x":{"a":1},"a":2})", "ok"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(outcome(c.text) == c.expected);
        CHECK(general_outcome(c.text) == c.expected);
    }
    // An escaped spelling of a known name is that name.
    const auto r = parse_request(R"({"bundle\u005ftype":4,"auto\u005Frenew":true})");
    REQUIRE(r);
    CHECK(r->bundle_type == BundleType::trunk_only);
    CHECK(r->auto_renew);
}

TEST_CASE("many distinct names in one object: all compared, none missed") {
    std::string body = R"({"bundle_type":1)";
    for (int i = 0; i < 1200; ++i) body += ",\"k" + std::to_string(i) + "\":" + std::to_string(i);
    REQUIRE(body.size() < max_body_size);
    CHECK(outcome(body + "}") == "ok");
    CHECK(outcome(body + ",\"k1199\":0}") == "duplicate_member");
    CHECK(outcome(body + ",\"k0\":0}") == "duplicate_member");
    // The largest number of names a body can hold, all the empty name but in nested objects.
    std::string nested = "{\"bundle_type\":1,\"x\":[";
    while (nested.size() + 16 < max_body_size) nested += "{\"\":0},";
    nested += "{\"\":0}]}";
    CHECK(outcome(nested) == "ok");
}

TEST_CASE("nesting: up to max_nesting levels, the body's object included") {
    const auto arrays = [](std::size_t levels) {
        return "{\"bundle_type\":1,\"x\":" + std::string(levels - 1, '[') + std::string(levels - 1, ']') + "}";
    };
    CHECK(outcome(arrays(max_nesting)) == "ok");
    CHECK(outcome(arrays(max_nesting + 1)) == "nesting_too_deep");
    std::string objects = "{\"bundle_type\":1";
    for (std::size_t i = 1; i < max_nesting; ++i) objects += ",\"x\":{\"y\":0";
    CHECK(outcome(objects + std::string(max_nesting, '}')) == "ok");
    CHECK(outcome(objects + ",\"x\":{}" + std::string(max_nesting, '}')) == "nesting_too_deep");
    // Hostile depths: an error, never a crash.
    CHECK(outcome(std::string(100000, '[')) == "body_too_large");
    CHECK(outcome(std::string(max_body_size, '[')) == "nesting_too_deep");
    CHECK(outcome(std::string(max_body_size / 2, '{')) == "invalid_json");  // '{' is not a name
    std::string objects_only;
    while (objects_only.size() + 5 < max_body_size) objects_only += "{\"a\":";
    CHECK(outcome(objects_only) == "nesting_too_deep");
    CHECK(outcome("{\"a\":" + std::string(max_body_size - 10, '[')) == "nesting_too_deep");
    std::string alternate;
    for (std::size_t i = 0; i < 1000; ++i) alternate += "[{\"a\":";
    CHECK(outcome(alternate) == "nesting_too_deep");
    // Nesting reached only after a grammar error: the first break in the text wins.
    CHECK(outcome("{\"a\":1,,\"x\":" + std::string(100, '[')) == "invalid_json");
}

TEST_CASE("size bound: max_body_size bytes is accepted, one more is not") {
    std::string body = R"({"bundle_type":1,"pad":")";
    body += std::string(max_body_size - body.size() - 2, 'x') + "\"}";
    REQUIRE(body.size() == max_body_size);
    CHECK(outcome(body) == "ok");
    CHECK(outcome(body + " ") == "body_too_large");
    CHECK(outcome("not json at all" + std::string(max_body_size, ' ')) == "body_too_large");
}

TEST_CASE("first break in text order wins, body_not_object only for valid JSON") {
    CHECK(outcome(R"({"a":1,"a":2,})") == "duplicate_member");
    CHECK(outcome(R"({"a":1,,"a":2})") == "invalid_json");
    CHECK(outcome("[1,") == "invalid_json");
    CHECK(outcome("[1,\"\xff\"]") == "invalid_utf8");
    CHECK(outcome(R"([{"a":1,"a":2}])") == "duplicate_member");
    CHECK(outcome("[]") == "body_not_object");
    CHECK(outcome(" 42 ") == "body_not_object");
}

TEST_CASE("the (pointer, size) entry point: no terminator needed, embedded NUL counts") {
    const char text[] = {'{', '"', 'b', 'u', 'n', 'd', 'l', 'e', '_', 't', 'y', 'p', 'e', '"', ':', '2', '}', 'X'};
    const auto r = decode_request(text, sizeof text - 1);
    REQUIRE(r);
    CHECK(r->bundle_type.integer == 2);
    CHECK(!decode_request(text, sizeof text));
    CHECK(decode_request(nullptr, 0).error() == Error::invalid_json);
}

TEST_CASE("fast path and general scanner agree on every prefix and one-byte change of valid bodies") {
    const std::vector<std::string> seeds = {
        R"({"auto_renew" : true, "bundle_type" : 1})",
        R"({"bundle_type":-12,"auto_renew":false})",
        R"({ "auto_renew":null , "bundle_type":"4" })",
        R"({"bundle_type":1.25e-3})",
    };
    const std::string alphabet = "{}[]\":,-.0159eE+tfnul\\ \x80\xc3\xff";
    std::size_t compared = 0;
    for (const auto& seed : seeds) {
        for (std::size_t n = 0; n <= seed.size(); ++n) {
            const std::string prefix = seed.substr(0, n);
            CHECK(outcome(prefix) == general_outcome(prefix));
            ++compared;
        }
        for (std::size_t i = 0; i < seed.size(); ++i) {
            for (const char c : alphabet) {
                std::string t = seed;
                t[i] = c;
                CAPTURE(t);
                CHECK(outcome(t) == general_outcome(t));
                ++compared;
            }
        }
    }
    CHECK(compared > 1000);
}

TEST_CASE("check_json_object: the JSON rules alone") {
    CHECK(check_json_object(R"({"x":[1,{"y":null}]})"));
    CHECK(check_json_object("[]").error() == Error::body_not_object);
    CHECK(check_json_object(R"({"x":1,"x":1})").error() == Error::duplicate_member);
}
