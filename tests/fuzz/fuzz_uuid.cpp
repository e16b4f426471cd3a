// parse_uuid on any bytes: accepts exactly the canonical 8-4-4-4-12 hex texts, and what it
// accepts writes back as the same text in lowercase.
#include <voip/bundle/uuid.hpp>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto u = voip::parse_uuid(text);
    bool canonical = size == voip::uuid_text_size;
    for (std::size_t i = 0; canonical && i < size; ++i) {
        const bool hyphen = i == 8 || i == 13 || i == 18 || i == 23;
        canonical = hyphen ? text[i] == '-' : std::isxdigit(static_cast<unsigned char>(text[i])) != 0;
    }
    FUZZ_CHECK(u.has_value() == canonical);
    if (!u) {
        FUZZ_CHECK(u.error() == voip::Error::malformed_uuid);
        return 0;
    }
    char out[voip::uuid_text_size];
    voip::write_uuid(out, *u);
    for (std::size_t i = 0; i < size; ++i)
        FUZZ_CHECK(out[i] == static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
    const auto again = voip::parse_uuid(std::string_view(out, sizeof out));
    FUZZ_CHECK(again.has_value() && *again == *u);
    return 0;
}
