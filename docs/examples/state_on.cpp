// state_on, in_service, renewable and renewal_window around one expiry.
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
    const voip::RenewalPolicy p;  // 3 days before, 5 after

    std::cout << std::boolalpha;
    for (const char* text : {"2018-08-28", "2018-08-29", "2018-08-31", "2018-09-01", "2018-09-06", "2018-09-07"}) {
        const auto day = voip::parse_iso_date(text);
        if (!day) return 1;
        const voip::State s = voip::state_on(*b, *day, p);
        std::cout << text << ": " << s << ", in service " << voip::in_service(s) << ", renewable "
                  << voip::renewable(s) << '\n';
    }
    const voip::RenewalWindow w = voip::renewal_window(*b, p);
    std::cout << "window " << w << ", contains 2018-09-06: " << w.contains(*expires + date::days{5}) << '\n';

    // The window is clipped to the days the rules can name.
    std::cout << "expiring 9999-12-31: " << voip::renewal_window(voip::max_day, p) << '\n';

    // The overload on expires_on alone reads no bundle; the expiry is typed, so it cannot
    // swap with the day.
    std::cout << "state_on(ExpiresOn{2018-09-01}, 2018-08-01): " << voip::state_on(voip::ExpiresOn{*expires}, *created, p)
              << '\n';
}
