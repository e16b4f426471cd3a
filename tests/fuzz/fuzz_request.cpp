// Request body decoding (voip/bundle_json.hpp) on any bytes, checked three ways:
//   * never a crash, a leak, UB or an exception (the sanitizers and noexcept see to those);
//   * consistency: check_json_object agrees with decode_request on the JSON rules, and
//     parse_request is decode_request then validate;
//   * a differential oracle, nlohmann::json: when both accept a text, they read the same
//     bundle_type and auto_renew; when ours calls a text invalid JSON or invalid UTF-8,
//     nlohmann must not accept it, except after a leading byte order mark (RFC 8259 lets
//     a parser skip it; ours rejects it, as bundle_json.hpp documents). nlohmann rejects
//     some valid JSON (1e999) and accepts duplicate names, so the converse is not checked.
// A decoded request then goes through parse_create/parse_update, create and the envelope writer.
#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include "fuzz_check.hpp"

namespace {
// Does nlohmann's value match what our decoder says the member held?
bool same_field(const voip::RawField& f, const nlohmann::json* v) {
    using voip::JsonKind;
    if (v == nullptr) return f.kind == JsonKind::absent;
    switch (f.kind) {
        case JsonKind::absent: return false;
        case JsonKind::null: return v->is_null();
        case JsonKind::boolean: return v->is_boolean() && v->get<bool>() == f.boolean;
        case JsonKind::integer:
            if (v->is_number_integer() && !v->is_number_unsigned()) return v->get<std::int64_t>() == f.integer;
            if (v->is_number_unsigned()) return f.integer >= 0 && v->get<std::uint64_t>() == static_cast<std::uint64_t>(f.integer);
            return false;
        case JsonKind::big_integer:  // beyond 64 bits signed: nlohmann holds it unsigned or as a double
            return (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) ||
                   v->is_number_float();
        case JsonKind::number: return v->is_number_float();
        case JsonKind::string: return v->is_string();
        case JsonKind::array: return v->is_array();
        case JsonKind::object: return v->is_object();
    }
    return false;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto raw = voip::decode_request(text);
    const auto checked = voip::check_json_object(text);
    FUZZ_CHECK(raw.has_value() == checked.has_value());
    if (!raw) FUZZ_CHECK(raw.error() == checked.error());

    const auto parsed = voip::parse_request(text);
    if (raw) {
        const auto v = voip::validate(*raw);
        FUZZ_CHECK(parsed.has_value() == v.has_value());
        if (v) FUZZ_CHECK(*parsed == *v);
        else FUZZ_CHECK(parsed.error() == v.error());
    } else {
        FUZZ_CHECK(!parsed && parsed.error() == raw.error());
    }

    if (size <= voip::max_body_size) {
        const auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
        if (raw && !j.is_discarded()) {
            FUZZ_CHECK(j.is_object());
            const auto member = [&](const char* key) -> const nlohmann::json* {
                const auto it = j.find(key);
                return it == j.end() ? nullptr : &*it;
            };
            FUZZ_CHECK(same_field(raw->bundle_type, member("bundle_type")));
            FUZZ_CHECK(same_field(raw->auto_renew, member("auto_renew")));
        }
        // nlohmann skips a leading byte order mark, which RFC 8259 allows; ours rejects it
        // (documented in bundle_json.hpp), so such texts are left out of this direction.
        // nlohmann also ends its input at a NUL byte ("1\0x" is 1 to it), so texts with one
        // are left out too (a raw NUL is invalid anywhere in JSON).
        const bool bom = text.substr(0, 3) == "\xEF\xBB\xBF";
        const bool nul = text.find('\0') != std::string_view::npos;
        if (!raw && !bom && !nul && (raw.error() == voip::Error::invalid_json || raw.error() == voip::Error::invalid_utf8))
            FUZZ_CHECK(j.is_discarded());
    }

    // On through the rules and the writer.
    const voip::Context ctx = voip::make_context(date::sys_days{date::year{2018} / 8 / 1}).value();
    const auto call = voip::parse_create(text);
    FUZZ_CHECK(call.has_value() == parsed.has_value());
    const voip::Result r = call ? voip::create(*call, voip::Uuid{}, ctx) : voip::Result(voip::fail(call.error()));
    FUZZ_CHECK(r.has_value() == parsed.has_value());
    // The update call: a well-formed uuid, then the same body; a malformed one comes first.
    const auto update = voip::parse_update("0fba8c48-99fc-4727-8ca7-c847376da415", text);
    FUZZ_CHECK(update.has_value() == parsed.has_value());
    if (!update) FUZZ_CHECK(update.error() == call.error());
    FUZZ_CHECK(voip::parse_update("0fba8c48", text).error() == voip::Error::malformed_uuid);
    const voip::Envelope e = voip::make_envelope(voip::Operation::create, r);
    char buf[voip::max_envelope_size];
    const auto n = voip::write_envelope(buf, buf + sizeof buf, e, voip::ErrorDetail::on);
    FUZZ_CHECK(n.has_value());
    FUZZ_CHECK(e.status() == (r ? voip::Status::created : voip::status(r.error())));
    FUZZ_CHECK((e.bundle() != nullptr) == r.has_value());
    return 0;
}
