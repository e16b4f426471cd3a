// make_price_list: each of the five types priced exactly once, or invalid_policy.
#include <voip/bundle.hpp>

#include <iostream>

namespace {
void show(const char* what, const tl::expected<voip::PriceList, voip::Error>& p) {
    std::cout << what << ": ";
    if (p) std::cout << *p << '\n';
    else std::cout << p.error() << '\n';
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
    show("full list", prices);
    if (!prices) return 1;
    std::cout << "price of " << BundleType::residential << ": " << prices->at(BundleType::residential).value() << '\n';

    // The order of the entries does not matter.
    const auto reordered = voip::make_price_list({{BundleType::forward_only, Money{300}},
                                                  {BundleType::trunk_only, Money{2000}},
                                                  {BundleType::fax_only, Money{500}},
                                                  {BundleType::residential, Money{900}},
                                                  {BundleType::business, Money{1500}}});
    std::cout << "same list reordered: " << std::boolalpha << (reordered && *reordered == *prices) << '\n';

    show("two types missing", voip::make_price_list({{BundleType::business, Money{1500}},
                                                     {BundleType::residential, Money{900}},
                                                     {BundleType::fax_only, Money{500}}}));
    show("a type twice", voip::make_price_list({{BundleType::business, Money{1500}},
                                                {BundleType::business, Money{1400}},
                                                {BundleType::residential, Money{900}},
                                                {BundleType::fax_only, Money{500}},
                                                {BundleType::trunk_only, Money{2000}},
                                                {BundleType::forward_only, Money{300}}}));
    show("a negative price", voip::make_price_list({{BundleType::business, Money{-1}},
                                                    {BundleType::residential, Money{900}},
                                                    {BundleType::fax_only, Money{500}},
                                                    {BundleType::trunk_only, Money{2000}},
                                                    {BundleType::forward_only, Money{300}}}));
    show("above max_amount", voip::make_price_list({{BundleType::business, Money{voip::max_amount.minor + 1}},
                                                    {BundleType::residential, Money{900}},
                                                    {BundleType::fax_only, Money{500}},
                                                    {BundleType::trunk_only, Money{2000}},
                                                    {BundleType::forward_only, Money{300}}}));
}
