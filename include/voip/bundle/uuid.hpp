// SPDX-License-Identifier: MIT
#pragma once
// A UUID as 16 bytes: parsed from canonical 8-4-4-4-12 hex text in either case,
// always printed lowercase.
#include <array>
#include <cstddef>
#include <chrono>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "error.hpp"

namespace voip {

inline constexpr std::size_t uuid_text_size = 36;

struct Uuid {
    std::array<std::uint8_t, 16> bytes{};

    // RFC 4122 version, [0, 15].
    [[nodiscard]] constexpr int version() const noexcept { return bytes[6] >> 4; }
};

[[nodiscard]] constexpr bool operator==(const Uuid& a, const Uuid& b) noexcept {
    for (std::size_t i = 0; i < 16; ++i)
        if (a.bytes[i] != b.bytes[i]) return false;
    return true;
}
[[nodiscard]] constexpr bool operator!=(const Uuid& a, const Uuid& b) noexcept { return !(a == b); }
[[nodiscard]] constexpr bool operator<(const Uuid& a, const Uuid& b) noexcept {
    for (std::size_t i = 0; i < 16; ++i)
        if (a.bytes[i] != b.bytes[i]) return a.bytes[i] < b.bytes[i];
    return false;
}

namespace detail {
// 0..15 for a hex digit of either case, 0xFF for any other byte: one load per character
// and no branch, where a chain of range tests mispredicted on random hex text.
struct HexDigits {
    unsigned char value[256];
};
[[nodiscard]] constexpr HexDigits make_hex_digits() noexcept {
    HexDigits t{};
    for (auto& v : t.value) v = 0xFF;
    for (unsigned char c = 0; c < 10; ++c) t.value['0' + c] = c;
    for (unsigned char c = 0; c < 6; ++c) {
        t.value['a' + c] = static_cast<unsigned char>(10 + c);
        t.value['A' + c] = static_cast<unsigned char>(10 + c);
    }
    return t;
}
inline constexpr HexDigits hex_digits = make_hex_digits();

// Where each byte's two hex digits start in 8-4-4-4-12 text.
inline constexpr unsigned char uuid_digit_at[16] = {0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
}  // namespace detail

[[nodiscard]] constexpr tl::expected<Uuid, Error> parse_uuid(std::string_view s) noexcept {
    if (s.size() != uuid_text_size || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-')
        return fail(Error::malformed_uuid);
    unsigned seen = 0;  // the OR of every digit's value: above 15 when one was not a hex digit
    const auto byte_at = [s, &seen](std::size_t at) {
        const unsigned hi = detail::hex_digits.value[static_cast<unsigned char>(s[at])];
        const unsigned lo = detail::hex_digits.value[static_cast<unsigned char>(s[at + 1])];
        seen |= hi | lo;
        return static_cast<std::uint8_t>(hi << 4 | lo);
    };
    // Written out, constant offsets (docs/benchmarks.md).
    const Uuid u{{byte_at(0), byte_at(2), byte_at(4), byte_at(6), byte_at(9), byte_at(11), byte_at(14), byte_at(16),
                  byte_at(19), byte_at(21), byte_at(24), byte_at(26), byte_at(28), byte_at(30), byte_at(32),
                  byte_at(34)}};
    if (seen > 15) return fail(Error::malformed_uuid);
    return u;
}

namespace detail {
inline constexpr char lower_hex[] = "0123456789abcdef";
}  // namespace detail

// Writes exactly uuid_text_size lowercase characters.
constexpr char* write_uuid(char* out, const Uuid& u) noexcept {
    out[8] = out[13] = out[18] = out[23] = '-';
    for (std::size_t b = 0; b < 16; ++b) {
        out[detail::uuid_digit_at[b]] = detail::lower_hex[u.bytes[b] >> 4];
        out[detail::uuid_digit_at[b] + 1u] = detail::lower_hex[u.bytes[b] & 0xF];
    }
    return out + uuid_text_size;
}

[[nodiscard]] inline std::string to_string(const Uuid& u) {
    std::string s(uuid_text_size, '\0');
    write_uuid(s.data(), u);
    return s;
}

namespace detail {
// A uniform byte from any UniformRandomBitGenerator, by rejection: the same job as
// std::uniform_int_distribution<unsigned>(0, 255), without <random>, which alone cost
// about a tenth of the library's include time (docs/benchmarks.md).
template <class UniformRandomBitGenerator>
[[nodiscard]] std::uint8_t random_byte(UniformRandomBitGenerator& gen) {
    using G = UniformRandomBitGenerator;
    const std::uint64_t range = static_cast<std::uint64_t>(G::max()) - static_cast<std::uint64_t>(G::min());
    const auto draw = [&gen] { return static_cast<std::uint64_t>(gen()) - static_cast<std::uint64_t>(G::min()); };
    if ((range & 0xFF) == 0xFF) return static_cast<std::uint8_t>(draw());  // 256 divides the range's size
    // Otherwise draws as digits in base range + 1 until there are at least 256 values,
    // keeping only the largest multiple of 256 of them.
    for (;;) {
        std::uint64_t value = 0;
        std::uint64_t size = 1;
        while (size < 256) {
            value = value * (range + 1) + draw();
            size *= range + 1;
        }
        if (value < size / 256 * 256) return static_cast<std::uint8_t>(value % 256);
    }
}
}  // namespace detail

// A random (version 4, variant 10) UUID. The caller chooses the generator: a
// std::random_device for real identifiers, a seeded engine for reproducible tests.
template <class UniformRandomBitGenerator>
[[nodiscard]] Uuid make_uuid_v4(UniformRandomBitGenerator& gen) {
    Uuid u;
    for (auto& b : u.bytes) b = detail::random_byte(gen);
    u.bytes[6] = static_cast<std::uint8_t>((u.bytes[6] & 0x0F) | 0x40);  // version 4
    u.bytes[8] = static_cast<std::uint8_t>((u.bytes[8] & 0x3F) | 0x80);  // variant 10
    return u;
}

// A time-ordered (version 7, variant 10; RFC 9562) UUID: its first 48 bits are `unix_ms`,
// milliseconds since 1970-01-01 UTC (taken modulo 2^48), big-endian, the other 74 random.
// Compared as bytes (operator<), v7 uuids follow their times, so a store keyed by them adds
// at its end. The caller passes the time: the library reads no clock.
template <class UniformRandomBitGenerator>
[[nodiscard]] Uuid make_uuid_v7(std::chrono::milliseconds unix_ms, UniformRandomBitGenerator& gen) {
    Uuid u = make_uuid_v4(gen);
    const auto t = static_cast<std::uint64_t>(unix_ms.count());
    u.bytes[0] = static_cast<std::uint8_t>(t >> 40);
    u.bytes[1] = static_cast<std::uint8_t>(t >> 32);
    u.bytes[2] = static_cast<std::uint8_t>(t >> 24);
    u.bytes[3] = static_cast<std::uint8_t>(t >> 16);
    u.bytes[4] = static_cast<std::uint8_t>(t >> 8);
    u.bytes[5] = static_cast<std::uint8_t>(t);
    u.bytes[6] = static_cast<std::uint8_t>((u.bytes[6] & 0x0F) | 0x70);  // version 7
    return u;
}

inline std::ostream& operator<<(std::ostream& os, const Uuid& u) {
    char buf[uuid_text_size];
    write_uuid(buf, u);
    return os.write(buf, static_cast<std::streamsize>(uuid_text_size));
}

}  // namespace voip

namespace std {
template <>
struct hash<voip::Uuid> {
    std::size_t operator()(const voip::Uuid& u) const noexcept {
        // FNV-1a over the bytes: random UUIDs are already well mixed.
        std::uint64_t h = 14695981039346656037ull;
        for (auto b : u.bytes) h = (h ^ b) * 1099511628211ull;
        return static_cast<std::size_t>(h);
    }
};
}  // namespace std
