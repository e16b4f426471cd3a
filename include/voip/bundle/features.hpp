// SPDX-License-Identifier: MIT
#pragma once
// Features by bundle type (rules.md 9). The seed says only that the type "changes the
// features available"; the default table is this project's and is replaceable.
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <string_view>

#include <date/date.h>
#include <tl/expected.hpp>

#include "bundle.hpp"
#include "bundle_type.hpp"
#include "context.hpp"
#include "error.hpp"
#include "renewal_policy.hpp"
#include "state.hpp"

namespace voip {

// The seed page's sections, in its order.
enum class Feature : std::uint8_t {
    sip_accounts,
    audio,
    phone_numbers,  // phone numbers & call routing
    call_records,   // phone calls & CDR data
    short_codes,
    efax,
    voicemail,
    caller_id,
    sip_trunks,
    wallboard,
    phone_provisioning,
    call_queueing,
};

inline constexpr std::size_t feature_count = 12;

[[nodiscard]] constexpr std::string_view name(Feature f) noexcept {
    switch (f) {
        case Feature::sip_accounts: return "sip_accounts";
        case Feature::audio: return "audio";
        case Feature::phone_numbers: return "phone_numbers";
        case Feature::call_records: return "call_records";
        case Feature::short_codes: return "short_codes";
        case Feature::efax: return "efax";
        case Feature::voicemail: return "voicemail";
        case Feature::caller_id: return "caller_id";
        case Feature::sip_trunks: return "sip_trunks";
        case Feature::wallboard: return "wallboard";
        case Feature::phone_provisioning: return "phone_provisioning";
        case Feature::call_queueing: return "call_queueing";
    }
    return "invalid";
}

inline std::ostream& operator<<(std::ostream& os, Feature f) { return os << name(f); }

class FeatureSet {
public:
    constexpr FeatureSet() noexcept = default;
    constexpr FeatureSet(std::initializer_list<Feature> fs) noexcept {
        for (const Feature f : fs) bits_ = static_cast<std::uint16_t>(bits_ | bit(f));
    }
    [[nodiscard]] static constexpr FeatureSet all() noexcept {
        FeatureSet s;
        s.bits_ = (1u << feature_count) - 1u;
        return s;
    }
    [[nodiscard]] constexpr bool has(Feature f) const noexcept { return (bits_ & bit(f)) != 0; }
    [[nodiscard]] constexpr FeatureSet with(Feature f) const noexcept {
        FeatureSet s = *this;
        s.bits_ = static_cast<std::uint16_t>(s.bits_ | bit(f));
        return s;
    }
    [[nodiscard]] constexpr FeatureSet without(Feature f) const noexcept {
        FeatureSet s = *this;
        s.bits_ = static_cast<std::uint16_t>(s.bits_ & ~bit(f));
        return s;
    }
    [[nodiscard]] constexpr std::uint16_t bits() const noexcept { return bits_; }  // bit i = Feature i
    [[nodiscard]] constexpr std::size_t size() const noexcept {
        std::size_t n = 0;
        for (std::uint16_t b = bits_; b != 0; b = static_cast<std::uint16_t>(b & (b - 1))) ++n;
        return n;
    }
    [[nodiscard]] friend constexpr bool operator==(FeatureSet a, FeatureSet b) noexcept { return a.bits_ == b.bits_; }
    [[nodiscard]] friend constexpr bool operator!=(FeatureSet a, FeatureSet b) noexcept { return a.bits_ != b.bits_; }

private:
    // No bit for a value outside the enumeration: such a value is never a member.
    [[nodiscard]] static constexpr std::uint16_t bit(Feature f) noexcept {
        const auto i = static_cast<unsigned>(f);
        return static_cast<std::uint16_t>(i < feature_count ? 1u << i : 0u);
    }
    std::uint16_t bits_ = 0;
};

inline std::ostream& operator<<(std::ostream& os, FeatureSet s) {
    os << '[';
    bool first = true;
    for (std::size_t i = 0; i < feature_count; ++i) {
        const auto f = static_cast<Feature>(i);
        if (!s.has(f)) continue;
        os << (first ? "" : ", ") << name(f);
        first = false;
    }
    return os << ']';
}

struct FeatureTable {
    std::array<FeatureSet, bundle_type_count> by_type{};

    // The features of `t`; bundle_type_out_of_range for a type outside 1..5.
    [[nodiscard]] constexpr tl::expected<FeatureSet, Error> at(BundleType t) const noexcept {
        if (!ok(t)) return fail(Error::bundle_type_out_of_range);
        return by_type[index(t)];
    }
};

inline std::ostream& operator<<(std::ostream& os, const FeatureTable& t) {
    os << '{';
    for (std::size_t i = 0; i < bundle_type_count; ++i) os << (i ? ", " : "") << i + 1 << ": " << t.by_type[i];
    return os << '}';
}

// [decided] Business has everything; the others what their names suggest. Every type can
// hold numbers and see its call records, since the seed says a bundle is "a collection of
// SIP users and phone numbers".
[[nodiscard]] constexpr FeatureTable default_feature_table() noexcept {
    using F = Feature;
    return FeatureTable{{
        FeatureSet::all(),
        FeatureSet{F::sip_accounts, F::audio, F::phone_numbers, F::call_records, F::short_codes, F::voicemail,
                   F::caller_id, F::phone_provisioning},
        FeatureSet{F::phone_numbers, F::call_records, F::efax, F::caller_id},
        FeatureSet{F::phone_numbers, F::call_records, F::caller_id, F::sip_trunks},
        FeatureSet{F::phone_numbers, F::call_records, F::caller_id},
    }};
}

// The features usable on `day`: the type's, while the bundle is in service; none after.
[[nodiscard]] constexpr FeatureSet features_on(const Bundle& b, date::sys_days day, const RenewalPolicy& p,
                                               const FeatureTable& table = default_feature_table()) noexcept {
    return in_service(state_on(b, day, p)) ? table.by_type[index(b.bundle_type())] : FeatureSet{};
}
// features_on(b, c.today(), c.policy(), table).
[[nodiscard]] constexpr FeatureSet features_on(const Bundle& b, const Context& c,
                                               const FeatureTable& table = default_feature_table()) noexcept {
    return features_on(b, c.today(), c.policy(), table);
}

// May `f` be used (or something needing it created) under `bundle` on `day`?
// No bundle: 404 (it must exist first); out of service: 402 (renew it); not in the type: 400.
[[nodiscard]] constexpr tl::expected<void, Error> check_feature(const Bundle* bundle, Feature f, date::sys_days day,
                                                               const RenewalPolicy& p,
                                                               const FeatureTable& table = default_feature_table()) noexcept {
    if (bundle == nullptr) return fail(Error::unknown_bundle);
    if (!in_service(state_on(*bundle, day, p))) return fail(Error::not_in_service);
    if (!table.by_type[index(bundle->bundle_type())].has(f)) return fail(Error::feature_not_in_type);
    return {};
}
// check_feature(bundle, f, c.today(), c.policy(), table).
[[nodiscard]] constexpr tl::expected<void, Error> check_feature(const Bundle* bundle, Feature f, const Context& c,
                                                               const FeatureTable& table = default_feature_table()) noexcept {
    return check_feature(bundle, f, c.today(), c.policy(), table);
}

// The seed's gate: a bundle must exist before any SIP user or number is created.
[[nodiscard]] constexpr tl::expected<void, Error> can_create_sip_account(
    const Bundle* bundle, date::sys_days day, const RenewalPolicy& p,
    const FeatureTable& table = default_feature_table()) noexcept {
    return check_feature(bundle, Feature::sip_accounts, day, p, table);
}
[[nodiscard]] constexpr tl::expected<void, Error> can_create_number(
    const Bundle* bundle, date::sys_days day, const RenewalPolicy& p,
    const FeatureTable& table = default_feature_table()) noexcept {
    return check_feature(bundle, Feature::phone_numbers, day, p, table);
}
// The same on c.today() under c.policy().
[[nodiscard]] constexpr tl::expected<void, Error> can_create_sip_account(
    const Bundle* bundle, const Context& c, const FeatureTable& table = default_feature_table()) noexcept {
    return check_feature(bundle, Feature::sip_accounts, c, table);
}
[[nodiscard]] constexpr tl::expected<void, Error> can_create_number(
    const Bundle* bundle, const Context& c, const FeatureTable& table = default_feature_table()) noexcept {
    return check_feature(bundle, Feature::phone_numbers, c, table);
}

}  // namespace voip
