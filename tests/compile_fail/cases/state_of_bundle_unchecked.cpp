// A bundle's state may be invalid_bundle (as renew says): it never converts to a State unchecked.
#include <voip/bundle/state.hpp>
int main() {
    voip::Bundle b;
    b.created_on = *voip::parse_iso_date("2018-08-01");
    b.expires_on = *voip::parse_iso_date("2018-09-01");
    const auto day = *voip::parse_iso_date("2018-08-30");
#ifdef VOIP_MISUSE
    const voip::State s = voip::state_on(b, day, voip::RenewalPolicy{});
#else
    const auto s = voip::state_on(b, day, voip::RenewalPolicy{});
    if (!s) return 1;
#endif
    return 0;
}
