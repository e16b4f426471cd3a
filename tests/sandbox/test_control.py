#!/usr/bin/env python3
"""The control API for test suites (docs/sandbox.md, "The control API"): the balance set at
runtime, accounts made and removed at runtime, and the documented example run as it stands."""
import atexit
import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import sandbox_client as sc
from sandbox_client import Server, case, check, config, creds, create, move_clock


def refused(s, method, path, body, status, rule, **kw):
    r = s.call(method, path, body, **kw)
    check(r.status == status and r.headers.get("x-sandbox-error") == rule,
          "%s %s %s: want %d %s, got %r %s" % (method, path, body, status, rule, r, r.headers.get("x-sandbox-error")))
    return r


def money_kept(s, start):
    """balance = start - charges + amounts, event by event, and in /sandbox/account."""
    evs = sc.events(s)
    running = start
    for e in evs:
        running = running - e["charge"] + e["amount"]
        check(e["balance"] == running, "event %s: balance %d, want %d" % (e, e["balance"], running))
    acct = s.ok("GET", "/sandbox/account")
    check(acct["balance"] == running == start - acct["charged"] + acct["adjusted"], "account %s, events %d" % (acct, running))
    return evs


@case
def balance_at_runtime():
    """POST /sandbox/account sets ({"balance"}) or tops up ({"add"}) the balance: a
    renewal_failed without spending down, then a renewal once funded; each change an event
    with its amount; bodies read strictly; a replayed key adds nothing; reset restores."""
    with Server(config(balance=10000)) as s:
        uuid = create(s, 1, True)["uuid"]  # 8500
        acct = s.ok("POST", "/sandbox/account", {"balance": 1000})
        check(acct["balance"] == 1000 and acct["adjusted"] == -7500 and acct["charged"] == 1500, "%s" % acct)
        moved = move_clock(s, today="2018-08-29")  # the window opens; 1000 < 1500
        check(moved["renewal_failed"] == 1 and moved["renewed"] == 0, "short funds: %s" % moved)
        acct = s.ok("POST", "/sandbox/account", {"add": 500}, headers={"Idempotency-Key": "top-up"})
        again = s.call("POST", "/sandbox/account", {"add": 500}, headers={"Idempotency-Key": "top-up"})
        check(again.headers.get("idempotent-replayed") == "true" and again.json["result"] == acct, "replayed: %r" % again)
        check(acct["balance"] == 1500, "topped up once: %s" % acct)
        check(move_clock(s, advance_days=1)["renewed"] == 1 and sc.balance(s) == 0, "renewed once funded")
        s.ok("POST", "/sandbox/account", {"add": 0}, auth=creds(customer="acme"))
        evs = money_kept(s, 10000)
        kinds = [(e["kind"], e["amount"], e["uuid"] if e["kind"].startswith("balance") else "") for e in evs]
        check(kinds == [("created", 0, ""), ("balance_set", -7500, None), ("renewal_failed", 0, ""),
                        ("balance_added", 500, None), ("renewed", 0, ""), ("balance_added", 0, None)], "%s" % kinds)
        check(evs[-1]["customer"] == "acme" and evs[1]["customer"] is None, "who changed it: %s" % evs)
        check(s.ok("GET", "/sandbox/events?kind=balance_set")[0]["seq"] == evs[1]["seq"], "kind filter")
        check(s.ok("GET", "/sandbox/bundle/" + uuid)["expires_on"] == "2018-10-01", "renewed")
        for body, rule in (({}, "balance_body"), ({"balance": 1, "add": 1}, "balance_body"), ({"set": 1}, "balance_body"),
                           ({"balance": -1}, "balance_body"), ({"add": "5"}, "balance_body"), ({"add": 1.5}, "balance_body"),
                           ({"balance": None}, "balance_body"), ({"balance": 10 ** 15 + 1}, "amount_out_of_range"),
                           ({"balance": 2 ** 63}, "amount_out_of_range"), ('{"add": 1, "add": 2}', "duplicate_member"),
                           ("[1]", "body_not_object"), ("", "invalid_json")):
            refused(s, "POST", "/sandbox/account", body, 400, rule)
        s.ok("POST", "/sandbox/account", {"balance": 10 ** 15})
        refused(s, "POST", "/sandbox/account", {"add": 1}, 400, "amount_out_of_range")  # past the Money range
        check(sc.balance(s) == 10 ** 15, "a refused change changes nothing")
        money_kept(s, 10000)
        check(s.ok("POST", "/sandbox/reset")["balance"] == 10000, "reset: the configured balance again")
        check(s.ok("GET", "/sandbox/account")["adjusted"] == 0, "and no adjustment left")


def login(made, customer=None):
    return creds(made["reseller"], made["user"], made["password"], customer)


@case
def accounts_at_runtime():
    """POST /sandbox/accounts makes an isolated account (own clock, balance, customers,
    bundles, events), its credentials answered once; it outlives a restart; DELETE
    /sandbox/accounts/{reseller} by itself removes it and all it owns, nothing else."""
    with Server(config(balance=10000)) as s:
        mine = create(s, 1, True)["uuid"]
        plain = s.ok("POST", "/sandbox/accounts", {}, status=201)
        check(set(plain) == {"reseller", "user", "password", "balance", "today", "customers"}, "%s" % plain)
        check(plain["balance"] == 10000 and plain["customers"] == ["acme"] and plain["today"] == "2018-08-01",
              "the asking account's settings and the server's first day: %s" % plain)
        check(len(plain["password"]) >= 20 and plain["reseller"] != "r", "%s" % plain)
        prices = dict(sc.PRICES, **{"1": 100})
        made = s.ok("POST", "/sandbox/accounts", {"balance": 700, "customers": ["x", "y"], "today": "2020-02-01",
                                                  "prices": prices}, status=201, headers={"Idempotency-Key": "k"})
        again = s.call("POST", "/sandbox/accounts", {"balance": 700, "customers": ["x", "y"], "today": "2020-02-01",
                                                     "prices": prices}, headers={"Idempotency-Key": "k"})
        check(again.json["result"] == made and again.headers.get("idempotent-replayed") == "true", "one account: %r" % again)
        new = login(made)
        acct = s.ok("GET", "/sandbox/account", auth=new)
        check((acct["balance"], acct["today"], acct["customers"], acct["prices"]) == (700, "2020-02-01", ["x", "y"], prices),
              "%s" % acct)
        check(s.ok("GET", "/voip/bundle", auth=new) == [] and s.ok("GET", "/sandbox/events", auth=new) == [], "isolated")
        check(s.call("GET", "/sandbox/bundle/" + mine, auth=new).status == 404, "another account's bundle is unknown")
        theirs = s.ok("POST", "/voip/bundle", {"bundle_type": 1}, status=201, auth=login(made, "x"))["uuid"]
        check(s.ok("GET", "/sandbox/account", auth=new)["balance"] == 600, "its own prices and balance")
        check(s.call("GET", "/voip/bundle", auth=login(made, "acme")).status == 400, "its own customers")
        check(s.ok("POST", "/sandbox/clock", {"advance_days": 40}, auth=new)["today"] == "2020-03-12", "its own clock")
        check(s.ok("GET", "/sandbox/clock")["today"] == "2018-08-01" and sc.balance(s) == 8500, "the first one untouched")
        s.stop()
        s.start()
        check(s.ok("GET", "/sandbox/bundle/" + theirs, auth=login(made, "x"))["state"] == "lapsed", "kept by the restart")
        refused(s, "DELETE", "/sandbox/accounts/" + plain["reseller"], None, 404, "unknown_account", auth=new)
        refused(s, "DELETE", "/sandbox/accounts/r", None, 400, "account_not_deletable")
        refused(s, "DELETE", "/sandbox/accounts/" + made["reseller"], None, 400, "account_not_deletable", auth=login(made, "x"))
        check(s.ok("DELETE", "/sandbox/accounts/" + made["reseller"], auth=new) == {}, "deleted")
        check(s.call("GET", "/sandbox/account", auth=new).status == 401, "its credentials no longer work")
        check(s.call("GET", "/sandbox/account", auth=login(plain)).status == 200, "the other one's still do")
        s.stop()
        s.start()
        check(s.call("GET", "/sandbox/account", auth=new).status == 401, "still gone after a restart")
        check(s.ok("GET", "/sandbox/bundle/" + mine)["uuid"] == mine and len(sc.events(s)) == 1, "nothing else went")
        for body, rule in (({"x": 1}, "account_body"), ({"balance": -1}, "account_body"), ({"customers": "x"}, "account_body"),
                           ({"customers": ["x", "x"]}, "account_body"), ({"customers": [""]}, "account_body"),
                           ({"today": 5}, "account_body"), ({"today": "2018-02-30"}, "malformed_date"),
                           ({"balance": 10 ** 15 + 1}, "amount_out_of_range"), ('{"balance": 1, "balance": 2}', "duplicate_member")):
            refused(s, "POST", "/sandbox/accounts", body, 400, rule)
        r = s.call("POST", "/sandbox/accounts", {"prices": {"1": 100}})
        check(r.status == 400 and r.headers.get("x-sandbox-error") not in (None, "account_body"), "the library's name: %r" % r)


def lost(s, method, path, body, headers):
    """The request is sent and the connection closes without an answer."""
    c = s.conn(timeout=5)
    try:
        sc.exchange(c, method, path, body, dict(s.creds, **headers))
    except (http.client.RemoteDisconnected, ConnectionResetError):
        return
    finally:
        c.close()
    raise sc.Failed("%s %s was answered" % (method, path))


@case
def faults():
    """POST /sandbox/faults arms a fault for the next N matching requests of the account:
    drop_after_commit (stored, then the connection closed: an idempotent retry replays it),
    error_before_commit (500, nothing changed), delay (answered late); each firing a `fault`
    event; listed by GET /sandbox/faults, cleared by a reset; another account untouched."""
    with Server(config(balance=10000, more=[("r2", "u", "p", 5000)])) as s:
        fid = s.ok("POST", "/sandbox/faults", {"method": "POST", "path": "/voip/bundle", "kind": "drop_after_commit"},
                   status=201)["id"]
        listed = s.ok("GET", "/sandbox/faults")
        check(listed == [{"id": fid, "method": "POST", "path": "/voip/bundle", "kind": "drop_after_commit", "count": 1}],
              "%s" % listed)
        check(s.call("POST", "/voip/bundle", {"bundle_type": 3}, auth=creds("r2", "u", "p")).status == 201, "not r2's")
        lost(s, "POST", "/voip/bundle", {"bundle_type": 1, "auto_renew": True}, {"Idempotency-Key": "k1"})
        retry = s.call("POST", "/voip/bundle", {"bundle_type": 1, "auto_renew": True}, headers={"Idempotency-Key": "k1"})
        check(retry.status == 201 and retry.headers.get("idempotent-replayed") == "true", "the retry replays: %r" % retry)
        uuid = retry.json["result"]["uuid"]
        check(len(s.ok("GET", "/voip/bundle")) == 1 and sc.balance(s) == 8500, "stored and charged once")
        check(s.ok("GET", "/sandbox/faults") == [], "fired once, then gone")
        s.ok("POST", "/sandbox/faults", {"method": "PUT", "path": "/voip/bundle/{uuid}", "kind": "error_before_commit",
                                         "count": 2}, status=201)
        for _ in range(2):
            refused(s, "PUT", "/voip/bundle/" + uuid, {"bundle_type": 4, "auto_renew": True}, 500, "fault_injected",
                    headers={"Idempotency-Key": "k2"})
        check(s.ok("GET", "/sandbox/bundle/" + uuid)["bundle_type"] == 1 and sc.balance(s) == 8500, "nothing changed")
        r = s.call("PUT", "/voip/bundle/" + uuid, {"bundle_type": 4, "auto_renew": True}, headers={"Idempotency-Key": "k2"})
        check(r.status == 200 and "idempotent-replayed" not in r.headers, "the third goes through, not a replay: %r" % r)
        s.ok("POST", "/sandbox/faults", {"method": "GET", "path": "/sandbox/clock", "kind": "delay", "delay_ms": 400},
             status=201)
        t0 = time.time()
        s.ok("GET", "/sandbox/clock")
        late = time.time() - t0
        t0 = time.time()
        s.ok("GET", "/sandbox/clock")
        check(late >= 0.4 and time.time() - t0 < 0.3, "answered %.2f s late, then at once" % late)
        evs = s.ok("GET", "/sandbox/events?kind=fault")
        check([e["rule"] for e in evs] == ["drop_after_commit", "error_before_commit", "error_before_commit", "delay"],
              "each firing an event: %s" % evs)
        check(all(e["uuid"] is None and e["charge"] == 0 for e in evs), "%s" % evs)
        money_kept(s, 10000)
        # one path only, then a reset clears what is armed
        other = create(s, 5, False)["uuid"]
        s.ok("POST", "/sandbox/faults", {"method": "POST", "path": "/voip/bundle/%s/renew" % other,
                                         "kind": "error_before_commit", "count": 5}, status=201)
        check(s.call("POST", "/voip/bundle/%s/renew" % uuid).status != 500, "another uuid's renew is not matched")
        refused(s, "POST", "/voip/bundle/%s/renew" % other, None, 500, "fault_injected")
        s.ok("POST", "/sandbox/reset")
        check(s.ok("GET", "/sandbox/faults") == [], "a reset disarms")
        for body in ({}, {"method": "POST", "path": "/voip/bundle"}, {"method": "POST", "path": "/voip/bundle", "kind": "x"},
                     {"method": "POST", "path": "/nowhere", "kind": "delay", "delay_ms": 5},
                     {"method": "DELETE", "path": "/voip/bundle", "kind": "drop_after_commit"},
                     {"method": "GET", "path": "/sandbox/health", "kind": "drop_after_commit"},
                     {"method": "POST", "path": "/sandbox/faults", "kind": "drop_after_commit"},
                     {"method": "POST", "path": "/voip/bundle", "kind": "delay"},
                     {"method": "POST", "path": "/voip/bundle", "kind": "delay", "delay_ms": 10001},
                     {"method": "POST", "path": "/voip/bundle", "kind": "drop_after_commit", "delay_ms": 5},
                     {"method": "POST", "path": "/voip/bundle", "kind": "drop_after_commit", "count": 0},
                     {"method": "POST", "path": "/voip/bundle", "kind": "drop_after_commit", "other": 1}):
            refused(s, "POST", "/sandbox/faults", body, 400, "fault_body")
        check(s.ok("GET", "/sandbox/faults") == [], "nothing armed by a refused body")


def documented(heading):
    """The python block and the output block after `heading` in docs/sandbox.md."""
    with open(os.path.join(sc.ROOT, "docs", "sandbox.md"), encoding="utf-8") as f:
        page = f.read()
    check(heading in page, "docs/sandbox.md has %r" % heading)
    rest = page[page.index(heading):]
    code = re.search(r"```python\n(.*?)```", rest, re.S).group(1)
    output = re.search(r"It prints:\n\n```\n(.*?)```", rest, re.S).group(1)
    return code, output


@case
def control_example():
    """The Python example of docs/sandbox.md runs as it stands against a fresh server started
    with --credentials-file, and prints what the page says it prints."""
    code, output = documented("### The control API from Python")
    d = tempfile.mkdtemp(prefix="voip-sandbox-")
    atexit.register(shutil.rmtree, d, True)  # this case runs in a process of its own
    example, creds_file = os.path.join(d, "example.py"), os.path.join(d, "sandbox.json")
    with open(example, "w", encoding="utf-8") as f:
        f.write(code)
    with Server(None, today=None, db=":memory:", workdir=d, extra=["--credentials-file", creds_file]):
        p = subprocess.run([sys.executable, example, creds_file], capture_output=True, text=True, timeout=60)
    check(p.returncode == 0, "the example failed: %s" % p.stderr[-2000:])
    check(p.stdout == output, "it printed %r, the page says %r" % (p.stdout, output))


if __name__ == "__main__":
    sys.exit(sc.main())
