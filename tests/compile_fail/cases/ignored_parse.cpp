// Ignoring a parse result is an error under -Werror ([[nodiscard]]).
#include <voip/bundle/iso_date.hpp>
int main() {
#ifdef VOIP_MISUSE
    voip::parse_iso_date("2018-08-01");
#else
    const auto d = voip::parse_iso_date("2018-08-01");
    (void)d;
#endif
    return 0;
}
