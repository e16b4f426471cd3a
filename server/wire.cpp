// The sandbox's envelopes and header lookups (wire.hpp).
#include "wire.hpp"

#include <voip/bundle_json.hpp>

namespace voip_sandbox {

namespace {
// ASCII only, as HTTP's field names; no locale (std::tolower was 3 % of a GET's time).
constexpr char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool same_name(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}
}  // namespace

const std::string* header(const HttpRequest& r, std::string_view name) {
    for (const auto& [k, v] : r.headers)
        if (same_name(k, name)) return &v;
    return nullptr;
}

std::string_view status_message(int status) noexcept {
    switch (status) {
        case 200: return voip::status_message(voip::Status::ok);
        case 201: return voip::status_message(voip::Status::created);
        case 400: return voip::status_message(voip::Status::bad_request);
        case 401: return "Unauthorized";
        case 402: return voip::status_message(voip::Status::payment_required);
        case 404: return voip::status_message(voip::Status::not_found);
        case 405: return "Method Not Allowed";
        case 408: return "Request Timeout";
        case 413: return "Payload Too Large";
        case 414: return "URI Too Long";
        case 431: return "Request Header Fields Too Large";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return status < 500 ? "Bad Request" : "Internal Server Error";
    }
}

HttpResponse envelope(int status, const nlohmann::ordered_json& result) {
    nlohmann::ordered_json e;
    e[std::string(voip::schema::envelope[0].name)] = result;
    e[std::string(voip::schema::envelope[1].name)] = status;
    e[std::string(voip::schema::envelope[2].name)] = status_message(status);
    // Replacement, not an exception, for text that is not UTF-8 (it can only come from a request).
    return {status, e.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace), {}};
}

HttpResponse refusal(int status, std::string_view rule) {
    HttpResponse r = envelope(status, nlohmann::ordered_json::object());
    r.headers.emplace_back("X-Sandbox-Error", std::string(rule));
    return r;
}

HttpResponse seed_envelope(const voip::Envelope& e) {
    HttpResponse r{static_cast<int>(voip::code(e.status())), voip::to_string(e), {}};
    if (!e.outcome()) r.headers.emplace_back("X-Sandbox-Error", std::string(voip::name(e.outcome().error())));
    return r;
}

tl::expected<nlohmann::ordered_json, HttpResponse> json_object(std::string_view body) {
    if (body.size() > voip::max_body_size) return tl::make_unexpected(refusal(413, "body_too_large"));
    if (const auto checked = voip::check_json_object(body); !checked)
        return tl::make_unexpected(seed_envelope(voip::error_envelope(checked.error())));
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(body, nullptr, false);
    // What the library reads as a number and nlohmann cannot hold (1e999).
    if (j.is_discarded()) return tl::make_unexpected(refusal(400, voip::name(voip::Error::invalid_json)));
    return j;
}

std::string iso(date::sys_days day) { return voip::to_iso_string(day); }

}  // namespace voip_sandbox
