// An integer is not silently Money: say Money{n}.
#include <voip/bundle/money.hpp>
int main() {
#ifdef VOIP_MISUSE
    const voip::Money m = 1500;
#else
    const voip::Money m{1500};
#endif
    return m.minor == 1500 ? 0 : 1;
}
