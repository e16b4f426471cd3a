// quote_create and create: the bundle starts today and expires one term later.
#include <voip/bundle.hpp>

#include <iostream>

namespace {
void show(const char* what, const voip::Result& r) {
    std::cout << what << ": ";
    if (r) std::cout << r->bundle << ", charge " << voip::to_decimal_string(r->charge) << '\n';
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
    const auto today = voip::parse_iso_date("2018-08-01");
    if (!prices || !uuid || !today) return 1;

    // A balance of 10.00: enough for Residential (9.00), not for Business (15.00).
    const voip::Context ctx = voip::make_context(*today, voip::RenewalPolicy{}, *prices, Money{1000}).value();
    const voip::Request residential{true, BundleType::residential};
    const voip::Request business{false, BundleType::business};

    show("quote residential", voip::quote_create(residential, *uuid, ctx));
    show("create residential", voip::create(residential, *uuid, ctx));
    show("quote business", voip::quote_create(business, *uuid, ctx));  // a quote checks no funds
    show("create business", voip::create(business, *uuid, ctx));      // 400, not 402

    // Without prices nothing is charged; without a balance funds are not checked.
    show("no prices", voip::create(business, *uuid, voip::make_context(*today).value()));
    show("no balance", voip::create(business, *uuid, voip::make_context(*today, voip::RenewalPolicy{}, *prices).value()));

    // The month end is clamped by default: created on 01-31, expires on 02-28.
    const auto jan31 = voip::parse_iso_date("2019-01-31");
    if (!jan31) return 1;
    show("on 2019-01-31", voip::create(business, *uuid, voip::make_context(*jan31).value()));

    // A policy whose window could reach the next one is never made.
    const auto wide = voip::make_renewal_policy(voip::MonthEnd::clamp, voip::TermMonths{1}, voip::DaysBefore{20},
                                                voip::DaysAfter{10});
    std::cout << "bad policy: " << (wide ? "made" : voip::name(wide.error())) << '\n';
    // A create whose first term would end after 9999-12-31.
    show("on 9999-12-15", voip::create(business, *uuid, voip::make_context(voip::max_day - date::days{16}).value()));

    // The 201 envelope of a successful create.
    std::cout << voip::to_string(voip::make_envelope(voip::Operation::create, voip::create(residential, *uuid, ctx)))
              << '\n';
}
