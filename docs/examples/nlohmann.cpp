// The nlohmann::json adapter: DOM values and texts with the library's rules, ADL conversions.
#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>
#include <voip/bundle_nlohmann.hpp>

#include <iostream>
#include <nlohmann/json.hpp>

int main() {
    using nlohmann::json;

    // 1. A DOM value the caller already holds.
    const json body = json::parse(R"({"bundle_type": 2, "auto_renew": true})");
    const auto raw = voip::decode_request_json(body);
    if (!raw) return 1;
    const auto request = voip::validate(*raw);
    if (!request) return 1;
    std::cout << "decode_request_json: " << *request << '\n';
    const auto not_object = voip::decode_request_json(json::array({1, 2}));
    std::cout << "an array: " << (not_object ? "decoded" : voip::name(not_object.error())) << '\n';

    // 2. A text through nlohmann's SAX parser, with every rule of decode_request.
    const auto dup = voip::parse_request_nlohmann(R"({"bundle_type": 1, "bundle_type": 2})");
    std::cout << "parse_request_nlohmann: " << (dup ? "parsed" : voip::name(dup.error())) << '\n';
    const auto sax = voip::parse_request_nlohmann(R"({"bundle_type": 3})");
    if (!sax) return 1;
    std::cout << "parse_request_nlohmann: " << *sax << '\n';  // a RawRequest: validate() is next

    // 3. to_json / from_json. nlohmann::ordered_json keeps schema::bundle's order.
    const auto uuid = voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
    const auto created = voip::parse_iso_date("2018-08-01");
    const auto expires = voip::parse_iso_date("2018-09-01");
    if (!uuid || !created || !expires) return 1;
    const auto b = voip::make_bundle(*uuid, voip::CreatedOn{*created}, voip::ExpiresOn{*expires},
                                     voip::BundleType::residential, voip::AutoRenew::on);
    if (!b) return 1;
    const nlohmann::ordered_json stored = *b;
    std::cout << stored.dump() << '\n';
    std::cout << json(voip::success_envelope(voip::Operation::create, *b)).dump() << '\n';  // sorted by name
    std::cout << json(voip::Error::insufficient_funds).dump() << ' ' << json(voip::State::grace).dump() << '\n';

    const auto back = stored.get<voip::Bundle>();
    std::cout << "round trip: " << std::boolalpha << (back == *b) << '\n';
    const auto prices = json::parse(R"({"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300})").get<voip::PriceList>();
    std::cout << "prices: " << prices << '\n';

    // from_json throws json_decode_error for a value that breaks a rule.
    try {
        const auto r = json::parse(R"({"bundle_type": 1.5})").get<voip::Request>();
        std::cout << "unexpected: " << r << '\n';
        return 1;
    } catch (const voip::json_decode_error& e) {
        std::cout << "json_decode_error: " << e.what() << " / " << e.error() << '\n';
    }
    // to_json throws json_encode_error for a value with no wire form.
    try {
        const json j = voip::IsoDate{voip::max_day + date::days{1}};
        std::cout << "unexpected: " << j.dump() << '\n';
        return 1;
    } catch (const voip::json_encode_error& e) {
        std::cout << "json_encode_error: " << e.what() << '\n';
    }
}
