#include <voip/bundle/uuid.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

using namespace voip;

TEST_CASE("parse either case, print lowercase") {
    const auto lower = parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
    const auto upper = parse_uuid("0FBA8C48-99FC-4727-8CA7-C847376DA415");
    const auto mixed = parse_uuid("0fBa8C48-99fc-4727-8CA7-c847376dA415");
    REQUIRE(lower);
    REQUIRE(upper);
    REQUIRE(mixed);
    CHECK(*lower == *upper);
    CHECK(*lower == *mixed);
    CHECK(to_string(*upper) == "0fba8c48-99fc-4727-8ca7-c847376da415");
    CHECK(lower->bytes[0] == 0x0f);
    CHECK(lower->bytes[15] == 0x15);
    CHECK(lower->version() == 4);
    std::ostringstream os;
    os << *mixed;
    CHECK(os.str() == "0fba8c48-99fc-4727-8ca7-c847376da415");
}

TEST_CASE("anything but canonical 8-4-4-4-12 hex is malformed_uuid") {
    for (const char* s : {"", "0fba8c48-99fc-4727-8ca7-c847376da41", "0fba8c48-99fc-4727-8ca7-c847376da4151",
                          "0fba8c4899fc47278ca7c847376da415", "{0fba8c48-99fc-4727-8ca7-c847376da415}",
                          "0fba8c48-99fc-4727-8ca7c-847376da415", "0fba8c4-899fc-4727-8ca7-c847376da415",
                          "0fba8c48_99fc-4727-8ca7-c847376da415", "0fba8c48-99fc-4727-8ca7-c847376da41g",
                          "0fba8c48-99fc-4727-8ca7-c847376da41 ", " fba8c48-99fc-4727-8ca7-c847376da415",
                          "urn:uuid:0fba8c48-99fc-4727-8ca7-c84737", "0fba8c48-99fc_4727-8ca7-c847376da415",
                          "0fba8c48-99fc-4727_8ca7-c847376da415", "0fba8c48-99fc-4727-8ca7_c847376da415"}) {
        CAPTURE(s);
        const auto u = parse_uuid(s);
        REQUIRE_FALSE(u);
        CHECK(u.error() == Error::malformed_uuid);
    }
}

TEST_CASE("every byte value round-trips") {
    Uuid u;
    for (int v = 0; v < 256; ++v) {
        for (auto& b : u.bytes) b = static_cast<std::uint8_t>(v);
        const auto back = parse_uuid(to_string(u));
        REQUIRE(back);
        CHECK(*back == u);
    }
}

TEST_CASE("make_uuid_v4 sets version and variant and draws from the caller's generator") {
    std::mt19937 gen(42);
    std::set<Uuid> seen;
    for (int i = 0; i < 1000; ++i) {
        const Uuid u = make_uuid_v4(gen);
        CHECK(u.version() == 4);
        CHECK((u.bytes[8] & 0xC0) == 0x80);
        seen.insert(u);
    }
    CHECK(seen.size() == 1000);
    std::mt19937 a(7), b(7);
    CHECK(make_uuid_v4(a) == make_uuid_v4(b));  // reproducible with a seeded engine
    std::minstd_rand narrow(1);                 // a generator whose range is not a power of two
    CHECK(make_uuid_v4(narrow).version() == 4);
}

TEST_CASE("ordering and hashing") {
    const Uuid a = *parse_uuid("00000000-0000-0000-0000-000000000001");
    const Uuid b = *parse_uuid("00000000-0000-0000-0000-000000000002");
    CHECK(a < b);
    CHECK_FALSE(b < a);
    CHECK_FALSE(a < a);
    CHECK(a != b);
    std::unordered_set<Uuid> set{a, b, a};
    CHECK(set.size() == 2);
}

constexpr auto parsed_seed_uuid = parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
static_assert((*parsed_seed_uuid).bytes[1] == 0xba);
static_assert(!parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da41x"));
static_assert(noexcept(parse_uuid("")));
static_assert(sizeof(Uuid) == 16);

// Found by mutation testing: the order looks at the first byte too, and every hex digit
// of either case reads as its value.
TEST_CASE("Uuid order starts at the first byte, every hex digit parses") {
    const Uuid lo = *parse_uuid("00000000-0000-0000-0000-00000000000f");
    const Uuid hi = *parse_uuid("01000000-0000-0000-0000-000000000000");
    CHECK(lo < hi);
    CHECK_FALSE(hi < lo);
    const auto u = parse_uuid("01234567-89ab-cdef-ABCD-EF0123456789");
    REQUIRE(u);
    CHECK(to_string(*u) == "01234567-89ab-cdef-abcd-ef0123456789");
    CHECK_FALSE(parse_uuid("01234567-89ab-cdef-abcd-ef012345678g"));
    CHECK_FALSE(parse_uuid("01234567-89ab-cdef-abcd-ef012345678G"));
    CHECK_FALSE(parse_uuid("01234567-89ab-cdef-abcd-ef012345678/"));
    CHECK_FALSE(parse_uuid("01234567-89ab-cdef-abcd-ef012345678:"));  // the byte after '9'
    CHECK_FALSE(parse_uuid("01234567-89ab-cdef-abcd-ef012345678`"));  // and those before 'a' and 'A'
    CHECK_FALSE(parse_uuid("01234567-89ab-cdef-abcd-ef012345678@"));
}

// A generator whose range is not a multiple of 256 (minstd_rand: 1..2^31-2) goes through
// the rejection loop: every byte value still comes out, and the fixed bits stay fixed.
TEST_CASE("make_uuid_v4 through the rejection loop gives every byte value") {
    std::minstd_rand gen(42);
    std::set<int> seen, version_low, variant_low;
    int zeros = 0, same_as_next = 0, same_as_before = 0;
    for (int i = 0; i < 400; ++i) {
        const Uuid u = make_uuid_v4(gen);
        CHECK(u.version() == 4);
        CHECK((u.bytes[8] & 0xC0) == 0x80);
        for (std::size_t k = 0; k < 16; ++k)
            if (k != 6 && k != 8) {
                seen.insert(u.bytes[k]);
                zeros += u.bytes[k] == 0;
            }
        version_low.insert(u.bytes[6] & 0x0F);
        variant_low.insert(u.bytes[8] & 0x3F);
        // The kept bits are byte 6's and 8's own, not a neighbour's.
        same_as_next += (u.bytes[6] & 0x0F) == (u.bytes[7] & 0x0F) || (u.bytes[8] & 0x3F) == (u.bytes[9] & 0x3F);
        same_as_before += (u.bytes[6] & 0x0F) == (u.bytes[5] & 0x0F) || (u.bytes[8] & 0x3F) == (u.bytes[7] & 0x3F);
    }
    CHECK(seen.size() == 256);
    CHECK(version_low.size() == 16);  // every value of the bits version 4 leaves random
    CHECK(variant_low.size() == 64);
    CHECK(same_as_next < 100);        // about 1/16 + 1/64 of 400 when independent
    CHECK(same_as_before < 100);
    CHECK(zeros < 35);                // 5,600 bytes: about 22 zeros when uniform
}

// Found by mutation testing: the hash is FNV-1a (offset basis and prime as published).
TEST_CASE("std::hash<Uuid> is FNV-1a over the 16 bytes") {
    if constexpr (sizeof(std::size_t) == 8) CHECK(std::hash<Uuid>{}(Uuid{}) == 9808874869469701221ull);
}

namespace {
// Plays back a fixed list of draws in [0, Max], then zeros (kept at once: no hang); every
// test checks `used`, so a draw past the script fails it. No throw: the suite also builds
// with -fno-exceptions.
template <unsigned Max>
struct Script {
    using result_type = unsigned;
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return Max; }
    std::vector<unsigned> draws;
    std::size_t used = 0;
    result_type operator()() {
        const std::size_t at = used++;
        return at < draws.size() ? draws[at] : 0;
    }
};
}  // namespace

// Found by mutation testing: which draws the rejection loop keeps. A generator of range
// [0, B - 1] gives digits in base B, most significant first, until there are at least 256
// values; of the B^k values the largest multiple of 256 is kept and the byte is value % 256,
// otherwise it draws k digits again.
TEST_CASE("random_byte: the draws the rejection loop keeps, digit by digit") {
    // Base 10: three digits, 0..767 kept. Each value is followed by 0 0 1, kept as byte 1.
    for (unsigned v = 0; v < 1000; ++v) {
        Script<9> s{{v / 100, v / 10 % 10, v % 10, 0, 0, 1}};
        CAPTURE(v);
        CHECK(int{detail::random_byte(s)} == static_cast<int>(v < 768 ? v % 256 : 1));
        CHECK(s.used == (v < 768 ? 3u : 6u));
    }
    // Base 16: two digits make exactly 256 values, all kept.
    for (unsigned v = 0; v < 256; ++v) {
        Script<15> s{{v / 16, v % 16}};
        CHECK(int{detail::random_byte(s)} == static_cast<int>(v));
        CHECK(s.used == 2);
    }
    // Base 255: one digit is too few values, two make 65,025, of which 0..65,023 are kept.
    for (const unsigned v : {0u, 255u, 256u, 65023u, 65024u}) {
        Script<254> s{{v / 255, v % 255, 0, 7}};
        CAPTURE(v);
        CHECK(int{detail::random_byte(s)} == static_cast<int>(v < 65024 ? v % 256 : 7));
        CHECK(s.used == (v < 65024 ? 2u : 4u));
    }
    // Base 2: eight bits, every value kept.
    Script<1> bits{{1, 0, 1, 1, 0, 0, 1, 0}};
    CHECK(int{detail::random_byte(bits)} == 0xB2);
    CHECK(bits.used == 8);
}

TEST_CASE("make_uuid_v7: the time first, big-endian, then version 7, variant 10 and random bits") {
    std::mt19937_64 gen(7);
    const Uuid u = make_uuid_v7(std::chrono::milliseconds{0x0123456789ABLL}, gen);
    CHECK(to_string(u).substr(0, 13) == "01234567-89ab");
    CHECK(u.version() == 7);
    CHECK((u.bytes[8] & 0xC0) == 0x80);
    // Later times sort later, whatever the random bits; the same time draws apart.
    Uuid before = make_uuid_v7(std::chrono::milliseconds{1'765'000'000'000LL}, gen);
    for (long long ms = 1'765'000'000'001LL; ms < 1'765'000'000'200LL; ++ms) {
        const Uuid next = make_uuid_v7(std::chrono::milliseconds{ms}, gen);
        CHECK(before < next);
        before = next;
    }
    const std::chrono::milliseconds same{1'765'000'000'000LL};
    CHECK(make_uuid_v7(same, gen) != make_uuid_v7(same, gen));
    // The time fills 6 bytes, no more: byte 6's low half is random (the version its high half).
    std::set<int> low_halves;
    int differs_from_next = 0;  // byte 6's own random half, not a copy of byte 7's
    for (int k = 0; k < 64; ++k) {
        const Uuid drawn = make_uuid_v7(same, gen);
        low_halves.insert(drawn.bytes[6] & 0x0F);
        differs_from_next += (drawn.bytes[6] & 0x0F) != (drawn.bytes[7] & 0x0F);
    }
    CHECK(low_halves.size() > 8);
    CHECK(differs_from_next > 32);
    // Modulo 2^48: the bits above the 48th are dropped.
    CHECK(to_string(make_uuid_v7(std::chrono::milliseconds{(1LL << 48) + 5}, gen)).substr(0, 13) == "00000000-0005");
}
