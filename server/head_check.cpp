// The raw header section of a request, checked byte by byte as it arrives (http_server.hpp).
#include "http_server.hpp"

#include <algorithm>
#include <cstring>

namespace voip_sandbox {

namespace {

constexpr std::size_t max_line = CPPHTTPLIB_HEADER_MAX_LENGTH + 2;

constexpr char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_name(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

// RFC 9110 5.6.2: a field name is a token.
bool token(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (const char c : s) {
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && std::strchr("!#$%&'*+-.^_`|~", c) == nullptr) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool digits(std::string_view s, std::uint64_t& out) noexcept {
    if (s.empty() || s.size() > 18) return false;  // 18 digits cannot overflow; any such body is refused anyway
    out = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return true;
}


}  // namespace

std::string_view name(HeadError e) noexcept {
    switch (e) {
        case HeadError::none: return "none";
        case HeadError::malformed_header_line: return "malformed_header_line";
        case HeadError::missing_host: return "missing_host";
        case HeadError::duplicate_host: return "duplicate_host";
        case HeadError::invalid_content_length: return "invalid_content_length";
        case HeadError::content_length_with_chunked: return "content_length_with_chunked";
    }
    return "none";
}

std::size_t HeadCheck::feed(const char* data, std::size_t n) {
    std::size_t i = 0;
    for (; i < n && !done_ && limit_ == 0; ++i) {
        if (line_.size() < max_line) line_ += data[i];
        else overlong_ = true;
        if (request_line_) {
            // httplib answers 414 to a long target only once it has read the headers after it.
            if (overlong_) limit(414, "malformed_request");
        } else if (++bytes_ > max_header_bytes) {
            limit(431, "headers_too_large");
        }
        if (data[i] == '\n') end_line();
    }
    return i;
}

void HeadCheck::limit(int status, std::string_view rule) noexcept {
    limit_ = status;
    limit_rule_ = rule;
}

void HeadCheck::end_line() {
    const std::string_view line = line_;
    if (request_line_) {
        request_line_ = false;
        http11_ = line.size() >= 10 && line.substr(line.size() - 10) == "HTTP/1.1\r\n";
        // The methods httplib reads a body for.
        const std::string_view method = line.substr(0, line.find(' '));
        carries_body_ = method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE" || method == "PRI";
    } else if (line == "\r\n") {
        done_ = true;
    } else {
        if (++lines_ > max_header_count) limit(431, "too_many_headers");
        if (!overlong_) header_line(line);
    }
    line_.clear();
    overlong_ = false;
}

void HeadCheck::header_line(std::string_view line) {
    const auto fail = [this](HeadError e) {
        if (error_ == HeadError::none) error_ = e;
    };
    // httplib skips a line ended by a bare LF, and one without a colon: the client meant
    // something the server would not see.
    if (line.size() < 2 || line.substr(line.size() - 2) != "\r\n") return fail(HeadError::malformed_header_line);
    line.remove_suffix(2);
    const std::size_t colon = line.find(':');
    // A space before the colon, or a line folded onto the one before, is no token (RFC 9112 5.1, 5.2).
    if (colon == std::string_view::npos || !token(line.substr(0, colon))) return fail(HeadError::malformed_header_line);
    const std::string_view field = line.substr(0, colon);
    const std::string_view value = trim(line.substr(colon + 1));
    if (same_name(field, "host")) {
        ++hosts_;
    } else if (same_name(field, "expect")) {
        expects_continue_ = same_name(value, "100-continue");
    } else if (same_name(field, "transfer-encoding")) {
        chunked_ = true;
    } else if (same_name(field, "content-length")) {
        std::uint64_t v = 0;
        if (!digits(value, v) || (has_length_ && v != length_)) return fail(HeadError::invalid_content_length);
        has_length_ = true;
        length_ = v;
    }
}

HeadError HeadCheck::error() const noexcept {
    if (error_ != HeadError::none) return error_;
    if (http11_ && hosts_ == 0) return HeadError::missing_host;
    if (hosts_ > 1) return HeadError::duplicate_host;
    if (has_length_ && chunked_) return HeadError::content_length_with_chunked;
    return HeadError::none;
}

}  // namespace voip_sandbox
