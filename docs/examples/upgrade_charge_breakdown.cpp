// upgrade_charge_breakdown: every prepaid day charged, term by term (rules.md 7's example).
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
    const auto d0801 = voip::parse_iso_date("2018-08-01");
    const auto d0829 = voip::parse_iso_date("2018-08-29");
    if (!prices || !uuid || !d0801 || !d0829) return 1;

    for (const voip::MonthEnd mode : {voip::MonthEnd::clamp, voip::MonthEnd::overflow}) {
        const voip::RenewalPolicy p = voip::make_renewal_policy(mode).value();
        // Created 2018-08-01 as Residential, renewed early on 2018-08-29 (expires 2018-10-01).
        const auto created = voip::create(voip::Request{false, BundleType::residential}, *uuid,
                                          voip::make_context(*d0801, p, *prices).value());
        if (!created) return 1;
        const auto renewed = voip::renew(created->bundle, voip::make_context(*d0829, p, *prices).value());
        if (!renewed) return 1;
        std::cout << mode << ": " << renewed->bundle << '\n';
        // Upgraded to Business on the renewal day: 600 x 3 / 31 + 600 = 658.06 -> 658.
        const auto u = voip::upgrade_charge_breakdown(renewed->bundle, BundleType::business,
                                                      voip::make_context(*d0829, p, *prices).value());
        if (!u) {
            std::cout << "  error: " << u.error() << '\n';
            return 1;
        }
        std::cout << "  2018-08-29: " << *u << '\n';
        std::cout << "  current.days(): " << u->current.days() << '\n';
        // The total alone, on the following days.
        for (const char* text : {"2018-08-30", "2018-08-31", "2018-09-01"}) {
            const auto day = voip::parse_iso_date(text);
            if (!day) return 1;
            const auto total = voip::upgrade_charge(renewed->bundle, BundleType::business,
                                                    voip::make_context(*day, p, *prices).value());
            if (!total) return 1;
            std::cout << "  " << text << ": " << *total << '\n';
        }
    }

    // Without prices the terms are still filled in; the totals are 0.
    const auto b = voip::make_bundle(*uuid, voip::CreatedOn{*d0801}, voip::ExpiresOn{*d0829 + date::days{3}},
                                     BundleType::residential, voip::AutoRenew::off);
    if (!b) return 1;
    const auto free = voip::upgrade_charge_breakdown(*b, BundleType::business, voip::make_context(*d0829).value());
    if (!free) return 1;
    std::cout << "no prices: " << *free << '\n';

    // A century prepaid at the dearest difference passes max_amount.
    const auto dear = voip::make_price_list({{BundleType::business, voip::max_amount},
                                             {BundleType::residential, Money{0}},
                                             {BundleType::fax_only, Money{0}},
                                             {BundleType::trunk_only, Money{0}},
                                             {BundleType::forward_only, Money{0}}});
    const auto y2118 = voip::parse_iso_date("2118-08-01");
    if (!dear || !y2118) return 1;
    const auto far = voip::make_bundle(*uuid, voip::CreatedOn{*d0801}, voip::ExpiresOn{*y2118},
                                       BundleType::residential, voip::AutoRenew::off);
    if (!far) return 1;
    const auto huge = voip::upgrade_charge(*far, BundleType::business, voip::make_context(*d0829, {}, *dear).value());
    std::cout << "a century prepaid: " << (huge ? "charged" : voip::name(huge.error())) << '\n';
    // A type outside 1..5 is bundle_type_out_of_range, as quote_update answers.
    const auto bad = voip::upgrade_charge(*b, static_cast<BundleType>(0), voip::make_context(*d0829, {}, *prices).value());
    std::cout << "type 0: " << (bad ? "charged" : voip::name(bad.error())) << '\n';
}
