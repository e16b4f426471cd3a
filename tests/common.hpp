#pragma once
// Small helpers shared by the core's tests.
#include <voip/bundle.hpp>

#include <string_view>

namespace voip_test {

// A day from "YYYY-MM-DD"; the tests only pass valid text.
inline date::sys_days day(std::string_view iso) { return *voip::parse_iso_date(iso); }

inline voip::Uuid seed_uuid() { return *voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415"); }

// A bundle through voip::make_bundle; the tests only pass a valid one.
inline voip::Bundle make_bundle(std::string_view created_on, std::string_view expires_on,
                                voip::BundleType type = voip::BundleType::business, bool auto_renew = true) {
    return *voip::make_bundle(seed_uuid(), voip::CreatedOn{day(created_on)}, voip::ExpiresOn{day(expires_on)}, type,
                              auto_renew ? voip::AutoRenew::on : voip::AutoRenew::off);
}

// The prices the tests use: 1500, 900, 500, 2000, 300 for types 1..5.
inline voip::PriceList test_prices() {
    using voip::BundleType;
    using voip::Money;
    return *voip::make_price_list({{BundleType::business, Money{1500}},
                                   {BundleType::residential, Money{900}},
                                   {BundleType::fax_only, Money{500}},
                                   {BundleType::trunk_only, Money{2000}},
                                   {BundleType::forward_only, Money{300}}});
}

// The sweep's action read off the one definition of the window, renewal_window() (rules.md 4,
// 6), rather than off the states: renew while the flag is on and the window holds `d`,
// lapsed once the window is past. The oracle of every sweep form.
inline voip::SweepAction window_action(const voip::Bundle& b, date::sys_days d, const voip::RenewalPolicy& p) {
    const voip::RenewalWindow w = voip::renewal_window(b.expires_on(), p);
    if (d > w.last) return voip::SweepAction::lapsed;
    return b.auto_renew() && w.contains(d) ? voip::SweepAction::renew : voip::SweepAction::none;
}

}  // namespace voip_test
