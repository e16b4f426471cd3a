// A small JSON writer for the programs' own answers (status, quote, sweep) in the seed's two layouts.
#pragma once
// Compact, or one member a line with "name" : value and 4-space indents. Only what those
// answers need: names are fixed ASCII, strings are dates, UUIDs and names, but for
// any_text (a path the user gave).
#include <cstdint>
#include <string>
#include <string_view>

#include <voip/bundle.hpp>

namespace voip_app {

class JsonOut {
public:
    explicit JsonOut(bool pretty) : pretty_(pretty) {}

    JsonOut& open_object(std::string_view key = {}) { return open(key, '{'); }
    JsonOut& open_array(std::string_view key = {}) { return open(key, '['); }
    JsonOut& close_object() { return close('}'); }
    JsonOut& close_array() { return close(']'); }

    // `value` as it is: the programs' own names, dates and UUIDs (ASCII, nothing to escape).
    JsonOut& string(std::string_view key, std::string_view value);
    // Any text (a file name), escaped; bytes that are not UTF-8 become U+FFFD.
    JsonOut& any_text(std::string_view key, std::string_view value);
    JsonOut& null(std::string_view key);
    JsonOut& integer(std::string_view key, std::int64_t value);
    JsonOut& boolean(std::string_view key, bool value);
    JsonOut& date(std::string_view key, date::sys_days day);

    [[nodiscard]] const std::string& text() const noexcept { return out_; }

private:
    JsonOut& open(std::string_view key, char bracket);
    JsonOut& close(char bracket);
    void newline();
    void member(std::string_view key);

    bool pretty_;
    int depth_ = 0;
    bool first_ = true;
    std::string out_;
};

}  // namespace voip_app
