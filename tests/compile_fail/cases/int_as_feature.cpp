// Feature sets are built from Feature values, not bit numbers.
#include <voip/bundle/features.hpp>
int main() {
#ifdef VOIP_MISUSE
    const voip::FeatureSet s{0, 5};
#else
    const voip::FeatureSet s{voip::Feature::sip_accounts, voip::Feature::efax};
#endif
    return s.size() == 2 ? 0 : 1;
}
