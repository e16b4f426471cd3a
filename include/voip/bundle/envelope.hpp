// SPDX-License-Identifier: MIT
#pragma once
// The JSON answer of every call (rules.md 10), from the tables of schema.hpp: no JSON
// library, and no allocation when the caller gives the buffer.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "bundle.hpp"
#include "error.hpp"
#include "iso_date.hpp"
#include "operation_set.hpp"
#include "operations.hpp"
#include "schema.hpp"
#include "uuid.hpp"

namespace voip {

// One answer of the API: either the bundle (200, 201) or the error (400, 402, 404; 500 for
// buffer_too_small), never
// both and never neither. Made by success_envelope(), error_envelope() or make_envelope().
class Envelope {
public:
    [[nodiscard]] constexpr Status status() const noexcept { return status_; }
    // The bundle, or the error the envelope answers with.
    [[nodiscard]] constexpr const tl::expected<Bundle, Error>& outcome() const noexcept { return outcome_; }
    // The bundle of a success; null for an error.
    [[nodiscard]] constexpr const Bundle* bundle() const noexcept { return outcome_ ? &*outcome_ : nullptr; }

    friend constexpr Envelope success_envelope(Operation op, const Bundle& b) noexcept;
    friend constexpr Envelope error_envelope(Error e) noexcept;

private:
    constexpr Envelope(Status s, const tl::expected<Bundle, Error>& o) noexcept : status_(s), outcome_(o) {}

    Status status_;
    tl::expected<Bundle, Error> outcome_;
};

[[nodiscard]] constexpr Envelope error_envelope(Error e) noexcept { return Envelope(status(e), fail(e)); }

// 201 for create, 200 otherwise.
[[nodiscard]] constexpr Envelope success_envelope(Operation op, const Bundle& b) noexcept {
    return Envelope(op == Operation::create ? Status::created : Status::ok, b);
}

[[nodiscard]] constexpr Envelope make_envelope(Operation op, const Result& r) noexcept {
    return r ? success_envelope(op, r->bundle) : error_envelope(r.error());
}

[[nodiscard]] constexpr bool operator==(const Envelope& a, const Envelope& b) noexcept {
    return a.status() == b.status() && a.outcome() == b.outcome();
}
[[nodiscard]] constexpr bool operator!=(const Envelope& a, const Envelope& b) noexcept { return !(a == b); }

// compact: no whitespace; pretty: the seed's layout, one member a line, "name" : value,
// 4-space indent.
enum class Layout : bool { compact = false, pretty = true };
// on: a failure's envelope adds "error": "<name>" after status_message.
enum class ErrorDetail : bool { off = false, on = true };

// Named, so that two flags cannot swap: to_string(e, {Layout::pretty, ErrorDetail::on}),
// to_string(e, ErrorDetail::on) or to_string(e, Layout::pretty).
struct WriteOptions {
    Layout layout = Layout::compact;
    ErrorDetail detail = ErrorDetail::off;

    constexpr WriteOptions() noexcept = default;
    constexpr WriteOptions(Layout l, ErrorDetail d = ErrorDetail::off) noexcept : layout(l), detail(d) {}  // NOLINT(google-explicit-constructor)
    constexpr WriteOptions(ErrorDetail d) noexcept : detail(d) {}  // NOLINT(google-explicit-constructor)
};

[[nodiscard]] constexpr bool operator==(WriteOptions a, WriteOptions b) noexcept {
    return a.layout == b.layout && a.detail == b.detail;
}
[[nodiscard]] constexpr bool operator!=(WriteOptions a, WriteOptions b) noexcept { return !(a == b); }

inline std::ostream& operator<<(std::ostream& os, WriteOptions o) {
    return os << "{layout: " << (o.layout == Layout::pretty ? "pretty" : "compact")
              << ", detail: " << (o.detail == ErrorDetail::on ? "on" : "off") << '}';
}

// Enough for any envelope in any layout.
inline constexpr std::size_t max_envelope_size = 320;

namespace detail {
class Out {
public:
    constexpr Out(char* first, const char* last) noexcept : p_(first), last_(last) {}
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
    const char* last_;
    bool overflow_ = false;
};
}  // namespace detail

namespace detail {
constexpr void put_value(Out& out, bool v) noexcept { out.put(v ? "true" : "false"); }
constexpr void put_value(Out& out, int v) noexcept { out.put_uint(static_cast<unsigned>(v)); }  // a type's code
constexpr void put_value(Out& out, date::sys_days v) noexcept {  // in range: a Bundle's dates are
    char text[iso_date_size] = {};
    write_iso_date(text, v);
    out.put("\"");
    out.put(std::string_view(text, iso_date_size));
    out.put("\"");
}
constexpr void put_value(Out& out, const Uuid& v) noexcept {
    char text[uuid_text_size] = {};
    write_uuid(text, v);
    out.put("\"");
    out.put(std::string_view(text, uuid_text_size));
    out.put("\"");
}

// The members [0, N) of schema::bundle, comma-separated, each key written by key(name): the
// one text writer of a bundle's members (the envelope's result and the stored line).
template <std::size_t N, class Key>
constexpr void put_bundle_members(Out& out, const Bundle& b, Key&& key) noexcept {
    schema::visit_bundle<N>(b, [&](auto i, const auto& value) {
        if constexpr (decltype(i)::value != 0) out.put(",");
        key(schema::bundle[decltype(i)::value].name);
        put_value(out, value);
    });
}

// The writer for one layout, a template parameter so that every piece of text has a
// length known when compiling (docs/benchmarks.md, "envelope").
template <bool Pretty>
[[nodiscard]] constexpr tl::expected<std::size_t, Error> write_envelope_as(char* first, char* last, const Envelope& e,
                                                                          bool with_detail) noexcept {
    using schema::envelope;
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
    member(in1, envelope[0].name);
    if (const Bundle* b = e.bundle()) {
        out.put("{");
        put_bundle_members<schema::result_size>(out, *b, [&](std::string_view key) { member(in2, key); });
        out.put(in1);
        out.put("},");
    } else {
        out.put("{},");
    }
    member(in1, envelope[1].name);
    out.put_uint(static_cast<unsigned>(code(e.status())));
    out.put(",");
    member(in1, envelope[2].name);
    out.put("\"");
    out.put(status_message(e.status()));
    out.put("\"");
    if (with_detail && !e.outcome()) {
        out.put(",");
        member(in1, envelope[3].name);
        out.put("\"");
        out.put(name(e.outcome().error()));
        out.put("\"");
    }
    out.put(nl);
    out.put("}");
    if (out.overflow()) return fail(Error::buffer_too_small);
    return static_cast<std::size_t>(out.pos() - first);
}
}  // namespace detail

// Writes the envelope into [first, last) (first <= last; otherwise buffer_too_small) and returns the number of characters written,
// or buffer_too_small (never for max_envelope_size characters). No newline or NUL.
[[nodiscard]] constexpr tl::expected<std::size_t, Error> write_envelope(char* first, char* last, const Envelope& e,
                                                                       WriteOptions o = {}) noexcept {
    if (last < first) return fail(Error::buffer_too_small);  // a reversed range holds nothing
    const bool with_detail = o.detail == ErrorDetail::on;
    return o.layout == Layout::pretty ? detail::write_envelope_as<true>(first, last, e, with_detail)
                                      : detail::write_envelope_as<false>(first, last, e, with_detail);
}

// The envelope's text: never empty, as every envelope fits in max_envelope_size.
[[nodiscard]] inline std::string to_string(const Envelope& e, WriteOptions o = {}) {
    char buf[max_envelope_size];
    return std::string(buf, *write_envelope(buf, buf + sizeof buf, e, o));
}

inline std::ostream& operator<<(std::ostream& os, const Envelope& e) { return os << to_string(e, ErrorDetail::on); }

}  // namespace voip
