// SPDX-License-Identifier: MIT
#pragma once
// The general scanner, the reference: any text, every rule of the JSON grammar and of the
// library (UTF-8, duplicate names, nesting), the first break in text order reported.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <tl/expected.hpp>

#include "../error.hpp"
#include "../request.hpp"
#include "lexer.hpp"
#include "limits.hpp"
#include "members.hpp"

namespace voip::detail {

// What a scan answers: nothing, or the first rule the text broke.
using Scanned = tl::expected<void, Error>;

template <std::size_t N>
inline int find_name(const std::array<std::string_view, N>& names, const char* s, std::size_t n) noexcept {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i].size() == n && std::memcmp(names[i].data(), s, n) == 0) return static_cast<int>(i);
    return -1;
}

// The reference scanner: any text, every rule. Iterative - a loop over three states and an
// explicit stack of open containers - so no text can exhaust the call stack. Its scratch
// (the names of the objects open at any moment) is a fixed array sized for the worst text
// of max_body_size bytes.
template <std::size_t N>
class Scanner {
public:
    Scanner(const std::array<std::string_view, N>& names, Members<N>& out) noexcept : names_(names), out_(out) {}

    // Requires end - begin <= max_body_size.
    Scanned run(const char* const begin, const char* const end) noexcept {
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
                    if (p == end) return fail(Error::invalid_json);
                    Value* const v = (depth == 1 && pending >= 0) ? &out_.values[static_cast<std::size_t>(pending)] : nullptr;
                    pending = -1;
                    const auto c = static_cast<unsigned char>(*p);
                    if (c != '{' && c != '[') {
                        if (const Scanned s = scalar(p, end, v); !s) return s;
                        next = Next::after_value;
                        break;
                    }
                    if (depth == max_nesting) return fail(Error::nesting_too_deep);
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
                    if (const Scanned s = member_name(p, begin, end, depth == 1, marks[depth], names_used, pending); !s)
                        return s;
                    next = Next::value;
                    break;
                }
                case Next::after_value: {
                    p = skip_space(p, end);
                    if (depth == 0) {
                        if (p != end) return fail(unexpected_byte(p, end));
                        if (!top_is_object) return fail(Error::body_not_object);
                        return {};
                    }
                    if (p == end) return fail(Error::invalid_json);
                    if (*p == ',') {
                        p = skip_space(p + 1, end);
                        next = in_object() ? Next::name : Next::value;
                        break;
                    }
                    if (*p != (in_object() ? '}' : ']')) return fail(unexpected_byte(p, end));
                    if (in_object()) names_used = marks[depth];
                    ++p;
                    --depth;
                    break;  // still after a value: the container's
                }
            }
        }
    }

private:
    // A member name and its colon at p, expected; p ends past the colon. The name must not
    // repeat one of the object's names since `mark`; at the top level (`top`) a known name
    // becomes `pending`, an unknown one is counted.
    Scanned member_name(const char*& p, const char* begin, const char* end, bool top, std::size_t mark,
                      std::size_t& names_used, int& pending) noexcept {
        if (p == end) return fail(Error::invalid_json);
        if (*p != '"') return fail(unexpected_byte(p, end));
        const char* const first = p + 1;
        std::array<char, 16> kept{};
        Sink sink;
        if (top) {
            sink.keep = kept.data();
            sink.keep_capacity = kept.size();
        }
        const ScanResult r = scan_string(first, end, sink);
        if (!r.ok) return fail(r.error);
        p = r.p;
        for (std::size_t i = mark; i < names_used; ++i)
            if (entries_[i].hash == sink.hash && same_name(begin + entries_[i].offset, first))
                return fail(Error::duplicate_member);
        entries_[names_used++] = {static_cast<std::uint32_t>(first - begin), sink.hash};
        if (top) {
            pending = sink.overflow ? -1 : find_name(names_, kept.data(), sink.kept);
            if (pending < 0) ++out_.unknown;
        }
        p = skip_space(p, end);
        if (p == end) return fail(Error::invalid_json);
        if (*p != ':') return fail(unexpected_byte(p, end));
        ++p;
        return {};
    }

    // A string, literal or number at p (not a container); p ends past it.
    static Scanned scalar(const char*& p, const char* end, Value* v) noexcept {
        const auto c = static_cast<unsigned char>(*p);
        switch (c) {
            case '"': {
                Sink sink;
                if (v != nullptr) {
                    sink.keep = v->text.data();
                    sink.keep_capacity = v->text.size();
                }
                const ScanResult r = scan_string(p + 1, end, sink);
                if (!r.ok) return fail(r.error);
                p = r.p;
                if (v != nullptr) {
                    v->kind = JsonKind::string;
                    v->text_size = static_cast<std::uint8_t>(sink.kept);
                    v->text_too_long = sink.overflow;
                }
                return {};
            }
            case 't':
            case 'f':
                if (!scan_literal(p, end, c == 't' ? "true" : "false")) return fail(Error::invalid_json);
                if (v != nullptr) {
                    v->kind = JsonKind::boolean;
                    v->boolean = c == 't';
                }
                return {};
            case 'n':
                if (!scan_literal(p, end, "null")) return fail(Error::invalid_json);
                if (v != nullptr) v->kind = JsonKind::null;
                return {};
            default: {
                if (c != '-' && !is_digit(c)) return fail(unexpected_byte(p, end));
                JsonKind kind = JsonKind::number;
                std::int64_t integer = 0;
                const ScanResult r = scan_number(p, end, kind, integer);
                if (!r.ok) return fail(r.error);
                p = r.p;
                if (v != nullptr) {
                    v->kind = kind;
                    v->integer = integer;
                }
                return {};
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

// Never inlined: see docs/benchmarks.md, "Why the JSON code looks as it does".
template <std::size_t N>
#if defined(__GNUC__)
__attribute__((noinline))
#endif
Scanned scan_general(const char* begin, const char* end, const std::array<std::string_view, N>& names,
                   Members<N>& out) noexcept {
    reset(out);
    Scanner<N> scanner(names, out);
    return scanner.run(begin, end);
}

}  // namespace voip::detail
