// Ignoring a decision is an error under -Werror: every operation is [[nodiscard]].
#include <voip/bundle/operations.hpp>
int main() {
    const voip::Context ctx{*voip::parse_iso_date("2018-08-01")};
    voip::Bundle b;
    b.created_on = ctx.today;
    b.expires_on = ctx.today + date::days{31};
#ifdef VOIP_MISUSE
    voip::renew(b, ctx);
#else
    const auto r = voip::renew(b, ctx);
    (void)r;
#endif
    return 0;
}
