// SPDX-License-Identifier: MIT
#pragma once
// The JSON lexer: byte classes, UTF-8 sequences, string bodies (validated, unescaped into a
// Sink), number tokens and the three literals - the tokens alone, nothing here knows about
// objects, members or nesting.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "../error.hpp"
#include "../request.hpp"

namespace voip::detail {

[[nodiscard]] constexpr bool is_space(unsigned char c) noexcept {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}
[[nodiscard]] constexpr bool is_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }

// Bytes that stand for themselves inside a string: printable ASCII but the quote and the
// backslash.
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

}  // namespace voip::detail
