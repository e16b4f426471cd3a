// A price list names each type: a list of bare prices by position (two given, three types
// silently free) does not compile.
#include <voip/bundle/price_list.hpp>
int main() {
    using voip::BundleType;
    using voip::Money;
#ifdef VOIP_MISUSE
    const voip::PriceList p{{Money{1500}, Money{900}}};
#else
    const voip::PriceList p = *voip::make_price_list({{BundleType::business, Money{1500}},
                                                      {BundleType::residential, Money{900}},
                                                      {BundleType::fax_only, Money{500}},
                                                      {BundleType::trunk_only, Money{2000}},
                                                      {BundleType::forward_only, Money{300}}});
#endif
    return p.at(BundleType::business) == Money{1500} ? 0 : 1;
}
