// The sandbox's SQLite schema, its migrations and every query (store.hpp).
#include "store.hpp"

#include <iterator>
#include <stdexcept>

#include <sqlite3.h>

namespace voip_sandbox {

namespace {

// migrations[v] takes a database of schema version v to v + 1. Days are date::sys_days
// counts (days since 1970-01-01), so the sweep's bounds compare as integers.
constexpr const char* migrations[] = {
    R"sql(
CREATE TABLE accounts(
  id INTEGER PRIMARY KEY,
  reseller TEXT NOT NULL,
  user TEXT NOT NULL,
  balance INTEGER NOT NULL,
  today INTEGER NOT NULL,
  UNIQUE(reseller, user));
CREATE TABLE bundles(
  uuid TEXT NOT NULL,
  account INTEGER NOT NULL REFERENCES accounts(id),
  customer TEXT NOT NULL,
  created_on INTEGER NOT NULL,
  updated_on INTEGER NOT NULL,
  expires_on INTEGER NOT NULL,
  bundle_type INTEGER NOT NULL,
  auto_renew INTEGER NOT NULL,
  lapsed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(account, uuid)) WITHOUT ROWID;
CREATE INDEX bundles_by_owner ON bundles(account, customer, created_on);
CREATE INDEX bundles_due ON bundles(account, auto_renew, expires_on) WHERE lapsed = 0;
CREATE TABLE events(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  account INTEGER NOT NULL,
  day INTEGER NOT NULL,
  uuid TEXT NOT NULL,
  customer TEXT NOT NULL,
  kind INTEGER NOT NULL,
  charge INTEGER NOT NULL,
  balance INTEGER NOT NULL);
CREATE INDEX events_by_account ON events(account, seq);
CREATE TABLE idempotency(
  account INTEGER NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  rule TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY(account, key)) WITHOUT ROWID;
CREATE INDEX idempotency_by_age ON idempotency(created_at);
)sql",
    // 2: each (account, customer) is its own tenant: its uuids and idempotency keys are its own,
    // so a uuid or key of another customer is neither refused nor replayed (nothing leaks).
    // A key's customer is the second line of its fingerprint (sandbox.cpp). An event names
    // the rule that refused it (renewal_failed).
    R"sql(
CREATE TABLE bundles_v2(
  uuid TEXT NOT NULL,
  account INTEGER NOT NULL REFERENCES accounts(id),
  customer TEXT NOT NULL,
  created_on INTEGER NOT NULL,
  updated_on INTEGER NOT NULL,
  expires_on INTEGER NOT NULL,
  bundle_type INTEGER NOT NULL,
  auto_renew INTEGER NOT NULL,
  lapsed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(account, customer, uuid)) WITHOUT ROWID;
INSERT INTO bundles_v2 SELECT uuid, account, customer, created_on, updated_on, expires_on, bundle_type, auto_renew, lapsed
  FROM bundles;
DROP TABLE bundles;
ALTER TABLE bundles_v2 RENAME TO bundles;
CREATE INDEX bundles_by_owner ON bundles(account, customer, created_on);
CREATE INDEX bundles_due ON bundles(account, auto_renew, expires_on) WHERE lapsed = 0;
CREATE TABLE idempotency_v2(
  account INTEGER NOT NULL,
  customer TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  rule TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY(account, customer, key)) WITHOUT ROWID;
INSERT INTO idempotency_v2 SELECT account, substr(rest, 1, instr(rest, char(10)) - 1), key, fingerprint, status, body,
  rule, created_at FROM (SELECT *, substr(fingerprint, instr(fingerprint, char(10)) + 1) AS rest FROM idempotency);
DROP TABLE idempotency;
ALTER TABLE idempotency_v2 RENAME TO idempotency;
CREATE INDEX idempotency_by_age ON idempotency(created_at);
ALTER TABLE events ADD COLUMN rule TEXT NOT NULL DEFAULT '';
)sql",
};
static_assert(std::size(migrations) == schema_version);

constexpr const char* bundle_columns =
    "uuid, customer, created_on, updated_on, expires_on, bundle_type, auto_renew, lapsed";

date::sys_days day_of(std::int64_t n) { return date::sys_days{date::days{n}}; }
std::int64_t count(date::sys_days d) { return d.time_since_epoch().count(); }

// A row the sandbox wrote; a row that is not a valid bundle means the file was edited.
StoredBundle read_bundle(const Statement& s) {
    const auto uuid = voip::parse_uuid(s.text(0));
    const auto type = s.integer(5);
    const auto b = uuid && type >= 1 && type <= 5
                       ? voip::make_bundle(*uuid, voip::CreatedOn{day_of(s.integer(2))},
                                           voip::ExpiresOn{day_of(s.integer(4))}, static_cast<voip::BundleType>(type),
                                           s.integer(6) ? voip::AutoRenew::on : voip::AutoRenew::off)
                       : tl::expected<voip::Bundle, voip::Error>(tl::unexpect, voip::Error::invalid_bundle);
    if (!b) throw SqliteError("bundle row " + s.text(0) + " is not a valid bundle: " + std::string(voip::name(b.error())));
    return {*b, s.text(1), day_of(s.integer(3)), s.integer(7) != 0};
}

std::string select_bundles(const char* where) { return std::string("SELECT ") + bundle_columns + " FROM bundles " + where; }

}  // namespace

struct Store::Statements {
    explicit Statements(sqlite3* db)
        : find_account(db, "SELECT id FROM accounts WHERE reseller = ?1 AND user = ?2"),
          insert_account(db, "INSERT INTO accounts(reseller, user, balance, today) VALUES (?1, ?2, ?3, ?4)"),
          account(db, "SELECT balance, today FROM accounts WHERE id = ?1"),
          set_balance(db, "UPDATE accounts SET balance = ?2 WHERE id = ?1"),
          set_today(db, "UPDATE accounts SET today = ?2 WHERE id = ?1"),
          bundle(db, select_bundles("WHERE uuid = ?1 AND account = ?2 AND customer = ?3")),
          exists(db, "SELECT 1 FROM bundles WHERE account = ?2 AND customer = ?3 AND uuid = ?1"),
          insert(db, "INSERT INTO bundles(uuid, account, customer, created_on, updated_on, expires_on, bundle_type, "
                     "auto_renew, lapsed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
          update(db, "UPDATE bundles SET updated_on = ?2, expires_on = ?3, bundle_type = ?4, auto_renew = ?5, "
                     "lapsed = ?6 WHERE account = ?7 AND customer = ?8 AND uuid = ?1"),
          list(db, select_bundles("WHERE account = ?1 AND customer = ?2 ORDER BY created_on, uuid")),
          due(db, select_bundles("WHERE account = ?1 AND lapsed = 0 AND expires_on BETWEEN ?2 AND ?3 "
                                 "AND auto_renew = 1 ORDER BY expires_on, uuid, customer")),
          lapsing(db, select_bundles("WHERE account = ?1 AND lapsed = 0 AND auto_renew IN (0, 1) AND expires_on < ?2 "
                                     "ORDER BY expires_on, uuid, customer")),
          first_expiry(db, "SELECT MIN(expires_on) FROM bundles WHERE account = ?1 AND lapsed = 0 AND auto_renew = ?2"),
          add_event(db, "INSERT INTO events(account, day, uuid, customer, kind, charge, balance, rule) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
          events(db, "SELECT seq, day, uuid, customer, kind, charge, balance, rule FROM events "
                     "WHERE account = ?1 AND seq > ?2 AND (?4 IS NULL OR customer = ?4) "
                     "AND (?5 IS NULL OR uuid IN (SELECT value FROM json_each(?5))) "
                     "AND (?6 IS NULL OR kind IN (SELECT value FROM json_each(?6))) ORDER BY seq LIMIT ?3"),
          charged(db, "SELECT COALESCE(SUM(charge), 0) FROM events WHERE account = ?1"),
          replay(db, "SELECT fingerprint, status, body, rule FROM idempotency WHERE account = ?1 AND customer = ?3 "
                     "AND key = ?2"),
          remember(db, "INSERT INTO idempotency(account, key, fingerprint, status, body, rule, created_at, customer) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
          forget(db, "DELETE FROM idempotency WHERE created_at < ?1"),
          reset_bundles(db, "DELETE FROM bundles WHERE account = ?1"),
          reset_events(db, "DELETE FROM events WHERE account = ?1"),
          reset_keys(db, "DELETE FROM idempotency WHERE account = ?1") {}

    Statement find_account, insert_account, account, set_balance, set_today;
    Statement bundle, exists, insert, update, list, due, lapsing, first_expiry;
    Statement add_event, events, charged;
    Statement replay, remember, forget;
    Statement reset_bundles, reset_events, reset_keys;
};

namespace {
void migrate(Database& db) {
    Statement version(db.handle(), "PRAGMA user_version");
    version.step();
    const std::int64_t found = version.integer(0);
    version.reset();
    if (found > schema_version)
        throw std::runtime_error("the database's schema version is " + std::to_string(found) +
                                 ", newer than this program's " + std::to_string(schema_version) +
                                 ": use a newer voip-bundle or another --db");
    db.exec("PRAGMA journal_mode = WAL");
    // NORMAL: a committed transaction survives the process being killed (the WAL is
    // written before COMMIT returns); only a power cut can lose the last ones, never corrupt.
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
    // Reads through the OS's page cache without a copy, and a cache that holds the indexes
    // of a million-bundle store (64 MiB): a GET in such a store stays a few page lookups.
    db.exec("PRAGMA mmap_size = 1073741824");
    db.exec("PRAGMA cache_size = -65536");
    // Checkpoints run on the Checkpointer's thread (checkpointer.hpp), not inside a commit.
    db.exec("PRAGMA wal_autocheckpoint = 0");
    for (std::int64_t v = found; v < schema_version; ++v) {
        Transaction t(db);
        db.exec(migrations[v]);
        db.exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
        t.commit();
    }
}
}  // namespace

Store::Store(const std::string& path) : db_(path) {
    migrate(db_);
    s_ = std::make_unique<Statements>(db_.handle());
}

Store::~Store() = default;

std::int64_t Store::ensure_account(std::string_view reseller, std::string_view user, voip::Money balance,
                                   date::sys_days today) {
    {
        Run f(s_->find_account);
        f->bind(1, reseller).bind(2, user);
        if (f->step()) return f->integer(0);
    }
    Run i(s_->insert_account);
    i->bind(1, reseller).bind(2, user).bind(3, balance.minor).bind(4, count(today));
    i->step();
    return sqlite3_last_insert_rowid(db_.handle());
}

AccountState Store::account(std::int64_t id) {
    Run a(s_->account);
    a->bind(1, id);
    if (!a->step()) throw SqliteError("no account " + std::to_string(id));
    return {voip::Money{a->integer(0)}, day_of(a->integer(1))};
}

void Store::set_balance(std::int64_t id, voip::Money balance) {
    Run s(s_->set_balance);
    s->bind(1, id).bind(2, balance.minor);
    s->step();
}

void Store::set_today(std::int64_t id, date::sys_days today) {
    Run s(s_->set_today);
    s->bind(1, id).bind(2, count(today));
    s->step();
}

std::optional<StoredBundle> Store::bundle(std::int64_t account, std::string_view customer, const voip::Uuid& uuid) {
    Run s(s_->bundle);
    s->bind(1, voip::to_string(uuid)).bind(2, account).bind(3, customer);
    if (!s->step()) return std::nullopt;
    return read_bundle(*s);
}

bool Store::exists(std::int64_t account, std::string_view customer, const voip::Uuid& uuid) {
    Run s(s_->exists);
    s->bind(1, voip::to_string(uuid)).bind(2, account).bind(3, customer);
    return s->step();
}

void Store::insert(std::int64_t account, const StoredBundle& b) {
    Run s(s_->insert);
    s->bind(1, voip::to_string(b.bundle.uuid())).bind(2, account).bind(3, b.customer);
    s->bind(4, count(b.bundle.created_on())).bind(5, count(b.updated_on)).bind(6, count(b.bundle.expires_on()));
    s->bind(7, static_cast<std::int64_t>(b.bundle.bundle_type())).bind(8, b.bundle.auto_renew() ? 1 : 0).bind(9, b.lapsed ? 1 : 0);
    s->step();
}

void Store::update(std::int64_t account, const StoredBundle& b) {
    Run s(s_->update);
    s->bind(7, account).bind(8, b.customer);
    s->bind(1, voip::to_string(b.bundle.uuid())).bind(2, count(b.updated_on)).bind(3, count(b.bundle.expires_on()));
    s->bind(4, static_cast<std::int64_t>(b.bundle.bundle_type())).bind(5, b.bundle.auto_renew() ? 1 : 0).bind(6, b.lapsed ? 1 : 0);
    s->step();
}

namespace {
std::vector<StoredBundle> all_rows(Statement& s) {
    std::vector<StoredBundle> out;
    while (s.step()) out.push_back(read_bundle(s));
    return out;
}
}  // namespace

std::vector<StoredBundle> Store::list(std::int64_t account, std::string_view customer) {
    Run s(s_->list);
    s->bind(1, account).bind(2, customer);
    return all_rows(*s);
}

std::vector<StoredBundle> Store::due_for_renewal(std::int64_t account, date::sys_days first, date::sys_days last) {
    Run s(s_->due);
    s->bind(1, account).bind(2, count(first)).bind(3, count(last));
    return all_rows(*s);
}

std::vector<StoredBundle> Store::lapsing(std::int64_t account, date::sys_days before) {
    Run s(s_->lapsing);
    s->bind(1, account).bind(2, count(before));
    return all_rows(*s);
}

std::optional<date::sys_days> Store::first_expiry(std::int64_t account, bool auto_renew) {
    Run s(s_->first_expiry);
    s->bind(1, account).bind(2, auto_renew ? 1 : 0);
    if (!s->step() || s->is_null(0)) return std::nullopt;
    return day_of(s->integer(0));
}

std::int64_t Store::add_event(std::int64_t account, const Event& e) {
    Run s(s_->add_event);
    s->bind(1, account).bind(2, count(e.day)).bind(3, voip::to_string(e.uuid)).bind(4, e.customer);
    s->bind(5, static_cast<std::int64_t>(e.kind)).bind(6, e.charge.minor).bind(7, e.balance.minor).bind(8, e.rule);
    s->step();
    return sqlite3_last_insert_rowid(db_.handle());
}

voip::Money Store::charge(std::int64_t account, voip::Money balance, Event e) {
    // A charge is taken only when affordable() (0 <= charge <= balance <= max_amount), or is
    // 0, so the new balance is in [-max_amount, max_amount]; value() would throw, and the
    // request answer 500, only if that stopped being so.
    e.balance = voip::subtract(balance, e.charge).value();
    set_balance(account, e.balance);
    add_event(account, e);
    return e.balance;
}

namespace {
// A JSON array of the values, for json_each(); the uuids' and kinds' texts need no escaping.
template <class T, class F>
std::string json_array(const std::vector<T>& values, F text) {
    std::string out = "[";
    for (const T& v : values) out += (out.size() > 1 ? "," : "") + text(v);
    return out + "]";
}
}  // namespace

std::vector<Event> Store::events(std::int64_t account, std::int64_t after, std::int64_t limit, const EventFilter& filter) {
    Run s(s_->events);
    s->bind(1, account).bind(2, after).bind(3, limit);
    if (filter.customer) s->bind(4, *filter.customer);
    else s->bind_null(4);
    if (filter.uuids.empty()) s->bind_null(5);
    else s->bind(5, json_array(filter.uuids, [](const voip::Uuid& u) { return '"' + voip::to_string(u) + '"'; }));
    if (filter.kinds.empty()) s->bind_null(6);
    else s->bind(6, json_array(filter.kinds, [](EventKind k) { return std::to_string(static_cast<int>(k)); }));
    std::vector<Event> out;
    while (s->step()) {
        const auto uuid = voip::parse_uuid(s->text(2));
        const auto kind = s->integer(4);
        if (!uuid || kind < 0 || kind >= static_cast<std::int64_t>(std::size(event_kind_names)))
            throw SqliteError("event " + std::to_string(s->integer(0)) + " is not valid");
        out.push_back({s->integer(0), day_of(s->integer(1)), *uuid, s->text(3), static_cast<EventKind>(kind),
                       voip::Money{s->integer(5)}, voip::Money{s->integer(6)}, s->text(7)});
    }
    return out;
}

voip::Money Store::charged(std::int64_t account) {
    Run s(s_->charged);
    s->bind(1, account);
    s->step();
    return voip::Money{s->integer(0)};
}

std::optional<Replay> Store::replay(std::int64_t account, std::string_view customer, std::string_view key) {
    Run s(s_->replay);
    s->bind(1, account).bind(2, key).bind(3, customer);
    if (!s->step()) return std::nullopt;
    return Replay{s->text(0), static_cast<int>(s->integer(1)), s->text(2), s->text(3)};
}

void Store::remember(std::int64_t account, std::string_view customer, std::string_view key, const Replay& r,
                     std::int64_t now_seconds) {
    Run s(s_->remember);
    s->bind(1, account).bind(2, key).bind(3, r.fingerprint).bind(4, r.status).bind(5, r.body).bind(6, r.rule);
    s->bind(7, now_seconds).bind(8, customer);
    s->step();
}

void Store::forget_keys_before(std::int64_t seconds) {
    Run s(s_->forget);
    s->bind(1, seconds);
    s->step();
}

void Store::reset(std::int64_t account) {
    for (Statement* st : {&s_->reset_bundles, &s_->reset_events, &s_->reset_keys}) {
        Run s(*st);
        s->bind(1, account);
        s->step();
    }
}

}  // namespace voip_sandbox
