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
        const voip::Context ctx = voip::make_context(*day).value();  // the seed's policy: 3 days before, 5 after
        const voip::State s = voip::state_on(*b, ctx);
        const auto open = voip::can_renew(*b, ctx);
        std::cout << text << ": " << s << ", may renew: " << (open ? "yes" : voip::name(open.error()))
                  << ", allowed " << voip::allowed_operations(s) << '\n';
    }
    std::cout << "window " << voip::renewal_window(*b, voip::RenewalPolicy{}) << '\n';

    // The (bundle, day, policy) form is the Context form without the context.
    const voip::RenewalPolicy wide =
        voip::make_renewal_policy(voip::MonthEnd::clamp, voip::TermMonths{1}, voip::DaysBefore{10}, voip::DaysAfter{5})
            .value();
    const auto early = voip::can_renew(*b, *expires - date::days{10}, wide);
    std::cout << "10 days early, 10-day window: " << (early ? "yes" : voip::name(early.error())) << '\n';
    // A policy whose windows would meet is never made.
    const auto overlapping = voip::make_renewal_policy(voip::MonthEnd::clamp, voip::TermMonths{1}, voip::DaysBefore{20},
                                                       voip::DaysAfter{20});
    std::cout << "overlapping windows: " << (overlapping ? "made" : voip::name(overlapping.error())) << '\n';
}
