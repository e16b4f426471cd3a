#include <voip/bundle.hpp>
#include <iostream>

int main() {
    voip::Context ctx;  // default policy: the seed's rules (window 3 days before .. 5 after)
    ctx.today = *voip::parse_iso_date("2018-08-30");
    ctx.prices = voip::PriceList{{voip::Money{1500}, voip::Money{900}, voip::Money{500}, voip::Money{2000}, voip::Money{300}}};
    ctx.balance = voip::Money{1000};  // minor units

    voip::Bundle b{*voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415"), *voip::parse_iso_date("2018-08-01"),
                   *voip::parse_iso_date("2018-09-01"), voip::BundleType::business, true};

    auto quote = voip::quote_renew(b, ctx);  // the cost and new dates, nothing spent
    std::cout << quote->charge << " -> " << voip::IsoDate{quote->bundle.expires_on} << '\n';
    std::cout << voip::to_string(voip::make_envelope(voip::Operation::renew, voip::renew(b, ctx)), {false, true}) << '\n';
}
