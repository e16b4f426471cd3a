// A raw integer never stands in for a BundleType: only bundle_type_from_code makes one.
#include <voip/bundle/request.hpp>
int main() {
    voip::Request r;
#ifdef VOIP_MISUSE
    r.bundle_type = 2;
#else
    r.bundle_type = *voip::bundle_type_from_code(2);
#endif
    return voip::code(r.bundle_type) == 2 ? 0 : 1;
}
