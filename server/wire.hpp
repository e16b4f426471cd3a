// The sandbox's HTTP answers: a request and a response as plain values, and the envelopes.
#pragma once
// Every answer is the seed's envelope {"result": ..., "status_code": N, "status_message": M}:
// the seed's operations through the library's writer (voip::to_string), the sandbox's own
// routes and refusals through the same three members here. An error's rule name travels in
// the X-Sandbox-Error header, so the seed's bodies stay byte for byte the seed's.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>
#include <voip/bundle.hpp>

namespace voip_sandbox {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method;
    std::string target;  // as sent: the path and query, still percent-encoded
    Headers headers;     // names as sent; looked up without regard to case
    std::string body;
};

struct HttpResponse {
    int status = 500;
    std::string body;
    Headers headers;
    // An armed fault's effect (POST /sandbox/faults), carried out by the HTTP layer: the
    // answer held back this long, or the connection closed instead of answering.
    int delay_ms = 0;
    bool drop = false;
};

// The first value of a header, by case-insensitive name; null when absent.
[[nodiscard]] const std::string* header(const HttpRequest& r, std::string_view name);

// The reason phrase the envelope's status_message carries (the seed's for its statuses).
[[nodiscard]] std::string_view status_message(int status) noexcept;

// {"result": result, "status_code": status, "status_message": ...}.
[[nodiscard]] HttpResponse envelope(int status, const nlohmann::ordered_json& result);

// An envelope with an empty result, and X-Sandbox-Error: rule.
[[nodiscard]] HttpResponse refusal(int status, std::string_view rule);

// One of the seed's envelopes, written by the library.
[[nodiscard]] HttpResponse seed_envelope(const voip::Envelope& e);

// A sandbox route's body as a JSON object, or the refusal to answer. The library's strict
// decoder reads it first, so it is refused exactly as a seed route's body would be (400
// duplicate_member, invalid_utf8, nesting_too_deep, body_not_object, ...); nlohmann's parser,
// which keeps the last of two members of one name, only sees text already accepted.
[[nodiscard]] tl::expected<nlohmann::ordered_json, HttpResponse> json_object(std::string_view body);

// The members the sandbox adds to the library's objects (docs/sandbox.md).
inline constexpr std::string_view updated_on_name = "updated_on";  // the day of the last change
inline constexpr std::string_view customer_name = "customer";      // X-Auth-For at creation; null for the account
inline constexpr std::string_view lapsed_name = "lapsed";          // its lapsed event was recorded

// Member values as the seed writes them.
[[nodiscard]] std::string iso(date::sys_days day);

}  // namespace voip_sandbox
