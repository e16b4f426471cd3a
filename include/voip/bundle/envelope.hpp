#pragma once
// The JSON answer of every call (RULES 10), written by hand: no JSON library, and no
// allocation when the caller gives the buffer.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "bundle.hpp"
#include "error.hpp"
#include "iso_date.hpp"
#include "operations.hpp"
#include "uuid.hpp"

namespace voip {

enum class Operation : std::uint8_t { create, update, renew };

[[nodiscard]] constexpr std::string_view name(Operation op) noexcept {
    switch (op) {
        case Operation::create: return "create";
        case Operation::update: return "update";
        case Operation::renew: return "renew";
    }
    return "invalid";
}

inline std::ostream& operator<<(std::ostream& os, Operation op) { return os << name(op); }

struct Envelope {
    Status status = Status::bad_request;
    bool has_result = false;  // result is the bundle when true, {} when false
    Bundle result{};
    Error error = Error::invalid_json;  // meaningful when !has_result
};

[[nodiscard]] constexpr Envelope success_envelope(Operation op, const Bundle& b) noexcept {
    return {op == Operation::create ? Status::created : Status::ok, true, b, Error::invalid_json};
}
[[nodiscard]] constexpr Envelope error_envelope(Error e) noexcept { return {status(e), false, Bundle{}, e}; }

[[nodiscard]] constexpr Envelope make_envelope(Operation op, const Result& r) noexcept {
    return r ? success_envelope(op, r->bundle) : error_envelope(r.error());
}

struct WriteOptions {
    bool pretty = false;  // the seed's layout: one member a line, "name" : value, 4-space indent
    bool detail = false;  // add "error": "<name>" after status_message on failures
};

inline std::ostream& operator<<(std::ostream& os, WriteOptions o) {
    return os << "{pretty: " << (o.pretty ? "true" : "false") << ", detail: " << (o.detail ? "true" : "false") << '}';
}

// Enough for any envelope in any layout.
inline constexpr std::size_t max_envelope_size = 320;

namespace detail {
class Out {
public:
    constexpr Out(char* first, char* last) noexcept : p_(first), last_(last) {}
    constexpr void put(std::string_view s) noexcept {
        if (static_cast<std::size_t>(last_ - p_) < s.size()) {
            overflow_ = true;
            return;
        }
        for (const char c : s) *p_++ = c;
    }
    constexpr void put_uint(unsigned v) noexcept {  // [0, 999]
        char buf[3] = {};
        std::size_t n = 0;
        do {
            buf[2 - n++] = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v != 0 && n < 3);
        put(std::string_view(buf + 3 - n, n));
    }
    [[nodiscard]] constexpr char* pos() const noexcept { return p_; }
    [[nodiscard]] constexpr bool overflow() const noexcept { return overflow_; }

private:
    char* p_;
    char* last_;
    bool overflow_ = false;
};
}  // namespace detail

namespace detail {
// The writer for one layout. The layout is a template parameter so that every piece of
// text has a length known when compiling: each put() is then a few moves, where a length
// chosen at run time made g++ call memcpy for each of the ~35 pieces (half the time).
template <bool Pretty>
[[nodiscard]] constexpr tl::expected<std::size_t, Error> write_envelope_as(char* first, char* last, const Envelope& e,
                                                                          bool with_detail) noexcept {
    detail::Out out(first, last);
    const std::string_view nl = Pretty ? "\n" : "";
    const std::string_view in1 = Pretty ? "\n    " : "";
    const std::string_view in2 = Pretty ? "\n        " : "";
    const std::string_view colon = Pretty ? "\" : " : "\":";
    const auto member = [&](std::string_view indent, std::string_view key) {
        out.put(indent);
        out.put("\"");
        out.put(key);
        out.put(colon);
    };
    out.put("{");
    member(in1, "result");
    if (e.has_result) {
        out.put("{");
        member(in2, "auto_renew");
        out.put(e.result.auto_renew ? "true," : "false,");
        member(in2, "bundle_type");
        out.put_uint(static_cast<unsigned>(code(e.result.bundle_type)));
        out.put(",");
        member(in2, "expires_on");
        char date_text[iso_date_size] = {};
        if (in_range(e.result.expires_on)) {
            write_iso_date(date_text, e.result.expires_on);
        } else {
            return fail(Error::date_out_of_range);
        }
        out.put("\"");
        out.put(std::string_view(date_text, iso_date_size));
        out.put("\",");
        member(in2, "uuid");
        char uuid_text[uuid_text_size] = {};
        write_uuid(uuid_text, e.result.uuid);
        out.put("\"");
        out.put(std::string_view(uuid_text, uuid_text_size));
        out.put("\"");
        out.put(in1);
        out.put("},");
    } else {
        out.put("{},");
    }
    member(in1, "status_code");
    out.put_uint(static_cast<unsigned>(code(e.status)));
    out.put(",");
    member(in1, "status_message");
    out.put("\"");
    out.put(status_message(e.status));
    out.put("\"");
    if (with_detail && !e.has_result) {
        out.put(",");
        member(in1, "error");
        out.put("\"");
        out.put(name(e.error));
        out.put("\"");
    }
    out.put(nl);
    out.put("}");
    if (out.overflow()) return fail(Error::buffer_too_small);
    return static_cast<std::size_t>(out.pos() - first);
}
}  // namespace detail

// Writes the envelope into [first, last) and returns the number of characters written.
// No terminating newline or NUL.
[[nodiscard]] constexpr tl::expected<std::size_t, Error> write_envelope(char* first, char* last, const Envelope& e,
                                                                       WriteOptions o = {}) noexcept {
    return o.pretty ? detail::write_envelope_as<true>(first, last, e, o.detail)
                    : detail::write_envelope_as<false>(first, last, e, o.detail);
}

[[nodiscard]] inline std::string to_string(const Envelope& e, WriteOptions o = {}) {
    char buf[max_envelope_size];
    const auto n = write_envelope(buf, buf + sizeof buf, e, o);
    return n ? std::string(buf, *n) : std::string();
}

inline std::ostream& operator<<(std::ostream& os, const Envelope& e) { return os << to_string(e, {false, true}); }

}  // namespace voip
