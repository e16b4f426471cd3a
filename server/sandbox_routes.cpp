// The sandbox-only routes: the clock, the events, the account and its reset.
#include <algorithm>
#include <charconv>
#include <iterator>

#include <voip/bundle_nlohmann.hpp>

#include "sandbox.hpp"

namespace voip_sandbox {

namespace {

using nlohmann::ordered_json;

constexpr std::int64_t default_event_limit = 1000;
// One move runs at most this many days (ten years): every auto-renew bundle renews up to
// once a term, and the account waits for the whole move.
constexpr int max_clock_move_days = 3660;
constexpr std::int64_t max_event_limit = 10000;

std::optional<std::int64_t> non_negative(const std::string& text) {
    if (text.empty()) return std::nullopt;
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || v < 0) return std::nullopt;
    return v;
}

ordered_json policy_json(const voip::RenewalPolicy& p) {
    return {{"month_end", p.month_end() == voip::MonthEnd::clamp ? "clamp" : "overflow"},
            {"term_months", p.term_months()},
            {"renew_days_before", p.renew_days_before()},
            {"renew_days_after", p.renew_days_after()}};
}

}  // namespace

HttpResponse Sandbox::clock(const Caller& c) { return envelope(200, {{"today", iso(store_.account(c.id).today)}}); }

// {"today": "YYYY-MM-DD"} or {"advance_days": N}: forward only, the sweep run for each day passed.
HttpResponse Sandbox::move_clock(const Caller& c, const HttpRequest& request, const std::function<void()>& breathe) {
    auto parsed = json_object(request.body);
    if (!parsed) return std::move(parsed.error());
    const ordered_json& body = *parsed;
    if (body.size() != 1 || !(body.contains("today") || body.contains("advance_days")))
        return refusal(400, "clock_body");  // exactly one of the two
    const date::sys_days now = store_.account(c.id).today;
    date::sys_days to = now;
    if (const auto it = body.find("today"); it != body.end()) {
        if (!it->is_string()) return refusal(400, "clock_body");
        const auto day = voip::parse_iso_date(it->get_ref<const std::string&>());
        if (!day) return refusal(400, voip::name(day.error()));
        to = *day;
    } else {
        const ordered_json& n = body["advance_days"];
        if (!n.is_number_integer() || n.get<std::int64_t>() < 0) return refusal(400, "clock_body");
        const std::int64_t days = n.get<std::int64_t>();
        if (days > (voip::max_day - now).count()) return refusal(400, voip::name(voip::Error::date_out_of_range));
        to = now + date::days{days};
    }
    if (to < now) return refusal(400, "clock_backwards");
    if ((to - now).count() > max_clock_move_days) return refusal(400, "clock_move_too_far");
    const SweepCounts n = advance(c, to, breathe ? breathe : [] {});
    // What was swept is committed; a retry with {"today": D} goes on from it.
    if (n.stopped) return refusal(503, "server_stopping");
    return envelope(200, {{"today", iso(to)},
                          {"renewed", n.renewed},
                          {"renewal_failed", n.renewal_failed},
                          {"lapsed", n.lapsed}});
}

namespace {

struct EventQuery {
    std::int64_t after = 0;
    std::int64_t limit = default_event_limit;
    Store::EventFilter filter;
};

// after, limit (once each), uuid and kind (repeatable); anything else, or a value out of
// range, is refused rather than ignored, so a misspelt filter cannot list everything.
std::optional<EventQuery> event_query(std::string_view query) {
    const auto pairs = query_pairs(query);
    if (!pairs) return std::nullopt;
    EventQuery q;
    bool after = false;
    bool limit = false;
    for (const auto& [name, value] : *pairs) {
        if (name == "after" || name == "limit") {
            bool& seen = name == "after" ? after : limit;
            const auto n = non_negative(value);
            if (seen || !n) return std::nullopt;
            seen = true;
            (name == "after" ? q.after : q.limit) = *n;
        } else if (name == "uuid") {
            const auto u = voip::parse_uuid(value);
            if (!u) return std::nullopt;
            q.filter.uuids.push_back(*u);
        } else if (name == "kind") {
            const auto* k = std::find(std::begin(event_kind_names), std::end(event_kind_names), value);
            if (k == std::end(event_kind_names)) return std::nullopt;
            q.filter.kinds.push_back(static_cast<EventKind>(k - std::begin(event_kind_names)));
        } else {
            return std::nullopt;
        }
    }
    if (q.limit == 0 || q.limit > max_event_limit) return std::nullopt;
    return q;
}

}  // namespace

HttpResponse Sandbox::events(const Caller& c, const Target& t) {
    auto q = event_query(t.query);
    if (!q) return refusal(400, "invalid_query");
    ordered_json result = ordered_json::array();
    // X-Auth-For sees its customer's events alone, as it sees its bundles alone; the account sees all.
    if (!c.customer.empty()) q->filter.customer = c.customer;
    for (const Event& e : store_.events(c.id, q->after, q->limit, q->filter))
        result.push_back({{"seq", e.seq},
                          {"day", iso(e.day)},
                          {"uuid", e.uuid ? ordered_json(voip::to_string(*e.uuid)) : ordered_json(nullptr)},
                          {std::string(customer_name), e.customer.empty() ? ordered_json(nullptr) : ordered_json(e.customer)},
                          {"kind", name(e.kind)},
                          {"charge", e.charge.minor},
                          {"balance", e.balance.minor},
                          {"rule", e.rule.empty() ? ordered_json(nullptr) : ordered_json(e.rule)},
                          {"amount", e.amount.minor}});
    return envelope(200, result);
}

HttpResponse Sandbox::account(const Caller& c) {
    const AccountConfig& a = c.account->config;
    const AccountState s = store_.account(c.id);
    return envelope(200, {{"reseller", a.reseller},
                          {"user", a.user},
                          {"today", iso(s.today)},
                          {"balance", s.balance.minor},
                          {"charged", store_.charged(c.id).minor},
                          {"adjusted", store_.adjusted(c.id).minor},
                          {"prices", a.prices},
                          {"customers", a.customers},
                          {"policy", policy_json(config_.policy)}});
}

// Empties the account's bundles, events and keys and restores its configured balance; the
// clock stays (it only moves forward).
HttpResponse Sandbox::reset(const Caller& c) {
    store_.reset(c.id);
    faults_.erase(c.id);
    store_.set_balance(c.id, c.account->config.balance);
    return account(c);
}

}  // namespace voip_sandbox
