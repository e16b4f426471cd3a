// A price list has no operator[] that could read past its table: at() checks the type.
#include <voip/bundle/price_list.hpp>
int main() {
    using voip::BundleType;
    using voip::Money;
    const voip::PriceList p = *voip::make_price_list({{BundleType::business, Money{1500}},
                                                      {BundleType::residential, Money{900}},
                                                      {BundleType::fax_only, Money{500}},
                                                      {BundleType::trunk_only, Money{2000}},
                                                      {BundleType::forward_only, Money{300}}});
#ifdef VOIP_MISUSE
    const Money m = p[BundleType::business];
#else
    const Money m = p.at(BundleType::business).value();
#endif
    return m.minor == 1500 ? 0 : 1;
}
