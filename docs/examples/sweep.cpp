// sweep and sweep_totals: the daily auto-renew sweep over many bundles.
#include <voip/bundle.hpp>

#include <cstddef>
#include <iostream>
#include <vector>

int main() {
    const auto uuid = voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
    const auto today = voip::parse_iso_date("2018-09-02");
    if (!uuid || !today) return 1;
    const voip::RenewalPolicy p;

    // Bundles expiring around today, with and without auto_renew.
    std::vector<voip::Bundle> store;
    const struct {
        const char* created_on;
        const char* expires_on;
        voip::AutoRenew auto_renew;
    } rows[] = {
        {"2018-08-20", "2018-09-20", voip::AutoRenew::on},   // window not open yet
        {"2018-08-03", "2018-09-03", voip::AutoRenew::on},   // window open: renew
        {"2018-08-03", "2018-09-03", voip::AutoRenew::off},  // window open, no auto-renew
        {"2018-08-01", "2018-09-01", voip::AutoRenew::on},   // grace: renew
        {"2018-07-27", "2018-08-27", voip::AutoRenew::on},   // past the window: lapsed
    };
    for (const auto& row : rows) {
        const auto c = voip::parse_iso_date(row.created_on);
        const auto e = voip::parse_iso_date(row.expires_on);
        if (!c || !e) return 1;
        const auto b = voip::make_bundle(*uuid, voip::CreatedOn{*c}, voip::ExpiresOn{*e}, voip::BundleType::business,
                                         row.auto_renew);
        if (!b) return 1;
        store.push_back(*b);
    }

    const voip::SweepTotals totals =
        voip::sweep(store.begin(), store.end(), *today, p, [](const voip::Bundle& b, voip::SweepAction a) {
            std::cout << a << ": expires_on " << voip::IsoDate{b.expires_on()} << '\n';
        });
    std::cout << "totals: " << totals << ", total() " << totals.total() << '\n';

    // The same totals without a callback, over an array of bundles ...
    std::cout << "sweep_totals: " << voip::sweep_totals(store.data(), store.size(), *today, p) << '\n';
    // ... and over columns of expiry days and flags, the form for millions of bundles.
    std::vector<date::sys_days> expires_on;
    bool flags[5] = {};
    for (std::size_t i = 0; i < 5; ++i) {
        expires_on.push_back(store[i].expires_on());
        flags[i] = store[i].auto_renew();
    }
    std::cout << "columns: " << voip::sweep_totals(expires_on.data(), flags, 5, *today, p) << '\n';
    std::cout << "one bundle: " << voip::sweep_action(store[1], *today, p) << '\n';
}
