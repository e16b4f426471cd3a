#pragma once
// A UUID as 16 bytes: parsed from canonical 8-4-4-4-12 hex text in either case,
// always printed lowercase.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <random>
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
[[nodiscard]] constexpr int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
// Where the hyphens of 8-4-4-4-12 are.
[[nodiscard]] constexpr bool is_hyphen_position(std::size_t i) noexcept {
    return i == 8 || i == 13 || i == 18 || i == 23;
}
}  // namespace detail

[[nodiscard]] constexpr tl::expected<Uuid, Error> parse_uuid(std::string_view s) noexcept {
    if (s.size() != uuid_text_size) return fail(Error::malformed_uuid);
    Uuid u;
    std::size_t b = 0;
    for (std::size_t i = 0; i < uuid_text_size;) {
        if (detail::is_hyphen_position(i)) {
            if (s[i] != '-') return fail(Error::malformed_uuid);
            ++i;
            continue;
        }
        const int hi = detail::hex_value(s[i]);
        const int lo = detail::hex_value(s[i + 1]);
        if (hi < 0 || lo < 0) return fail(Error::malformed_uuid);
        u.bytes[b++] = static_cast<std::uint8_t>(hi << 4 | lo);
        i += 2;
    }
    return u;
}

// Writes exactly uuid_text_size lowercase characters.
constexpr char* write_uuid(char* out, const Uuid& u) noexcept {
    constexpr char hex[] = "0123456789abcdef";
    std::size_t b = 0;
    for (std::size_t i = 0; i < uuid_text_size;) {
        if (detail::is_hyphen_position(i)) {
            out[i++] = '-';
            continue;
        }
        out[i] = hex[u.bytes[b] >> 4];
        out[i + 1] = hex[u.bytes[b] & 0xF];
        ++b;
        i += 2;
    }
    return out + uuid_text_size;
}

[[nodiscard]] inline std::string to_string(const Uuid& u) {
    std::string s(uuid_text_size, '\0');
    write_uuid(s.data(), u);
    return s;
}

// A random (version 4, variant 10) UUID. The caller chooses the generator: a
// std::random_device for real identifiers, a seeded engine for reproducible tests.
template <class UniformRandomBitGenerator>
[[nodiscard]] Uuid make_uuid_v4(UniformRandomBitGenerator& gen) {
    // A distribution per byte is uniform whatever the generator's range.
    std::uniform_int_distribution<unsigned> byte(0, 255);
    Uuid u;
    for (auto& b : u.bytes) b = static_cast<std::uint8_t>(byte(gen));
    u.bytes[6] = static_cast<std::uint8_t>((u.bytes[6] & 0x0F) | 0x40);  // version 4
    u.bytes[8] = static_cast<std::uint8_t>((u.bytes[8] & 0x3F) | 0x80);  // variant 10
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
