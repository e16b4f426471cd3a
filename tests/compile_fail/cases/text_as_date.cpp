// A day is a date::sys_days, never text: parse it first.
#include <voip/bundle/iso_date.hpp>
#include <voip/bundle/state.hpp>
int main() {
    voip::Bundle b;
    b.created_on = *voip::parse_iso_date("2018-08-01");
    b.expires_on = *voip::parse_iso_date("2018-09-01");
#ifdef VOIP_MISUSE
    const auto s = voip::state_on(b, "2018-08-30", voip::RenewalPolicy{});
#else
    const auto s = voip::state_on(b, *voip::parse_iso_date("2018-08-30"), voip::RenewalPolicy{});
#endif
    return s && *s == voip::State::renewal_open ? 0 : 1;
}
