// Fault injection for clients' retry logic (POST /sandbox/faults): the next N matching
// requests of the account lose their answer after the commit, fail with a 500 before it, or
// are answered late. Each firing is a `fault` event.
#include <algorithm>
#include <iterator>

#include <voip/bundle_nlohmann.hpp>

#include "sandbox.hpp"

namespace voip_sandbox {

namespace {

using nlohmann::ordered_json;

constexpr std::string_view fault_kind_names[] = {"drop_after_commit", "error_before_commit", "delay"};
constexpr std::int64_t max_fault_count = 1000;
constexpr std::int64_t max_delay_ms = 10000;
constexpr std::size_t max_faults = 100;  // armed at once, per account

std::optional<std::int64_t> integer_in(const ordered_json& v, std::int64_t low, std::int64_t high) {
    if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(high)))
        return std::nullopt;
    const std::int64_t n = v.get<std::int64_t>();
    if (n < low || n > high) return std::nullopt;
    return n;
}

}  // namespace

// {"method", "path", "kind", "count" (default 1), "delay_ms" (delay only)}: 201 with its id.
HttpResponse Sandbox::arm_fault(const Caller& c, const HttpRequest& request) {
    auto parsed = json_object(request.body);
    if (!parsed) return std::move(parsed.error());
    const ordered_json& body = *parsed;
    const auto text = [&body](const char* name) -> const std::string* {
        const auto it = body.find(name);
        return it != body.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
    };
    for (const auto& item : body.items())
        if (item.key() != "method" && item.key() != "path" && item.key() != "kind" && item.key() != "count" &&
            item.key() != "delay_ms")
            return refusal(400, "fault_body");
    const std::string* method = text("method");
    const std::string* path = text("path");
    const std::string* kind = text("kind");
    const auto* k = kind ? std::find(std::begin(fault_kind_names), std::end(fault_kind_names), *kind) : nullptr;
    if (!method || !path || !k || k == std::end(fault_kind_names) || faults_[c.id].size() >= max_faults)
        return refusal(400, "fault_body");
    // A route of the account's own (not an open one, not this one), by its pattern or one path.
    const auto m = match_route(*method, *path);
    const RouteEntry* route = m ? m->entry : nullptr;
    if (!route || route->open || route->route == Route::arm_fault || route->route == Route::list_faults ||
        *method == "HEAD")
        return refusal(400, "fault_body");
    const auto kind_of = static_cast<FaultKind>(k - std::begin(fault_kind_names));
    const auto count = body.contains("count") ? integer_in(body["count"], 1, max_fault_count) : std::optional<std::int64_t>(1);
    const auto delay = body.contains("delay_ms") ? integer_in(body["delay_ms"], 1, max_delay_ms) : std::nullopt;
    if (!count || (kind_of == FaultKind::delay) != delay.has_value()) return refusal(400, "fault_body");
    const Fault f{next_fault_id_, route, *path, kind_of, *count, static_cast<int>(delay.value_or(0))};
    // Armed once the request's transaction has committed: a refused or replayed request arms nothing.
    after_commit_.emplace_back([this, f, id = c.id] {
        faults_[id].push_back(f);
        next_fault_id_ = std::max(next_fault_id_, f.id + 1);
    });
    return envelope(201, {{"id", f.id}});
}

HttpResponse Sandbox::list_faults(const Caller& c) {
    ordered_json result = ordered_json::array();
    for (const Fault& f : faults_[c.id]) {
        ordered_json j{{"id", f.id},
                       {"method", method_names[static_cast<std::size_t>(f.route->method)]},
                       {"path", f.path},
                       {"kind", fault_kind_names[static_cast<std::size_t>(f.kind)]},
                       {"count", f.left}};
        if (f.kind == FaultKind::delay) j["delay_ms"] = f.delay_ms;
        result.push_back(std::move(j));
    }
    return envelope(200, result);
}

std::optional<Sandbox::Fault> Sandbox::fire_fault(const Admitted& a) {
    const auto armed = faults_.find(a.caller.id);
    if (armed == faults_.end()) return std::nullopt;
    std::vector<Fault>& list = armed->second;
    const auto it = std::find_if(list.begin(), list.end(), [&a](const Fault& f) {
        return f.route == a.match.entry && (f.path == f.route->path || f.path == a.target.path);
    });
    if (it == list.end()) return std::nullopt;
    const Fault fired = *it;
    if (--it->left == 0) list.erase(it);
    Transaction t(store_.database());
    const AccountState s = store_.account(a.caller.id);
    store_.add_event(a.caller.id, Event{0, s.today, std::nullopt, a.caller.customer, EventKind::fault, voip::Money{0},
                                        s.balance, std::string(fault_kind_names[static_cast<std::size_t>(fired.kind)])});
    t.commit();
    return fired;
}

}  // namespace voip_sandbox
