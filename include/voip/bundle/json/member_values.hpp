// SPDX-License-Identifier: MIT
#pragma once
// From the members of a wire object to a value, whoever read the text: the library's
// scanner (the codecs beside this file) and the nlohmann adapter both fill MemberValues
// in the order of a schema table and call these, so both give the same value or the same
// Error for the same object.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <tl/expected.hpp>

#include "../bundle.hpp"
#include "../bundle_type.hpp"
#include "../error.hpp"
#include "../iso_date.hpp"
#include "../money.hpp"
#include "../price_list.hpp"
#include "../request.hpp"
#include "../schema.hpp"
#include "../uuid.hpp"

namespace voip {

// What one member held: the RawField the request rules read (kind, boolean, integer), plus a
// string's decoded bytes for the stored form's dates and uuid; a reader that keeps only a
// prefix of long strings sets text_too_long instead.
struct MemberValue : RawField {
    std::string_view text{};
    bool text_too_long = false;
};

// Its RawField with only what its kind means (a scanner may leave other fields set).
[[nodiscard]] constexpr RawField raw_field(const MemberValue& v) noexcept {
    if (v.kind == JsonKind::boolean) return RawField::of(v.boolean);
    if (v.kind == JsonKind::integer) return RawField::of(v.integer);
    return RawField::of(v.kind);
}

namespace detail {
template <std::size_t N>
[[nodiscard]] constexpr const MemberValue& member(const std::array<MemberValue, N>& values,
                                                  const std::array<schema::Member, N>& table,
                                                  schema::Field f) noexcept {
    return values[schema::position(table, f)];
}

// A string member of the stored form: absent and required is invalid_bundle; not a
// string, or too long to be one, is `malformed`.
[[nodiscard]] constexpr tl::expected<std::string_view, Error> stored_text(const MemberValue& v, Error malformed) noexcept {
    if (v.kind == JsonKind::absent) return fail(Error::invalid_bundle);  // schema::bundle: all required
    if (v.kind != JsonKind::string || v.text_too_long) return fail(malformed);
    return v.text;
}
}  // namespace detail

// A request body's members, in schema::request order; validate() applies the rules.
[[nodiscard]] constexpr RawRequest request_from_members(const std::array<MemberValue, 2>& v) noexcept {
    using schema::Field;
    return RawRequest{raw_field(detail::member(v, schema::request, Field::auto_renew)),
                      raw_field(detail::member(v, schema::request, Field::bundle_type))};
}

// A stored bundle's members, in schema::bundle order. Errors in this order of checks:
// uuid absent (invalid_bundle), not a string or not canonical (malformed_uuid);
// created_on, then expires_on, absent (invalid_bundle), not a string or not a date
// (malformed_date); bundle_type as in validate(); auto_renew absent (invalid_bundle),
// null or not a boolean (auto_renew_null, auto_renew_not_boolean); finally
// make_bundle()'s checks (invalid_bundle: expires_on not after created_on).
[[nodiscard]] constexpr tl::expected<Bundle, Error> bundle_from_members(const std::array<MemberValue, 5>& v) noexcept {
    using schema::Field;
    const auto uuid_text = detail::stored_text(detail::member(v, schema::bundle, Field::uuid), Error::malformed_uuid);
    if (!uuid_text) return fail(uuid_text.error());
    const auto uuid = parse_uuid(*uuid_text);
    if (!uuid) return fail(uuid.error());
    date::sys_days days[2] = {};
    const Field date_fields[2] = {Field::created_on, Field::expires_on};
    for (int i = 0; i < 2; ++i) {
        const auto text = detail::stored_text(detail::member(v, schema::bundle, date_fields[i]), Error::malformed_date);
        if (!text) return fail(text.error());
        const auto day = parse_iso_date(*text);
        if (!day) return fail(day.error());
        days[i] = *day;
    }
    // bundle_type and auto_renew follow the body's rules (bundle_type first), except that
    // the stored form requires auto_renew.
    const MemberValue& auto_renew = detail::member(v, schema::bundle, Field::auto_renew);
    const auto fields = validate(RawRequest{raw_field(auto_renew), raw_field(detail::member(v, schema::bundle, Field::bundle_type))});
    if (!fields) return fail(fields.error());
    if (auto_renew.kind == JsonKind::absent) return fail(Error::invalid_bundle);
    return make_bundle(*uuid, CreatedOn{days[0]}, ExpiresOn{days[1]}, fields->bundle_type,
                       fields->auto_renew ? AutoRenew::on : AutoRenew::off);
}

// A price list's members, in schema::price_list order, and how many other members the
// object had. Every type priced, each an integer in [0, max_amount], nothing else
// (another member is an operator's typo): invalid_policy otherwise.
[[nodiscard]] constexpr tl::expected<PriceList, Error> prices_from_members(const std::array<MemberValue, 5>& v,
                                                                          std::size_t unknown_members) noexcept {
    if (unknown_members != 0) return fail(Error::invalid_policy);
    for (const MemberValue& m : v)
        if (m.kind != JsonKind::integer) return fail(Error::invalid_policy);
    return make_price_list({{BundleType::business, Money{v[0].integer}},
                            {BundleType::residential, Money{v[1].integer}},
                            {BundleType::fax_only, Money{v[2].integer}},
                            {BundleType::trunk_only, Money{v[3].integer}},
                            {BundleType::forward_only, Money{v[4].integer}}});
}

}  // namespace voip
