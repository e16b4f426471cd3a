// A Status is not an int: code() gives the number.
#include <voip/bundle/error.hpp>
int main() {
#ifdef VOIP_MISUSE
    const int c = voip::Status::payment_required;
#else
    const int c = voip::code(voip::Status::payment_required);
#endif
    return c == 402 ? 0 : 1;
}
