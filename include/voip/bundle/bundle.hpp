#pragma once
// One customer's subscription as the rules see it: a trivially copyable value.
#include <ostream>

#include <date/date.h>

#include "bundle_type.hpp"
#include "iso_date.hpp"
#include "uuid.hpp"

namespace voip {

struct Bundle {
    Uuid uuid;
    date::sys_days created_on{};  // first day of the first term; the month-end anchor
    date::sys_days expires_on{};  // first day not in service unless renewed: terms are [start, expires_on)
    BundleType bundle_type = BundleType::business;
    bool auto_renew = false;
};

// Invariants every rule relies on; a bundle read from storage should be checked.
[[nodiscard]] constexpr bool ok(const Bundle& b) noexcept {
    return ok(b.bundle_type) && in_range(b.created_on) && in_range(b.expires_on) && b.created_on < b.expires_on;
}

[[nodiscard]] constexpr bool operator==(const Bundle& a, const Bundle& b) noexcept {
    return a.uuid == b.uuid && a.created_on == b.created_on && a.expires_on == b.expires_on &&
           a.bundle_type == b.bundle_type && a.auto_renew == b.auto_renew;
}
[[nodiscard]] constexpr bool operator!=(const Bundle& a, const Bundle& b) noexcept { return !(a == b); }

inline std::ostream& operator<<(std::ostream& os, const Bundle& b) {
    return os << "{uuid: " << b.uuid << ", bundle_type: " << b.bundle_type << ", auto_renew: "
              << (b.auto_renew ? "true" : "false") << ", created_on: " << IsoDate{b.created_on}
              << ", expires_on: " << IsoDate{b.expires_on} << '}';
}

}  // namespace voip
