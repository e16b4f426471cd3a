// A decision returned as const cannot be edited in place: copy it to change it.
#include <voip/bundle/operations.hpp>
int main() {
    const voip::Context ctx = voip::make_context(*voip::parse_iso_date("2018-08-01")).value();
    const voip::Result r = voip::create(voip::Request{false, voip::BundleType::residential}, voip::Uuid{}, ctx);
    if (!r) return 1;
    const voip::Bundle renewed = *r->bundle.renewed_until(voip::ExpiresOn{ctx.today() + date::days{60}});
#ifdef VOIP_MISUSE
    r->bundle = renewed;
#else
    voip::Decision copy = *r;
    copy.bundle = renewed;
#endif
    return 0;
}
