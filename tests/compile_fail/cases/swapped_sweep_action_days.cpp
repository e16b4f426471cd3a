// sweep_action's expiry is typed (ExpiresOn): two bare days around the flag, which could swap silently, do not compile.
#include <voip/bundle.hpp>
int main() {
    const auto created = *voip::parse_iso_date("2018-08-01");
    const auto expires = *voip::parse_iso_date("2018-09-01");
    const auto today = *voip::parse_iso_date("2018-08-30");
    const voip::RenewalPolicy p;
#ifdef VOIP_MISUSE
    const auto r = voip::sweep_action(today, true, expires, p);  // swapped, bare
#else
    const auto r = voip::sweep_action(voip::ExpiresOn{expires}, true, today, p);
#endif
    return created < today && r == voip::SweepAction::renew ? 0 : 1;
}
