// quote_renew, renew and handle_renew: only inside the window, one term after the old expiry.
#include <voip/bundle.hpp>

#include <iostream>

namespace {
void show(const char* what, const voip::Result& r) {
    std::cout << what << ": ";
    if (r) std::cout << "expires_on " << voip::IsoDate{r->bundle.expires_on()} << ", charge " << r->charge << '\n';
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
    const auto d0828 = voip::parse_iso_date("2018-08-28");
    const auto d0829 = voip::parse_iso_date("2018-08-29");
    const auto d0907 = voip::parse_iso_date("2018-09-07");
    if (!prices || !uuid || !created || !expires || !d0828 || !d0829 || !d0907) return 1;
    const auto b = voip::make_bundle(*uuid, voip::CreatedOn{*created}, voip::ExpiresOn{*expires},
                                     BundleType::business, voip::AutoRenew::on);
    if (!b) return 1;

    std::cout << "window: " << voip::renewal_window(*b, voip::RenewalPolicy{}) << '\n';

    const auto priced = [&](date::sys_days today, Money balance) {
        return voip::make_context(today, voip::RenewalPolicy{}, *prices, balance).value();
    };
    show("quote on 2018-08-28", voip::quote_renew(*b, priced(*d0828, Money{5000})));
    show("quote on 2018-08-29", voip::quote_renew(*b, priced(*d0829, Money{5000})));
    show("renew, balance 10.00", voip::renew(*b, priced(*d0829, Money{1000})));
    const auto renewed = voip::renew(*b, priced(*d0829, Money{5000}));
    show("renew, balance 50.00", renewed);
    if (!renewed) return 1;
    // The new expiry's window opens on 09-28: a second renewal the same day is too early.
    show("renew again", voip::renew(renewed->bundle, priced(*d0829, Money{5000})));
    show("renew on 2018-09-07", voip::renew(*b, priced(*d0907, Money{5000})));

    // Through a store: the uuid is looked up first, an unknown one is 404.
    const auto find = [&](const voip::Uuid& u) -> const voip::Bundle* { return u == b->uuid() ? &*b : nullptr; };
    const auto other = voip::parse_uuid("00000000-0000-4000-8000-000000000000");
    if (!other) return 1;
    show("handle_renew, known", voip::handle_renew(*uuid, find, priced(*d0829, Money{5000})));
    show("handle_renew, unknown", voip::handle_renew(*other, find, priced(*d0829, Money{5000})));

    // Month ends: created 2019-01-31, its expiries in each mode.
    const auto jan31 = voip::parse_iso_date("2019-01-31");
    if (!jan31) return 1;
    for (const voip::MonthEnd mode : {voip::MonthEnd::clamp, voip::MonthEnd::overflow}) {
        const voip::RenewalPolicy p = voip::make_renewal_policy(mode).value();
        auto first = voip::first_expiry(*jan31, p);
        if (!first) return 1;
        auto x = voip::make_bundle(*uuid, voip::CreatedOn{*jan31}, voip::ExpiresOn{*first}, BundleType::business,
                                   voip::AutoRenew::on);
        if (!x) return 1;
        std::cout << mode << ':';
        for (int i = 0; i < 3; ++i) {
            std::cout << ' ' << voip::IsoDate{x->expires_on()};
            const auto next = voip::renew(*x, voip::make_context(x->expires_on(), p).value());  // renewed on its expiry day
            if (!next) return 1;
            x = next->bundle;
        }
        std::cout << '\n';
    }
}
