// SPDX-License-Identifier: MIT
#pragma once
// The body of create (POST) and update (PUT), before and after validation (rules.md 2).
// Decoders (voip/bundle_json.hpp, the nlohmann adapter, your own) fill a RawRequest with
// what each member held; validate() applies the rules to it.
#include <cstdint>
#include <ostream>
#include <string_view>

#include <tl/expected.hpp>

#include "bundle_type.hpp"
#include "error.hpp"

namespace voip {

// What a JSON member held, as far as the rules care.
enum class JsonKind : std::uint8_t {
    absent,       // the member was not in the body
    null,
    boolean,      // value in RawField::boolean
    integer,      // an integer token that fits in 64 bits: value in RawField::integer
    big_integer,  // an integer token beyond 64 bits
    number,       // a number token with a fraction or exponent (1.5, 1.0, 1e0)
    string,
    array,
    object,
};

[[nodiscard]] constexpr std::string_view name(JsonKind k) noexcept {
    switch (k) {
        case JsonKind::absent: return "absent";
        case JsonKind::null: return "null";
        case JsonKind::boolean: return "boolean";
        case JsonKind::integer: return "integer";
        case JsonKind::big_integer: return "big_integer";
        case JsonKind::number: return "number";
        case JsonKind::string: return "string";
        case JsonKind::array: return "array";
        case JsonKind::object: return "object";
    }
    return "invalid";
}

inline std::ostream& operator<<(std::ostream& os, JsonKind k) { return os << name(k); }

struct RawField {
    JsonKind kind = JsonKind::absent;
    bool boolean = false;
    std::int64_t integer = 0;

    [[nodiscard]] static constexpr RawField absent() noexcept { return {}; }
    [[nodiscard]] static constexpr RawField null() noexcept { return {JsonKind::null, false, 0}; }
    [[nodiscard]] static constexpr RawField of(bool b) noexcept { return {JsonKind::boolean, b, 0}; }
    [[nodiscard]] static constexpr RawField of(std::int64_t i) noexcept { return {JsonKind::integer, false, i}; }
    [[nodiscard]] static constexpr RawField of(JsonKind k) noexcept { return {k, false, 0}; }
};

struct RawRequest {
    RawField auto_renew;
    RawField bundle_type;
};

// `integer`, `true`, or the kind's name: what the member held.
inline std::ostream& operator<<(std::ostream& os, const RawField& f) {
    if (f.kind == JsonKind::integer) return os << f.integer;
    if (f.kind == JsonKind::boolean) return os << (f.boolean ? "true" : "false");
    return os << f.kind;
}

inline std::ostream& operator<<(std::ostream& os, const RawRequest& r) {
    return os << "{auto_renew: " << r.auto_renew << ", bundle_type: " << r.bundle_type << '}';
}

// A valid body.
struct Request {
    bool auto_renew = false;
    BundleType bundle_type = BundleType::business;
};

[[nodiscard]] constexpr bool operator==(const Request& a, const Request& b) noexcept {
    return a.auto_renew == b.auto_renew && a.bundle_type == b.bundle_type;
}
[[nodiscard]] constexpr bool operator!=(const Request& a, const Request& b) noexcept { return !(a == b); }

inline std::ostream& operator<<(std::ostream& os, const Request& r) {
    return os << "{auto_renew: " << (r.auto_renew ? "true" : "false") << ", bundle_type: " << r.bundle_type << '}';
}

namespace detail {
[[nodiscard]] constexpr tl::expected<Request, Error> with_auto_renew(BundleType t, const RawField& auto_renew) noexcept {
    switch (auto_renew.kind) {
        case JsonKind::absent: return Request{false, t};  // omitted -> false, on update too
        case JsonKind::boolean: return Request{auto_renew.boolean, t};
        case JsonKind::null: return fail(Error::auto_renew_null);
        case JsonKind::integer:
        case JsonKind::big_integer:
        case JsonKind::number:
        case JsonKind::string:
        case JsonKind::array:
        case JsonKind::object: break;
    }
    return fail(Error::auto_renew_not_boolean);  // the kinds above, and any outside the enumeration
}
}  // namespace detail

// bundle_type is checked before auto_renew, so a body with both wrong reports bundle_type.
[[nodiscard]] constexpr tl::expected<Request, Error> validate(const RawRequest& raw) noexcept {
    switch (raw.bundle_type.kind) {
        case JsonKind::absent: return fail(Error::bundle_type_missing);
        case JsonKind::null: return fail(Error::bundle_type_null);
        case JsonKind::integer: {
            const auto t = bundle_type_from_code(raw.bundle_type.integer);
            if (!t) return fail(t.error());
            return detail::with_auto_renew(*t, raw.auto_renew);
        }
        case JsonKind::big_integer: return fail(Error::bundle_type_out_of_range);
        case JsonKind::number: return fail(Error::bundle_type_not_integral);
        case JsonKind::boolean:
        case JsonKind::string:
        case JsonKind::array:
        case JsonKind::object: break;
    }
    return fail(Error::bundle_type_not_integer);  // the kinds above, and any outside the enumeration
}

}  // namespace voip
