// can_renew, state_on and renewal_window on a Context, and allowed_operations by state.
#include <voip/bundle.hpp>

#include <iostream>

int main() {
    const auto uuid = voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
    const auto created = voip::parse_iso_date("2018-08-01");
    const auto expires = voip::parse_iso_date("2018-09-01");
    if (!uuid || !created || !expires) return 1;
    const auto b = voip::make_bundle(*uuid, voip::CreatedOn{*created}, voip::ExpiresOn{*expires},
                                     voip::BundleType::business, voip::AutoRenew::on);
    if (!b) return 1;

    for (const char* text : {"2018-08-28", "2018-08-29", "2018-09-06", "2018-09-07"}) {
        const auto day = voip::parse_iso_date(text);
        if (!day) return 1;
        const voip::Context ctx{*day};  // the seed's policy: 3 days before, 5 after
        const auto s = voip::state_on(*b, ctx);
        const auto open = voip::can_renew(*b, ctx);
        if (!s) return 1;
        std::cout << text << ": " << *s << ", may renew: " << (open ? "yes" : voip::name(open.error()))
                  << ", allowed " << voip::allowed_operations(*s) << '\n';
    }
    const auto w = voip::renewal_window(*b, voip::Context{*created});
    if (!w) return 1;
    std::cout << "window " << *w << '\n';

    // The (bundle, day, policy) form is the Context form with Context{day, policy}.
    const voip::RenewalPolicy wide{voip::MonthEnd::clamp, 1, 10, 5};
    const auto early = voip::can_renew(*b, *expires - date::days{10}, wide);
    std::cout << "10 days early, 10-day window: " << (early ? "yes" : voip::name(early.error())) << '\n';
    const voip::RenewalPolicy overlapping{voip::MonthEnd::clamp, 1, 20, 20};  // not ok(): windows would meet
    const auto refused = voip::can_renew(*b, *expires, overlapping);
    std::cout << "overlapping windows: " << (refused ? "yes" : voip::name(refused.error())) << '\n';
}
