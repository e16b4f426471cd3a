// The sandbox's routes (docs/sandbox.md 1): one table, matched on a request's decoded path.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace voip_sandbox {

enum class Method : std::uint8_t { get, post, put, del };
inline constexpr std::array<std::string_view, 4> method_names{"GET", "POST", "PUT", "DELETE"};

enum class Route : std::uint8_t {
    list_bundles,   // GET /voip/bundle
    create,         // POST /voip/bundle
    get_bundle,     // GET /voip/bundle/{uuid}
    update,         // PUT /voip/bundle/{uuid}
    renew,          // POST /voip/bundle/{uuid}/renew
    bundle_state,   // GET /sandbox/bundle/{uuid}
    get_clock,      // GET /sandbox/clock
    move_clock,     // POST /sandbox/clock
    events,         // GET /sandbox/events
    account,        // GET /sandbox/account
    set_balance,    // POST /sandbox/account
    create_account, // POST /sandbox/accounts
    delete_account, // DELETE /sandbox/accounts/{reseller}
    arm_fault,      // POST /sandbox/faults
    list_faults,    // GET /sandbox/faults
    reset,          // POST /sandbox/reset
    health,         // GET /sandbox/health
    openapi,        // GET /openapi.json
};

struct RouteEntry {
    std::string_view path;  // "{uuid}", "{reseller}": one path segment
    Method method;
    Route route;
    bool open;  // answered without credentials
};

// Every route; docs/openapi.json lists the same (a test compares them).
inline constexpr std::array<RouteEntry, 18> routes{{
    {"/voip/bundle", Method::get, Route::list_bundles, false},
    {"/voip/bundle", Method::post, Route::create, false},
    {"/voip/bundle/{uuid}", Method::get, Route::get_bundle, false},
    {"/voip/bundle/{uuid}", Method::put, Route::update, false},
    {"/voip/bundle/{uuid}/renew", Method::post, Route::renew, false},
    {"/sandbox/bundle/{uuid}", Method::get, Route::bundle_state, false},
    {"/sandbox/clock", Method::get, Route::get_clock, false},
    {"/sandbox/clock", Method::post, Route::move_clock, false},
    {"/sandbox/events", Method::get, Route::events, false},
    {"/sandbox/account", Method::get, Route::account, false},
    {"/sandbox/account", Method::post, Route::set_balance, false},
    {"/sandbox/accounts", Method::post, Route::create_account, false},
    {"/sandbox/accounts/{reseller}", Method::del, Route::delete_account, false},
    {"/sandbox/faults", Method::post, Route::arm_fault, false},
    {"/sandbox/faults", Method::get, Route::list_faults, false},
    {"/sandbox/reset", Method::post, Route::reset, false},
    {"/sandbox/health", Method::get, Route::health, true},
    {"/openapi.json", Method::get, Route::openapi, true},
}};

// A request target split and percent-decoded; what cannot be decoded safely is refused.
struct Target {
    std::string path;   // decoded; starts with '/'
    std::string query;  // as sent, without '?'
};
enum class TargetError : std::uint8_t { malformed, bad_percent_encoding, dot_segment };
[[nodiscard]] tl::expected<Target, TargetError> parse_target(std::string_view target);

struct Match {
    const RouteEntry* entry = nullptr;  // null: the path is known, not with this method (405)
    std::string segment;                // the {uuid} or {reseller} segment, as decoded
    std::string allow;                  // the path's methods, for a 405's Allow header
};
// None: no route has this path (404).
[[nodiscard]] std::optional<Match> match_route(std::string_view method, std::string_view path);

// The value of `name` in a query string (a=1&b=2), percent-decoded; none if absent or undecodable.
[[nodiscard]] std::optional<std::string> query_value(std::string_view query, std::string_view name);

// Every name=value pair of a query string, in order, percent-decoded ("a" alone is a="");
// none if one cannot be decoded.
[[nodiscard]] std::optional<std::vector<std::pair<std::string, std::string>>> query_pairs(std::string_view query);

}  // namespace voip_sandbox
