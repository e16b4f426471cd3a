// Write options are named: two bare flags, which could swap, do not compile.
#include <voip/bundle/envelope.hpp>
int main() {
    const voip::Envelope e = voip::error_envelope(voip::Error::unknown_bundle);
#ifdef VOIP_MISUSE
    const std::string text = voip::to_string(e, {false, true});
#else
    const std::string text = voip::to_string(e, {voip::Layout::compact, voip::ErrorDetail::on});
#endif
    return text.find("unknown_bundle") != std::string::npos ? 0 : 1;
}
