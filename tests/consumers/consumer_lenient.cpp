// Code the project's own warning set (-Wpedantic -Wconversion -Wshadow -Werror, see
// voip_bundle_warnings) rejects but -Wall -Wextra accepts. A consumer that links
// voip::bundle compiles it with -Wall -Wextra -Werror only: if the library forced the
// project's warnings on its users, this file would fail to build. The ctest case
// consumer.lenient_code_trips_project_warnings proves that it would.
#include <voip/bundle.hpp>

int lenient_consumer_code(long wide) {
    int narrow = wide;  // -Wconversion: long -> int
    {
        int narrow = 2;  // -Wshadow
        wide += narrow;
    }
    return narrow + static_cast<int>(wide > 0);
};  // -Wpedantic: extra ';'
