// SPDX-License-Identifier: MIT
#pragma once
// Every way a request can fail, with a stable name and the HTTP status it answers with.
#include <cstdint>
#include <exception>
#include <ostream>
#include <string_view>

#include <tl/expected.hpp>

namespace voip {

enum class Status : std::uint16_t {
    ok = 200,
    created = 201,
    bad_request = 400,
    payment_required = 402,
    not_found = 404,
    internal_server_error = 500,  // only buffer_too_small: the caller's mistake, not the request's
};

// The seed's status_message for each status.
[[nodiscard]] constexpr std::string_view status_message(Status s) noexcept {
    switch (s) {
        case Status::ok: return "OK";
        case Status::created: return "Created";
        case Status::bad_request: return "Bad Request";
        case Status::payment_required: return "Payment Required";
        case Status::not_found: return "Not Found";
        case Status::internal_server_error: return "Internal Server Error";
    }
    return "Bad Request";
}

[[nodiscard]] constexpr int code(Status s) noexcept { return static_cast<int>(s); }

inline std::ostream& operator<<(std::ostream& os, Status s) {
    return os << code(s) << ' ' << status_message(s);
}

// Names are part of the API (they appear in envelopes with detail and in CLI output):
// never rename, only append.
enum class Error : std::uint8_t {
    // the request body as JSON text (decoders)
    invalid_json = 1,
    invalid_utf8,
    body_too_large,
    nesting_too_deep,
    body_not_object,
    duplicate_member,
    // the request's fields
    bundle_type_missing,
    bundle_type_null,
    bundle_type_not_integer,   // a string, boolean, array or object
    bundle_type_not_integral,  // a number with a fraction or exponent: 1.5, 1e0
    bundle_type_out_of_range,  // an integer outside 1..5, including beyond 64 bits
    auto_renew_null,
    auto_renew_not_boolean,
    // other inputs
    malformed_uuid,
    malformed_date,
    date_out_of_range,         // a date, or a date computed, outside 0001-01-01..9999-12-31
    invalid_policy,            // the operator's settings refused: a policy, a price list or a balance as decoded
    invalid_bundle,            // a stored bundle that breaks Bundle's invariants, as decoded
    buffer_too_small,          // a writer's output range too small: a programming error (500)
    // the rules
    outside_renewal_window,
    feature_not_in_type,
    unknown_bundle,
    insufficient_funds,
    not_in_service,
    // Create's short funds: the seed lists only 201 and 400 for create, so it answers 400.
    insufficient_funds_on_create,
    // An upgrade charge beyond max_amount: today thousands of terms before expires_on.
    charge_out_of_range,
    // Money arithmetic: a sum, difference or amount outside [-max_amount, max_amount].
    amount_out_of_range,
    // pro_rata(): a part outside [0, whole] or a whole outside (0, 4000] days.
    fraction_out_of_range,
};

inline constexpr Error first_error = Error::invalid_json;
inline constexpr Error last_error = Error::fraction_out_of_range;

[[nodiscard]] constexpr std::string_view name(Error e) noexcept {
    switch (e) {
        case Error::invalid_json: return "invalid_json";
        case Error::invalid_utf8: return "invalid_utf8";
        case Error::body_too_large: return "body_too_large";
        case Error::nesting_too_deep: return "nesting_too_deep";
        case Error::body_not_object: return "body_not_object";
        case Error::duplicate_member: return "duplicate_member";
        case Error::bundle_type_missing: return "bundle_type_missing";
        case Error::bundle_type_null: return "bundle_type_null";
        case Error::bundle_type_not_integer: return "bundle_type_not_integer";
        case Error::bundle_type_not_integral: return "bundle_type_not_integral";
        case Error::bundle_type_out_of_range: return "bundle_type_out_of_range";
        case Error::auto_renew_null: return "auto_renew_null";
        case Error::auto_renew_not_boolean: return "auto_renew_not_boolean";
        case Error::malformed_uuid: return "malformed_uuid";
        case Error::malformed_date: return "malformed_date";
        case Error::date_out_of_range: return "date_out_of_range";
        case Error::invalid_policy: return "invalid_policy";
        case Error::invalid_bundle: return "invalid_bundle";
        case Error::buffer_too_small: return "buffer_too_small";
        case Error::outside_renewal_window: return "outside_renewal_window";
        case Error::feature_not_in_type: return "feature_not_in_type";
        case Error::unknown_bundle: return "unknown_bundle";
        case Error::insufficient_funds: return "insufficient_funds";
        case Error::not_in_service: return "not_in_service";
        case Error::insufficient_funds_on_create: return "insufficient_funds_on_create";
        case Error::charge_out_of_range: return "charge_out_of_range";
        case Error::amount_out_of_range: return "amount_out_of_range";
        case Error::fraction_out_of_range: return "fraction_out_of_range";
    }
    return "unknown_error";
}

// The HTTP status an error answers with: exactly one per error.
[[nodiscard]] constexpr Status status(Error e) noexcept {
    switch (e) {  // every error listed, no default: a new error must be given its status here
        case Error::unknown_bundle: return Status::not_found;
        case Error::insufficient_funds:
        case Error::not_in_service: return Status::payment_required;
        case Error::buffer_too_small: return Status::internal_server_error;
        case Error::invalid_json:
        case Error::invalid_utf8:
        case Error::body_too_large:
        case Error::nesting_too_deep:
        case Error::body_not_object:
        case Error::duplicate_member:
        case Error::bundle_type_missing:
        case Error::bundle_type_null:
        case Error::bundle_type_not_integer:
        case Error::bundle_type_not_integral:
        case Error::bundle_type_out_of_range:
        case Error::auto_renew_null:
        case Error::auto_renew_not_boolean:
        case Error::malformed_uuid:
        case Error::malformed_date:
        case Error::date_out_of_range:
        case Error::invalid_policy:
        case Error::invalid_bundle:
        case Error::outside_renewal_window:
        case Error::feature_not_in_type:
        case Error::insufficient_funds_on_create:
        case Error::charge_out_of_range:
        case Error::amount_out_of_range:
        case Error::fraction_out_of_range: return Status::bad_request;
    }
    return Status::bad_request;  // only for a value outside the enumeration
}

inline std::ostream& operator<<(std::ostream& os, Error e) { return os << name(e); }

// The failed side of a tl::expected; the one spelling of a failure in the library
// (tl::make_unexpected is not constexpr).
[[nodiscard]] constexpr tl::unexpected<Error> fail(Error e) noexcept { return tl::unexpected<Error>(e); }

}  // namespace voip

// What a failed .value() of a tl::expected<T, voip::Error> throws: what() names the error
// ("insufficient_funds"), so an uncaught one says what went wrong.
namespace tl {
template <>
class bad_expected_access<voip::Error> : public std::exception {
public:
    explicit bad_expected_access(voip::Error e) noexcept : error_(e) {}
    [[nodiscard]] const char* what() const noexcept override { return voip::name(error_).data(); }
    [[nodiscard]] voip::Error error() const noexcept { return error_; }

private:
    voip::Error error_;
};
}  // namespace tl
