#!/usr/bin/env python3
"""Crash safety: a write load from several threads, kill -9 at a random moment, a restart on
the same database; every request answered 2xx is there, none twice, the balance is the start
minus the charges of the recorded events. 20 rounds."""
import random
import sys
import threading
import time

import sandbox_client as sc
from sandbox_client import Server, case, check, config

ROUNDS = 20
WORKERS = 4
START = 10 ** 12


def more_events(s, seen):
    """Appends the events after the last one seen (events are only ever appended)."""
    while True:
        page = s.ok("GET", "/sandbox/events?after=%d&limit=10000" % (seen[-1]["seq"] if seen else 0))
        if not page:
            return seen
        seen += page


class Load:
    """The requests of one round; what was answered 2xx is recorded before the next request."""

    def __init__(self, server, known, round_no):
        self.s = server
        self.known = known  # customer -> uuids answered 201, shared by the workers
        self.round = round_no
        self.answered = []  # (method, path, body, headers, response bytes) answered 2xx
        self.attempted_creates = 0
        self.failures = []  # schema or protocol failures: the test's, not the kill's
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def worker(self, w):
        rng = random.Random(self.round * 100 + w)
        conn = self.s.conn(timeout=10)
        n = 0
        while not self.stop.is_set():
            n += 1
            key = "r%d-w%d-%d" % (self.round, w, n)
            customer = rng.choice([None, "acme"])
            headers = sc.creds(customer=customer)
            headers["Idempotency-Key"] = key
            pick = rng.random()
            with self.lock:
                mine = self.known[customer]
                target = rng.choice(mine) if mine else None
            if pick < 0.25 or not mine:
                method, path = "POST", "/voip/bundle"
                body = '{"bundle_type": %d, "auto_renew": %s}' % (rng.randint(1, 5), rng.choice(["true", "false"]))
                with self.lock:
                    self.attempted_creates += 1
            elif pick < 0.7:
                method, path = "PUT", "/voip/bundle/" + target
                body = '{"bundle_type": %d, "auto_renew": true}' % rng.randint(1, 5)
            else:
                method, path, body = "POST", "/voip/bundle/%s/renew" % target, None
            try:
                r = sc.exchange(conn, method, path, body, headers)
            except sc.Failed as e:
                self.failures.append(e)
                return
            except (OSError, ConnectionError, Exception):  # the server was killed
                return
            if 200 <= r.status < 300:
                with self.lock:
                    self.answered.append((method, path, body, headers, r.body))
                    if r.status == 201:
                        self.known[customer].append(r.json["result"]["uuid"])
            elif r.status >= 500:
                self.failures.append(sc.Failed("%s %s: %r" % (method, path, r)))

    def clock(self):
        conn = self.s.conn(timeout=10)
        while not self.stop.is_set():
            try:
                r = sc.exchange(conn, "POST", "/sandbox/clock", '{"advance_days": 1}', sc.creds())
            except sc.Failed as e:
                self.failures.append(e)
                return
            except Exception:
                return
            if r.status != 200:
                self.failures.append(sc.Failed("clock: %r" % r))
            time.sleep(0.02)

    def run(self, seconds):
        threads = [threading.Thread(target=self.worker, args=(w,)) for w in range(WORKERS)]
        threads.append(threading.Thread(target=self.clock))
        for t in threads:
            t.start()
        time.sleep(seconds)
        self.s.proc.kill()  # kill -9, mid-load
        self.stop.set()
        for t in threads:
            t.join(20)
        self.s.proc.wait()
        self.s.proc.stdout.close()
        self.s.err.close()
        check(not self.failures, "failures under load: %s" % self.failures[:3])


def listed_uuids(s, auth):
    """Every page of GET /voip/bundle."""
    out, path = [], "/voip/bundle?limit=1000"
    while True:
        r = s.call("GET", path, auth=auth)
        check(r.status == 200, "list: %r" % r)
        out += [b["uuid"] for b in r.json["result"]]
        if "x-sandbox-next-cursor" not in r.headers:
            return out
        path = "/voip/bundle?limit=1000&cursor=" + r.headers["x-sandbox-next-cursor"]


def verify(s, known, answered, attempted_creates, evs):
    listed = listed_uuids(s, True) + listed_uuids(s, sc.creds(customer="acme"))
    check(len(listed) == len(set(listed)), "a bundle listed twice")
    made = known[None] + known["acme"]
    missing = [u for u in made if u not in set(listed)]
    check(not missing, "answered 201 but not stored: %s" % missing[:5])
    more_events(s, evs)
    created = [e["uuid"] for e in evs if e["kind"] == "created"]
    check(sorted(created) == sorted(listed), "one created event per stored bundle (%d events, %d bundles)" % (
        len(created), len(listed)))
    check(len(made) <= len(created) <= attempted_creates, "created %d: answered %d, attempted %d" % (
        len(created), len(made), attempted_creates))
    acct = s.ok("GET", "/sandbox/account")
    charges = sum(e["charge"] for e in evs)
    check(acct["balance"] == START - charges, "balance %d != start - charges %d" % (acct["balance"], START - charges))
    check(evs[-1]["balance"] == acct["balance"] if evs else True, "the last event's balance is the balance")
    # every answered request replays its answer (so it is stored once), and charges nothing
    for method, path, body, headers, first in random.Random(len(answered)).sample(answered, min(8, len(answered))):
        r = s.call(method, path, body, auth=headers)
        check(r.body == first and r.headers.get("idempotent-replayed") == "true", "%s %s replayed: %r" % (
            method, path, r))
    check(s.ok("GET", "/sandbox/account")["balance"] == acct["balance"], "a replay charged")


@case
def crash_safety():
    t0 = time.time()
    rng = random.Random(20181201)
    known, answered, attempted, evs = {None: [], "acme": []}, [], 0, []
    s = Server(config(balance=START))
    try:
        for round_no in range(ROUNDS):
            load = Load(s, known, round_no)
            load.run(rng.uniform(0.1, 0.6))
            answered += load.answered
            attempted += load.attempted_creates
            s.start()  # the same --db
            verify(s, known, answered, attempted, evs)
        made = len(known[None]) + len(known["acme"])
        print("%d rounds, %d bundles, %d answered writes, %d events, %.1f s" % (
            ROUNDS, made, len(answered), len(evs), time.time() - t0))
        check(made > ROUNDS and len(answered) > 3 * ROUNDS, "the load made bundles")
    finally:
        s.close()


if __name__ == "__main__":
    sys.exit(sc.main())
