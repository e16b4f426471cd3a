// quote_update, update and handle_update: replace the type and the flag while in service.
#include <voip/bundle.hpp>

#include <iostream>

namespace {
void show(const char* what, const voip::Result& r) {
    std::cout << what << ": ";
    if (r) std::cout << r->bundle << ", charge " << r->charge << '\n';
    else std::cout << r.error() << " (" << voip::status(r.error()) << ")\n";
}
}  // namespace

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
    const auto d0817 = voip::parse_iso_date("2018-08-17");
    if (!prices || !uuid || !created || !expires || !d0817) return 1;
    const auto b = voip::make_bundle(*uuid, voip::CreatedOn{*created}, voip::ExpiresOn{*expires},
                                     BundleType::residential, voip::AutoRenew::on);
    if (!b) return 1;
    const auto priced = [&](date::sys_days today, Money balance) {
        return voip::make_context(today, voip::RenewalPolicy{}, *prices, balance).value();
    };

    // rules.md 7: Residential (9.00) to Business (15.00) on 08-17, 15 of the term's 31 days
    // left: 600 x 15 / 31 = 290.32 -> 290. auto_renew omitted from the body is false.
    const voip::Request to_business{false, BundleType::business};
    show("quote", voip::quote_update(*b, to_business, priced(*d0817, Money{100})));
    show("update, balance 1.00", voip::update(*b, to_business, priced(*d0817, Money{100})));
    show("update, balance 10.00", voip::update(*b, to_business, priced(*d0817, Money{1000})));
    // A cheaper type applies at once, with no refund.
    show("to Forward Only", voip::update(*b, voip::Request{true, BundleType::forward_only}, priced(*d0817, Money{0})));
    // From expires_on on, the bundle is out of service: renew it first.
    show("on 2018-09-01", voip::update(*b, to_business, priced(*expires, Money{1000})));

    // Through a store: unknown_bundle before anything else.
    const auto find = [&](const voip::Uuid& u) -> const voip::Bundle* { return u == b->uuid() ? &*b : nullptr; };
    const auto other = voip::parse_uuid("00000000-0000-4000-8000-000000000000");
    if (!other) return 1;
    show("handle_update, unknown", voip::handle_update(*other, to_business, find, priced(*d0817, Money{1000})));
    show("handle_update, known", voip::handle_update(*uuid, to_business, find, priced(*d0817, Money{1000})));
}
