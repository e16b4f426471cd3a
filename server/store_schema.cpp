// The sandbox's SQLite schema and its migrations (store.hpp).
#include <iterator>
#include <stdexcept>

#include "store.hpp"

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
    // 3: accounts kept by the database itself: the generated account's password (the same
    // after a restart) and the accounts made by POST /sandbox/accounts (their password and
    // settings: balance, prices, customers as JSON). `origin`: 0 from --config, 1 generated,
    // 2 made at runtime. An event's `amount` is what it added to the balance besides its
    // charge (POST /sandbox/account), so balance = start - charges + amounts, event by event.
    R"sql(
ALTER TABLE accounts ADD COLUMN password TEXT;
ALTER TABLE accounts ADD COLUMN origin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN settings TEXT;
ALTER TABLE events ADD COLUMN amount INTEGER NOT NULL DEFAULT 0;
)sql",
    // 4: a clock move commits day by day, in short transactions (clock.cpp). The index of
    // the sweep holds its whole order, so a move reads a day's renewals a few at a time from
    // where it stopped; an account row keeps where a move stopped inside a day.
    R"sql(
DROP INDEX bundles_due;
CREATE INDEX bundles_due ON bundles(account, auto_renew, expires_on, uuid, customer) WHERE lapsed = 0;
ALTER TABLE accounts ADD COLUMN sweep_day INTEGER;
ALTER TABLE accounts ADD COLUMN sweep_expires INTEGER;
ALTER TABLE accounts ADD COLUMN sweep_uuid TEXT;
ALTER TABLE accounts ADD COLUMN sweep_customer TEXT;
)sql",
    // 5: the day a clock move last renewed a bundle, apart from updated_on, which a PUT between
    // a move cut inside a day and its resume rewrites. Until now a move's renewal dated
    // updated_on past the clock, which no other write does: those carry over.
    R"sql(
ALTER TABLE bundles ADD COLUMN renewed_on INTEGER;
UPDATE bundles SET renewed_on = updated_on
  WHERE updated_on > (SELECT today FROM accounts WHERE accounts.id = bundles.account);
)sql",
};
static_assert(std::size(migrations) == schema_version);

}  // namespace

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
    // The Checkpointer's checkpoints instead (checkpointer.hpp).
    db.exec("PRAGMA wal_autocheckpoint = 0");
    // A log left larger (by a crash under load, or an older program) is cut back to this at
    // its next restart.
    db.exec("PRAGMA journal_size_limit = 33554432");
    for (std::int64_t v = found; v < schema_version; ++v) {
        Transaction t(db);
        db.exec(migrations[v]);
        db.exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
        t.commit();
    }
}

}  // namespace voip_sandbox
