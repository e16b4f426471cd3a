// No flag beside the bundle and the error: an envelope's members are not written by hand.
#include <voip/bundle/envelope.hpp>
int main() {
    voip::Envelope e = voip::error_envelope(voip::Error::unknown_bundle);
#ifdef VOIP_MISUSE
    e.has_result = true;
#else
    e = voip::error_envelope(voip::Error::insufficient_funds);
#endif
    return e.bundle() == nullptr ? 0 : 1;
}
