// A Result may hold an error: it never converts to the Decision silently.
#include <voip/bundle/operations.hpp>
int main() {
    const voip::Context ctx = voip::make_context(*voip::parse_iso_date("2018-08-01")).value();
    const voip::Request req{true, voip::BundleType::business};
#ifdef VOIP_MISUSE
    const voip::Decision d = voip::create(req, voip::Uuid{}, ctx);
#else
    const voip::Result r = voip::create(req, voip::Uuid{}, ctx);
    if (!r) return 1;
    const voip::Decision d = *r;
#endif
    return d.bundle.auto_renew() ? 0 : 1;
}
