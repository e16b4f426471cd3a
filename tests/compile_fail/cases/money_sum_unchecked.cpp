// Money has no + that could wrap past 64 bits: a sum is add(), exact or amount_out_of_range.
#include <voip/bundle/money.hpp>
int main() {
#ifdef VOIP_MISUSE
    const voip::Money sum = voip::Money{1500} + voip::Money{900};
#else
    const voip::Money sum = voip::add(voip::Money{1500}, voip::Money{900}).value();
#endif
    return sum.minor == 2400 ? 0 : 1;
}
