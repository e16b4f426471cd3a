// An Error is not a truth value (no "if (error)"): a result's has_value() is.
#include <voip/bundle/uuid.hpp>
int main() {
    const auto r = voip::parse_uuid("not a uuid");
#ifdef VOIP_MISUSE
    if (r.error()) return 0;
#else
    if (!r.has_value() && r.error() == voip::Error::malformed_uuid) return 0;
#endif
    return 1;
}
