// make_bundle's dates are of two types: passing the expiry where created_on goes does not compile.
#include <voip/bundle/bundle.hpp>
int main() {
    const auto created = *voip::parse_iso_date("2018-08-01");
    const auto expires = *voip::parse_iso_date("2018-09-01");
#ifdef VOIP_MISUSE
    const auto b = voip::make_bundle(voip::Uuid{}, voip::ExpiresOn{expires}, voip::CreatedOn{created},
                                     voip::BundleType::business, voip::AutoRenew::on);
#else
    const auto b = voip::make_bundle(voip::Uuid{}, voip::CreatedOn{created}, voip::ExpiresOn{expires},
                                     voip::BundleType::business, voip::AutoRenew::on);
#endif
    return b ? 0 : 1;
}
