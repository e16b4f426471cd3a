// The README's example: quote a renewal, then renew, checking every result.
#include <voip/bundle.hpp>

#include <iostream>

int main() {
    using voip::BundleType;
    using voip::Money;
    const auto prices = voip::make_price_list({{BundleType::business, Money{1500}},
                                               {BundleType::residential, Money{900}},
                                               {BundleType::fax_only, Money{500}},
                                               {BundleType::trunk_only, Money{2000}},
                                               {BundleType::forward_only, Money{300}}});
    const auto uuid = voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
    const auto created = voip::parse_iso_date("2018-08-01");
    const auto expires = voip::parse_iso_date("2018-09-01");
    const auto today = voip::parse_iso_date("2018-08-30");
    if (!prices || !uuid || !created || !expires || !today) return 1;

    // The seed's rules (window 3 days before .. 5 after), a balance of 10.00 in minor units.
    const voip::Context ctx = voip::make_context(*today, voip::RenewalPolicy{}, *prices, Money{1000}).value();
    const auto bundle = voip::make_bundle(*uuid, voip::CreatedOn{*created}, voip::ExpiresOn{*expires},
                                          BundleType::business, voip::AutoRenew::on);
    if (!bundle) return 1;

    const auto quote = voip::quote_renew(*bundle, ctx);  // the cost and the new dates, nothing spent
    if (quote) std::cout << voip::to_decimal_string(quote->charge) << " -> " << voip::IsoDate{quote->bundle.expires_on()} << '\n';
    else std::cout << "no quote: " << quote.error() << '\n';

    const auto renewed = voip::renew(*bundle, ctx);  // 15.00 > 10.00: 402
    std::cout << voip::to_string(voip::make_envelope(voip::Operation::renew, renewed), voip::ErrorDetail::on) << '\n';
}
