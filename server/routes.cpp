// Matching a request to the route table (routes.hpp) and decoding its target.
#include "routes.hpp"

#include <algorithm>

namespace voip_sandbox {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// %XX to the byte; false for a '%' without two hex digits. '+' stays '+' (a path, not a form).
bool percent_decode(std::string_view in, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out += in[i];
            continue;
        }
        if (i + 2 >= in.size()) return false;
        const int hi = hex_value(in[i + 1]);
        const int lo = hex_value(in[i + 2]);
        if (hi < 0 || lo < 0) return false;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return true;
}

// Splits "/a/b" at '/', calling f(segment) for each (the first, before the leading '/', skipped).
template <class F>
bool each_segment(std::string_view path, F&& f) {
    std::size_t start = 1;
    while (true) {
        const std::size_t end = path.find('/', start);
        if (!f(path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start))) return false;
        if (end == std::string_view::npos) return true;
        start = end + 1;
    }
}

// The path against a pattern; on a match, the {name} segment (if any) goes to `segment`.
bool matches(std::string_view pattern, std::string_view path, std::string& segment) {
    std::size_t p = 0;
    std::size_t q = 0;
    while (p < pattern.size() && q < path.size()) {
        if (pattern[p] == '{') {
            const std::size_t end = path.find('/', q);
            const std::size_t stop = end == std::string_view::npos ? path.size() : end;
            if (stop == q) return false;  // an empty segment names nothing
            segment.assign(path.substr(q, stop - q));
            p = pattern.find('}', p) + 1;
            q = stop;
            continue;
        }
        if (pattern[p] != path[q]) return false;
        ++p;
        ++q;
    }
    return p == pattern.size() && q == path.size();
}

}  // namespace

tl::expected<Target, TargetError> parse_target(std::string_view target) {
    if (target.empty() || target.front() != '/') return tl::make_unexpected(TargetError::malformed);
    const std::size_t question = target.find('?');
    const std::string_view raw_path = target.substr(0, question);
    Target t;
    if (question != std::string_view::npos) t.query.assign(target.substr(question + 1));
    if (raw_path.find('#') != std::string_view::npos) return tl::make_unexpected(TargetError::malformed);
    if (!percent_decode(raw_path, t.path)) return tl::make_unexpected(TargetError::bad_percent_encoding);
    // The query too: query_value() answers "absent" for a value it cannot decode, so
    // ?after=%zz would have been read as no `after` at all.
    if (std::string query; !percent_decode(t.query, query)) return tl::make_unexpected(TargetError::bad_percent_encoding);
    // A decoded '/' or NUL would make a segment mean something else than it was sent as.
    for (const char c : t.path)
        if (c == '\0') return tl::make_unexpected(TargetError::bad_percent_encoding);
    if (std::count(raw_path.begin(), raw_path.end(), '/') != std::count(t.path.begin(), t.path.end(), '/'))
        return tl::make_unexpected(TargetError::bad_percent_encoding);
    bool dots = false;
    each_segment(t.path, [&](std::string_view s) {
        dots = s == "." || s == "..";
        return !dots;
    });
    if (dots) return tl::make_unexpected(TargetError::dot_segment);
    return t;
}

std::optional<Match> match_route(std::string_view method, std::string_view path) {
    Match m;
    bool known = false;
    std::string segment;
    for (const RouteEntry& r : routes) {
        if (!matches(r.path, path, segment)) continue;
        const std::string_view name = method_names[static_cast<std::size_t>(r.method)];
        if (known) m.allow += ", ";
        m.allow += name;
        known = true;
        if (name == method || (method == "HEAD" && r.method == Method::get)) {
            m.entry = &r;
            m.segment = segment;
        }
    }
    if (!known) return std::nullopt;
    return m;
}

std::optional<std::string> query_value(std::string_view query, std::string_view name) {
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const std::size_t eq = pair.find('=');
        if (pair.substr(0, eq) == name) {
            std::string value;
            if (eq == std::string_view::npos) return value;
            if (!percent_decode(pair.substr(eq + 1), value)) return std::nullopt;
            return value;
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return std::nullopt;
}

std::optional<std::vector<std::pair<std::string, std::string>>> query_pairs(std::string_view query) {
    std::vector<std::pair<std::string, std::string>> out;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const std::size_t eq = pair.find('=');
        std::string name;
        std::string value;
        if (!percent_decode(pair.substr(0, eq), name)) return std::nullopt;
        if (eq != std::string_view::npos && !percent_decode(pair.substr(eq + 1), value)) return std::nullopt;
        if (!pair.empty()) out.emplace_back(std::move(name), std::move(value));
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return out;
}

}  // namespace voip_sandbox
