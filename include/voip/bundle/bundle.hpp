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
namespace detail {
struct BundleBytes;  // the sweep's kernels read two members in place (sweep_blocks.hpp)
}  // namespace detail
[[nodiscard]] constexpr tl::expected<Bundle, Error> make_bundle(const Uuid& uuid, CreatedOn created_on,
                                                                ExpiresOn expires_on, BundleType bundle_type,
                                                                AutoRenew auto_renew) noexcept;

// Valid by construction: made only by make_bundle() (decoders call it) and changed only
// through with_type() and renewed_until(), so every Bundle holds
//   ok(bundle_type()), 0001-01-01 <= created_on() < expires_on() <= 9999-12-31.
// No default: there is no "empty" bundle. Trivially copyable, 28 bytes.
class Bundle {
public:
    [[nodiscard]] constexpr const Uuid& uuid() const noexcept { return uuid_; }
    // const: `b.expires_on() = d` does not compile (it would assign to a copy).
    // NOLINTNEXTLINE(readability-const-return-type)
    [[nodiscard]] constexpr const date::sys_days created_on() const noexcept { return created_on_; }  // the month-end anchor
    // NOLINTNEXTLINE(readability-const-return-type)
    [[nodiscard]] constexpr const date::sys_days expires_on() const noexcept { return expires_on_; }  // first day out of service
    [[nodiscard]] constexpr BundleType bundle_type() const noexcept { return bundle_type_; }
    [[nodiscard]] constexpr bool auto_renew() const noexcept { return auto_renew_; }

    // The same bundle with another type and flag (update); bundle_type_out_of_range for a
    // type outside 1..5.
    [[nodiscard]] constexpr tl::expected<Bundle, Error> with_type(BundleType t, AutoRenew a) const noexcept {
        if (!ok(t)) return fail(Error::bundle_type_out_of_range);
        return Bundle(uuid_, created_on_, expires_on_, t, a == AutoRenew::on);
    }
    // The same bundle expiring on `e` (renew); date_out_of_range outside 0001..9999,
    // invalid_bundle unless e is after created_on().
    [[nodiscard]] constexpr tl::expected<Bundle, Error> renewed_until(ExpiresOn e) const noexcept {
        if (!in_range(e.day)) return fail(Error::date_out_of_range);
        if (!(created_on_ < e.day)) return fail(Error::invalid_bundle);
        return Bundle(uuid_, created_on_, e.day, bundle_type_, auto_renew_);
    }

private:
    constexpr Bundle(const Uuid& u, date::sys_days c, date::sys_days e, BundleType t, bool a) noexcept
        : uuid_(u), created_on_(c), expires_on_(e), bundle_type_(t), auto_renew_(a) {}
    friend constexpr tl::expected<Bundle, Error> make_bundle(const Uuid&, CreatedOn, ExpiresOn, BundleType,
                                                             AutoRenew) noexcept;
    friend struct detail::BundleBytes;

    Uuid uuid_;
    date::sys_days created_on_;
    date::sys_days expires_on_;  // terms are [start, expires_on)
    BundleType bundle_type_;
    bool auto_renew_;
};

// bundle_type_out_of_range, date_out_of_range (a day outside 0001..9999), or
// invalid_bundle (expires_on not after created_on); otherwise the bundle.
[[nodiscard]] constexpr tl::expected<Bundle, Error> make_bundle(const Uuid& uuid, CreatedOn created_on,
                                                                ExpiresOn expires_on, BundleType bundle_type,
                                                                AutoRenew auto_renew) noexcept {
    if (!ok(bundle_type)) return fail(Error::bundle_type_out_of_range);
    if (!in_range(created_on.day) || !in_range(expires_on.day)) return fail(Error::date_out_of_range);
    if (!(created_on.day < expires_on.day)) return fail(Error::invalid_bundle);
    return Bundle(uuid, created_on.day, expires_on.day, bundle_type, auto_renew == AutoRenew::on);
}

[[nodiscard]] constexpr bool operator==(const Bundle& a, const Bundle& b) noexcept {
    return a.uuid() == b.uuid() && a.created_on() == b.created_on() && a.expires_on() == b.expires_on() &&
           a.bundle_type() == b.bundle_type() && a.auto_renew() == b.auto_renew();
}
[[nodiscard]] constexpr bool operator!=(const Bundle& a, const Bundle& b) noexcept { return !(a == b); }

inline std::ostream& operator<<(std::ostream& os, const Bundle& b) {
    return os << "{uuid: " << b.uuid() << ", bundle_type: " << b.bundle_type() << ", auto_renew: "
              << (b.auto_renew() ? "true" : "false") << ", created_on: " << IsoDate{b.created_on()}
              << ", expires_on: " << IsoDate{b.expires_on()} << '}';
}

}  // namespace voip
