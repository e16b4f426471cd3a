// decode_prices: {"1": ..., "5": ...} in minor units per term, every type priced, nothing else.
#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include <iostream>
#include <string_view>

namespace {
void show(std::string_view text) {
    const auto p = voip::decode_prices(text);
    std::cout << text << "\n  -> ";
    if (p) std::cout << *p << '\n';
    else std::cout << p.error() << '\n';
}
}  // namespace

int main() {
    show(R"({"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300})");
    show(R"({"5": 300, "4": 2000, "3": 500, "2": 900, "1": 1500})");
    show(R"({"1": 1500, "2": 900, "3": 500, "4": 2000})");              // a type missing
    show(R"({"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300, "6": 0})");  // another member
    show(R"({"1": 15.00, "2": 900, "3": 500, "4": 2000, "5": 300})");   // not an integer
    show(R"({"1": -1, "2": 900, "3": 500, "4": 2000, "5": 300})");      // below 0
    show(R"({"1": 1500, "1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300})");
    show(R"({"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300)");     // not JSON

    const auto p = voip::decode_prices(R"({"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300})");
    if (!p) return 1;
    std::cout << "Trunk Only: " << voip::to_decimal_string(p->at(voip::BundleType::trunk_only).value()) << '\n';
}
