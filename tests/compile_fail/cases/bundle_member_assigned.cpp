// A bundle changes only through the methods that keep its invariants: assigning to what
// an accessor returns does not compile (it would change a copy and nothing else).
#include <voip/bundle/bundle.hpp>
int main() {
    auto b = *voip::make_bundle(voip::Uuid{}, voip::CreatedOn{*voip::parse_iso_date("2018-08-01")},
                                voip::ExpiresOn{*voip::parse_iso_date("2018-09-01")}, voip::BundleType::business,
                                voip::AutoRenew::on);
    const auto later = *voip::parse_iso_date("2018-10-01");
#ifdef VOIP_MISUSE
    b.expires_on() = later;
#else
    b = *b.renewed_until(voip::ExpiresOn{later});
#endif
    return b.expires_on() == later ? 0 : 1;
}
