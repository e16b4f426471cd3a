// An envelope holds the bundle or the error: a default one (which was a false 400) does not compile.
#include <voip/bundle/envelope.hpp>
int main() {
#ifdef VOIP_MISUSE
    const voip::Envelope e{};
#else
    const voip::Envelope e = voip::error_envelope(voip::Error::unknown_bundle);
#endif
    return e.status() == voip::Status::not_found ? 0 : 1;
}
