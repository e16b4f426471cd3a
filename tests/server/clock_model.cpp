// The sandbox's clock (POST /sandbox/clock, which skips the days on which nothing is due)
// against a model that runs the library's sweep_action and renew for every single day over
// the bundles in memory: the same events, in the same order, with the same charges and balances.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clock_model.hpp"

using namespace voip_sandbox_test;
using nlohmann::json;

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
        const std::vector<std::string> got = event_lines(sandbox);
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
