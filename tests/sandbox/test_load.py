#!/usr/bin/env python3
"""Many clients at once: 64 connections, each on its own thread, released by one barrier;
and the write-ahead log under sustained writes."""
import json
import os
import sys
import threading
import time

import sandbox_client as sc
from sandbox_client import Server, case, check, config, create, move_clock

CLIENTS = 64


def at_once(server, requests):
    """Sends requests[i] = (method, path, body) on connection i, all released together; the answers."""
    conns = [server.conn(timeout=60) for _ in requests]
    for c in conns:
        c.connect()  # connected before the barrier, so the requests leave together
    barrier = threading.Barrier(len(requests))
    answers = [None] * len(requests)

    def client(i):
        method, path, body = requests[i]
        try:
            barrier.wait(30)
            answers[i] = sc.exchange(conns[i], method, path, body, dict(server.creds))
        except Exception as e:  # reported below, with the others
            answers[i] = e
        finally:
            conns[i].close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(len(requests))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(90)
    errors = [a for a in answers if not isinstance(a, sc.Response)]
    check(not errors, "%d clients failed, the first: %r" % (len(errors), errors[:1]))
    return answers


@case
def concurrent_renew():
    with Server(config(balance=10000)) as s:
        uuid = create(s, 1, False)["uuid"]
        move_clock(s, today="2018-08-30")
        answers = at_once(s, [("POST", "/voip/bundle/%s/renew" % uuid, None)] * CLIENTS)
        statuses = sorted(a.status for a in answers)
        check(statuses.count(200) == 1 and statuses.count(400) == CLIENTS - 1, "one renewal: %s" % statuses)
        winner = next(a for a in answers if a.status == 200)
        check(winner.json["result"]["expires_on"] == "2018-10-01", "renewed once: %r" % winner)
        evs = sc.events(s)
        check([e["kind"] for e in evs] == ["created", "renewed"], "one renewed event: %s" % evs)
        check(sc.balance(s) == 10000 - 1500 - 1500, "one charge: %d" % sc.balance(s))
        # the same with one idempotency key: one 200, the rest replays of it
        move_clock(s, today="2018-09-29")
        reqs = [("POST", "/voip/bundle/%s/renew" % uuid, None)] * CLIENTS
        keyed = at_once_with_key(s, reqs, "renew-once")
        bodies = {a.body for a in keyed}
        check({a.status for a in keyed} == {200} and len(bodies) == 1, "one answer: %s" % bodies)
        check(sum(1 for a in keyed if a.headers.get("idempotent-replayed") != "true") == 1, "one original")
        check(sc.balance(s) == 10000 - 3 * 1500 and len(sc.events(s)) == 3, "one more charge")


def at_once_with_key(server, requests, key):
    saved = dict(server.creds)
    server.creds["Idempotency-Key"] = key
    try:
        return at_once(server, requests)
    finally:
        server.creds = saved


@case
def concurrent_create():
    start = CLIENTS * 1500 + 700
    with Server(config(balance=start, customers=("acme",))) as s:
        bodies = [("POST", "/voip/bundle", {"bundle_type": 1, "auto_renew": i % 2 == 0}) for i in range(CLIENTS)]
        answers = at_once(s, bodies)
        check(all(a.status == 201 for a in answers), "all created: %s" % sorted(a.status for a in answers))
        made = [a.json["result"]["uuid"] for a in answers]
        check(len(set(made)) == CLIENTS, "distinct uuids")
        listed = [b["uuid"] for b in s.ok("GET", "/voip/bundle")]
        check(sorted(listed) == sorted(made), "all stored, none twice")
        check(sc.balance(s) == 700, "balance exact: %d" % sc.balance(s))
        evs = sc.events(s)
        check(len(evs) == CLIENTS and sorted(e["uuid"] for e in evs) == sorted(made), "one event each")
        check(sorted(e["balance"] for e in evs) == [700 + 1500 * i for i in range(CLIENTS)], "each balance once")
        # one more than the money allows, at once: exactly the affordable ones succeed
        s.ok("POST", "/sandbox/reset")
        answers = at_once(s, [("POST", "/voip/bundle", {"bundle_type": 1})] * CLIENTS + [("POST", "/voip/bundle",
                                                                                         {"bundle_type": 1})])
        statuses = sorted(a.status for a in answers)
        check(statuses.count(201) == CLIENTS and statuses.count(400) == 1, "short funds once: %s" % statuses)
        check(sc.balance(s) == 700 and len(s.ok("GET", "/voip/bundle")) == CLIENTS, "balance exact after the race")


def size(path):
    try:
        return os.path.getsize(path)
    except FileNotFoundError:
        return 0


@case
def wal_stays_bounded():
    """3000 creates back to back on one connection (each writes ~8 pages of log): the log is
    checkpointed while the server runs and stays under 20 MiB (4096 pages; without the
    checkpoint it passes 90 MiB), the pages reach the database file, and once the server is
    idle the log is emptied."""
    with Server(config(balance=10 ** 12)) as s:
        c = s.conn()
        body = json.dumps({"bundle_type": 1, "auto_renew": False})
        wal, largest = s.db + "-wal", 0
        for _ in range(3000):
            c.request("POST", "/voip/bundle", body=body, headers=s.creds)
            r = c.getresponse()
            r.read()
            check(r.status == 201, "create: %d" % r.status)
            largest = max(largest, size(wal))
        c.close()
        print("log at most %.1f MiB; database file %.1f MiB" % (largest / 2 ** 20, size(s.db) / 2 ** 20))
        check(largest < 20 * 2 ** 20, "the log reached %.1f MiB" % (largest / 2 ** 20))
        check(size(s.db) > 512 * 1024, "checkpointed into the database file: %d bytes" % size(s.db))
        until = time.time() + 3
        while size(wal) > 0 and time.time() < until:
            time.sleep(0.05)
        check(size(wal) == 0, "idle, the log is emptied: %d bytes left" % size(wal))
        check(sc.balance(s) == 10 ** 12 - 3000 * 1500, "every create charged")


if __name__ == "__main__":
    sys.exit(sc.main())
