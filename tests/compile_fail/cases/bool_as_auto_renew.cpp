// The auto-renew flag of make_bundle is voip::AutoRenew, never a bare bool.
#include <voip/bundle/bundle.hpp>
int main() {
    const auto created = *voip::parse_iso_date("2018-08-01");
    const auto expires = *voip::parse_iso_date("2018-09-01");
#ifdef VOIP_MISUSE
    const auto b = voip::make_bundle(voip::Uuid{}, voip::CreatedOn{created}, voip::ExpiresOn{expires},
                                     voip::BundleType::business, true);
#else
    const auto b = voip::make_bundle(voip::Uuid{}, voip::CreatedOn{created}, voip::ExpiresOn{expires},
                                     voip::BundleType::business, voip::AutoRenew::on);
#endif
    return b ? 0 : 1;
}
