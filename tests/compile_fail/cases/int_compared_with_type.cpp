// A BundleType does not compare with an integer: compare codes, or types.
#include <voip/bundle/bundle_type.hpp>
int main() {
    const voip::BundleType t = voip::BundleType::business;
#ifdef VOIP_MISUSE
    return t == 1 ? 0 : 1;
#else
    return voip::code(t) == 1 ? 0 : 1;
#endif
}
