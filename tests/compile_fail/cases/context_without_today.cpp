// A context has a today: without one it would decide as if it were 1970-01-01.
#include <voip/bundle/operations.hpp>
int main() {
#ifdef VOIP_MISUSE
    const voip::Context ctx{};
#else
    const voip::Context ctx = voip::make_context(*voip::parse_iso_date("2018-08-01")).value();
#endif
    return voip::in_range(ctx.today()) ? 0 : 1;
}
