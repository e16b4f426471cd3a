// A minor-unit count is checked when made: MinorDigits{3} does not compile, minor_digits<3> does.
#include <voip/bundle/money.hpp>
int main() {
#ifdef VOIP_MISUSE
    const voip::MinorDigits d{3};
#else
    const voip::MinorDigits d = voip::minor_digits<3>;
#endif
    return d.digits() == 3 ? 0 : 1;
}
