// parse_update and the body decoders: the uuid first, then the body's first failed rule.
#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include <iostream>
#include <string_view>

namespace {
void show(std::string_view uuid, std::string_view body) {
    const auto call = voip::parse_update(uuid, body);
    std::cout << body << "\n  -> ";
    if (call) std::cout << call->uuid << ' ' << call->request << '\n';
    else std::cout << call.error() << " (" << voip::status(call.error()) << ")\n";
}
}  // namespace

int main() {
    constexpr std::string_view good = "0fba8c48-99fc-4727-8ca7-c847376da415";
    constexpr std::string_view bad = "0fba8c48-99fc-4727-8ca7-c847376da41";  // 35 characters

    // A malformed uuid is reported before anything in the body.
    const auto first = voip::parse_update(bad, "[1,");
    std::cout << "bad uuid, bad body: " << (first ? "parsed" : voip::name(first.error())) << '\n';

    show(good, R"({"bundle_type": 1, "auto_renew": true})");
    show(good, R"({"bundle_type": 1})");                      // auto_renew omitted: false
    show(good, R"({"auto_renew": true})");                    // bundle_type missing
    show(good, R"({"bundle_type": "1"})");                    // not an integer
    show(good, R"({"bundle_type": 1.0})");                    // not integral
    show(good, R"({"bundle_type": 99999999999999999999})");  // beyond 64 bits
    show(good, R"({"bundle_type": 6, "auto_renew": 1})");     // bundle_type before auto_renew
    show(good, R"({"bundle_type": 1, "auto_renew": null})");
    show(good, R"({"bundle_type": 1, "bundle_type": 1})");
    show(good, R"({"bundle_type": 1, "x": [}})");             // unknown members must be JSON too
    show(good, R"([{"bundle_type": 1}])");

    // The same steps by hand: decode_request gives what each member held, validate the rules.
    const auto raw = voip::decode_request(R"({"bundle_type": 2.5, "auto_renew": "yes"})");
    if (!raw) return 1;
    std::cout << "raw: " << *raw << '\n';
    const auto valid = voip::validate(*raw);
    std::cout << "validate: " << (valid ? "valid" : voip::name(valid.error())) << '\n';
    const auto checked = voip::check_json_object(R"({"anything": [1, 2, {"at": "all"}]})");
    std::cout << "check_json_object: " << (checked ? "acceptable" : voip::name(checked.error())) << '\n';

    // Create has no uuid in its path; renew has no body.
    const auto create = voip::parse_create(R"({"bundle_type": 5})");
    if (!create) return 1;
    std::cout << "parse_create: " << *create << '\n';
    const auto renew = voip::parse_renew("0FBA8C48-99FC-4727-8CA7-C847376DA415");
    if (!renew) return 1;
    std::cout << "parse_renew: " << *renew << '\n';
}
