// A clock move's edges against the day-by-day model (clock_model.hpp): a bundle off its
// month-end chain that falls due again on the day it was renewed.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

#include "clock_model.hpp"

using namespace voip_sandbox_test;

namespace {

date::sys_days ymd(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / date::month{m} / date::day{d}}; }

// A file database (the test reads and writes it on a second connection), removed at the end.
struct TempDb {
    std::string path;
    explicit TempDb(const std::string& name)
        : path((std::filesystem::temp_directory_path() / ("voip-sandbox-" + name + '-' + std::to_string(getpid()) + ".db"))
                   .string()) {
        remove();
    }
    ~TempDb() { remove(); }
    TempDb(const TempDb&) = delete;
    TempDb& operator=(const TempDb&) = delete;
    void remove() const {
        for (const char* tail : {"", "-wal", "-shm"}) std::filesystem::remove(path + tail);
    }
};

Config config_with(std::int64_t balance) {
    auto c = parse_config(R"({"accounts": [{"reseller": "r", "user": "u", "password": "p", "balance": )" +
                          std::to_string(balance) + R"(, "prices": {"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300}}]})");
    REQUIRE(c.has_value());
    return *c;
}

// The uuid ...-n: chosen, so the sweep's order within a day (expires_on, uuid) is known.
voip::Uuid chosen_uuid(int n) {
    const auto u = voip::parse_uuid("00000000-0000-4000-8000-" + std::string(12 - std::to_string(n).size(), '0') + std::to_string(n));
    REQUIRE(u.has_value());
    return *u;
}

int move_to(Sandbox& s, date::sys_days to) {
    return s.handle(call("POST", "/sandbox/clock", R"({"today": ")" + voip::to_iso_string(to) + "\"}")).status;
}

}  // namespace

// Expiring 2019-01-31, created on a 1st, renewed on 2019-02-03 under clamp: 2019-02-01, whose
// window (01-29..02-06) holds 02-03 again. The model renews it once that day, again the next.
// Behind it, 63 bundles expiring 01-31 fill the sweep's first read of 64 rows, so the day's
// second read starts after them and before its new key.
TEST_CASE("a bundle due again on the day it renewed renews once that day") {
    for (const auto slice : {SandboxOptions{}.sweep_slice, std::chrono::milliseconds(0)}) {
        const TempDb db("off-chain");
        SandboxOptions o;
        o.db = db.path;
        o.start_day = ymd(2019, 2, 2);
        o.sweep_slice = slice;
        const Config c = config_with(1000000);
        Sandbox sandbox(c, o);
        Model m{c.policy, c.accounts[0].prices, voip::Money{1000000}, *o.start_day, {}, {}};
        {
            Store side(db.path);
            const std::int64_t id = side.ensure_account("r", "u", voip::Money{0}, *o.start_day);
            for (int n = 7; n <= 70; ++n) {
                const auto b = voip::make_bundle(chosen_uuid(n), voip::CreatedOn{n == 7 ? ymd(2018, 12, 1) : ymd(2018, 12, 31)},
                                                 voip::ExpiresOn{ymd(2019, 1, 31)}, voip::BundleType{1}, voip::AutoRenew::on);
                REQUIRE(b.has_value());
                side.insert(id, StoredBundle{*b, "", *o.start_day, false});
                m.bundles.push_back({*b, false});
            }
        }
        REQUIRE(move_to(sandbox, ymd(2019, 4, 10)) == 200);
        m.advance(ymd(2019, 4, 10));
        const std::vector<std::string> got = event_lines(sandbox);
        CHECK(got == m.events);
        const std::string off_chain = ' ' + voip::to_string(chosen_uuid(7)) + " renewed";
        const auto on = [&](const char* d) {
            return std::count_if(got.begin(), got.end(), [&](const std::string& e) { return e.rfind(d + off_chain, 0) == 0; });
        };
        CHECK(on("2019-02-03") == 1);
        CHECK(on("2019-02-04") == 1);
    }
}
