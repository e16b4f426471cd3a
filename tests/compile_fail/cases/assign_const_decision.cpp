// A decision returned as const cannot be edited in place: copy it to change it.
#include <voip/bundle/operations.hpp>
int main() {
    const voip::Context ctx{*voip::parse_iso_date("2018-08-01")};
    const voip::Result r = voip::create(voip::Request{false, voip::BundleType::residential}, voip::Uuid{}, ctx);
    if (!r) return 1;
#ifdef VOIP_MISUSE
    r->bundle.expires_on = ctx.today;
#else
    voip::Decision copy = *r;
    copy.bundle.expires_on = ctx.today;
#endif
    return 0;
}
