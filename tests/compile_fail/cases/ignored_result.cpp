// Ignoring a decision is an error under -Werror: every operation is [[nodiscard]].
#include <voip/bundle/operations.hpp>
int main() {
    const voip::Context ctx = voip::make_context(*voip::parse_iso_date("2018-08-01")).value();
    const voip::Bundle b = *voip::make_bundle(voip::Uuid{}, voip::CreatedOn{ctx.today()},
                                              voip::ExpiresOn{ctx.today() + date::days{31}},
                                              voip::BundleType::business, voip::AutoRenew::on);
#ifdef VOIP_MISUSE
    voip::renew(b, ctx);
#else
    const auto r = voip::renew(b, ctx);
    (void)r;
#endif
    return 0;
}
