// The sandbox's clock (POST /sandbox/clock, which skips the days on which nothing is due)
// against a model that runs the library's sweep_action and renew for every single day over
// the bundles in memory: the same events, in the same order, with the same charges and balances.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include <sandbox.hpp>

using namespace voip_sandbox;
using nlohmann::json;

namespace {

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

HttpRequest call(const char* method, std::string target, std::string body = {}) {
    return HttpRequest{method, std::move(target), {{"X-Auth-Reseller", "r"}, {"X-Auth-User", "u"}, {"X-Auth-Password", "p"}},
                       std::move(body)};
}

}  // namespace

// Slice 0 commits after every bundle: the day-by-day result holds across every commit point.
TEST_CASE("clock moves give the events of a day-by-day sweep in memory") {
    for (const auto slice : {SandboxOptions{}.sweep_slice, std::chrono::milliseconds(0)})
    for (const char* month_end : {"clamp", "overflow"}) {
        const std::string text = std::string(R"({"accounts": [{"reseller": "r", "user": "u", "password": "p", "balance": 60000,
            "prices": {"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300}}], "policy": {"month_end": ")") +
                                 month_end + "\"}}";
        const auto config = parse_config(text);
        REQUIRE(config.has_value());
        SandboxOptions o;
        o.start_day = date::sys_days{date::year{2018} / 1 / 29};
        o.sweep_slice = slice;
        Sandbox sandbox(*config, o);
        Model m{config->policy, config->accounts[0].prices, voip::Money{60000}, *o.start_day, {}, {}};
        std::mt19937_64 gen(std::hash<std::string>{}(month_end));
        for (int step = 0; step < 40; ++step) {
            for (int i = 0, n = static_cast<int>(gen() % 4); i < n; ++i) {
                const voip::Uuid u = voip::make_uuid_v4(gen);
                const auto type = static_cast<voip::BundleType>(1 + gen() % 5);
                const bool auto_renew = gen() % 3 != 0;
                HttpRequest r = call("POST", "/voip/bundle",
                                     R"({"bundle_type": )" + std::to_string(static_cast<int>(type)) +
                                         R"(, "auto_renew": )" + (auto_renew ? "true" : "false") + "}");
                r.headers.emplace_back("X-Sandbox-Uuid", voip::to_string(u));
                const auto answer = sandbox.handle(r);
                CHECK((answer.status == 201 || answer.status == 400));
                m.create(u, type, auto_renew);
            }
            const int days = static_cast<int>(gen() % 45);
            const auto moved = sandbox.handle(call("POST", "/sandbox/clock", R"({"advance_days": )" + std::to_string(days) + "}"));
            REQUIRE(moved.status == 200);
            m.advance(m.today + date::days{days});
        }
        std::vector<std::string> got;
        for (std::int64_t after = 0;;) {
            const auto page = sandbox.handle(call("GET", "/sandbox/events?after=" + std::to_string(after) + "&limit=100"));
            REQUIRE(page.status == 200);
            const json events = json::parse(page.body)["result"];
            if (events.empty()) break;
            for (const json& e : events) {
                got.push_back(e["day"].get<std::string>() + ' ' + e["uuid"].get<std::string>() + ' ' +
                              e["kind"].get<std::string>() + ' ' + std::to_string(e["charge"].get<std::int64_t>()) + ' ' +
                              std::to_string(e["balance"].get<std::int64_t>()));
                after = e["seq"].get<std::int64_t>();
            }
        }
        CHECK(got.size() == m.events.size());
        CHECK(got == m.events);
        // Some of each kind happened, so the comparison says something.
        for (const char* kind : {" created ", " renewed ", " renewal_failed ", " lapsed "})
            CHECK(std::any_of(got.begin(), got.end(), [&](const std::string& e) { return e.find(kind) != std::string::npos; }));
        const json account = json::parse(sandbox.handle(call("GET", "/sandbox/account")).body)["result"];
        CHECK(account["balance"].get<std::int64_t>() == m.balance.minor);
        CHECK(account["balance"].get<std::int64_t>() + account["charged"].get<std::int64_t>() == 60000);
    }
}
