#!/usr/bin/env python3
"""The create's SQL alone, without HTTP: what a create does to the store as it grows
(docs/benchmarks.md, "Sandbox 3"). Python's sqlite3 on a fresh file with the server's
settings (WAL, synchronous NORMAL, mmap, cache_size, a RESTART checkpoint about every 4,096
frames): per create one transaction with the server's statements (the key sweep, the uuid
check, the account read, the bundle, the balance, the event). For each 10,000: creates/s,
this process's CPU seconds and MiB written, and the seconds spent checkpointing; the bytes
and CPU are its own cost, which a loaded machine changes far less than the rate.
Usage: store_creates.py LAYOUT [COUNT] [CACHE_SIZE]
  LAYOUT  random: the schema's tables and indexes (server/store_schema.cpp), random v4 uuids
          sequential: the same with uuids in insertion order (what the random keys cost)
          rowid: a rowid table with a unique index on (account, customer, uuid)
          rowid-created: rowid, and the two other indexes without uuid (their order within a
          day would be the insertion order: not the API's order)
"""
import os, random, resource, sqlite3, sys, tempfile, time

LAYOUT = sys.argv[1]
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
CACHE = int(sys.argv[3]) if len(sys.argv) > 3 else -65536
CHECKPOINT_EVERY = 4096 // 7  # commits: a create writes about 7 pages

COLUMNS = """uuid TEXT NOT NULL, account INTEGER NOT NULL, customer TEXT NOT NULL, created_on INTEGER NOT NULL,
  updated_on INTEGER NOT NULL, expires_on INTEGER NOT NULL, bundle_type INTEGER NOT NULL, auto_renew INTEGER NOT NULL,
  lapsed INTEGER NOT NULL DEFAULT 0, renewed_on INTEGER"""
BASE = """
CREATE TABLE accounts(id INTEGER PRIMARY KEY, balance INTEGER NOT NULL, today INTEGER NOT NULL, sweep_day INTEGER);
INSERT INTO accounts VALUES (1, 1000000000000000, 20454, NULL);
CREATE TABLE events(seq INTEGER PRIMARY KEY AUTOINCREMENT, account INTEGER NOT NULL, day INTEGER NOT NULL,
  uuid TEXT NOT NULL, customer TEXT NOT NULL, kind INTEGER NOT NULL, charge INTEGER NOT NULL, balance INTEGER NOT NULL,
  rule TEXT NOT NULL DEFAULT '', amount INTEGER NOT NULL DEFAULT 0);
CREATE INDEX events_by_account ON events(account, seq);
CREATE TABLE idempotency(account INTEGER NOT NULL, customer TEXT NOT NULL, key TEXT NOT NULL,
  created_at INTEGER NOT NULL, PRIMARY KEY(account, customer, key)) WITHOUT ROWID;
CREATE INDEX idempotency_by_age ON idempotency(created_at);
"""
ORDERED = """CREATE INDEX bundles_by_owner ON bundles(account, customer, created_on, uuid);
CREATE INDEX bundles_due ON bundles(account, auto_renew, expires_on, uuid, customer) WHERE lapsed = 0;"""
LAYOUTS = {
    "random": f"CREATE TABLE bundles({COLUMNS}, PRIMARY KEY(account, customer, uuid)) WITHOUT ROWID;" + ORDERED,
    "rowid": f"CREATE TABLE bundles(id INTEGER PRIMARY KEY, {COLUMNS});"
             "CREATE UNIQUE INDEX bundles_key ON bundles(account, customer, uuid);" + ORDERED,
    "rowid-created": f"CREATE TABLE bundles(id INTEGER PRIMARY KEY, {COLUMNS});"
                     "CREATE UNIQUE INDEX bundles_key ON bundles(account, customer, uuid);"
                     "CREATE INDEX bundles_by_owner ON bundles(account, customer, created_on);"
                     "CREATE INDEX bundles_due ON bundles(account, auto_renew, expires_on) WHERE lapsed = 0;",
}
LAYOUTS["sequential"] = LAYOUTS["random"]


def usage():
    r = resource.getrusage(resource.RUSAGE_SELF)
    with open("/proc/self/io") as f:
        written = int(next(line for line in f if line.startswith("write_bytes")).split()[1])
    return time.perf_counter(), r.ru_utime + r.ru_stime, written


def main():
    work = tempfile.mkdtemp(prefix="store-creates-")
    con = sqlite3.connect(os.path.join(work, "creates.db"), isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "mmap_size = 1073741824", f"cache_size = {CACHE}",
                   "wal_autocheckpoint = 0"):
        con.execute("PRAGMA " + pragma)
    con.executescript(BASE + LAYOUTS[LAYOUT])
    rng = random.Random(1)
    rows, checkpointing, last = [], 0.0, usage()
    for i in range(COUNT):
        h = "%032x" % (i if LAYOUT == "sequential" else rng.getrandbits(128))
        uuid = "%s-%s-4%s-8%s-%s" % (h[:8], h[8:12], h[13:16], h[17:20], h[20:])
        con.execute("BEGIN IMMEDIATE")
        con.execute("DELETE FROM idempotency WHERE created_at < 0")
        con.execute("SELECT 1 FROM bundles WHERE account = 1 AND customer = '' AND uuid = ?", (uuid,)).fetchall()
        balance = con.execute("SELECT balance, today FROM accounts WHERE id = 1").fetchone()[0] - 900
        con.execute("INSERT INTO bundles(uuid, account, customer, created_on, updated_on, expires_on, bundle_type, "
                    "auto_renew, lapsed) VALUES (?, 1, '', 20454, 20454, 20485, 2, 0, 0)", (uuid,))
        con.execute("UPDATE accounts SET balance = ? WHERE id = 1", (balance,))
        con.execute("INSERT INTO events(account, day, uuid, customer, kind, charge, balance) "
                    "VALUES (1, 20454, ?, '', 0, 900, ?)", (uuid, balance))
        con.execute("COMMIT")
        if (i + 1) % CHECKPOINT_EVERY == 0:
            t = time.perf_counter()
            con.execute("PRAGMA wal_checkpoint(RESTART)").fetchall()
            checkpointing += time.perf_counter() - t
        if (i + 1) % 10000 == 0:
            now = usage()
            rows.append((i + 1, 10000 / (now[0] - last[0]), now[1] - last[1], (now[2] - last[2]) / 2**20, checkpointing))
            last, checkpointing = now, 0.0
    con.close()
    print(f"{LAYOUT}, cache_size {CACHE}: creates, creates/s, CPU s, MiB written, checkpoint s (each 10,000)")
    for n, rate, cpu, mib, cp in rows:
        print(f"{n:>7,} {rate:7.0f} {cpu:6.2f} {mib:6.0f} {cp:6.2f}")
    for name in os.listdir(work):
        os.remove(os.path.join(work, name))
    os.rmdir(work)


if __name__ == "__main__":
    main()
