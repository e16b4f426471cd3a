// The day-by-day model of the sandbox's clock for the in-process tests: the library's
// sweep_action and renew over every bundle for every single day, each bundle renewed at most
// once a day (the bundles due when the day begins).
#pragma once
#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include <sandbox.hpp>

namespace voip_sandbox_test {

using namespace voip_sandbox;

struct Model {
    struct Kept {
        voip::Bundle bundle;
        bool lapsed = false;
    };
    voip::RenewalPolicy policy;
    voip::PriceList prices;
    voip::Money balance;
    date::sys_days today;
    std::vector<Kept> bundles;
    std::vector<std::string> events;  // "day uuid kind charge balance"

    void event(date::sys_days d, const voip::Uuid& u, const char* kind, voip::Money charge) {
        events.push_back(voip::to_iso_string(d) + ' ' + voip::to_string(u) + ' ' + kind + ' ' +
                         std::to_string(charge.minor) + ' ' + std::to_string(balance.minor));
    }
    void create(const voip::Uuid& u, voip::BundleType t, bool auto_renew) {
        const auto r = voip::create(voip::Request{auto_renew, t}, u, voip::make_context(today, policy, prices, balance).value());
        if (!r) return;
        bundles.push_back({r->bundle, false});
        balance = voip::subtract(balance, r->charge).value();
        event(today, u, "created", r->charge);
    }
    void advance(date::sys_days to) {
        for (date::sys_days d = today + date::days{1}; d <= to; d += date::days{1}) {
            std::vector<Kept*> lapsing, due;
            for (Kept& k : bundles) {
                if (k.lapsed) continue;
                const auto a = voip::sweep_action(k.bundle, d, policy);
                if (a == voip::SweepAction::lapsed) lapsing.push_back(&k);
                if (a == voip::SweepAction::renew) due.push_back(&k);
            }
            const auto order = [](const Kept* a, const Kept* b) {
                return std::make_tuple(a->bundle.expires_on(), a->bundle.uuid()) < std::make_tuple(b->bundle.expires_on(), b->bundle.uuid());
            };
            std::sort(lapsing.begin(), lapsing.end(), order);
            std::sort(due.begin(), due.end(), order);
            for (Kept* k : lapsing) {
                k->lapsed = true;
                event(d, k->bundle.uuid(), "lapsed", voip::Money{0});
            }
            for (Kept* k : due) {
                const auto r = voip::renew(k->bundle, voip::make_context(d, policy, prices, balance).value());
                if (!r) {
                    event(d, k->bundle.uuid(), "renewal_failed", voip::Money{0});
                    continue;
                }
                k->bundle = r->bundle;
                balance = voip::subtract(balance, r->charge).value();
                event(d, k->bundle.uuid(), "renewed", r->charge);
            }
        }
        today = to;
    }
};

inline HttpRequest call(const char* method, std::string target, std::string body = {}) {
    return HttpRequest{method, std::move(target), {{"X-Auth-Reseller", "r"}, {"X-Auth-User", "u"}, {"X-Auth-Password", "p"}},
                       std::move(body)};
}

// The account's events in the model's form, all pages.
inline std::vector<std::string> event_lines(Sandbox& sandbox) {
    using nlohmann::json;
    std::vector<std::string> got;
    for (std::int64_t after = 0;;) {
        const auto page = sandbox.handle(call("GET", "/sandbox/events?after=" + std::to_string(after) + "&limit=100"));
        if (page.status != 200) throw std::runtime_error("GET /sandbox/events answered " + std::to_string(page.status));
        const json events = json::parse(page.body)["result"];
        if (events.empty()) return got;
        for (const json& e : events) {
            got.push_back(e["day"].get<std::string>() + ' ' + (e["uuid"].is_string() ? e["uuid"].get<std::string>() : "-") + ' ' +
                          e["kind"].get<std::string>() + ' ' + std::to_string(e["charge"].get<std::int64_t>()) + ' ' +
                          std::to_string(e["balance"].get<std::int64_t>()));
            after = e["seq"].get<std::int64_t>();
        }
    }
}

}  // namespace voip_sandbox_test
