// A day is a date::sys_days, never text: parse it first.
#include <voip/bundle/iso_date.hpp>
#include <voip/bundle/state.hpp>
int main() {
    const voip::Bundle b = *voip::make_bundle(voip::Uuid{}, voip::CreatedOn{*voip::parse_iso_date("2018-08-01")},
                                              voip::ExpiresOn{*voip::parse_iso_date("2018-09-01")},
                                              voip::BundleType::business, voip::AutoRenew::on);
#ifdef VOIP_MISUSE
    const auto s = voip::state_on(b, "2018-08-30", voip::RenewalPolicy{});
#else
    const auto s = voip::state_on(b, *voip::parse_iso_date("2018-08-30"), voip::RenewalPolicy{});
#endif
    return s == voip::State::renewal_open ? 0 : 1;
}
