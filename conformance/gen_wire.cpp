// Inputs of kinds decode (hostile bodies and uuids), envelope (every error and each
// operation's success in both layouts, with and without the error's name) and value (the
// factories, money, the codecs and the error table).
#include "gen.hpp"

namespace voip_conformance {

namespace {

std::string nested(int depth) {  // {"bundle_type":1,"x":[[...]]}: `depth` open containers in all
    return "{\"bundle_type\":1,\"x\":" + std::string(static_cast<std::size_t>(depth - 1), '[') +
           std::string(static_cast<std::size_t>(depth - 1), ']') + "}";
}

std::string padded(std::size_t size) {  // a valid body of exactly `size` bytes
    const std::string head = "{\"bundle_type\":1,\"x\":\"";
    return head + std::string(size - head.size() - 2, 'a') + "\"}";
}

}  // namespace

std::vector<std::string> hostile_bodies() {
    using namespace std::string_literals;
    return {
        "", " ", "{", "}", "{}", "null", "[]", "[{\"bundle_type\":1}]", "\"text\"", "1", "true",
        "{\"bundle_type\": 1}", "{\"bundle_type\": 5, \"auto_renew\": true}", "  {\"bundle_type\": 2}\n",
        "{\"bundle_type\":1,\"bundle_type\":1}", "{\"bundle_type\":1,\"\\u0062undle_type\":2}",
        "{\"bundle_type\":1,\"x\":{\"a\":1,\"a\":2}}", "{\"bundle_type\":1,\"x\":[{\"a\":1},{\"a\":1}]}",
        "{\"bundle_type\": 1.0}", "{\"bundle_type\": 1e0}", "{\"bundle_type\": 1E+0}", "{\"bundle_type\": 1e400}",
        "{\"bundle_type\": \"1\"}", "{\"bundle_type\": true}", "{\"bundle_type\": []}", "{\"bundle_type\": {}}",
        "{\"bundle_type\": null}", "{\"bundle_type\": 0}", "{\"bundle_type\": 6}", "{\"bundle_type\": -1}", "{\"bundle_type\": -0}",
        "{\"bundle_type\": 99999999999999999999}", "{\"bundle_type\": -99999999999999999999}",
        "{\"bundle_type\": 01}", "{\"bundle_type\": +1}", "{\"bundle_type\": 1,}", "{'bundle_type': 1}", "{\"Bundle_Type\": 1}",
        "{\"bundle_type\": 1, \"auto_renew\": null}", "{\"bundle_type\": 1, \"auto_renew\": 1}",
        "{\"bundle_type\": 1, \"auto_renew\": \"true\"}", "{\"bundle_type\": 1, \"auto_renew\": []}",
        "{\"bundle_type\": 6, \"auto_renew\": null}", "{\"auto_renew\": true}", "{\"bundle_type\": 1, \"x\": [}}",
        "{\"bundle_type\": 1}x", "{\"bundle_type\": 1}{}", "\xEF\xBB\xBF{\"bundle_type\": 1}",
        "{\"bundle_type\":1,\"x\":\"\xFF\"}", "{\"bundle_type\":1,\"x\":\"\xC0\xAF\"}", "{\"bundle_type\":1,\"x\":\"\xED\xA0\x80\"}",
        "{\"bundle_type\":1,\"x\":\"\\ud800\"}", "{\"bundle_type\":1,\"x\":\"\\ud83d\\ude00\"}", "{\"bundle_type\":1,\"x\":\"caf\xC3\xA9\"}",
        "{\"bundle_type\":1,\"x\":\"a\0b\"}"s, "{\"bundle_type\":1}\0"s, "{\"bundle_type\":1,\"x\":\"a\tb\"}", "{\"bundle_type\":1}\xFF",
        "{\"bundle_type\":1,\"x\":\"abc}", "{\"bundle_type\":2,\"note\":{\"a\":[1,2,{\"b\":null}],\"c\":-1.5e-3}}",
        nested(32), nested(33), padded(voip::max_body_size), padded(voip::max_body_size + 1),
    };
}

namespace {

void decoding(Vectors& out) {
    for (const std::string& text : hostile_bodies()) {
        Json in = Json::object();
        put_text(in, "body", text);
        out.push_back({"decode", "parse_create", in});
    }
    const std::string uuids[] = {"0fba8c48-99fc-4727-8ca7-c847376da415", "0FBA8C48-99FC-4727-8CA7-C847376DA415",
                                 "00000000-0000-0000-0000-000000000000", "0fba8c48-99fc-4727-8ca7-c847376da41",
                                 "0fba8c4899fc47278ca7c847376da415",     "{0fba8c48-99fc-4727-8ca7-c847376da415}",
                                 "0fba8c48 99fc-4727-8ca7-c847376da415", "0fba8c48-99fc-4727-8ca7-c847376da41g", ""};
    for (const std::string& u : uuids) {
        out.push_back({"decode", "parse_renew", Json{{"uuid", u}}});
        for (const char* body : {"{\"bundle_type\": 3, \"auto_renew\": true}", "{\"bundle_type\": 3.5}", "[1,"})
            out.push_back({"decode", "parse_update", Json{{"uuid", u}, {"body", body}}});
    }
}

void envelopes(Vectors& out) {
    const Json options[][2] = {{"compact", "off"}, {"compact", "on"}, {"pretty", "off"}, {"pretty", "on"}};
    for (auto e = static_cast<int>(voip::first_error); e <= static_cast<int>(voip::last_error); ++e)
        for (const auto& o : options)
            out.push_back({"envelope", "to_string", Json{{"error", std::string(voip::name(static_cast<voip::Error>(e)))}, {"layout", o[0]}, {"detail", o[1]}}});
    const voip::Bundle bundles[] = {bundle(1700, ymd(2018, 8, 1), ymd(2018, 9, 1), 2, true),
                                    bundle(1701, ymd(9999, 11, 30), ymd(9999, 12, 31), 5, false)};
    for (const char* op : {"create", "update", "renew"})
        for (const voip::Bundle& b : bundles)
            for (const auto& o : options)
                out.push_back({"envelope", "to_string", Json{{"operation", op}, {"bundle", bundle_json(b)}, {"layout", o[0]}, {"detail", o[1]}}});
}

void factories(Vectors& out) {
    const std::string u = voip::to_string(uuid_n(1800));
    const std::tuple<const char*, const char*, int> bundles[] = {
        {"2018-08-01", "2018-09-01", 2}, {"2018-08-01", "2018-08-01", 2}, {"2018-09-01", "2018-08-01", 2},
        {"2018-08-01", "2018-09-01", 0}, {"2018-08-01", "2018-09-01", 6}, {"0001-01-01", "9999-12-31", 5}};
    for (const auto& [c, e, t] : bundles)
        for (const bool flag : {false, true})
            out.push_back({"value", "make_bundle", Json{{"uuid", u}, {"created_on", c}, {"expires_on", e}, {"bundle_type", t}, {"auto_renew", flag}}});
    const std::tuple<const char*, int, int, int> policies[] = {
        {"clamp", 1, 3, 5}, {"overflow", 1, 3, 5}, {"clamp", 0, 3, 5}, {"clamp", 13, 3, 5}, {"clamp", 12, 366, 0},
        {"clamp", 12, 200, 164}, {"clamp", 12, 200, 165}, {"overflow", 1, 27, 0}, {"overflow", 1, 28, 0},
        {"clamp", 2, 29, 29}, {"clamp", 2, 30, 29}, {"clamp", 1, -1, 5}, {"clamp", 1, 3, 367}};
    for (const auto& [m, t, b, a] : policies)
        out.push_back({"value", "make_renewal_policy", Json{{"month_end", m}, {"term_months", t}, {"renew_days_before", b}, {"renew_days_after", a}}});
    for (const std::int64_t balance : {std::int64_t{0}, std::int64_t{-1'000'000'000'000'000}, std::int64_t{1'000'000'000'000'000},
                                       std::int64_t{1'000'000'000'000'001}, std::int64_t{-1'000'000'000'000'001}})
        out.push_back({"value", "make_context", context(ymd(2018, 8, 1), seed_policies()[1], true, balance)});
    for (int m = 0; m <= 12; ++m) out.push_back({"value", "shortest_term_days", Json{{"months", m}}});
}

void money_and_codecs(Vectors& out) {
    const std::int64_t max = 1'000'000'000'000'000;
    const std::int64_t pro_rata[][3] = {{600, 15, 31}, {600, 3, 31}, {1, 1, 2}, {3, 1, 2}, {5, 1, 3}, {max, 4000, 4000}, {max, 1, 4000},
                                        {600, 0, 31}, {-1, 1, 2}, {max + 1, 1, 2}, {600, 32, 31}, {600, -1, 31}, {600, 1, 0}, {600, 1, 4001}};
    for (const auto& p : pro_rata) out.push_back({"value", "pro_rata", Json{{"amount", p[0]}, {"part", p[1]}, {"whole", p[2]}}});
    const std::int64_t sums[][2] = {{1500, -900}, {max, 0}, {max, 1}, {-max, -1}, {max + 1, -2}, {-5, 5}};
    for (const auto& s : sums) {
        out.push_back({"value", "add", Json{{"a", s[0]}, {"b", s[1]}}});
        out.push_back({"value", "subtract", Json{{"a", s[0]}, {"b", s[1]}}});
    }
    for (const char* t : {"2018-09-01", "2020-02-29", "2019-02-29", "2018-13-01", "2018-00-10", "0000-01-01", "0001-01-01", "9999-12-31",
                          "2018-9-01", "2018/09/01", "2018-09-01 ", " 2018-09-01", "20180901", "2018-09-31", "2100-02-29", "2000-02-29"})
        out.push_back({"value", "parse_iso_date", Json{{"text", t}}});
    for (const char* t : {"0fba8c48-99fc-4727-8ca7-c847376da415", "0FBA8C48-99FC-4727-8CA7-C847376DA415", "0fba8c48-99fc-4727-8ca7-c847376da4150",
                          "urn:uuid:0fba8c48-99fc-4727-8ca7-c847376da415", "0fba8c48-99fc-4727-8ca7c-847376da415", ""})
        out.push_back({"value", "parse_uuid", Json{{"text", t}}});
    for (const char* t : {"{\"1\": 1500, \"2\": 900, \"3\": 500, \"4\": 2000, \"5\": 300}", "{\"5\": 0, \"4\": 0, \"3\": 0, \"2\": 0, \"1\": 0}",
                          "{\"1\": 1500, \"2\": 900, \"3\": 500, \"4\": 2000}", "{\"1\": 1500, \"2\": 900, \"3\": 500, \"4\": 2000, \"5\": 300, \"6\": 0}",
                          "{\"1\": 15.00, \"2\": 900, \"3\": 500, \"4\": 2000, \"5\": 300}", "{\"1\": -1, \"2\": 900, \"3\": 500, \"4\": 2000, \"5\": 300}",
                          "{\"1\": 1500, \"1\": 1500, \"2\": 900, \"3\": 500, \"4\": 2000, \"5\": 300}", "{\"1\": 1000000000000001, \"2\": 9, \"3\": 5, \"4\": 2, \"5\": 3}"})
        out.push_back({"value", "decode_prices", Json{{"body", t}}});
    const std::string u = voip::to_string(uuid_n(1801));
    const std::string good = voip::encode_bundle(bundle(1801, ymd(2018, 8, 1), ymd(2018, 9, 1), 2, true));
    for (const std::string& t : {good, good.substr(0, good.size() - 1), std::string("{\"auto_renew\":true,\"bundle_type\":2,\"expires_on\":\"2018-09-01\",\"uuid\":\"") + u + "\"}",
                                 std::string("{\"auto_renew\":true,\"bundle_type\":2,\"expires_on\":\"2018-02-30\",\"uuid\":\"") + u + "\",\"created_on\":\"2018-01-30\"}",
                                 std::string("{\"auto_renew\":null,\"bundle_type\":\"2\",\"expires_on\":\"2018-09-01\",\"uuid\":\"") + u + "\",\"created_on\":\"2018-08-01\"}",
                                 std::string("{\"auto_renew\":false,\"bundle_type\":1,\"expires_on\":\"2018-08-01\",\"uuid\":\"") + u + "\",\"created_on\":\"2018-08-01\",\"note\":[1]}"})
        out.push_back({"value", "decode_bundle", Json{{"body", t}}});
    for (const voip::Bundle& b : {bundle(1802, ymd(2018, 8, 1), ymd(2018, 9, 1), 1, false), bundle(1803, ymd(1, 1, 1), ymd(9999, 12, 31), 5, true)})
        out.push_back({"value", "encode_bundle", Json{{"bundle", bundle_json(b)}}});
    for (auto e = static_cast<int>(voip::first_error); e <= static_cast<int>(voip::last_error); ++e)
        out.push_back({"value", "status", Json{{"error", std::string(voip::name(static_cast<voip::Error>(e)))}}});
    for (const char* s : {"active", "renewal_open", "grace", "lapsed"}) out.push_back({"value", "allowed_operations", Json{{"state", s}}});
}

}  // namespace

void gen_decoding(Vectors& out) {
    decoding(out);
    envelopes(out);
}

void gen_values(Vectors& out) {
    factories(out);
    money_and_codecs(out);
}

}  // namespace voip_conformance
