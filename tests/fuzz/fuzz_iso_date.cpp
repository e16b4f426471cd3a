// parse_iso_date on any bytes: a day in range exactly when the text is YYYY-MM-DD naming a
// real day in 0001..9999, and what it accepts writes back byte for byte.
#include <voip/bundle/iso_date.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in(int y, int m) {
    static const int table[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : table[m];
}
int digits(std::string_view s, std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto d = voip::parse_iso_date(text);
    bool valid = size == 10 && text[4] == '-' && text[7] == '-';
    if (valid) {
        const int y = digits(text, 0, 4), m = digits(text, 5, 2), day = digits(text, 8, 2);
        valid = y >= 1 && m >= 1 && m <= 12 && day >= 1 && day <= days_in(y, m);
    }
    FUZZ_CHECK(d.has_value() == valid);
    if (!d) {
        FUZZ_CHECK(d.error() == voip::Error::malformed_date);
        return 0;
    }
    FUZZ_CHECK(voip::in_range(*d));
    char out[voip::iso_date_size];
    voip::write_iso_date(out, *d);
    FUZZ_CHECK(std::string_view(out, sizeof out) == text);
    return 0;
}
