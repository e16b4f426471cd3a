// The library's switches over its enums have no default: a case left out is an error
// under -Wall -Werror (-Wswitch), so a new enumerator cannot fall through silently. This
// case shows the compiler flags such a switch in the flags the project builds with.
#include <voip/bundle/error.hpp>
int main(int argc, char**) {
    // Not a constant: clang does not check the cases of a switch on a constant.
    const voip::Status s = argc > 1 ? voip::Status::ok : voip::Status::not_found;
    switch (s) {
        case voip::Status::ok:
        case voip::Status::created:
        case voip::Status::bad_request:
        case voip::Status::payment_required:
        case voip::Status::not_found:
#ifndef VOIP_MISUSE
        case voip::Status::internal_server_error:
#endif
            break;
    }
    return 0;
}
