#!/usr/bin/env python3
"""The server's life: a clean stop on SIGTERM and SIGINT with a request in flight, and exit 2
with one line on standard error for a bad configuration, option or database."""
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

import sandbox_client as sc
from sandbox_client import Server, case, check, config, creds


def refused(args, mention):
    """voip-bundle serve with `args` exits 2 at once, one line on stderr that names `mention`."""
    p = subprocess.run([sc.EXE, "serve", "--listen", "127.0.0.1:0", *args], capture_output=True, timeout=30)
    err = p.stderr.decode()
    check(p.returncode == 2, "exit %d for %s: %r" % (p.returncode, args, err))
    check(err.count("\n") == 1 and mention in err, "one line naming %r: %r" % (mention, err))
    check(p.stdout == b"", "nothing on stdout: %r" % p.stdout)


@case
def stop_finishes_the_request_in_flight():
    for sig in (signal.SIGTERM, signal.SIGINT):
        with Server(config()) as s:
            c = socket.create_connection(("127.0.0.1", s.port))
            body = b'{"bundle_type": 1, "auto_renew": true}'
            head = (b"POST /voip/bundle HTTP/1.1\r\nHost: x\r\nX-Auth-Reseller: r\r\nX-Auth-User: u\r\n"
                    b"X-Auth-Password: p\r\nContent-Length: %d\r\n\r\n" % len(body))
            c.sendall(head + body[:10])  # the request is in flight: half its body sent
            time.sleep(0.3)
            s.proc.send_signal(sig)
            time.sleep(0.3)
            c.sendall(body[10:])
            answer = b""
            c.settimeout(10)
            while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
                chunk = c.recv(4096)
                if not chunk:
                    break
                answer += chunk
            c.close()
            check(answer.startswith(b"HTTP/1.1 201"), "%s: the request in flight is answered: %r" % (sig, answer[:80]))
            check(s.proc.wait(10) == 0, "exit 0 after %s" % sig)
            out = s.proc.stdout.read().decode()
            check("voip-bundle sandbox stopped" in out, "says it stopped: %r" % out)
            # what it answered is stored: a restart on the same database shows it
            s.start()
            check(len(s.ok("GET", "/voip/bundle")) == 1 and sc.balance(s) == 8500, "the create was committed")


@case
def stop_right_after_the_banner():
    """A signal sent the moment the banner is read is not lost (stop() before listen() runs)."""
    for _ in range(5):
        s = Server(config(), db=":memory:")
        s.proc.send_signal(signal.SIGTERM)
        try:
            check(s.proc.wait(10) == 0, "exit 0")
        finally:
            s.close()


@case
def tenancy_of_chosen_uuids_and_events():
    """X-Sandbox-Uuid says nothing about another account; a customer's events are its own."""
    with Server(config(customers=("acme", "globex"), more=[("r2", "u", "p", 5000)])) as s:
        u = "11111111-1111-4111-8111-111111111111"
        sc.create(s, uuid=u)
        sc.create(s, uuid=u, headers={}, status=400)  # taken in this account
        r = s.call("POST", "/voip/bundle", '{"bundle_type": 1}', auth=creds("r2", "u", "p"), headers={"X-Sandbox-Uuid": u})
        check(r.status == 201, "another account may take the same uuid: %r" % r)
        check(s.call("GET", "/voip/bundle/" + u, auth=creds("r2", "u", "p")).status == 200, "its own")
        s.call("POST", "/voip/bundle", '{"bundle_type": 2}', auth=creds(customer="acme"))
        s.call("POST", "/voip/bundle", '{"bundle_type": 3}', auth=creds(customer="globex"))
        acme = s.ok("GET", "/sandbox/events", auth=creds(customer="acme"))
        check(len(acme) == 1 and acme[0]["customer"] == "acme", "acme sees its events alone: %s" % acme)
        everyone = s.ok("GET", "/sandbox/events")
        check(len(everyone) == 3, "the account sees all its customers' events: %s" % everyone)


@case
def chosen_uuid_of_another_customer():
    """Each customer is its own tenant for X-Sandbox-Uuid too: a uuid another customer (or the
    account itself) holds is answered as a free one, so a create learns nothing of it; each
    bundle lives on, renewed by the clock, as its owner's alone."""
    with Server(config(customers=("acme", "globex"))) as s:
        u = "11111111-1111-4111-8111-111111111111"
        free = "22222222-2222-4222-8222-222222222222"
        mine = sc.create(s, 1, True, uuid=u)
        acme = s.call("POST", "/voip/bundle", '{"bundle_type": 2, "auto_renew": true}', auth=creds(customer="acme"),
                      headers={"X-Sandbox-Uuid": u})
        unused = s.call("POST", "/voip/bundle", '{"bundle_type": 2, "auto_renew": true}', auth=creds(customer="globex"),
                        headers={"X-Sandbox-Uuid": free})
        check(acme.status == unused.status == 201 and acme.body == unused.body.replace(free.encode(), u.encode()),
              "a taken uuid of another customer is answered as a free one: %r %r" % (acme, unused))
        check(set(acme.headers) == set(unused.headers) and "x-sandbox-error" not in acme.headers, "%s" % acme.headers)
        again = s.call("POST", "/voip/bundle", '{"bundle_type": 3}', auth=creds(customer="acme"), headers={"X-Sandbox-Uuid": u})
        check(again.status == 400 and again.headers.get("x-sandbox-error") == "sandbox_uuid_taken", "its own: %r" % again)
        check(s.ok("GET", "/sandbox/bundle/" + u)["bundle_type"] == mine["bundle_type"] == 1, "the account's own")
        check(s.ok("GET", "/sandbox/bundle/" + u, auth=creds(customer="acme"))["bundle_type"] == 2, "acme's own")
        check(sc.move_clock(s, today="2018-08-29")["renewed"] == 3, "all three renewed")
        for who in (creds(), creds(customer="acme")):
            check(s.ok("GET", "/sandbox/bundle/" + u, auth=who)["expires_on"] == "2018-10-01", "each renewed once")
        evs = [e for e in sc.events(s) if e["uuid"] == u]
        check(sorted((e["kind"], e["customer"] or "") for e in evs) ==
              [("created", ""), ("created", "acme"), ("renewed", ""), ("renewed", "acme")], "%s" % evs)


V1_SCHEMA = """
CREATE TABLE accounts(id INTEGER PRIMARY KEY, reseller TEXT NOT NULL, user TEXT NOT NULL, balance INTEGER NOT NULL,
  today INTEGER NOT NULL, UNIQUE(reseller, user));
CREATE TABLE bundles(uuid TEXT NOT NULL, account INTEGER NOT NULL REFERENCES accounts(id), customer TEXT NOT NULL,
  created_on INTEGER NOT NULL, updated_on INTEGER NOT NULL, expires_on INTEGER NOT NULL, bundle_type INTEGER NOT NULL,
  auto_renew INTEGER NOT NULL, lapsed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(account, uuid)) WITHOUT ROWID;
CREATE INDEX bundles_by_owner ON bundles(account, customer, created_on);
CREATE INDEX bundles_due ON bundles(account, auto_renew, expires_on) WHERE lapsed = 0;
CREATE TABLE events(seq INTEGER PRIMARY KEY AUTOINCREMENT, account INTEGER NOT NULL, day INTEGER NOT NULL,
  uuid TEXT NOT NULL, customer TEXT NOT NULL, kind INTEGER NOT NULL, charge INTEGER NOT NULL, balance INTEGER NOT NULL);
CREATE INDEX events_by_account ON events(account, seq);
CREATE TABLE idempotency(account INTEGER NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
  body TEXT NOT NULL, rule TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY(account, key)) WITHOUT ROWID;
CREATE INDEX idempotency_by_age ON idempotency(created_at);
PRAGMA user_version = 1;
"""


def schema_version():
    """The schema the server writes (server/store.hpp)."""
    with open(os.path.join(sc.ROOT, "server", "store.hpp"), encoding="utf-8") as f:
        return int(re.search(r"schema_version = (\d+);", f.read()).group(1))


@case
def migrates_schema_1():
    """A database of schema 1 is migrated: its bundles, events and keys kept, a key under the
    customer that used it."""
    d = tempfile.mkdtemp(prefix="voip-sandbox-")
    db = os.path.join(d, "v1.db")
    u = "11111111-1111-4111-8111-111111111111"
    answer = ('{"result":{"auto_renew":false,"bundle_type":1,"expires_on":"2018-09-01","uuid":"%s"},'
              '"status_code":201,"status_message":"Created"}' % u)
    body = '{"bundle_type": 1}'
    con = sqlite3.connect(db)
    con.executescript(V1_SCHEMA)
    con.execute("INSERT INTO accounts VALUES (1, 'r', 'u', 8500, 17744)")  # 2018-08-01
    con.execute("INSERT INTO bundles VALUES (?, 1, 'acme', 17744, 17744, 17775, 1, 0, 0)", (u,))
    con.execute("INSERT INTO events VALUES (1, 1, 17744, ?, 'acme', 0, 1500, 8500)", (u,))
    con.execute("INSERT INTO idempotency VALUES (1, 'k', ?, 201, ?, '', ?)",
                ("POST /voip/bundle\nacme\n\n" + body, answer, int(time.time())))
    con.commit()
    con.close()
    with Server(config(), db=db, workdir=d) as s:
        acme = creds(customer="acme")
        check(s.ok("GET", "/voip/bundle/" + u, auth=acme)["created_on"] == "2018-08-01", "the bundle kept")
        r = s.call("POST", "/voip/bundle", body, auth=acme, headers={"Idempotency-Key": "k"})
        check(r.body.decode() == answer and r.headers.get("idempotent-replayed") == "true", "acme's key kept: %r" % r)
        check(s.call("POST", "/voip/bundle", body, headers={"Idempotency-Key": "k"}).status == 201, "not the account's")
        check(sc.events(s)[0] == {"seq": 1, "day": "2018-08-01", "uuid": u, "customer": "acme", "kind": "created",
                                  "charge": 1500, "balance": 8500, "rule": None, "amount": 0}, "the event kept")
    con = sqlite3.connect(db)
    check(con.execute("PRAGMA user_version").fetchone()[0] == schema_version(), "now the program's schema")
    con.close()

@case
def bad_configuration_exit_2():
    d = tempfile.mkdtemp(prefix="voip-sandbox-")
    cases = {"not json": ("{", "not JSON"),
             "no accounts": (json.dumps({"accounts": []}), "accounts: want a non-empty array"),
             "bad price": (json.dumps(config()).replace("1500", "-1"), "prices"),
             "bad policy": (json.dumps(dict(config(), policy={"month_end": "x"})), "policy.month_end")}
    for name, (text, mention) in cases.items():
        path = os.path.join(d, name.replace(" ", "_") + ".json")
        with open(path, "w") as f:
            f.write(text)
        refused(["--db", ":memory:", "--config", path], mention)
    refused(["--db", ":memory:", "--config", os.path.join(d, "missing.json")], "cannot be read")
    refused(["--db", ":memory:", "--today", "2018-02-30"], "--today")
    refused(["--db", ":memory:", "--threads", "0"], "--threads")
    p = subprocess.run([sc.EXE, "serve", "--listen", "nowhere"], capture_output=True, timeout=30)
    check(p.returncode == 2 and b"--listen" in p.stderr, "bad --listen: %r" % p.stderr)


@case
def database_refusals_exit_2():
    d = tempfile.mkdtemp(prefix="voip-sandbox-")
    newer = os.path.join(d, "newer.db")
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 99")
    con.close()
    refused(["--db", newer], "newer than this program's")
    garbage = os.path.join(d, "garbage.db")
    with open(garbage, "wb") as f:
        f.write(b"this is not an SQLite database, just bytes" * 100)
    refused(["--db", garbage], "--db")
    with Server(config()) as s:  # a port in use
        p = subprocess.run([sc.EXE, "serve", "--listen", "127.0.0.1:%d" % s.port, "--db", ":memory:"],
                           capture_output=True, timeout=30)
        check(p.returncode == 2 and b"cannot listen" in p.stderr, "port in use: %r" % p.stderr)
        s.alive()


@case
def restart_keeps_the_clock_and_ignores_a_new_today():
    with Server(config(), today="2018-08-01") as s:
        sc.move_clock(s, today="2018-09-10")
        s.stop()
        s.args[s.args.index("--today") + 1] = "2018-01-01"  # an existing account keeps its clock
        s.start()
        check(s.ok("GET", "/sandbox/clock")["today"] == "2018-09-10", "the clock survived the restart")



@case
def idempotency_keys_forgotten_after_24_hours():
    """The real time that ages keys injected (VOIP_SANDBOX_TEST_NOW, fixed seconds since 1970),
    the server restarted on the same database at each instant: a key is honoured up to 24 hours
    after its first use and forgotten after."""
    t0 = 1700000000
    env = dict(os.environ, VOIP_SANDBOX_TEST_NOW=str(t0))
    body = {"bundle_type": 1, "auto_renew": True}
    key = {"Idempotency-Key": "create-1"}
    with Server(config(balance=10000), env=env) as s:
        first = s.call("POST", "/voip/bundle", body, headers=key)
        check(first.status == 201, "the first create: %r" % first)

        def at(offset):
            s.stop()
            s.env["VOIP_SANDBOX_TEST_NOW"] = str(t0 + offset)
            s.start()
            return s.call("POST", "/voip/bundle", body, headers=key)

        for offset in (23 * 3600 + 59 * 60, 24 * 3600):  # 23h59m, then 24h00m00s exactly
            r = at(offset)
            check(r.status == 201 and r.body == first.body and r.headers.get("idempotent-replayed") == "true",
                  "honoured %d s after: %r" % (offset, r))
        check(len(s.ok("GET", "/voip/bundle")) == 1 and sc.balance(s) == 8500, "replays made nothing")
        r = at(24 * 3600 + 1)
        check(r.status == 201 and "idempotent-replayed" not in r.headers and r.body != first.body,
              "forgotten 24 hours and 1 s after: carried out again, %r" % r)
        check(len(s.ok("GET", "/voip/bundle")) == 2 and sc.balance(s) == 7000, "a second bundle, charged")
        # Remembered again from its new first use: a replay now, a refusal for another body.
        again = s.call("POST", "/voip/bundle", body, headers=key)
        check(again.body == r.body and again.headers.get("idempotent-replayed") == "true", "%r" % again)
        other = s.call("POST", "/voip/bundle", {"bundle_type": 2}, headers=key)
        check(other.status == 400 and other.headers.get("x-sandbox-error") == "idempotency_key_reused", "%r" % other)
    for bad in ("soon", "-5", "", "1e9", "99999999999999999999"):
        p = subprocess.run([sc.EXE, "serve", "--listen", "127.0.0.1:0", "--db", ":memory:"], capture_output=True,
                           timeout=30, env=dict(os.environ, VOIP_SANDBOX_TEST_NOW=bad))
        check(p.returncode == 2 and b"VOIP_SANDBOX_TEST_NOW" in p.stderr, "%r: %r" % (bad, p.stderr))


if __name__ == "__main__":
    sys.exit(sc.main())
