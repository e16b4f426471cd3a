// encode_bundle and decode_bundle: one stored bundle a line.
#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include <iostream>
#include <string>
#include <string_view>

namespace {
void show(std::string_view line) {
    const auto b = voip::decode_bundle(line);
    std::cout << line << "\n  -> ";
    if (b) std::cout << *b << '\n';
    else std::cout << b.error() << '\n';
}
}  // namespace

int main() {
    const auto uuid = voip::parse_uuid("0FBA8C48-99FC-4727-8CA7-C847376DA415");  // either case in
    const auto created = voip::parse_iso_date("2018-08-01");
    const auto expires = voip::parse_iso_date("2018-09-01");
    if (!uuid || !created || !expires) return 1;
    const auto b = voip::make_bundle(*uuid, voip::CreatedOn{*created}, voip::ExpiresOn{*expires},
                                     voip::BundleType::residential, voip::AutoRenew::on);
    if (!b) return 1;

    const std::string line = voip::encode_bundle(*b);  // lowercase out
    std::cout << line << '\n';
    const auto back = voip::decode_bundle(line);
    std::cout << "round trip: " << std::boolalpha << (back && *back == *b) << '\n';
    std::cout << "max_bundle_json_size: " << voip::max_bundle_json_size << ", this line: " << line.size() << '\n';

    // Unknown members are ignored (and validated); every rule has its own error.
    show(R"({"auto_renew":false,"bundle_type":1,"expires_on":"2018-09-01","uuid":"0fba8c48-99fc-4727-8ca7-c847376da415","created_on":"2018-08-01","note":["kept by the host"]})");
    show(R"({"auto_renew":true,"bundle_type":2,"expires_on":"2018-09-01","uuid":"0fba8c48-99fc-4727-8ca7-c847376da415"})");
    show(R"({"auto_renew":true,"bundle_type":2,"expires_on":"2018-02-30","uuid":"0fba8c48-99fc-4727-8ca7-c847376da415","created_on":"2018-01-30"})");
    show(R"({"auto_renew":true,"bundle_type":2,"expires_on":"2018-08-01","uuid":"0fba8c48-99fc-4727-8ca7-c847376da415","created_on":"2018-08-01"})");
    show(R"({"auto_renew":null,"bundle_type":"2","expires_on":"2018-09-01","uuid":"0fba8c48-99fc-4727-8ca7-c847376da415","created_on":"2018-08-01"})");
    show(R"({"uuid":"0fba8c48","uuid":"0fba8c48"})");

    // Into a caller's buffer.
    char buf[voip::max_bundle_json_size] = {};  // zeroed: g++ -O3 takes `last` for an input (-Wmaybe-uninitialized)
    const auto n = voip::write_bundle_json(buf, buf + 50, *b);
    std::cout << "50 characters: " << (n ? "written" : voip::name(n.error())) << '\n';
    // A type 9 never reaches a Bundle: with_type (like make_bundle) refuses it.
    const auto t = b->with_type(static_cast<voip::BundleType>(9), voip::AutoRenew::on);
    std::cout << "type 9: " << (t ? voip::encode_bundle(*t) : std::string(voip::name(t.error()))) << '\n';
}
