// Functions over bundle types take a BundleType, not its code.
#include <voip/bundle/bundle_type.hpp>
int main() {
#ifdef VOIP_MISUSE
    const auto l = voip::label(3);
#else
    const auto l = voip::label(voip::BundleType::fax_only);
#endif
    return l.empty() ? 1 : 0;
}
