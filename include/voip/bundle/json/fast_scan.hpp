// SPDX-License-Identifier: MIT
#pragma once
// The fast path: the common body - known, plainly spelled members with scalar values - read
// with no hashing and no scratch memory, names matched in place. It only ever accepts or
// declines; a declined text goes to the general scanner (scanner.hpp).
// Why it is written as it is: docs/benchmarks.md, "Why the JSON code looks as it does".
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "../request.hpp"
#include "lexer.hpp"
#include "limits.hpp"
#include "members.hpp"

namespace voip::detail {

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

}  // namespace voip::detail
