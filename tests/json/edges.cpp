// The JSON text decoders at their edges: sequences and escapes cut by the end of the input,
// the escapes only name comparison decodes, name-hash collisions, the fast path's word
// compares and the writer's reversed range. Each case is one the other files do not take.
#include <voip/bundle_json.hpp>

#include <doctest/doctest.h>

#include "../common.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace voip;

namespace {

std::string edge_outcome(std::string_view text) {
    const auto r = decode_request(text);
    return r ? "ok" : std::string(name(r.error()));
}

// The general scanner alone: the reference, which must agree with decode_request.
std::string edge_general_outcome(std::string_view text) {
    detail::Members<2> m;
    const auto s = detail::scan_general(text.data(), text.data() + text.size(), detail::request_names, m);
    return s ? "ok" : std::string(name(s.error()));
}

// The hash the scanner files a member name under (FNV-1a of the unescaped bytes).
std::uint32_t name_hash(std::string_view unescaped) {
    detail::Sink sink;
    for (const char c : unescaped) detail::put(sink, static_cast<unsigned char>(c));
    return sink.hash;
}

struct EdgeCase {
    std::string text;
    const char* expected;
};

void check_both(const std::vector<EdgeCase>& cases) {
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(edge_outcome(c.text) == c.expected);
        CHECK(edge_general_outcome(c.text) == c.expected);
    }
}

}  // namespace

TEST_CASE("UTF-8: a four-byte sequence whose lead and second byte are fine but a later byte is not") {
    const std::vector<EdgeCase> cases = {
        {"\xf0\x9f\x41\x80", "invalid_utf8"},  // third byte 'A', not a continuation
        {"\xf0\x9f\x98\x41", "invalid_utf8"},  // fourth byte 'A'
        {"\xf4\x8f\xc0\x80", "invalid_utf8"},  // third byte a lead byte
        {"\xf2\x80\x80\xc3", "invalid_utf8"},  // fourth byte a lead byte
        {"\xf1\x80\x80\x80", "ok"},            // U+40000: F1..F3 take any continuation second byte
        {"\xf3\xbf\xbf\xbf", "ok"},            // U+FFFFF
        {"\xe2\x82\x41", "invalid_utf8"},      // the three-byte form, third byte 'A'
    };
    for (const auto& c : cases) {
        for (const std::string& body : {"{\"bundle_type\":1,\"x\":\"" + c.text + "\"}",
                                        "{\"bundle_type\":1,\"" + c.text + "\":0}"}) {
            CAPTURE(body);
            CHECK(edge_outcome(body) == c.expected);
            CHECK(edge_general_outcome(body) == c.expected);
        }
    }
    // Cut by the end of the input itself (no closing quote): the bytes past the end read as
    // missing, and the broken sequence is the first error, before the unterminated string.
    check_both({
        {"{\"x\":\"\xf0\x9f\x98", "invalid_utf8"},
        {"{\"x\":\"\xf0\x9f", "invalid_utf8"},
        {"{\"x\":\"\xf0", "invalid_utf8"},
        {"{\"x\":\"\xe2\x82", "invalid_utf8"},
        {"{\"\xc3", "invalid_utf8"},
    });
}

TEST_CASE("escapes cut by the end of the input") {
    check_both({
        {R"({"x":"\)", "invalid_json"},            // the backslash is the last byte
        {R"({"\)", "invalid_json"},                // in a name
        {R"({"bundle_type":1,"x":"\)", "invalid_json"},
        {R"({"x":"\u)", "invalid_json"},           // no hex digits left
        {R"({"x":"\u1)", "invalid_json"},
        {R"({"x":"\u12)", "invalid_json"},         // two of the four
        {R"({"x":"\u123)", "invalid_json"},
        {R"({"x":"\u1234)", "invalid_json"},       // all four, then no closing quote
        // A high surrogate must be followed by "\u": at the very end nothing can pair it.
        {R"({"x":"\uD800)", "invalid_utf8"},
        {R"({"x":"\uDBFF\)", "invalid_utf8"},      // one byte left, not the two of "\u"
        {R"({"x":"\uD800\u)", "invalid_json"},     // the low half's digits are missing
        {R"({"x":"\uD800\uDC)", "invalid_json"},
        {R"({"x":"\uD800\uDC0)", "invalid_json"},
        {R"({"x":"\uD800\uDC00)", "invalid_json"}, // a whole pair, then no closing quote
    });
}

TEST_CASE("surrogate escapes: the low half must be DC00..DFFF, and E000 and up are plain characters") {
    check_both({
        {R"({"bundle_type":1,"x":"\uD800\uE000"})", "invalid_utf8"},  // above the low range
        {R"({"bundle_type":1,"x":"\uDBFF\uFFFF"})", "invalid_utf8"},
        {R"({"bundle_type":1,"x":"\uD800\uDBFF"})", "invalid_utf8"},  // just below it
        {R"({"bundle_type":1,"x":"\uD800\uDC00"})", "ok"},            // U+10000, the range's ends
        {R"({"bundle_type":1,"x":"\uDBFF\uDFFF"})", "ok"},            // U+10FFFF
        {R"({"bundle_type":1,"x":"\uDFFF"})", "invalid_utf8"},        // a lone low half, its top
        {R"({"bundle_type":1,"x":"\uE000"})", "ok"},                  // just past the surrogates
        {R"({"bundle_type":1,"x":"\uFFFF"})", "ok"},
        {R"({"bundle_type":1,"x":"\u0800\u20AC\uD7FF"})", "ok"},      // three-byte forms
        {R"({"bundle_type":1,"x":"\u07FF"})", "ok"},                  // the last two-byte one
        {R"({"bundle_type":1,"x":"\"\\\/\b\f\n\r\t"})", "ok"},        // every short escape
        {R"({"bundle_type":1,"x":"\a"})", "invalid_json"},
    });
}

TEST_CASE("duplicate names compared after unescaping: three-byte escapes and the short escapes") {
    // A name's escapes are decoded only when two names hash alike: these are the same name,
    // so each pair reaches the byte-by-byte compare and is found equal.
    check_both({
        {"{\"bundle_type\":1,\"\\u20ac\":1,\"\xe2\x82\xac\":2}", "duplicate_member"},
        {R"({"bundle_type":1,"\u20AC":1,"\u20ac":2})", "duplicate_member"},
        {R"({"bundle_type":1,"\uE000":1,"\ue000":2})", "duplicate_member"},
        {R"({"bundle_type":1,"\uFFFF-x":1,"\uffff-x":2})", "duplicate_member"},
        {"{\"bundle_type\":1,\"\\uDBFF\\uDFFF\":1,\"\xf4\x8f\xbf\xbf\":2}", "duplicate_member"},
        {R"({"bundle_type":1,"\b\f\n\r\t":1,"\u0008\u000c\u000a\u000d\u0009":2})", "duplicate_member"},
        {R"({"bundle_type":1,"\u0008\u000C\u000A\u000D\u0009":1,"\b\f\n\r\t":2})", "duplicate_member"},
        {R"({"bundle_type":1,"\"\\\/":1,"\u0022\u005c/":2})", "duplicate_member"},
        // Different characters: not the same name.
        {R"({"bundle_type":1,"\uE000":1,"\uE001":2,"\b":3,"\f":4,"\n":5,"\r":6,"\t":7})", "ok"},
    });
}

TEST_CASE("duplicate names: two names with the same hash are told apart by their text") {
    // "glbpp" and "yaczf" collide under FNV-1a: the scanner must compare the texts.
    REQUIRE(name_hash("glbpp") == name_hash("yaczf"));
    REQUIRE(name_hash("glbpp") != name_hash("glbpq"));
    check_both({
        {R"({"bundle_type":1,"glbpp":1,"yaczf":2})", "ok"},
        {R"({"yaczf":1,"glbpp":2,"bundle_type":1})", "ok"},
        {R"({"bundle_type":1,"glbpp":1,"yaczf":2,"glbpp":3})", "duplicate_member"},
        // Past the colliding name to the real duplicate, spelled with an escape.
        {R"({"bundle_type":1,"glbpp":1,"yaczf":2,"\u0079aczf":3})", "duplicate_member"},
        // Depth: a nested object's names are its own, colliding or equal.
        {R"({"bundle_type":1,"x":{"glbpp":1,"yaczf":2},"glbpp":3,"yaczf":4})", "ok"},
        {R"({"bundle_type":1,"x":[{"glbpp":1},{"yaczf":2,"glbpp":3}]})", "ok"},
        {R"({"bundle_type":1,"x":[{"yaczf":1},{"glbpp":2,"yaczf":3,"glbpp":4}]})", "duplicate_member"},
    });
}

TEST_CASE("nesting: arrays in objects and objects in arrays, each object's names its own") {
    check_both({
        {R"({"bundle_type":1,"a":[{"a":[{"a":[]}]}],"b":{"c":[[{"c":1}]],"d":{}}})", "ok"},
        {R"({"bundle_type":1,"a":{"b":[{"c":1}],"c":2},"c":3})", "ok"},
        {R"({"bundle_type":1,"a":[1,{"b":2},[3,{"b":4,"b":5}]]})", "duplicate_member"},
        // The outer object's names survive the inner containers closing.
        {R"({"bundle_type":1,"a":{"b":[1,{"c":[]}]},"a":3})", "duplicate_member"},
        {R"({"bundle_type":1,"a":[[],{}],"b":[{}],"a":0})", "duplicate_member"},
        // After an inner array closes inside an object, the next token is a name again.
        {R"({"bundle_type":1,"a":{"b":[1],2:3}})", "invalid_json"},
        {R"({"bundle_type":1,"a":[{"b":1},"c":2]})", "invalid_json"},
        {R"({"bundle_type":1,"a":[{"b":1]]})", "invalid_json"},
    });
}

TEST_CASE("the fast path's word compare: every length, a difference at every byte") {
    // Lengths 4..7 and 8..16 compare two overlapping words each; a difference in either
    // word, the last byte included, must be seen. Beyond 16, a plain compare.
    const std::string a = "abcdefghijklmnopqrstuvwx";
    for (std::size_t n = 0; n <= a.size(); ++n) {
        CAPTURE(n);
        const std::string same = a;  // another buffer: compared by value, not by address
        CHECK(detail::equal_short(a.data(), same.data(), n));
        for (std::size_t i = 0; i < n; ++i) {
            std::string b = a;
            b[i] = static_cast<char>(b[i] ^ 0x20);
            CAPTURE(i);
            CHECK_FALSE(detail::equal_short(a.data(), b.data(), n));
        }
    }
    CHECK(detail::equal_short("abcd", "abce", 3));  // only the first n bytes count
    CHECK_FALSE(detail::equal_short("abcdefg", "abcdefh", 7));
    CHECK(detail::equal_short("abcdefg", "abcdefh", 6));
}

TEST_CASE("the fast path's name match: a name of 4..7 bytes that differs only at its end") {
    const std::array<std::string_view, 2> names = {"abcd", "abcdefg"};
    const auto match = [&names](std::string_view text) {
        return detail::match_name(names, text.data(), text.data() + text.size());
    };
    CHECK(match("abcd\":1") == 0);
    CHECK(match("abcdefg\":1") == 1);
    CHECK(match("abce\":1") == -1);
    CHECK(match("abcdefh\":1") == -1);
    CHECK(match("bbcdefg\":1") == -1);
    CHECK(match("abcdefg") == -1);    // no closing quote before the end
    CHECK(match("abcde\":1") == -1);  // a longer name with the same start
    // The stored bundle's "uuid" is such a name: a misspelling at its last byte is another
    // member, so the uuid is missing.
    const std::string line = R"({"auto_renew":true,"bundle_type":1,"expires_on":"2018-09-01",)"
                             R"("uuie":"0fba8c48-99fc-4727-8ca7-c847376da415","created_on":"2018-08-01"})";
    CHECK(decode_bundle(line) == tl::make_unexpected(Error::invalid_bundle));
    std::string fixed = line;
    fixed[fixed.find("uuie") + 3] = 'd';
    CHECK(decode_bundle(fixed));
}

TEST_CASE("write_bundle_json: a reversed range holds nothing") {
    char buf[max_bundle_json_size] = {};  // zeroed: see stored.cpp
    const Bundle b = voip_test::make_bundle("2018-08-01", "2018-09-01");
    CHECK(write_bundle_json(buf + 8, buf, b).error() == Error::buffer_too_small);
    CHECK(write_bundle_json(buf + sizeof buf, buf, b).error() == Error::buffer_too_small);
    CHECK(std::string_view(buf, sizeof buf) == std::string(sizeof buf, '\0'));  // nothing written
    // An empty range is too small as well.
    CHECK(write_bundle_json(buf, buf, b).error() == Error::buffer_too_small);
    const auto n = write_bundle_json(buf, buf + sizeof buf, b);
    REQUIRE(n);
    CHECK(std::string_view(buf, *n) == encode_bundle(b));
}
