#pragma once
// Stored bundles: one JSON object a line,
//   {"auto_renew":true,"bundle_type":1,"expires_on":"2018-09-01","uuid":"...","created_on":"2018-08-01"}
// the result members in the seed's order, then created_on. Decoding is as strict as for
// bodies; all five members are required; unknown members are ignored (validated), so a
// host may store more. Errors, in this order of checks: the JSON rules; uuid absent
// (invalid_bundle), not a string or not canonical (malformed_uuid); created_on, then
// expires_on absent (invalid_bundle), not a string or not a date (malformed_date);
// bundle_type as in validate(); auto_renew absent (invalid_bundle), null or not a boolean
// (auto_renew_null, auto_renew_not_boolean); finally ok(Bundle) (invalid_bundle).
#include <array>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include <date/date.h>
#include <tl/expected.hpp>

#include "../bundle.hpp"
#include "../bundle_type.hpp"
#include "../error.hpp"
#include "../iso_date.hpp"
#include "../request.hpp"
#include "../uuid.hpp"
#include "members.hpp"
#include "scan_object.hpp"

namespace voip {

// The longest encoding: auto_renew false and every other member fixed in length.
inline constexpr std::size_t max_bundle_json_size =
    sizeof(R"({"auto_renew":false,"bundle_type":1,"expires_on":"2018-09-01",)") - 1 +
    sizeof(R"("uuid":"0fba8c48-99fc-4727-8ca7-c847376da415","created_on":"2018-08-01"})") - 1;

namespace detail {
inline constexpr std::array<std::string_view, 5> bundle_names{"auto_renew", "bundle_type", "expires_on", "uuid",
                                                              "created_on"};

[[nodiscard]] inline tl::expected<date::sys_days, Error> stored_date(const Value& v) noexcept {
    if (v.kind == JsonKind::absent) return fail(Error::invalid_bundle);
    if (v.kind != JsonKind::string || v.text_too_long) return fail(Error::malformed_date);
    return parse_iso_date(text_of(v));
}
}  // namespace detail

[[nodiscard]] inline tl::expected<Bundle, Error> decode_bundle(const char* data, std::size_t size) noexcept {
    using detail::Value;
    detail::Members<5> m;
    const Error e = detail::scan_object(data, size, detail::bundle_names, m);
    if (e != Error{}) return fail(e);
    const Value& auto_renew = m.values[0];
    const Value& uuid = m.values[3];
    Bundle b;
    if (uuid.kind == JsonKind::absent) return fail(Error::invalid_bundle);
    if (uuid.kind != JsonKind::string || uuid.text_too_long) return fail(Error::malformed_uuid);
    const auto id = parse_uuid(text_of(uuid));
    if (!id) return fail(id.error());
    b.uuid = *id;
    const auto created = detail::stored_date(m.values[4]);
    if (!created) return fail(created.error());
    b.created_on = *created;
    const auto expires = detail::stored_date(m.values[2]);
    if (!expires) return fail(expires.error());
    b.expires_on = *expires;
    // bundle_type and auto_renew follow the body's rules (bundle_type first), except that
    // auto_renew is required.
    const auto fields = validate(RawRequest{detail::raw_field(auto_renew), detail::raw_field(m.values[1])});
    if (!fields) return fail(fields.error());
    if (auto_renew.kind == JsonKind::absent) return fail(Error::invalid_bundle);
    b.bundle_type = fields->bundle_type;
    b.auto_renew = fields->auto_renew;
    if (!ok(b)) return fail(Error::invalid_bundle);
    return b;
}
[[nodiscard]] inline tl::expected<Bundle, Error> decode_bundle(std::string_view line) noexcept {
    return decode_bundle(line.data(), line.size());
}

// Writes the line (no newline) into [first, last); returns its length. The bundle must be
// ok(): invalid_bundle otherwise; buffer_too_small when it does not fit (never when
// last - first >= max_bundle_json_size).
[[nodiscard]] inline tl::expected<std::size_t, Error> write_bundle_json(char* first, const char* last,
                                                                       const Bundle& b) noexcept {
    if (!ok(b)) return fail(Error::invalid_bundle);
    const std::size_t size = max_bundle_json_size - (b.auto_renew ? 1 : 0);
    if (static_cast<std::size_t>(last - first) < size) return fail(Error::buffer_too_small);
    char* p = first;
    const auto put = [&p](std::string_view s) noexcept {
        std::memcpy(p, s.data(), s.size());
        p += s.size();
    };
    put(b.auto_renew ? R"({"auto_renew":true,"bundle_type":)" : R"({"auto_renew":false,"bundle_type":)");
    *p++ = static_cast<char>('0' + code(b.bundle_type));
    put(R"(,"expires_on":")");
    p = write_iso_date(p, b.expires_on);
    put(R"(","uuid":")");
    p = write_uuid(p, b.uuid);
    put(R"(","created_on":")");
    p = write_iso_date(p, b.created_on);
    put(R"("})");
    return static_cast<std::size_t>(p - first);
}

// The line as a string; empty when the bundle is not ok().
[[nodiscard]] inline std::string encode_bundle(const Bundle& b) {
    std::array<char, max_bundle_json_size> buf{};
    const auto n = write_bundle_json(buf.data(), buf.data() + buf.size(), b);
    return n ? std::string(buf.data(), *n) : std::string();
}

}  // namespace voip
