// The sandbox: the seed's API and the sandbox routes over one SQLite database, without sockets.
#pragma once
// handle() takes a request as plain values and gives the answer; serve.cpp puts it behind
// HTTP, the fuzz target calls it directly. A request holds its account's busy mutex, then
// the store's lock (one SQLite connection, one writer) for its work; when it writes, that
// work is one transaction, so concurrent requests see each other whole or not at all. The one
// exception is a clock move, which commits in short transactions and lets the store's lock
// go between them while it keeps its account busy (clock.cpp).
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include <voip/bundle.hpp>

#include "accounts.hpp"
#include "checkpointer.hpp"
#include "config.hpp"
#include "fair_mutex.hpp"
#include "routes.hpp"
#include "store.hpp"
#include "wire.hpp"

namespace voip_sandbox {

struct SandboxOptions {
    std::string db = ":memory:";
    std::optional<date::sys_days> start_day;  // a new account's first day; default: today in UTC
    std::string openapi;                      // the text GET /openapi.json answers
    std::function<std::int64_t()> now_seconds;  // real time, for idempotency keys' 24 hours
    // How long a clock move's transaction runs before it commits and lets other accounts'
    // requests in (0: after every bundle, for tests of the commit points).
    std::chrono::milliseconds sweep_slice{5};
    // Tests: called after each commit of a clock move but its last, before the store's lock is let go; a
    // throw there ends the move as a crash between two of its transactions would.
    std::function<void()> after_move_commit;
};

class Sandbox {
public:
    // Opens the database and brings the configuration's accounts into it. Throws
    // std::runtime_error (SqliteError among them) with a message for a person.
    Sandbox(Config config, SandboxOptions options);

    // Never throws: a failure of the database is a 500 envelope and nothing is changed.
    [[nodiscard]] HttpResponse handle(const HttpRequest& request) noexcept;

    [[nodiscard]] const Config& config() const noexcept { return config_; }
    // For a stop (SIGTERM): a clock move in flight commits what it has swept at its next
    // slice's end and answers 503 server_stopping, so the stop waits one slice, not the move.
    void stop_moves() noexcept { stopping_ = true; }
    // The account's clock (for the start-up banner).
    [[nodiscard]] date::sys_days today(std::size_t account);

    // The request's owner, once its credentials passed.
    struct Caller {
        std::shared_ptr<Account> account;  // null on the open routes
        std::int64_t id;                   // the accounts row
        std::string customer;              // X-Auth-For, or "" for the account itself
    };

private:
    // A request whose target, route, credentials and customer passed.
    struct Admitted {
        Match match;
        Target target;
        Caller caller;
    };
    using StoreLock = std::unique_lock<FairMutex>;
    std::variant<HttpResponse, Admitted> admit(const HttpRequest& request) const;
    HttpResponse write(const Admitted& a, const HttpRequest& request, StoreLock& lock);
    // `breathe`, for a write: commits what the request has done, lets the store's lock go
    // and takes it again with a new transaction. Empty for a read.
    HttpResponse answer(const Match& m, const Target& t, const Caller& c, const HttpRequest& request,
                        const std::function<void()>& breathe = {});
    [[nodiscard]] voip::Context context(const Caller& c, const AccountState& s) const;

    // bundle_routes.cpp
    HttpResponse create(const Caller& c, const HttpRequest& request);
    HttpResponse update(const Caller& c, const std::string& uuid_text, const HttpRequest& request);
    HttpResponse renew(const Caller& c, const std::string& uuid_text);
    HttpResponse list(const Caller& c, const Target& t);
    HttpResponse get(const Caller& c, const std::string& uuid_text);
    HttpResponse state(const Caller& c, const std::string& uuid_text);
    std::optional<StoredBundle> owned(const Caller& c, const voip::Uuid& uuid);

    // sandbox_routes.cpp
    HttpResponse clock(const Caller& c);
    HttpResponse move_clock(const Caller& c, const HttpRequest& request, const std::function<void()>& breathe);
    HttpResponse events(const Caller& c, const Target& t);
    HttpResponse account(const Caller& c);
    HttpResponse reset(const Caller& c);

    // account_routes.cpp
    HttpResponse set_balance(const Caller& c, const HttpRequest& request);
    HttpResponse create_account(const Caller& c, const HttpRequest& request);
    HttpResponse delete_account(const Caller& c, const std::string& reseller);
    void load_accounts(date::sys_days start);  // the configuration's and the database's

    // faults.cpp: armed faults, kept in memory by account (a restart disarms them).
    enum class FaultKind : std::uint8_t { drop_after_commit, error_before_commit, delay };
    struct Fault {
        std::int64_t id;
        const RouteEntry* route;
        std::string path;  // the route's pattern (any such request) or one decoded path
        FaultKind kind;
        std::int64_t left;
        int delay_ms;
    };
    HttpResponse arm_fault(const Caller& c, const HttpRequest& request);
    HttpResponse list_faults(const Caller& c);
    // The fault the request sets off, counted and recorded as an event; none if none matches.
    std::optional<Fault> fire_fault(const Admitted& a);
    HttpResponse handle_locked(const Admitted& a, const HttpRequest& request, StoreLock& lock);

    // clock.cpp: the daily sweep for every day after the account's today up to `to`.
    struct SweepCounts {
        std::int64_t renewed = 0, renewal_failed = 0, lapsed = 0;
        bool stopped = false;  // by stop_moves(), at a commit point
    };
    class Sweep;
    SweepCounts advance(const Caller& c, date::sys_days to, const std::function<void()>& breathe);

    Config config_;
    SandboxOptions options_;
    FairMutex mutex_;  // the store's; taken after an account's busy mutex, never before
    Store store_;
    std::optional<Checkpointer> checkpointer_;  // file databases; declared after store_, stopped before it
    std::vector<std::int64_t> account_ids_;  // by config().accounts index
    Accounts accounts_;
    // What the registry learns of a write once its transaction has committed (made, removed).
    std::vector<std::function<void()>> after_commit_;
    std::map<std::int64_t, std::vector<Fault>> faults_;  // by account id, under mutex_
    std::int64_t next_fault_id_ = 1;
    std::mt19937_64 random_;
    std::atomic<bool> stopping_{false};
};

}  // namespace voip_sandbox
