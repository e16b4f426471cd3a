// Money is integer minor units: a floating-point amount does not convert (narrowing).
#include <voip/bundle/money.hpp>
int main() {
#ifdef VOIP_MISUSE
    const voip::Money m{15.00};
#else
    const voip::Money m{1500};
#endif
    return m.minor == 1500 ? 0 : 1;
}
