// The sandbox's state in SQLite: accounts' balances and clocks, bundles, events, idempotency keys.
#pragma once
// One Store per database file. Not thread-safe: the Sandbox serialises every call, and a
// request's reads and writes happen inside one Transaction (sqlite.hpp), so a request
// changes bundle, balance, event and idempotency record together or not at all. A clock
// move's happen in several, each leaving a state the move could have stopped at (clock.cpp).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <voip/bundle.hpp>

#include "sqlite.hpp"

namespace voip_sandbox {

// The schema this program writes; an older file is migrated, a newer one refused.
inline constexpr std::int64_t schema_version = 5;

// Brings a database of an older schema to schema_version (store_schema.cpp); throws for a newer one.
void migrate(Database& db);

enum class EventKind : std::uint8_t { created, updated, renewed, renewal_failed, lapsed, balance_set, balance_added, fault };
inline constexpr std::string_view event_kind_names[] = {"created",       "updated",     "renewed",       "renewal_failed",
                                                        "lapsed",        "balance_set", "balance_added", "fault"};
[[nodiscard]] constexpr std::string_view name(EventKind k) noexcept { return event_kind_names[static_cast<int>(k)]; }

struct AccountState {
    voip::Money balance;
    date::sys_days today;
};

// A bundle as the sandbox keeps it: the library's Bundle and what the public API adds.
struct StoredBundle {
    voip::Bundle bundle;
    std::string customer;  // "" for the account itself
    date::sys_days updated_on;
    bool lapsed = false;  // its lapsed event was recorded (a bundle lapses once)
    // The last day a clock move renewed it: a day's sweep renews a bundle once, and updated_on
    // cannot tell (a PUT or POST .../renew rewrites it to the clock's today).
    std::optional<date::sys_days> renewed_on{};
};

struct Event {
    std::int64_t seq;
    date::sys_days day;
    std::optional<voip::Uuid> uuid;  // none for the account's own events (balance_set, balance_added, fault)
    std::string customer;
    EventKind kind;
    voip::Money charge;
    voip::Money balance;      // the account's balance after the event
    std::string rule{};       // what refused it (renewal_failed), the fault's kind (fault), or ""
    voip::Money amount{0};    // added to the balance besides the charge (balance_set, balance_added)
};

// Where a bundle stands in the sweep's order within a day: expires_on, uuid, customer.
struct SweepKey {
    date::sys_days expires_on;
    std::string uuid;  // the canonical text, as stored
    std::string customer;
};

// A clock move stopped inside a day (a crash between its transactions): the day's lapses are
// done, and its renewals up to and including `after`. Kept in the accounts row, so the next
// move takes that day up where it stopped instead of sweeping its first bundles twice; any
// other write of the account clears it, as it may change what the rest of that day does.
struct SweepMark {
    date::sys_days day;
    SweepKey after;
};

// An account kept by the database alone: made by POST /sandbox/accounts.
struct StoredAccount {
    std::int64_t id;
    std::string reseller, user, password;
    std::string settings;  // {"balance", "prices", "customers"} as JSON (account_routes.cpp)
};

// Where an account comes from (the accounts table's origin).
enum class Origin : std::uint8_t { configured, generated, runtime };

struct Replay {
    std::string fingerprint;  // what made the first request this request (sandbox.cpp)
    int status;
    std::string body;
    std::string rule;  // its X-Sandbox-Error, or ""
};

class Store {
public:
    // Opens (creating, migrating) the database; throws SqliteError or a std::runtime_error
    // naming a schema newer than this program's.
    explicit Store(const std::string& path);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    [[nodiscard]] Database& database() noexcept { return db_; }

    // The account's id; a new one starts with `balance` and its clock at `today`.
    std::int64_t ensure_account(std::string_view reseller, std::string_view user, voip::Money balance,
                                date::sys_days today);
    [[nodiscard]] AccountState account(std::int64_t id);
    // The password the database keeps for the account; `fallback` is stored first if it has none.
    std::string kept_password(std::int64_t id, std::string_view fallback, Origin origin);
    std::int64_t add_runtime_account(const StoredAccount& a, voip::Money balance, date::sys_days today);
    [[nodiscard]] std::vector<StoredAccount> runtime_accounts();
    // The account and all it owns: bundles, events, idempotency keys.
    void delete_account(std::int64_t id);
    void set_balance(std::int64_t id, voip::Money balance);
    // The clock at the last day swept whole and, if a day was begun, where it stopped.
    void set_progress(std::int64_t id, date::sys_days today, const std::optional<SweepMark>& mark);
    [[nodiscard]] std::optional<SweepMark> sweep_mark(std::int64_t id);
    void clear_sweep_mark(std::int64_t id);

    // A uuid is unique within (account, customer): each customer is its own tenant.
    [[nodiscard]] std::optional<StoredBundle> bundle(std::int64_t account, std::string_view customer,
                                                     const voip::Uuid& uuid);
    [[nodiscard]] bool exists(std::int64_t account, std::string_view customer, const voip::Uuid& uuid);
    void insert(std::int64_t account, const StoredBundle& b);
    // Writes expires_on, bundle_type, auto_renew, updated_on and lapsed of (b.customer, b.bundle.uuid),
    // and renewed_on when b has one (the routes' writes keep the stored one).
    void update(std::int64_t account, const StoredBundle& b);
    // The bundles of (account, customer), oldest first (created_on, then uuid): at most
    // `limit` (-1: all) after the key `after` (none: from the first). The index of owners
    // holds that order, so a page starts where the last ended, whatever the store's size.
    struct ListKey {
        date::sys_days created_on;
        std::string uuid;  // the canonical text, as stored
    };
    [[nodiscard]] std::vector<StoredBundle> list(std::int64_t account, std::string_view customer,
                                                 const std::optional<ListKey>& after = std::nullopt,
                                                 std::int64_t limit = -1);

    // The clock's two range queries on the index of expires_on (voip::sweep_ranges), in the
    // sweep's order: not yet lapsed, auto_renew on, first <= expires_on <= last; and not yet
    // lapsed, expires_on < before. A clock move reads them `limit` rows at a time (-1: all),
    // the renewals from just after the last key it took (the index holds the whole key, so
    // each read starts where the last ended).
    [[nodiscard]] std::vector<StoredBundle> due_for_renewal(std::int64_t account, date::sys_days first,
                                                            date::sys_days last);
    [[nodiscard]] std::vector<StoredBundle> due_after(std::int64_t account, const SweepKey& after, date::sys_days last,
                                                      std::int64_t limit);
    [[nodiscard]] std::vector<StoredBundle> lapsing(std::int64_t account, date::sys_days before, std::int64_t limit = -1);

    // The earliest expires_on of the account's bundles not yet lapsed with this auto_renew
    // (the index's first entry), so a clock move can skip the days on which nothing is due.
    [[nodiscard]] std::optional<date::sys_days> first_expiry(std::int64_t account, bool auto_renew);

    std::int64_t add_event(std::int64_t account, const Event& e);  // returns its seq
    // Takes e.charge from `balance` and records the event with the balance after it: the one
    // place a charge is made, so every charge is the charge of exactly one event.
    voip::Money charge(std::int64_t account, voip::Money balance, Event e);
    // Sets the balance to e.balance and records the event, its amount the change.
    void adjust(std::int64_t account, voip::Money before, Event e);
    // Which events a listing shows: with a customer, only that customer's ("" the account's
    // own), else all; with uuids or kinds, only those (each list OR'd, the two AND'd).
    struct EventFilter {
        std::optional<std::string> customer;
        std::vector<voip::Uuid> uuids;
        std::vector<EventKind> kinds;
    };
    [[nodiscard]] std::vector<Event> events(std::int64_t account, std::int64_t after, std::int64_t limit,
                                            const EventFilter& filter = {});
    [[nodiscard]] voip::Money charged(std::int64_t account);   // the sum of the events' charges
    [[nodiscard]] voip::Money adjusted(std::int64_t account);  // the sum of the events' amounts

    // Keys, like uuids, belong to (account, customer).
    [[nodiscard]] std::optional<Replay> replay(std::int64_t account, std::string_view customer, std::string_view key);
    void remember(std::int64_t account, std::string_view customer, std::string_view key, const Replay& r,
                  std::int64_t now_seconds);
    void forget_keys_before(std::int64_t seconds);

    // Empties the account's bundles, events, keys and sweep mark (its balance is the caller's).
    void reset(std::int64_t account);

private:
    struct Statements;
    Database db_;
    std::unique_ptr<Statements> s_;
};

}  // namespace voip_sandbox
