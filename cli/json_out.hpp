#pragma once
// A small JSON writer for the command's own answers (status, quote, sweep), in the seed's
// two layouts: compact, or one member a line with "name" : value and 4-space indents.
// Only what those answers need: names are fixed ASCII, strings are dates, UUIDs and names.
#include <cstdint>
#include <string>
#include <string_view>

#include <voip/bundle.hpp>

namespace voip_cli {

class JsonOut {
public:
    explicit JsonOut(bool pretty) : pretty_(pretty) {}

    JsonOut& open_object(std::string_view key = {}) { return open(key, '{'); }
    JsonOut& open_array(std::string_view key = {}) { return open(key, '['); }
    JsonOut& close_object() { return close('}'); }
    JsonOut& close_array() { return close(']'); }

    JsonOut& string(std::string_view key, std::string_view value) {
        member(key);
        out_ += '"';
        out_ += value;
        out_ += '"';
        return *this;
    }
    JsonOut& integer(std::string_view key, std::int64_t value) {
        member(key);
        out_ += std::to_string(value);
        return *this;
    }
    JsonOut& boolean(std::string_view key, bool value) {
        member(key);
        out_ += value ? "true" : "false";
        return *this;
    }
    JsonOut& date(std::string_view key, date::sys_days day) { return string(key, voip::to_iso_string(day)); }

    [[nodiscard]] const std::string& text() const noexcept { return out_; }

private:
    JsonOut& open(std::string_view key, char bracket) {
        member(key);
        out_ += bracket;
        ++depth_;
        first_ = true;
        return *this;
    }
    JsonOut& close(char bracket) {
        --depth_;
        if (pretty_ && !first_) newline();
        out_ += bracket;
        first_ = false;
        return *this;
    }
    void newline() {
        out_ += '\n';
        out_.append(static_cast<std::size_t>(depth_) * 4, ' ');
    }
    void member(std::string_view key) {
        if (depth_ == 0) return;
        if (!first_) out_ += ',';
        first_ = false;
        if (pretty_) newline();
        if (key.empty()) return;  // an array element
        out_ += '"';
        out_ += key;
        out_ += pretty_ ? "\" : " : "\":";
    }

    bool pretty_;
    int depth_ = 0;
    bool first_ = true;
    std::string out_;
};

}  // namespace voip_cli
