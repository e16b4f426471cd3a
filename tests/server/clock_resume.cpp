// A clock move's edges against the day-by-day model (clock_model.hpp): a bundle off its
// month-end chain renewed on a day with more rows due than one read, a move cut short
// between two transactions and resumed from its sweep mark, and the writes that clear it.
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

void create_bundle(Sandbox& s, Model& m, int n, bool auto_renew) {
    HttpRequest r = call("POST", "/voip/bundle", std::string(R"({"bundle_type": 1, "auto_renew": )") + (auto_renew ? "true" : "false") + "}");
    r.headers.emplace_back("X-Sandbox-Uuid", voip::to_string(chosen_uuid(n)));
    REQUIRE(s.handle(r).status == 201);
    m.create(chosen_uuid(n), voip::BundleType{1}, auto_renew);
}

int move_to(Sandbox& s, date::sys_days to) {
    return s.handle(call("POST", "/sandbox/clock", R"({"today": ")" + voip::to_iso_string(to) + "\"}")).status;
}

// Throws on the n-th commit of a move (0: never), as a crash between two transactions.
struct Crash {
    int at = 0, seen = 0;
    std::function<void()> hook() {
        return [this] {
            if (at != 0 && ++seen == at) throw std::runtime_error("crash");
        };
    }
};

}  // namespace

// Expiring 2019-01-31, created on a 1st (off its chain), due on 2019-02-03 under clamp: renewed
// to 2019-03-01, the anchor's day of the month after (2019-02-01 would be due again that same
// day). Behind it, 63 bundles expiring 01-31 fill the sweep's first read of 64 rows, so the
// day's second read starts after them and before its new key: it is renewed once that day.
TEST_CASE("an off-chain bundle renews once, to the anchor's day of the month after") {
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
        CHECK(on("2019-02-04") == 0);
        CHECK(on("2019-02-26") == 1);  // the window of 2019-03-01 opens
    }
}

// Ten auto-renew bundles, funds for four renewals: on the day they fall due four renew and six
// are refused, then refused daily until they lapse. The move is cut after its k-th commit (a
// commit after every bundle) and moved again: the events are the model's exactly, which a day
// resumed from its start would break (a bundle refused before the cut refused twice that day).
TEST_CASE("a move cut short resumes from its sweep mark as if uninterrupted") {
    const date::sys_days start = ymd(2018, 3, 10), to = start + date::days{75};
    int resumed = 0;
    for (int k = 1; k <= 60; k += k < 14 ? 1 : 5) {
        CAPTURE(k);
        const TempDb db("resume");
        Crash crash{k, 0};
        SandboxOptions o;
        o.db = db.path;
        o.start_day = start;
        o.sweep_slice = std::chrono::milliseconds(0);
        o.after_move_commit = crash.hook();
        const Config c = config_with(21000);
        Sandbox sandbox(c, o);
        Model m{c.policy, c.accounts[0].prices, voip::Money{21000}, start, {}, {}};
        for (int n = 1; n <= 10; ++n) create_bundle(sandbox, m, n, true);
        const int first = move_to(sandbox, to);
        REQUIRE((first == 500 || first == 200));
        if (first == 500) {
            Store side(db.path);
            if (side.sweep_mark(side.ensure_account("r", "u", voip::Money{0}, start))) ++resumed;
        }
        crash.at = 0;
        REQUIRE(move_to(sandbox, to) == 200);
        m.advance(to);
        CHECK(event_lines(sandbox) == m.events);
    }
    CHECK(resumed >= 8);  // the resume branch was taken, not only whole days
}

// A crash leaves the mark {D, after}; then a write changes what D does: the bundle 1, before
// the mark in D's order, gets auto_renew on, or the balance is topped up after 2 was refused.
// The next move sweeps D again from its start over that state: 1 renews on D, 2 renews on D.
TEST_CASE("a write after a move cut short clears its sweep mark") {
    const date::sys_days start = ymd(2018, 3, 10), to = start + date::days{40};
    for (const bool top_up : {false, true}) {
        CAPTURE(top_up);
        const TempDb db("cleared");
        Crash crash{top_up ? 2 : 1, 0};
        SandboxOptions o;
        o.db = db.path;
        o.start_day = start;
        o.sweep_slice = std::chrono::milliseconds(0);
        o.after_move_commit = crash.hook();
        const Config c = config_with(top_up ? 7500 + 1500 : 60000);
        Sandbox sandbox(c, o);
        Model m{c.policy, c.accounts[0].prices, c.accounts[0].balance, start, {}, {}};
        create_bundle(sandbox, m, 1, top_up);
        for (int n = 2; n <= 5; ++n) create_bundle(sandbox, m, n, true);
        REQUIRE(move_to(sandbox, to) == 500);
        const std::int64_t id = Store(db.path).ensure_account("r", "u", voip::Money{0}, start);
        const auto mark = Store(db.path).sweep_mark(id);
        REQUIRE(mark.has_value());
        const std::string due = voip::to_iso_string(mark->day);
        // A refused write changed nothing: the mark stays.
        const auto refused = sandbox.handle(call("PUT", "/voip/bundle/" + voip::to_string(chosen_uuid(1)),
                                                 R"({"bundle_type": 9, "auto_renew": true})"));
        REQUIRE(refused.status == 400);
        CHECK(Store(db.path).sweep_mark(id).has_value());
        const auto write = top_up ? sandbox.handle(call("POST", "/sandbox/account", R"({"add": 6000})"))
                                  : sandbox.handle(call("PUT", "/voip/bundle/" + voip::to_string(chosen_uuid(1)),
                                                        R"({"bundle_type": 1, "auto_renew": true})"));
        REQUIRE(write.status == 200);
        CHECK_FALSE(Store(db.path).sweep_mark(id).has_value());
        crash.at = 0;
        REQUIRE(move_to(sandbox, to) == 200);
        const std::vector<std::string> got = event_lines(sandbox);
        const std::string renewed = due + ' ' + voip::to_string(chosen_uuid(top_up ? 2 : 1)) + " renewed 1500";
        CHECK(std::any_of(got.begin(), got.end(), [&](const std::string& e) { return e.rfind(renewed, 0) == 0; }));
    }
}
