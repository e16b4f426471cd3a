// The program every consumer test builds (find_package, add_subdirectory, FetchContent,
// pkg-config, the single header): it uses the library the way an application would and
// exits non-zero on the first surprise. Built with -Wall -Wextra -Werror by the consumer.
//
// VOIP_BUNDLE_EXPECTED_VERSION: the CMake project version of the checkout under test
// ("0.1.0"), passed by tests/consumers/, so the version macros are checked against
// project(VERSION). A first argument replaces it: the single-header test runs the program
// with a wrong version and expects it to fail, proving the check can fail.
#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>

#ifndef VOIP_BUNDLE_EXPECTED_VERSION
#error "build with -DVOIP_BUNDLE_EXPECTED_VERSION=\"x.y.z\""
#endif

int second_translation_unit();  // consumer_tu2.cpp: the headers hold no non-inline definitions

namespace {

int failures = 0;

void check(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "consumer: FAILED: %s\n", what);
        ++failures;
    }
}

template <class T>
std::string streamed(const T& v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

// The decision rules are constexpr: usable in a consumer's constant expressions.
constexpr date::sys_days seed_day = date::sys_days{date::year{2018} / 8 / 1};
static_assert(voip::bundle_type_from_code(3).value() == voip::BundleType::fax_only);
static_assert(voip::parse_iso_date("2018-08-01").value() == seed_day);
static_assert(!voip::parse_uuid("not-a-uuid"));

}  // namespace

int main(int argc, char** argv) {
    const std::string expected = argc > 1 ? argv[1] : VOIP_BUNDLE_EXPECTED_VERSION;
    const std::string version = std::to_string(VOIP_BUNDLE_VERSION_MAJOR) + "." +
                                std::to_string(VOIP_BUNDLE_VERSION_MINOR) + "." +
                                std::to_string(VOIP_BUNDLE_VERSION_PATCH);
    check(version == expected, "version macros == CMake project version");
    check(voip::version_major == VOIP_BUNDLE_VERSION_MAJOR && voip::version_minor == VOIP_BUNDLE_VERSION_MINOR &&
              voip::version_patch == VOIP_BUNDLE_VERSION_PATCH,
          "version constants == version macros");

    // The seed's create example, end to end: 201 and the seed's result.
    const auto uuid = voip::parse_uuid("0FBA8C48-99FC-4727-8CA7-C847376DA415");
    check(uuid.has_value(), "parse_uuid accepts upper case");
    const voip::Context context = voip::make_context(seed_day).value();
    const voip::Result created = voip::create(voip::Request{true, voip::BundleType::business}, *uuid, context);
    check(created.has_value(), "create succeeds");
    if (created) {
        check(voip::to_iso_string(created->bundle.expires_on()) == "2018-09-01", "one term after 2018-08-01");
        check(voip::to_string(voip::make_envelope(voip::Operation::create, created)) ==
                  R"({"result":{"auto_renew":true,"bundle_type":1,"expires_on":"2018-09-01",)"
                  R"("uuid":"0fba8c48-99fc-4727-8ca7-c847376da415"},"status_code":201,"status_message":"Created"})",
              "the seed's create envelope");
    }

    // The JSON codec comes with <voip/bundle.hpp>, from include/, the installed package and
    // the single header alike: a stored line and a request body decoded.
    const auto stored = voip::decode_bundle(
        R"({"auto_renew":true,"bundle_type":1,"expires_on":"2018-09-01",)"
        R"("uuid":"0fba8c48-99fc-4727-8ca7-c847376da415","created_on":"2018-08-01"})");
    check(stored.has_value() && created && *stored == created->bundle, "decode_bundle through <voip/bundle.hpp>");
    const auto call = voip::parse_update("0fba8c48-99fc-4727-8ca7-c847376da415", R"({"bundle_type": 2})");
    check(call.has_value() && call->request.bundle_type == voip::BundleType::residential && !call->request.auto_renew,
          "parse_update through <voip/bundle.hpp>");
    check(voip::decode_bundle("{").error() == voip::Error::invalid_json, "decode_bundle's typed errors");

    // std::hash: UUIDs and bundle types as keys of unordered containers.
    std::mt19937_64 gen(20180801);
    std::unordered_set<voip::Uuid> uuids;
    for (int i = 0; i < 1000; ++i) uuids.insert(voip::make_uuid_v4(gen));
    check(uuids.size() == 1000, "1000 random UUIDs are 1000 keys");
    uuids.insert(*uuid);
    check(uuids.count(*voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415")) == 1,
          "equal UUIDs (either case) find the same key");
    check(std::hash<voip::Uuid>{}(*uuid) == std::hash<voip::Uuid>{}(*voip::parse_uuid(voip::to_string(*uuid))),
          "hash(uuid) is stable through text");
    std::unordered_map<voip::BundleType, int> per_type;
    for (std::int64_t code = 1; code <= 5; ++code) per_type[*voip::bundle_type_from_code(code)] += 1;
    per_type[voip::BundleType::trunk_only] += 1;
    check(per_type.size() == 5 && per_type[voip::BundleType::trunk_only] == 2, "BundleType keys");

    // operator<< on the value types.
    check(streamed(*uuid) == "0fba8c48-99fc-4727-8ca7-c847376da415", "operator<<(Uuid) prints lower case");
    check(streamed(voip::BundleType::fax_only) == "3 (Fax Only)", "operator<<(BundleType)");
    check(streamed(voip::Status::payment_required) == "402 Payment Required", "operator<<(Status)");

    check(second_translation_unit() == 1, "a second translation unit including the headers links");
    if (failures == 0) std::printf("consumer: all checks passed (voip-bundle %s)\n", version.c_str());
    return failures == 0 ? 0 : 1;
}
