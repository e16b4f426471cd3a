// The cross-path rule: the same stored line, request body or price list gives the same
// value or the same Error from the library's decoder and the nlohmann adapter (and, in
// tests/cli, the command). The stored lines and their expected answers are one table,
// tests/data/cross_path/bundles.tsv, read by every path.
#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>
#include <voip/bundle_nlohmann.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

using namespace voip;

namespace {

std::vector<std::pair<std::string, std::string>> table() {
    std::ifstream in(VOIP_BUNDLE_CROSS_PATH_DIR "/bundles.tsv");
    REQUIRE(in);
    std::vector<std::pair<std::string, std::string>> rows;
    std::string row;
    while (std::getline(in, row)) {
        if (row.empty() || row[0] == '#') continue;
        const auto tab = row.find('\t');
        REQUIRE(tab != std::string::npos);
        rows.emplace_back(row.substr(0, tab), row.substr(tab + 1));
    }
    return rows;
}

template <class T>
std::string answer(const tl::expected<T, Error>& r) {
    return r ? "ok" : std::string(name(r.error()));
}

template <class T, class Json>
tl::expected<T, Error> through(const Json& j) {
    try {
        return j.template get<T>();
    } catch (const json_decode_error& e) {
        return tl::unexpected<Error>(e.error());
    }
}

}  // namespace

TEST_CASE("stored lines: decode_bundle and from_json (json and ordered_json) agree with the table") {
    const auto rows = table();
    CHECK(rows.size() >= 30);
    for (const auto& row : rows) {
        const std::string& expected = row.first;  // no structured binding: clang 14 cannot capture one
        const std::string& text = row.second;
        CAPTURE(text);
        const auto decoded = decode_bundle(text);
        CHECK(answer(decoded) == expected);
        const auto dom = through<Bundle>(nlohmann::json::parse(text));
        CHECK(answer(dom) == expected);
        CHECK(dom == decoded);
        const auto ordered = through<Bundle>(nlohmann::ordered_json::parse(text));
        CHECK(ordered == decoded);
        if (decoded) {  // and back: the same line from both writers
            CHECK(nlohmann::ordered_json(*decoded).dump() == encode_bundle(*decoded));
        }
    }
}

TEST_CASE("a bundle without bundle_type, or with 9 and no auto_renew, gets one error from both decoders") {
    // A line without bundle_type: bundle_type_missing from the codec and from from_json alike.
    const std::string no_type =
        R"({"auto_renew":true,"expires_on":"2018-09-01","uuid":"0fba8c48-99fc-4727-8ca7-c847376da415","created_on":"2018-08-01"})";
    CHECK(decode_bundle(no_type).error() == Error::bundle_type_missing);
    CHECK(through<Bundle>(nlohmann::json::parse(no_type)).error() == Error::bundle_type_missing);
    // bundle_type 9 without auto_renew: bundle_type_out_of_range from both.
    const std::string nine =
        R"({"bundle_type":9,"expires_on":"2018-09-01","uuid":"0fba8c48-99fc-4727-8ca7-c847376da415","created_on":"2018-08-01"})";
    CHECK(decode_bundle(nine).error() == Error::bundle_type_out_of_range);
    CHECK(through<Bundle>(nlohmann::json::parse(nine)).error() == Error::bundle_type_out_of_range);
}

TEST_CASE("request bodies: decode_request, the DOM decoder and the SAX parser agree") {
    const char* bodies[] = {
        R"({"bundle_type":1})",  R"({"auto_renew":true,"bundle_type":5})", R"({"bundle_type":"1"})",
        R"({"bundle_type":null})", R"({"bundle_type":1.5})",              R"({"bundle_type":0})",
        R"({"auto_renew":null,"bundle_type":1})", R"({"auto_renew":1,"bundle_type":1})", R"({})",
        R"([])",                 R"({"bundle_type":1,"x":[1,{"y":2}]})",    R"({"bundle_type":[1]})",
        R"({"auto_renew":"true"})",
    };
    for (const char* body : bodies) {
        CAPTURE(std::string(body));
        const auto text = decode_request(body);
        const auto dom = decode_request_json(nlohmann::json::parse(body));
        const auto sax = parse_request_nlohmann(body);
        REQUIRE(text.has_value() == dom.has_value());
        REQUIRE(text.has_value() == sax.has_value());
        if (!text) {
            CHECK(dom.error() == text.error());
            CHECK(sax.error() == text.error());
            continue;
        }
        const auto a = validate(*text), b = validate(*dom), c = validate(*sax);
        CHECK(answer(a) == answer(b));
        CHECK(answer(a) == answer(c));
        CHECK(a == b);
        CHECK(a == c);
        CHECK(answer(a) == answer(through<Request>(nlohmann::json::parse(body))));
    }
}

TEST_CASE("price lists: decode_prices and from_json agree") {
    const char* lists[] = {
        R"({"1":1500,"2":900,"3":500,"4":2000,"5":300})", R"({"5":300,"4":2000,"3":500,"2":900,"1":1500})",
        R"({"1":1500,"2":900,"3":500,"4":2000})",          R"({"1":1500,"2":900,"3":500,"4":2000,"5":300,"6":1})",
        R"({"1":-1,"2":900,"3":500,"4":2000,"5":300})",   R"({"1":"1500","2":900,"3":500,"4":2000,"5":300})",
        R"({"1":1.5,"2":900,"3":500,"4":2000,"5":300})",  R"([])",
        R"({"1":1000000000000001,"2":0,"3":0,"4":0,"5":0})",
    };
    for (const char* list : lists) {
        CAPTURE(std::string(list));
        const auto text = decode_prices(list);
        const auto dom = through<PriceList>(nlohmann::json::parse(list));
        CHECK(answer(text) == answer(dom));
        CHECK(text == dom);
    }
}
