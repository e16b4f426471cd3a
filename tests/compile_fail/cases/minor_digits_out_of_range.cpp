// A count known when compiling must be in [0, 18]: minor_digits<19> does not compile.
#include <voip/bundle/money.hpp>
int main() {
#ifdef VOIP_MISUSE
    const voip::MinorDigits d = voip::minor_digits<19>;
#else
    const voip::MinorDigits d = voip::minor_digits<18>;
#endif
    return d.digits() >= 18 ? 0 : 1;
}
