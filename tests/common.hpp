#pragma once
// Small helpers shared by the core's tests.
#include <voip/bundle.hpp>

#include <string_view>

namespace voip_test {

// A day from "YYYY-MM-DD"; the tests only pass valid text.
inline date::sys_days day(std::string_view iso) { return *voip::parse_iso_date(iso); }

inline voip::Uuid seed_uuid() { return *voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415"); }

inline voip::Bundle make_bundle(std::string_view created_on, std::string_view expires_on,
                                voip::BundleType type = voip::BundleType::business, bool auto_renew = true) {
    voip::Bundle b;
    b.uuid = seed_uuid();
    b.created_on = day(created_on);
    b.expires_on = day(expires_on);
    b.bundle_type = type;
    b.auto_renew = auto_renew;
    return b;
}

}  // namespace voip_test
