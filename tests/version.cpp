#include <voip/bundle/version.hpp>

#include <doctest/doctest.h>

#include <string>

TEST_CASE("the version macros match the CMake project version") {
    const std::string v = std::to_string(VOIP_BUNDLE_VERSION_MAJOR) + "." + std::to_string(VOIP_BUNDLE_VERSION_MINOR) +
                          "." + std::to_string(VOIP_BUNDLE_VERSION_PATCH);
    CHECK(v == VOIP_BUNDLE_PROJECT_VERSION);
    CHECK(voip::version_major == VOIP_BUNDLE_VERSION_MAJOR);
    CHECK(voip::version_minor == VOIP_BUNDLE_VERSION_MINOR);
    CHECK(voip::version_patch == VOIP_BUNDLE_VERSION_PATCH);
}
