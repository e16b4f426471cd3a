#!/usr/bin/env python3
"""The sandbox runner of the conformance vectors: each API call (kind "call") replayed over
HTTP against `voip-bundle serve`, wherever the sandbox can hold exactly the vector's context.

    python3 conformance/run_sandbox.py VOIP_BUNDLE [conformance/vectors.json]

One server per month-end mode and millennium (`--listen 127.0.0.1:0 --db :memory:`, a
configuration with one account per vector, the mode as its policy, the vector's prices and
its balance plus what the set-up costs). For each vector, on its own account: the stored
bundle is made as a host's customer would make it (clock to created_on, create with
X-Sandbox-Uuid, renew on the first day of each window until expires_on, clock to today,
update to set auto_renew), then the call is made. The status, the body (the envelope, byte
for byte) and X-Sandbox-Error must be the vector's; after a success the account's balance
must have fallen by the vector's charge and /sandbox/bundle must show the vector's bundle.
What the sandbox cannot hold is skipped, with the reason counted (conformance/README.md).
Prints `sandbox: N passed, M failed (api calls only; K skipped: ...)`; exit 1 on a failure.
"""
import datetime as dt
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
from collections import Counter

from vectors import Tally, exe_and_api_calls, text

MAX_AMOUNT = 10**15
MAX_MOVE = 3660  # days one clock move may cover
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
ZERO_PRICES = {str(t): 0 for t in range(1, 6)}
day = dt.date.fromisoformat


class Skip(Exception):
    """The sandbox cannot hold this vector's context exactly; the message is the reason."""


def found_bundle(v):
    """The stored bundle the call acts on, or None (create, a malformed or unknown uuid)."""
    i = v["input"]
    if v["op"] == "create" or not UUID.match(i["uuid"]):
        return None
    return next((b for b in i["stored"] if b["uuid"] == i["uuid"].lower()), None)


def plan(v):
    """The account's configuration and the set-up's first day, or Skip."""
    i, c = v["input"], v["input"]["context"]
    if len(text(i) if v["op"] != "renew" else b"") > 16 * 1024:
        raise Skip("a body over 16 KiB (the sandbox answers 413 before the rules)")
    if c["balance"] is not None and c["balance"] < 0:
        raise Skip("a negative balance (the sandbox never charges a balance below what it can pay)")
    b = found_bundle(v)
    prices = c["prices"] or ZERO_PRICES
    cost = 0
    if b is not None:
        if b["auto_renew"] and day(c["today"]) >= day(b["expires_on"]):
            raise Skip("auto_renew on out of service (set only by an update, which needs the bundle in service)")
        if day(c["today"]) < day(b["created_on"]):
            raise Skip("today before created_on")
        cost = prices[str(b["bundle_type"])] * terms_paid(b, c["policy"])
    balance = MAX_AMOUNT if c["balance"] is None else c["balance"] + cost
    if not 0 <= balance <= MAX_AMOUNT:
        raise Skip("a balance the sandbox cannot start from (below 0 or above 10^15 after the set-up)")
    want = v["expect"]["result"]
    if c["balance"] is None and want["charge"] is not None and want["charge"] > balance - cost:
        raise Skip("a charge beyond what is left of 10^15 after the set-up")
    first = day(b["created_on"]) if b is not None else day(c["today"])
    return {"prices": prices, "balance": balance, "first": first, "cost": cost}


def terms_paid(b, policy):
    """The terms the set-up pays for (the create and each renewal): the months from created_on
    to expires_on over the term, rounded; the balance after the set-up checks it."""
    days = (day(b["expires_on"]) - day(b["created_on"])).days
    return max(1, round(days / (30.436875 * policy["term_months"])))


class Server:
    """A `voip-bundle serve` on a free port, with one account per vector."""

    def __init__(self, cli, folder, policy, accounts, today):
        config = os.path.join(folder, f"config-{policy['month_end']}-{today.year}.json")
        with open(config, "w", encoding="utf-8") as f:
            json.dump({"accounts": accounts, "policy": policy}, f)
        self.errors = open(config + ".stderr", "w+", encoding="utf-8")  # a file: never a full pipe
        self.proc = subprocess.Popen([cli, "serve", "--listen", "127.0.0.1:0", "--db", ":memory:", "--config", config,
                                      "--today", today.isoformat(), "--threads", "2"],
                                     stdout=subprocess.PIPE, stderr=self.errors, text=True)
        line = self.proc.stdout.readline()  # then only a line or two more: never a full pipe either
        m = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if not m:
            self.proc.kill()
            self.errors.seek(0)
            raise SystemExit(f"sandbox did not start: {line}{self.errors.read()}")
        self.port = int(m.group(1))
        self.conn = None

    def request(self, method, path, headers, body=None):
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            try:
                self.conn.request(method, path, body=body if body is not None else b"", headers=headers)
                r = self.conn.getresponse()
                data = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return r.status, data, r.getheader("X-Sandbox-Error")
            except (ConnectionError, http.client.HTTPException):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def stop(self):
        if self.conn is not None:
            self.conn.close()
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.errors.close()


class Account:
    """One account of a server: its credentials and where its clock stands."""

    def __init__(self, server, n, today):
        self.server = server
        self.headers = {"X-Auth-Reseller": f"r{n}", "X-Auth-User": "u", "X-Auth-Password": "p"}
        self.today = today

    def call(self, method, path, body=None, extra=None):
        return self.server.request(method, path, dict(self.headers, **(extra or {})), body)

    def ok(self, method, path, body=None, extra=None):
        status, data, error = self.call(method, path, body, extra)
        if status >= 300:
            raise AssertionError(f"set-up {method} {path}: {status} {error}")
        return json.loads(data)["result"]

    def clock_to(self, target):
        while self.today < target:
            step = min((target - self.today).days, MAX_MOVE)
            self.ok("POST", "/sandbox/clock", json.dumps({"advance_days": step}).encode())
            self.today += dt.timedelta(days=step)


def set_up(account, v, b):
    """The stored bundle b made on the account as a customer would make it, and the clock at today."""
    c = v["input"]["context"]
    before = c["policy"]["renew_days_before"]
    account.clock_to(day(b["created_on"]))
    body = json.dumps({"bundle_type": b["bundle_type"], "auto_renew": False}).encode()
    expires = day(account.ok("POST", "/voip/bundle", body, {"X-Sandbox-Uuid": b["uuid"]})["expires_on"])
    while expires < day(b["expires_on"]):
        account.clock_to(expires - dt.timedelta(days=before))
        expires = day(account.ok("POST", f"/voip/bundle/{b['uuid']}/renew")["expires_on"])
    if expires != day(b["expires_on"]):
        raise Skip("an expiry off the chain of terms (the sandbox makes only the chain)")
    if day(c["today"]) < account.today:
        raise Skip("today before the set-up's last renewal")
    account.clock_to(day(c["today"]))
    if b["auto_renew"]:
        account.ok("PUT", f"/voip/bundle/{b['uuid']}", json.dumps({"bundle_type": b["bundle_type"], "auto_renew": True}).encode())


def the_call(account, v):
    i = v["input"]
    path = "/voip/bundle"
    if v["op"] != "create":
        path += "/" + urllib.parse.quote(i["uuid"], safe="")
    if v["op"] == "create":
        return account.call("POST", path, text(i), {"X-Sandbox-Uuid": i["uuid"]})
    if v["op"] == "update":
        return account.call("PUT", path, text(i))
    return account.call("POST", path + "/renew")


def replay(account, v, p):
    """What differs between the vector's answer and the sandbox's, or None; Skip."""
    b = found_bundle(v)
    if b is not None:
        set_up(account, v, b)
    else:
        account.clock_to(day(v["input"]["context"]["today"]))
    balance = account.ok("GET", "/sandbox/account")["balance"]
    if balance != p["balance"] - p["cost"]:
        return f"set-up: balance {balance}, want {p['balance'] - p['cost']}"
    want = v["expect"]["result"]
    status, data, error = the_call(account, v)
    if (status, data.decode(errors="replace"), error) != (want["status"], want["envelope"], want["error"]):
        return f"{status} {data.decode(errors='replace')} X-Sandbox-Error: {error}"
    if want["error"] is None:
        after = account.ok("GET", "/sandbox/account")["balance"]
        state = account.ok("GET", f"/sandbox/bundle/{want['bundle']['uuid']}")
        if after != balance - want["charge"] or {k: state[k] for k in want["bundle"]} != want["bundle"]:
            return f"charged {balance - after}, stored {state}"
    return None


def groups(calls):
    """The replayable vectors by server (month-end mode, millennium), with their plans; the skipped ones' reasons."""
    by_server, skipped = {}, Counter()
    for v in calls:
        try:
            p = plan(v)
        except Skip as s:
            skipped[str(s)] += 1
            continue
        key = (v["input"]["context"]["policy"]["month_end"], p["first"].year // 1000)
        by_server.setdefault(key, []).append((v, p))
    return by_server, skipped


def run_group(cli, folder, members, tally, skipped):
    policy = members[0][0]["input"]["context"]["policy"]
    accounts = [{"reseller": f"r{n}", "user": "u", "password": "p", "balance": p["balance"], "prices": p["prices"]}
                for n, (_, p) in enumerate(members)]
    start = min(p["first"] for _, p in members)
    server = Server(cli, folder, policy, accounts, start)
    try:
        for n, (v, p) in enumerate(members):
            try:
                wrong = replay(Account(server, n, start), v, p)
            except Skip as s:
                skipped[str(s)] += 1
                continue
            except (AssertionError, OSError, http.client.HTTPException, ValueError, KeyError) as e:
                wrong = f"{type(e).__name__}: {e}"
            if wrong is None:
                tally.passed += 1
            else:
                tally.fail(v, wrong)
    finally:
        server.stop()


def main():
    cli, calls = exe_and_api_calls(__doc__)
    tally = Tally("sandbox")
    by_server, skipped = groups(calls)
    with tempfile.TemporaryDirectory(prefix="voip-conformance-sandbox-") as folder:
        for key in sorted(by_server):
            run_group(cli, folder, by_server[key], tally, skipped)
    reasons = "; ".join(f"{n} {why}" for why, n in sorted(skipped.items()))
    note = "api calls only" + (f"; {sum(skipped.values())} skipped: {reasons}" if skipped else "")
    return tally.finish(note)


if __name__ == "__main__":
    sys.exit(main())
