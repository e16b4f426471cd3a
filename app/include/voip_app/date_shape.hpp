// Whether a text is shaped YYYY-MM-DD, to tell "not a date at all" from "a day the calendar lacks".
#pragma once
// voip::parse_iso_date answers malformed_date for both "18-08-01" and "2018-02-30"; a person
// fixes them differently (the format, or the day), so the command's messages tell which.
#include <cstddef>
#include <string_view>

namespace voip_app {

// Ten characters: four digits, '-', two digits, '-', two digits; whatever their values.
[[nodiscard]] constexpr bool has_iso_date_shape(std::string_view s) noexcept {
    if (s.size() != 10) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
    }
    return true;
}

// What is wrong with a date text that parse_iso_date refused.
[[nodiscard]] constexpr std::string_view date_problem(std::string_view s) noexcept {
    return has_iso_date_shape(s) ? "not a calendar day" : "not YYYY-MM-DD";
}

}  // namespace voip_app
