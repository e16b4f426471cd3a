#pragma once
// Strict, fast JSON text for the library: request bodies in, stored bundles in and out,
// price lists in. Optional: the umbrella voip/bundle.hpp does not include this header.
//
// Dependency-free and hand-written, because the rules want more than a general JSON parser
// gives (RULES 2) and the hot path wants less:
//   * the whole text is validated against the JSON grammar (RFC 8259), unknown members of
//     any type included: they are ignored, but never skipped unchecked;
//   * the text must be UTF-8: no overlong forms, no surrogates (raw or as \u escapes that do
//     not pair up), nothing above U+10FFFF;
//   * a member name given twice in any object is an error, names compared after unescaping
//     ("a" and "\u0061" are the same name);
//   * the text is at most max_body_size bytes and nests at most max_nesting deep.
// Each failure is its own Error. Nothing throws, nothing allocates, nothing recurses: the
// scanner is a loop over an explicit, bounded stack, so 100000 '[' is a nesting_too_deep,
// not a stack overflow.
//
// When a text breaks several rules, the first break in text order is reported, with two
// exceptions: body_too_large is checked before reading anything, and body_not_object only
// once the whole text is known to be valid JSON ("[1," is invalid_json).
// Outside strings, a byte that does not start valid UTF-8 is invalid_utf8; a valid
// non-ASCII character there (a byte order mark, say) is invalid_json. An escaped lone
// surrogate ("\ud800") is invalid_utf8: the string it spells has no UTF-8 form.
//
// Speed: the common body - only the known members, plain names, scalar values - is read by
// a fast path with no hashing and no scratch memory; anything else (unknown members,
// escapes, nested values, any error) is re-read from the start by the general scanner,
// which is the reference: both agree on every text (see tests/json/).
//
// Every decoder takes a std::string_view or (const char*, size_t), so fuzzers can call it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <date/date.h>
#include <tl/expected.hpp>

#include "bundle/bundle.hpp"
#include "bundle/bundle_type.hpp"
#include "bundle/error.hpp"
#include "bundle/iso_date.hpp"
#include "bundle/money.hpp"
#include "bundle/request.hpp"
#include "bundle/uuid.hpp"

namespace voip {

// [decided] A request body is two members, about 40 bytes; 16 KiB leaves ample room for
// clients that add members of their own while bounding the work per request and the
// general scanner's fixed scratch (see json_detail::Scanner).
inline constexpr std::size_t max_body_size = std::size_t{16} * 1024;
// [decided] Objects and arrays open at once, the body's own object included. The body
// needs 1; unknown members may nest a little. Deep nesting has crashed parsers before.
inline constexpr std::size_t max_nesting = 32;

namespace json_detail {

// The most member names a text of max_body_size bytes can hold: each costs at least
// four bytes ("":0), so the scratch below can never overflow.
inline constexpr std::size_t max_names = max_body_size / 4 + 1;
// String values of known members are kept, decoded, up to this length; longer ones are
// flagged. Enough for a UUID (36) and a date (10).
inline constexpr std::size_t max_kept_text = 40;

// What a known top-level member held.
struct Value {
    JsonKind kind = JsonKind::absent;
    bool boolean = false;
    bool text_too_long = false;
    std::uint8_t text_size = 0;
    std::int64_t integer = 0;
    std::array<char, max_kept_text> text;  // only [0, text_size) is meaningful
};

[[nodiscard]] inline std::string_view text_of(const Value& v) noexcept { return {v.text.data(), v.text_size}; }

// The known members of a top-level object, in the order of the caller's name table.
template <std::size_t N>
struct Members {
    std::array<Value, N> values{};
    std::size_t unknown = 0;  // members whose names are not in the table (ignored, validated)
};

template <std::size_t N>
void reset(Members<N>& m) noexcept {
    for (Value& v : m.values) {
        v.kind = JsonKind::absent;
        v.boolean = false;
        v.text_too_long = false;
        v.text_size = 0;
        v.integer = 0;
    }
    m.unknown = 0;
}

[[nodiscard]] constexpr bool is_space(unsigned char c) noexcept {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}
[[nodiscard]] constexpr bool is_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }

// Bytes that stand for themselves inside a string: printable ASCII but the quote and the
// backslash. One table look-up a byte in the fast path.
[[nodiscard]] constexpr std::array<bool, 256> make_plain_table() noexcept {
    std::array<bool, 256> plain{};
    for (std::size_t c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    return plain;
}
inline constexpr std::array<bool, 256> plain_table = make_plain_table();

// The first byte in [p, end) that is not plain.
inline const char* skip_plain(const char* p, const char* end) noexcept {
    while (p != end && plain_table[static_cast<unsigned char>(*p)]) ++p;
    return p;
}

inline const char* skip_space(const char* p, const char* end) noexcept {
    while (p != end && is_space(static_cast<unsigned char>(*p))) ++p;
    return p;
}

// The length of the valid UTF-8 sequence at p (2..4), or 0 when it is not one
// (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
inline std::size_t utf8_sequence(const char* p, const char* end) noexcept {
    const auto at = [&](std::size_t i) -> unsigned {
        return p + i < end ? static_cast<unsigned char>(p[i]) : 0u;
    };
    const auto cont = [](unsigned c) noexcept { return (c & 0xC0u) == 0x80u; };
    const unsigned c0 = at(0);
    if (c0 >= 0xC2 && c0 <= 0xDF) return cont(at(1)) ? 2 : 0;
    if (c0 >= 0xE0 && c0 <= 0xEF) {
        const unsigned c1 = at(1);
        const unsigned lo = c0 == 0xE0 ? 0xA0u : 0x80u;  // E0 80..9F would be overlong
        const unsigned hi = c0 == 0xED ? 0x9Fu : 0xBFu;  // ED A0..BF would be a surrogate
        return (c1 >= lo && c1 <= hi && cont(at(2))) ? 3 : 0;
    }
    if (c0 >= 0xF0 && c0 <= 0xF4) {
        const unsigned c1 = at(1);
        const unsigned lo = c0 == 0xF0 ? 0x90u : 0x80u;  // F0 80..8F would be overlong
        const unsigned hi = c0 == 0xF4 ? 0x8Fu : 0xBFu;  // F4 90.. would be above U+10FFFF
        return (c1 >= lo && c1 <= hi && cont(at(2)) && cont(at(3))) ? 4 : 0;
    }
    return 0;
}

[[nodiscard]] constexpr int hex_digit(unsigned char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Four hex digits at p, or -1.
inline long hex4(const char* p, const char* end) noexcept {
    if (end - p < 4) return -1;
    long v = 0;
    for (int i = 0; i < 4; ++i) {
        const int d = hex_digit(static_cast<unsigned char>(p[i]));
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

// Up to 4 UTF-8 bytes of code point cp; returns how many.
inline std::size_t encode_utf8(unsigned long cp, std::array<unsigned char, 4>& out) noexcept {
    if (cp < 0x80) {
        out[0] = static_cast<unsigned char>(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = static_cast<unsigned char>(0xC0 | (cp >> 6));
        out[1] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = static_cast<unsigned char>(0xE0 | (cp >> 12));
        out[1] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
        out[2] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = static_cast<unsigned char>(0xF0 | (cp >> 18));
    out[1] = static_cast<unsigned char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    return 4;
}

// The bytes of an already validated string body, unescaped, one at a time: compares two
// names without copying either.
class Unescaped {
public:
    explicit Unescaped(const char* p) noexcept : p_(p) {}
    // The next byte, or -1 at the closing quote.
    int next() noexcept {
        if (i_ < n_) return buf_[i_++];
        const auto c = static_cast<unsigned char>(*p_);
        if (c == '"') return -1;
        if (c != '\\') {
            ++p_;
            return c;
        }
        const auto e = static_cast<unsigned char>(p_[1]);
        p_ += 2;
        switch (e) {
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': break;
            default: return e;  // " \ /
        }
        auto cp = static_cast<unsigned long>(hex4(p_, p_ + 4));
        p_ += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {  // validated: a low surrogate escape follows
            const auto low = static_cast<unsigned long>(hex4(p_ + 2, p_ + 6));
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            p_ += 6;
        }
        n_ = encode_utf8(cp, buf_);
        i_ = 1;
        return buf_[0];
    }

private:
    const char* p_;
    std::array<unsigned char, 4> buf_{};
    std::size_t n_ = 0;
    std::size_t i_ = 0;
};

inline bool same_name(const char* a, const char* b) noexcept {
    Unescaped x(a);
    Unescaped y(b);
    for (;;) {
        const int c = x.next();
        if (c != y.next()) return false;
        if (c < 0) return true;
    }
}

// Where a string's decoded bytes go while it is validated: an FNV-1a hash for names, a
// small copy for the known members' values and names.
struct Sink {
    std::uint32_t hash = 2166136261u;
    char* keep = nullptr;
    std::size_t keep_capacity = 0;
    std::size_t kept = 0;
    bool overflow = false;
};

inline void put(Sink& s, unsigned char c) noexcept {
    s.hash = (s.hash ^ c) * 16777619u;
    if (s.kept < s.keep_capacity) s.keep[s.kept++] = static_cast<char>(c);
    else s.overflow = true;
}

struct ScanResult {
    const char* p;
    bool ok;
    Error error;
};

// Validates the string whose opening quote was just read; p ends past the closing quote.
inline ScanResult scan_string(const char* p, const char* end, Sink& sink) noexcept {
    for (;;) {
        if (p == end) return {p, false, Error::invalid_json};
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') return {p + 1, true, Error::invalid_json};
        if (c < 0x20) return {p, false, Error::invalid_json};  // control characters must be escaped
        if (c < 0x80 && c != '\\') {
            put(sink, c);
            ++p;
            continue;
        }
        if (c >= 0x80) {
            const std::size_t n = utf8_sequence(p, end);
            if (n == 0) return {p, false, Error::invalid_utf8};
            for (std::size_t i = 0; i < n; ++i) put(sink, static_cast<unsigned char>(p[i]));
            p += n;
            continue;
        }
        // An escape.
        if (end - p < 2) return {p, false, Error::invalid_json};
        const auto e = static_cast<unsigned char>(p[1]);
        p += 2;
        switch (e) {
            case '"': put(sink, '"'); continue;
            case '\\': put(sink, '\\'); continue;
            case '/': put(sink, '/'); continue;
            case 'b': put(sink, '\b'); continue;
            case 'f': put(sink, '\f'); continue;
            case 'n': put(sink, '\n'); continue;
            case 'r': put(sink, '\r'); continue;
            case 't': put(sink, '\t'); continue;
            case 'u': break;
            default: return {p - 2, false, Error::invalid_json};
        }
        const long hi = hex4(p, end);
        if (hi < 0) return {p, false, Error::invalid_json};
        p += 4;
        auto cp = static_cast<unsigned long>(hi);
        if (cp >= 0xDC00 && cp <= 0xDFFF) return {p, false, Error::invalid_utf8};  // lone low surrogate
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end - p < 2 || p[0] != '\\' || p[1] != 'u') return {p, false, Error::invalid_utf8};
            const long lo = hex4(p + 2, end);
            if (lo < 0) return {p, false, Error::invalid_json};
            if (lo < 0xDC00 || lo > 0xDFFF) return {p, false, Error::invalid_utf8};
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<unsigned long>(lo) - 0xDC00);
            p += 6;
        }
        std::array<unsigned char, 4> bytes{};
        const std::size_t n = encode_utf8(cp, bytes);
        for (std::size_t i = 0; i < n; ++i) put(sink, bytes[i]);
    }
}

// A number token at p (RFC 8259 grammar). Fills kind (integer, big_integer or number) and
// integer; p ends past the token.
inline ScanResult scan_number(const char* p, const char* end, JsonKind& kind, std::int64_t& integer) noexcept {
    const bool negative = *p == '-';
    if (negative) ++p;
    if (p == end || !is_digit(static_cast<unsigned char>(*p))) return {p, false, Error::invalid_json};
    std::uint64_t magnitude = 0;
    bool big = false;
    if (*p == '0') {
        ++p;
    } else {
        // Beyond 2^63 (or 2^63 - 1 for positives) the token is a big integer.
        const std::uint64_t limit = negative ? 9223372036854775808ull : 9223372036854775807ull;
        while (p != end && is_digit(static_cast<unsigned char>(*p))) {
            const auto d = static_cast<std::uint64_t>(*p - '0');
            if (!big && magnitude <= (limit - d) / 10) magnitude = magnitude * 10 + d;
            else big = true;
            ++p;
        }
    }
    bool fraction_or_exponent = false;
    if (p != end && *p == '.') {
        ++p;
        if (p == end || !is_digit(static_cast<unsigned char>(*p))) return {p, false, Error::invalid_json};
        while (p != end && is_digit(static_cast<unsigned char>(*p))) ++p;
        fraction_or_exponent = true;
    }
    if (p != end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p != end && (*p == '+' || *p == '-')) ++p;
        if (p == end || !is_digit(static_cast<unsigned char>(*p))) return {p, false, Error::invalid_json};
        while (p != end && is_digit(static_cast<unsigned char>(*p))) ++p;
        fraction_or_exponent = true;
    }
    if (fraction_or_exponent) {
        kind = JsonKind::number;
    } else if (big) {
        kind = JsonKind::big_integer;
    } else {
        kind = JsonKind::integer;
        // magnitude <= 2^63 here; 2^63 only when negative.
        integer = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
    }
    return {p, true, Error::invalid_json};
}

inline bool scan_literal(const char*& p, const char* end, std::string_view word) noexcept {
    if (static_cast<std::size_t>(end - p) < word.size() || std::memcmp(p, word.data(), word.size()) != 0) return false;
    p += word.size();
    return true;
}

// The error for a byte that cannot start a token.
inline Error unexpected_byte(const char* p, const char* end) noexcept {
    const auto c = static_cast<unsigned char>(*p);
    if (c >= 0x80 && utf8_sequence(p, end) == 0) return Error::invalid_utf8;
    return Error::invalid_json;
}

template <std::size_t N>
inline int find_name(const std::array<std::string_view, N>& names, const char* s, std::size_t n) noexcept {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i].size() == n && std::memcmp(names[i].data(), s, n) == 0) return static_cast<int>(i);
    return -1;
}

// a[0, n) == b[0, n) for short n, in at most two overlapping word compares (n <= 16).
inline bool equal_short(const char* a, const char* b, std::size_t n) noexcept {
    const auto same = [a, b](std::size_t at, auto word) noexcept {
        decltype(word) x{};
        decltype(word) y{};
        std::memcpy(&x, a + at, sizeof x);
        std::memcpy(&y, b + at, sizeof y);
        return x == y;
    };
    if (n >= 8 && n <= 16) return same(0, std::uint64_t{}) && same(n - 8, std::uint64_t{});
    if (n >= 4 && n < 8) return same(0, std::uint32_t{}) && same(n - 4, std::uint32_t{});
    return std::memcmp(a, b, n) == 0;
}

// The fast path's name match: the known name that the text at p (just past the opening
// quote) spells exactly, closing quote included, or -1. Known names are plain ASCII, so a
// match cannot hide an escape; anything else goes to the general scanner.
template <std::size_t N>
inline int match_name(const std::array<std::string_view, N>& names, const char* p, const char* end) noexcept {
    const auto left = static_cast<std::size_t>(end - p);
    for (std::size_t i = 0; i < N; ++i) {
        const std::size_t n = names[i].size();
        if (n < left && p[n] == '"' && equal_short(p, names[i].data(), n)) return static_cast<int>(i);
    }
    return -1;
}

[[nodiscard]] constexpr bool continues_number(char c) noexcept {
    return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E';
}

// The reference scanner: any text, every rule. Iterative - a loop over three states and an
// explicit stack of open containers - so no text can exhaust the call stack. Its scratch
// (the names of the objects open at any moment) is a fixed array sized for the worst text
// of max_body_size bytes, kept out of the fast path's frame.
template <std::size_t N>
class Scanner {
public:
    Scanner(const std::array<std::string_view, N>& names, Members<N>& out) noexcept : names_(names), out_(out) {}

    // Requires end - begin <= max_body_size.
    Error run(const char* const begin, const char* const end) noexcept {
        enum class Next : std::uint8_t { value, name, after_value };
        Next next = Next::value;
        const char* p = begin;
        std::size_t depth = 0;
        std::uint64_t object_bits = 0;                   // bit d: the container at depth d + 1 is an object
        std::array<std::size_t, max_nesting + 1> marks{};  // first name entry of each open object
        std::size_t names_used = 0;
        int pending = -1;  // the known member whose value comes next
        bool top_is_object = false;
        const auto in_object = [&]() noexcept { return depth > 0 && ((object_bits >> (depth - 1)) & 1u) != 0; };

        for (;;) {
            switch (next) {
                case Next::value: {
                    p = skip_space(p, end);
                    if (p == end) return Error::invalid_json;
                    Value* const v = (depth == 1 && pending >= 0) ? &out_.values[static_cast<std::size_t>(pending)] : nullptr;
                    pending = -1;
                    const auto c = static_cast<unsigned char>(*p);
                    if (c != '{' && c != '[') {
                        const Error e = scalar(p, end, v);
                        if (e != Error{}) return e;
                        next = Next::after_value;
                        break;
                    }
                    if (depth == max_nesting) return Error::nesting_too_deep;
                    const bool object = c == '{';
                    if (depth == 0) top_is_object = object;
                    if (v != nullptr) v->kind = object ? JsonKind::object : JsonKind::array;
                    const std::uint64_t bit = std::uint64_t{1} << depth;
                    object_bits = object ? (object_bits | bit) : (object_bits & ~bit);
                    ++depth;
                    if (object) marks[depth] = names_used;
                    p = skip_space(p + 1, end);
                    if (p != end && *p == (object ? '}' : ']')) {  // empty
                        ++p;
                        --depth;
                        next = Next::after_value;
                    } else {
                        next = object ? Next::name : Next::value;
                    }
                    break;
                }
                case Next::name: {  // at the opening quote of a member name, expected
                    if (p == end) return Error::invalid_json;
                    if (*p != '"') return unexpected_byte(p, end);
                    const char* const first = p + 1;
                    std::array<char, 16> kept{};
                    Sink sink;
                    if (depth == 1) {
                        sink.keep = kept.data();
                        sink.keep_capacity = kept.size();
                    }
                    const ScanResult r = scan_string(first, end, sink);
                    if (!r.ok) return r.error;
                    p = r.p;
                    for (std::size_t i = marks[depth]; i < names_used; ++i)
                        if (entries_[i].hash == sink.hash && same_name(begin + entries_[i].offset, first))
                            return Error::duplicate_member;
                    entries_[names_used++] = {static_cast<std::uint32_t>(first - begin), sink.hash};
                    if (depth == 1) {
                        pending = sink.overflow ? -1 : find_name(names_, kept.data(), sink.kept);
                        if (pending < 0) ++out_.unknown;
                    }
                    p = skip_space(p, end);
                    if (p == end) return Error::invalid_json;
                    if (*p != ':') return unexpected_byte(p, end);
                    ++p;
                    next = Next::value;
                    break;
                }
                case Next::after_value: {
                    p = skip_space(p, end);
                    if (depth == 0) {
                        if (p != end) return unexpected_byte(p, end);
                        return top_is_object ? Error{} : Error::body_not_object;
                    }
                    if (p == end) return Error::invalid_json;
                    if (*p == ',') {
                        p = skip_space(p + 1, end);
                        next = in_object() ? Next::name : Next::value;
                        break;
                    }
                    if (*p != (in_object() ? '}' : ']')) return unexpected_byte(p, end);
                    if (in_object()) names_used = marks[depth];
                    ++p;
                    --depth;
                    break;  // still after a value: the container's
                }
            }
        }
    }

private:
    // A string, literal or number at p (not a container); p ends past it.
    static Error scalar(const char*& p, const char* end, Value* v) noexcept {
        const auto c = static_cast<unsigned char>(*p);
        switch (c) {
            case '"': {
                Sink sink;
                if (v != nullptr) {
                    sink.keep = v->text.data();
                    sink.keep_capacity = v->text.size();
                }
                const ScanResult r = scan_string(p + 1, end, sink);
                if (!r.ok) return r.error;
                p = r.p;
                if (v != nullptr) {
                    v->kind = JsonKind::string;
                    v->text_size = static_cast<std::uint8_t>(sink.kept);
                    v->text_too_long = sink.overflow;
                }
                return Error{};
            }
            case 't':
            case 'f':
                if (!scan_literal(p, end, c == 't' ? "true" : "false")) return Error::invalid_json;
                if (v != nullptr) {
                    v->kind = JsonKind::boolean;
                    v->boolean = c == 't';
                }
                return Error{};
            case 'n':
                if (!scan_literal(p, end, "null")) return Error::invalid_json;
                if (v != nullptr) v->kind = JsonKind::null;
                return Error{};
            default: {
                if (c != '-' && !is_digit(c)) return unexpected_byte(p, end);
                JsonKind kind = JsonKind::number;
                std::int64_t integer = 0;
                const ScanResult r = scan_number(p, end, kind, integer);
                if (!r.ok) return r.error;
                p = r.p;
                if (v != nullptr) {
                    v->kind = kind;
                    v->integer = integer;
                }
                return Error{};
            }
        }
    }

    struct Entry {
        std::uint32_t offset;  // of the name's first byte after the quote
        std::uint32_t hash;    // of the unescaped name
    };
    const std::array<std::string_view, N>& names_;
    Members<N>& out_;
    std::array<Entry, max_names> entries_;  // uninitialised on purpose: only [0, names_used) is read
};

// Error{} (value 0) is success for the scanner.
static_assert(static_cast<int>(Error::invalid_json) != 0, "Error{} must not name an error");

template <std::size_t N>
#if defined(__GNUC__)
__attribute__((noinline))
#endif
Error scan_general(const char* begin, const char* end, const std::array<std::string_view, N>& names,
                   Members<N>& out) noexcept {
    reset(out);
    Scanner<N> scanner(names, out);
    return scanner.run(begin, end);
}

// The fast path: a top-level object of known, unrepeated, plainly spelled members with
// scalar values and plain ASCII strings. Returns false to hand the text to scan_general
// (which then decides everything, errors included): it never reports an error itself.
template <std::size_t N>
inline bool scan_fast(const char* p, const char* const end, const std::array<std::string_view, N>& names,
                      Members<N>& out) noexcept {
    p = skip_space(p, end);
    if (p == end || *p != '{') return false;
    ++p;
    p = skip_space(p, end);
    if (p == end) return false;
    unsigned seen = 0;
    if (*p == '}') {
        ++p;
    } else {
        for (;;) {
            if (*p != '"') return false;
            ++p;
            const int index = match_name(names, p, end);
            if (index < 0) return false;
            p += names[static_cast<std::size_t>(index)].size() + 1;
            const unsigned bit = 1u << index;
            if (seen & bit) return false;
            seen |= bit;
            p = skip_space(p, end);
            if (p == end || *p != ':') return false;
            p = skip_space(p + 1, end);
            if (p == end) return false;
            Value& v = out.values[static_cast<std::size_t>(index)];
            switch (*p) {
                case 't':
                    if (!scan_literal(p, end, "true")) return false;
                    v.kind = JsonKind::boolean;
                    v.boolean = true;
                    break;
                case 'f':
                    if (!scan_literal(p, end, "false")) return false;
                    v.kind = JsonKind::boolean;
                    v.boolean = false;
                    break;
                case 'n':
                    if (!scan_literal(p, end, "null")) return false;
                    v.kind = JsonKind::null;
                    break;
                case '"': {
                    const char* const text = ++p;
                    p = skip_plain(p, end);
                    if (p == end || *p != '"') return false;
                    const auto n = static_cast<std::size_t>(p - text);
                    if (n > max_kept_text) return false;
                    std::memcpy(v.text.data(), text, n);
                    v.text_size = static_cast<std::uint8_t>(n);
                    v.kind = JsonKind::string;
                    ++p;
                    break;
                }
                default: {
                    if (*p != '-' && !is_digit(static_cast<unsigned char>(*p))) return false;
                    if (is_digit(static_cast<unsigned char>(*p)) && (p + 1 == end || !continues_number(p[1]))) {
                        v.kind = JsonKind::integer;  // one digit, as every bundle_type is
                        v.integer = *p - '0';
                        ++p;
                        break;
                    }
                    const ScanResult r = scan_number(p, end, v.kind, v.integer);
                    if (!r.ok) return false;
                    p = r.p;
                }
            }
            p = skip_space(p, end);
            if (p == end) return false;
            if (*p == '}') {
                ++p;
                break;
            }
            if (*p != ',') return false;
            p = skip_space(p + 1, end);
            if (p == end) return false;
        }
    }
    return skip_space(p, end) == end;
}

// The known members of a top-level object, every rule checked.
template <std::size_t N>
inline Error scan_object(const char* data, std::size_t size, const std::array<std::string_view, N>& names,
                         Members<N>& out) noexcept {
    if (size > max_body_size) return Error::body_too_large;
    if (data == nullptr) data = "";  // an empty view may carry a null pointer
    if (scan_fast(data, data + size, names, out)) return Error{};
    return scan_general(data, data + size, names, out);
}

inline constexpr std::array<std::string_view, 2> request_names{"auto_renew", "bundle_type"};
inline constexpr std::array<std::string_view, 5> bundle_names{"auto_renew", "bundle_type", "expires_on", "uuid",
                                                              "created_on"};
inline constexpr std::array<std::string_view, 5> price_names{"1", "2", "3", "4", "5"};

[[nodiscard]] inline RawField raw_field(const Value& v) noexcept {
    if (v.kind == JsonKind::boolean) return RawField::of(v.boolean);
    if (v.kind == JsonKind::integer) return RawField::of(v.integer);
    return RawField::of(v.kind);
}

}  // namespace json_detail

// ---------------------------------------------------------------------------------------
// Request bodies (RULES 2)

// What each known member of a body held; validate() then applies the rules.
[[nodiscard]] inline tl::expected<RawRequest, Error> decode_request(const char* data, std::size_t size) noexcept {
    json_detail::Members<2> m;
    const Error e = json_detail::scan_object(data, size, json_detail::request_names, m);
    if (e != Error{}) return tl::make_unexpected(e);
    return RawRequest{json_detail::raw_field(m.values[0]), json_detail::raw_field(m.values[1])};
}
[[nodiscard]] inline tl::expected<RawRequest, Error> decode_request(std::string_view text) noexcept {
    return decode_request(text.data(), text.size());
}

// decode_request then validate: a body text to a valid Request or the first failed rule.
[[nodiscard]] inline tl::expected<Request, Error> parse_request(std::string_view text) noexcept {
    const auto raw = decode_request(text);
    if (!raw) return tl::make_unexpected(raw.error());
    return validate(*raw);
}

// The JSON rules alone (no member is looked at): for fuzzers and for callers that only
// need to know the text is acceptable.
[[nodiscard]] inline tl::expected<void, Error> check_json_object(const char* data, std::size_t size) noexcept {
    json_detail::Members<2> m;
    const Error e = json_detail::scan_object(data, size, json_detail::request_names, m);
    if (e != Error{}) return tl::make_unexpected(e);
    return {};
}
[[nodiscard]] inline tl::expected<void, Error> check_json_object(std::string_view text) noexcept {
    return check_json_object(text.data(), text.size());
}

// ---------------------------------------------------------------------------------------
// Stored bundles: one JSON object a line,
//   {"auto_renew":true,"bundle_type":1,"expires_on":"2018-09-01","uuid":"...","created_on":"2018-08-01"}
// the result members in the seed's order, then created_on. Decoding is as strict as for
// bodies; all five members are required; unknown members are ignored (validated), so a
// host may store more. Errors, in this order of checks: the JSON rules; uuid absent
// (invalid_bundle), not a string or not canonical (malformed_uuid); created_on, then
// expires_on absent (invalid_bundle), not a string or not a date (malformed_date);
// bundle_type as in validate(); auto_renew absent (invalid_bundle), null or not a boolean
// (auto_renew_null, auto_renew_not_boolean); finally ok(Bundle) (invalid_bundle).

// The longest encoding: auto_renew false and every other member fixed in length.
inline constexpr std::size_t max_bundle_json_size =
    sizeof(R"({"auto_renew":false,"bundle_type":1,"expires_on":"2018-09-01",)") - 1 +
    sizeof(R"("uuid":"0fba8c48-99fc-4727-8ca7-c847376da415","created_on":"2018-08-01"})") - 1;

namespace json_detail {
[[nodiscard]] inline tl::expected<date::sys_days, Error> stored_date(const Value& v) noexcept {
    if (v.kind == JsonKind::absent) return tl::make_unexpected(Error::invalid_bundle);
    if (v.kind != JsonKind::string || v.text_too_long) return tl::make_unexpected(Error::malformed_date);
    return parse_iso_date(text_of(v));
}
}  // namespace json_detail

[[nodiscard]] inline tl::expected<Bundle, Error> decode_bundle(const char* data, std::size_t size) noexcept {
    using json_detail::Value;
    json_detail::Members<5> m;
    const Error e = json_detail::scan_object(data, size, json_detail::bundle_names, m);
    if (e != Error{}) return tl::make_unexpected(e);
    const Value& auto_renew = m.values[0];
    const Value& uuid = m.values[3];
    Bundle b;
    if (uuid.kind == JsonKind::absent) return tl::make_unexpected(Error::invalid_bundle);
    if (uuid.kind != JsonKind::string || uuid.text_too_long) return tl::make_unexpected(Error::malformed_uuid);
    const auto id = parse_uuid(text_of(uuid));
    if (!id) return tl::make_unexpected(id.error());
    b.uuid = *id;
    const auto created = json_detail::stored_date(m.values[4]);
    if (!created) return tl::make_unexpected(created.error());
    b.created_on = *created;
    const auto expires = json_detail::stored_date(m.values[2]);
    if (!expires) return tl::make_unexpected(expires.error());
    b.expires_on = *expires;
    // bundle_type and auto_renew follow the body's rules (bundle_type first), except that
    // auto_renew is required.
    const auto fields = validate(RawRequest{json_detail::raw_field(auto_renew), json_detail::raw_field(m.values[1])});
    if (!fields) return tl::make_unexpected(fields.error());
    if (auto_renew.kind == JsonKind::absent) return tl::make_unexpected(Error::invalid_bundle);
    b.bundle_type = fields->bundle_type;
    b.auto_renew = fields->auto_renew;
    if (!ok(b)) return tl::make_unexpected(Error::invalid_bundle);
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
    if (!ok(b)) return tl::make_unexpected(Error::invalid_bundle);
    const std::size_t size = max_bundle_json_size - (b.auto_renew ? 1 : 0);
    if (static_cast<std::size_t>(last - first) < size) return tl::make_unexpected(Error::buffer_too_small);
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

// ---------------------------------------------------------------------------------------
// Price lists: {"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300}, minor units per term.
// [decided] Every type must be priced (a missing price would silently make a type free),
// each an integer in [0, max_amount]; another member is an operator's typo. The JSON rules
// first, then any of these: invalid_policy.
[[nodiscard]] inline tl::expected<PriceList, Error> decode_prices(const char* data, std::size_t size) noexcept {
    json_detail::Members<5> m;
    const Error e = json_detail::scan_object(data, size, json_detail::price_names, m);
    if (e != Error{}) return tl::make_unexpected(e);
    if (m.unknown != 0) return tl::make_unexpected(Error::invalid_policy);
    PriceList prices;
    for (std::size_t i = 0; i < bundle_type_count; ++i) {
        const auto& v = m.values[i];
        if (v.kind != JsonKind::integer || !ok(Money{v.integer})) return tl::make_unexpected(Error::invalid_policy);
        prices.per_term[i] = Money{v.integer};
    }
    return prices;
}
[[nodiscard]] inline tl::expected<PriceList, Error> decode_prices(std::string_view text) noexcept {
    return decode_prices(text.data(), text.size());
}

}  // namespace voip
