// SPDX-License-Identifier: MIT
#pragma once
// One customer's subscription as the rules see it: a trivially copyable value.
#include <ostream>

#include <date/date.h>
#include <tl/expected.hpp>

#include "bundle_type.hpp"
#include "error.hpp"
#include "iso_date.hpp"
#include "uuid.hpp"

namespace voip {

// The arguments of make_bundle(), each of its own type so that two dates cannot swap and
// a bare bool cannot stand for the flag.
struct CreatedOn {
    date::sys_days day;
};
struct ExpiresOn {
    date::sys_days day;
};
enum class AutoRenew : bool { off = false, on = true };

class Bundle;
[[nodiscard]] constexpr tl::expected<Bundle, Error> make_bundle(const Uuid& uuid, CreatedOn created_on,
                                                                ExpiresOn expires_on, BundleType bundle_type,
                                                                AutoRenew auto_renew) noexcept;

// The members are public to read; a bundle is made by make_bundle() (or a decoder, which
// calls it), and one whose members were assigned by hand must pass ok() before a rule
// relies on it: every rule answers invalid_bundle otherwise. A default Bundle is not ok().
class Bundle {
public:
    constexpr Bundle() noexcept = default;

    Uuid uuid;
    date::sys_days created_on{};  // first day of the first term; the month-end anchor
    date::sys_days expires_on{};  // first day not in service unless renewed: terms are [start, expires_on)
    BundleType bundle_type = BundleType::business;
    bool auto_renew = false;

private:
    // User-provided, so Bundle is no aggregate: Bundle{uuid, d1, d2, type, true} does not compile.
    constexpr Bundle(const Uuid& u, date::sys_days c, date::sys_days e, BundleType t, bool a) noexcept
        : uuid(u), created_on(c), expires_on(e), bundle_type(t), auto_renew(a) {}
    friend constexpr tl::expected<Bundle, Error> make_bundle(const Uuid&, CreatedOn, ExpiresOn, BundleType,
                                                             AutoRenew) noexcept;
};

// Invariants every rule relies on.
[[nodiscard]] constexpr bool ok(const Bundle& b) noexcept {
    return ok(b.bundle_type) && in_range(b.created_on) && in_range(b.expires_on) && b.created_on < b.expires_on;
}

// bundle_type_out_of_range, date_out_of_range (a day outside 0001..9999), or
// invalid_bundle (expires_on not after created_on); otherwise an ok() bundle.
[[nodiscard]] constexpr tl::expected<Bundle, Error> make_bundle(const Uuid& uuid, CreatedOn created_on,
                                                                ExpiresOn expires_on, BundleType bundle_type,
                                                                AutoRenew auto_renew) noexcept {
    if (!ok(bundle_type)) return fail(Error::bundle_type_out_of_range);
    if (!in_range(created_on.day) || !in_range(expires_on.day)) return fail(Error::date_out_of_range);
    if (!(created_on.day < expires_on.day)) return fail(Error::invalid_bundle);
    return Bundle(uuid, created_on.day, expires_on.day, bundle_type, auto_renew == AutoRenew::on);
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
