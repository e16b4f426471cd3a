// A bundle is made by make_bundle(): brace-initialising one from two bare dates (which
// swap silently) and a bare bool does not compile.
#include <voip/bundle/bundle.hpp>
int main() {
    const auto created = *voip::parse_iso_date("2018-08-01");
    const auto expires = *voip::parse_iso_date("2018-09-01");
#ifdef VOIP_MISUSE
    const voip::Bundle b{voip::Uuid{}, created, expires, voip::BundleType::business, true};
    return b.auto_renew() ? 0 : 1;
#else
    const auto b = voip::make_bundle(voip::Uuid{}, voip::CreatedOn{created}, voip::ExpiresOn{expires},
                                     voip::BundleType::business, voip::AutoRenew::on);
    return b ? 0 : 1;
#endif
}
