// A small JSON writer for voip-bundle's own answers: members, nesting and the two layouts.
#include <voip_app/json_out.hpp>

#include <cstddef>

#include <nlohmann/json.hpp>

namespace voip_app {

JsonOut& JsonOut::string(std::string_view key, std::string_view value) {
    member(key);
    out_ += '"';
    out_ += value;
    out_ += '"';
    return *this;
}

JsonOut& JsonOut::any_text(std::string_view key, std::string_view value) {
    member(key);
    out_ += nlohmann::json(std::string(value)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return *this;
}

JsonOut& JsonOut::null(std::string_view key) {
    member(key);
    out_ += "null";
    return *this;
}

JsonOut& JsonOut::integer(std::string_view key, std::int64_t value) {
    member(key);
    out_ += std::to_string(value);
    return *this;
}

JsonOut& JsonOut::boolean(std::string_view key, bool value) {
    member(key);
    out_ += value ? "true" : "false";
    return *this;
}

JsonOut& JsonOut::date(std::string_view key, date::sys_days day) { return string(key, voip::to_iso_string(day)); }

JsonOut& JsonOut::open(std::string_view key, char bracket) {
    member(key);
    out_ += bracket;
    ++depth_;
    first_ = true;
    return *this;
}

JsonOut& JsonOut::close(char bracket) {
    --depth_;
    if (pretty_ && !first_) newline();
    out_ += bracket;
    first_ = false;
    return *this;
}

void JsonOut::newline() {
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth_) * 4, ' ');
}

void JsonOut::member(std::string_view key) {
    if (depth_ == 0) return;
    if (!first_) out_ += ',';
    first_ = false;
    if (pretty_) newline();
    if (key.empty()) return;  // an array element
    out_ += '"';
    out_ += key;
    out_ += pretty_ ? "\" : " : "\":";
}

}  // namespace voip_app
