#!/usr/bin/env python3
"""The sandbox's API over HTTP: the seed's examples byte for byte, the error statuses,
credentials and tenancy, the route table against docs/openapi.json, restarts."""
import json
import os
import re
import sys

import sandbox_client as sc
from sandbox_client import SEED_UUID, Server, case, check, config, create, creds, move_clock, seed, squeeze

OTHER = "2c5e7a52-3c8f-4e0b-9d0e-6a1f0b7d9e41"
UNKNOWN = "7d444840-9dc0-11d1-b245-5ffdce74fad2"
EMPTY = {"result": {}, "status_code": 400, "status_message": "Bad Request"}


def same_as_seed(r, name, status):
    check(r.status == status, "%s: want %d, got %r" % (name, status, r))
    check(r.text == squeeze(seed(name)), "%s: body %r is not the seed's %r" % (name, r.text, squeeze(seed(name))))


@case
def seed_create():
    with Server(config(balance=10000)) as s:
        r = s.call("POST", "/voip/bundle", seed("create_request"), headers={"X-Sandbox-Uuid": SEED_UUID})
        same_as_seed(r, "create_201", 201)
        check(r.headers.get("content-type") == "application/json", "content type %r" % r.headers.get("content-type"))
        for body in ('{"bundle_type": 6}', '{"auto_renew": true}', '{"bundle_type": "1"}', "[]", "{", ""):
            same_as_seed(s.call("POST", "/voip/bundle", body), "create_400", 400)
        # short of funds is 400 for create (rules.md 8); a taken uuid too
        same_as_seed(s.call("POST", "/voip/bundle", '{"bundle_type": 4}', headers={"X-Sandbox-Uuid": SEED_UUID}),
                     "create_400", 400)
        check(sc.balance(s) == 8500, "one create charged")


@case
def seed_update():
    with Server(config(balance=2000)) as s:
        create(s, 1, True, SEED_UUID)  # 500 left
        path = "/voip/bundle/" + SEED_UUID
        same_as_seed(s.call("PUT", path, seed("update_request")), "update_200", 200)
        same_as_seed(s.call("PUT", path, '{"bundle_type": 0, "auto_renew": true}'), "update_400", 400)
        same_as_seed(s.call("PUT", "/voip/bundle/not-a-uuid", seed("update_request")), "update_400", 400)
        same_as_seed(s.call("PUT", "/voip/bundle/" + UNKNOWN, seed("update_request")), "update_404", 404)
        # to a dearer type: (2000 - 1500) x 31 / 31 days = 500 charged, 0 left
        s.ok("PUT", path, {"bundle_type": 4, "auto_renew": True})
        check(sc.balance(s) == 0, "upgrade charged 500")
        s.ok("PUT", path, {"bundle_type": 2, "auto_renew": True})  # cheaper: no refund
        same_as_seed(s.call("PUT", path, seed("update_request")), "update_402", 402)  # 900 -> 1500, no funds
        move_clock(s, today="2018-09-01")  # auto-renew fails (no funds): grace, out of service
        same_as_seed(s.call("PUT", path, '{"bundle_type": 2}'), "update_402", 402)  # renew first
        check(sc.balance(s) == 0, "nothing charged for a 4xx")


@case
def seed_renew():
    # renew_200 is the bundle of the seed's example renewed: created 2018-07-01, renewed in its window.
    with Server(config(balance=3100), today="2018-07-01") as s:
        create(s, 1, False, SEED_UUID)  # 1600 left
        path = "/voip/bundle/%s/renew" % SEED_UUID
        same_as_seed(s.call("POST", path), "renew_400", 400)  # too early
        same_as_seed(s.call("POST", "/voip/bundle/xyz/renew"), "renew_400", 400)
        same_as_seed(s.call("POST", "/voip/bundle/%s/renew" % UNKNOWN), "renew_404", 404)
        move_clock(s, today="2018-07-29")
        s.ok("PUT", "/voip/bundle/" + SEED_UUID, {"bundle_type": 1, "auto_renew": True})
        same_as_seed(s.call("POST", path), "renew_200", 200)  # 100 left
        same_as_seed(s.call("POST", path), "renew_400", 400)  # a second renewal in the window is too early
        move_clock(s, today="2018-08-31")  # the sweep's renewal fails: 100 < 1500
        same_as_seed(s.call("POST", path), "renew_402", 402)
        check(sc.balance(s) == 100, "balance %d" % sc.balance(s))


@case
def error_statuses():
    with Server(config()) as s:
        uuid = create(s)["uuid"]
        check(s.call("GET", "/voip/bundle/" + uuid.upper()).json["result"]["uuid"] == uuid, "either case, lowercase out")
        for path in ("/voip/bundle/nope", "/sandbox/bundle/0fba8c48", "/sandbox/events?after=-1",
                     "/sandbox/events?limit=0", "/sandbox/events?limit=x"):
            r = s.call("GET", path)
            check(r.status == 400, "%s: %r" % (path, r))
        for body in ('{"today": "2018-07-31"}', '{"advance_days": -1}', '{}', '{"today": "2018-8-1"}',
                     '{"today": "2018-09-01", "advance_days": 1}', "nope"):
            r = s.call("POST", "/sandbox/clock", body)
            check(r.status == 400, "clock %s: %r" % (body, r))
        check(s.call("GET", "/voip/bundle", auth=False).status == 401, "401")
        r = s.call("PUT", "/voip/bundle/" + uuid, {"bundle_type": 4})
        check(r.status == 200, "upgrade affordable: %r" % r)
        for path in ("/voip/bundle/" + UNKNOWN, "/sandbox/bundle/" + UNKNOWN, "/nowhere", "/voip", "/voip/bundle/",
                     "/voip/bundle/%s/renew/x" % uuid, "/sandbox"):
            r = s.call("GET", path)
            check(r.status == 404 and r.json["result"] == {}, "%s: %r" % (path, r))
        for method, path, allow in (("DELETE", "/voip/bundle", "GET, POST"), ("PATCH", "/voip/bundle/" + uuid, "GET, PUT"),
                                    ("GET", "/voip/bundle/%s/renew" % uuid, "POST"), ("PUT", "/sandbox/clock", "GET, POST"),
                                    ("POST", "/sandbox/health", "GET"), ("GET", "/sandbox/reset", "POST"),
                                    ("OPTIONS", "/openapi.json", "GET")):
            r = s.call(method, path, auth=False)
            check(r.status == 405 and r.headers.get("allow") == allow, "%s %s: %r %s" % (method, path, r, r.headers))
        # 402 for a renewal short of funds: drain the balance with creates of type 4
        while sc.balance(s) >= 2000:
            create(s, 4, False)
        move_clock(s, today="2018-08-29")
        r = s.call("POST", "/voip/bundle/%s/renew" % uuid)
        check(r.status == 402 and r.headers.get("x-sandbox-error"), "402: %r" % r)


@case
def auth():
    with Server(config(more=[("r", "u2", "p2", 5000)])) as s:
        uuid = create(s)["uuid"]
        tries = {"missing all": {}, "no password": creds(password=None), "wrong password": creds(password="P"),
                 "longer password": creds(password="pp"), "empty password": creds(password=""),
                 "wrong user": creds(user="x"), "wrong reseller": creds(reseller="x"),
                 "other's password": creds(password="p2"), "user of the other": creds(user="u2")}
        for what, h in tries.items():
            h = {k: v for k, v in h.items() if v is not None}
            for method, path in (("GET", "/voip/bundle"), ("POST", "/voip/bundle"), ("GET", "/sandbox/account"),
                                 ("POST", "/voip/bundle/%s/renew" % uuid), ("POST", "/sandbox/reset")):
                r = s.call(method, path, {"bundle_type": 1}, auth=h)
                check(r.status == 401 and r.json["result"] == {}, "%s, %s %s: %r" % (what, method, path, r))
        check(s.call("GET", "/sandbox/health", auth=False).status == 200, "health is open")
        check(s.call("GET", "/openapi.json", auth=False).status == 200, "openapi is open")
        check(len(s.ok("GET", "/voip/bundle")) == 1 and sc.balance(s) == 8500, "nothing done by a 401")
        other = creds("r", "u2", "p2")
        check(s.ok("GET", "/sandbox/account", auth=other)["balance"] == 5000, "the other account's balance")


@case
def tenancy():
    with Server(config(customers=("acme", "globex"), more=[("r2", "u", "p", 5000)])) as s:
        mine = create(s)["uuid"]
        acme = create(s, headers={"X-Auth-For": "acme"})["uuid"]
        other = creds("r2", "u", "p")
        theirs = s.ok("POST", "/voip/bundle", {"bundle_type": 2}, status=201, auth=other)["uuid"]
        move_clock(s, today="2018-08-29")
        looks = [(creds(), theirs), (other, mine), (other, acme), (creds(), acme), (creds(customer="acme"), mine),
                 (creds(customer="globex"), acme), (creds("r2", "u", "p", customer="acme"), acme)]
        for h, uuid in looks:
            for method, path, body in (("GET", "/voip/bundle/" + uuid, None), ("GET", "/sandbox/bundle/" + uuid, None),
                                       ("PUT", "/voip/bundle/" + uuid, {"bundle_type": 3}),
                                       ("POST", "/voip/bundle/%s/renew" % uuid, None)):
                r = s.call(method, path, body, auth=h)
                check(r.status == 404 and r.text == squeeze(seed("update_404")), "%s %s as %s: %r" % (method, path, h, r))
        for path in ("/voip/bundle", "/sandbox/account", "/sandbox/events", "/sandbox/clock"):
            r = s.call("GET", path, auth=creds(customer="initech"))
            check(r.status == 400, "unknown customer on %s: %r" % (path, r))
        r = s.call("POST", "/voip/bundle", {"bundle_type": 1}, auth=creds(customer="initech"))
        check(r.status == 400, "unknown customer on create: %r" % r)
        check([b["uuid"] for b in s.ok("GET", "/voip/bundle")] == [mine], "the account lists its own")
        check([b["uuid"] for b in s.ok("GET", "/voip/bundle", auth=creds(customer="acme"))] == [acme], "acme lists its own")
        check(s.ok("GET", "/voip/bundle", auth=creds(customer="globex")) == [], "globex has none")
        check([b["uuid"] for b in s.ok("GET", "/voip/bundle", auth=other)] == [theirs], "the other account's")
        state = s.ok("GET", "/sandbox/bundle/" + acme, auth=creds(customer="acme"))
        check(state["customer"] == "acme" and state["expires_on"] == "2018-10-01", "acme's renewed by the sweep: %s" % state)
        check(s.ok("GET", "/sandbox/clock", auth=other)["today"] == "2018-08-01", "each account has its own clock")
        check([e["uuid"] for e in sc.events(s, auth=other)] == [theirs], "each account its own events")
        s.ok("POST", "/sandbox/reset", auth=other)
        check(s.ok("GET", "/voip/bundle", auth=other) == [] and len(s.ok("GET", "/voip/bundle")) == 1,
              "a reset empties that account only")


@case
def idempotency():
    with Server(config()) as s:
        key = {"Idempotency-Key": "create-1"}
        first = s.call("POST", "/voip/bundle", '{"bundle_type": 1, "auto_renew": false}', headers=key)
        again = s.call("POST", "/voip/bundle", '{"bundle_type": 1, "auto_renew": false}', headers=key)
        check(first.status == 201 and "idempotent-replayed" not in first.headers, "first %r" % first)
        check(again.status == 201 and again.body == first.body, "replay %r vs %r" % (again, first))
        check(again.headers.get("idempotent-replayed") == "true", "replay header %s" % again.headers)
        uuid = first.json["result"]["uuid"]
        r = s.call("POST", "/voip/bundle", '{"bundle_type": 2, "auto_renew": true}', headers=key)
        check(r.status == 400 and r.headers.get("x-sandbox-error") == "idempotency_key_reused", "reused key %r" % r)
        # keys belong to (account, customer): acme's "create-1" is acme's own request, judged on
        # its body, neither a replay of the account's nor a reuse (which would tell acme the key was used)
        r = s.call("POST", "/voip/bundle", '{"bundle_type": 9}', headers=key, auth=creds(customer="acme"))
        check(r.status == 400 and r.headers.get("x-sandbox-error") == "bundle_type_out_of_range",
              "the same key for another customer is another request: %r" % r)
        check(sc.balance(s) == 8500 and len(s.ok("GET", "/voip/bundle")) == 1, "one charge, one bundle")
        move_clock(s, today="2018-08-29")
        for path, body in (("/voip/bundle/%s/renew" % uuid, None), ("/voip/bundle/" + uuid, '{"bundle_type": 4}')):
            method = "PUT" if body else "POST"
            h = {"Idempotency-Key": method + "-key"}
            a = s.call(method, path, body, headers=h)
            b = s.call(method, path, body, headers=h)
            check(a.status == 200 and b.body == a.body and b.headers.get("idempotent-replayed") == "true",
                  "%s replay: %r %r" % (method, a, b))
        evs = sc.events(s)
        check([e["kind"] for e in evs] == ["created", "renewed", "updated"], "events %s" % evs)
        check(sc.balance(s) == 10000 - sum(e["charge"] for e in evs), "balance = start - charges")
        # a refused request is remembered too; the key's replay stays a refusal
        h = {"Idempotency-Key": "bad"}
        a = s.call("POST", "/voip/bundle", '{"bundle_type": 9}', headers=h)
        b = s.call("POST", "/voip/bundle", '{"bundle_type": 9}', headers=h)
        check(a.status == 400 and b.status == 400 and b.body == a.body, "refusal replay")
        check(b.headers.get("x-sandbox-error") == a.headers.get("x-sandbox-error") == "bundle_type_out_of_range",
              "the replay names the rule: %r %r" % (a, b))
        # the uuid a create was asked to take is part of the request
        h = {"Idempotency-Key": "chosen"}
        first = s.call("POST", "/voip/bundle", '{"bundle_type": 3}',
                       headers=dict(h, **{"X-Sandbox-Uuid": "11111111-1111-4111-8111-111111111111"}))
        other = s.call("POST", "/voip/bundle", '{"bundle_type": 3}',
                       headers=dict(h, **{"X-Sandbox-Uuid": "22222222-2222-4222-8222-222222222222"}))
        check(first.status == 201 and other.status == 400 and other.headers.get("x-sandbox-error") == "idempotency_key_reused",
              "another X-Sandbox-Uuid with the same key: %r" % other)
        for bad in ("x" * 256, "caf\u00e9"):
            r = s.call("POST", "/voip/bundle", '{"bundle_type": 1}', headers={"Idempotency-Key": bad.encode("utf-8")})
            check(r.status == 400 and r.headers.get("x-sandbox-error") == "invalid_idempotency_key", "key %r: %r" % (bad, r))
        check(len(sc.events(s)) == 4, "no charge for a refused key (the one create with a chosen uuid)")


def routes_of_header():
    with open(sc.ROUTES_PATH, encoding="utf-8") as f:
        text = f.read()
    table = text[text.index("routes{{"):]
    table = table[:table.index("}};")]
    found = re.findall(r'\{"([^"]+)",\s*Method::(\w+),\s*Route::(\w+),\s*(true|false)\}', table)
    check(len(found) == int(re.search(r"std::array<RouteEntry, (\d+)> routes", text).group(1)),
          "every entry of routes.hpp parsed: %s" % found)
    return {({"del": "DELETE"}.get(m, m.upper()), p): open_ == "true" for p, m, _, open_ in found}


@case
def idempotency_keys_per_customer():
    """The same key used by the account and by two of its customers: three requests, each
    replayed to its own sender only; another account's key is its own too."""
    with Server(config(customers=("acme", "globex"), more=[("r2", "u", "p", 5000)])) as s:
        key = {"Idempotency-Key": "shared"}
        senders = (creds(), creds(customer="acme"), creds(customer="globex"), creds("r2", "u", "p"))
        firsts = [s.call("POST", "/voip/bundle", '{"bundle_type": 1}', auth=a, headers=key) for a in senders]
        check(all(f.status == 201 and "idempotent-replayed" not in f.headers for f in firsts), "%s" % firsts)
        check(len({f.json["result"]["uuid"] for f in firsts}) == 4, "four bundles")
        for a, first in zip(senders, firsts):
            again = s.call("POST", "/voip/bundle", '{"bundle_type": 1}', auth=a, headers=key)
            check(again.body == first.body and again.headers.get("idempotent-replayed") == "true", "own replay %r" % again)
        r = s.call("POST", "/voip/bundle", '{"bundle_type": 2}', auth=creds(customer="acme"), headers=key)
        check(r.status == 400 and r.headers.get("x-sandbox-error") == "idempotency_key_reused", "acme's own reuse %r" % r)
        check(sc.balance(s) == 10000 - 3 * 1500, "three charges on the account")

def error_names_in_sources():
    """The X-Sandbox-Error names the server can send: the library's error names, and every
    name the server's sources give a refusal (literal names in refusal()/refuse() calls and
    the names of its TargetError and HeadError)."""
    root = os.path.dirname(sc.ROUTES_PATH)
    with open(os.path.join(sc.ROOT, "include", "voip", "bundle", "error.hpp"), encoding="utf-8") as f:
        names = set(re.findall(r'case Error::\w+: return "([a-z0-9_]+)";', f.read()))
    for name in os.listdir(root):
        if name.endswith(".cpp"):
            with open(os.path.join(root, name), encoding="utf-8") as f:
                text = f.read()
            names |= set(re.findall(r'refus\w*\([^;]*?"([a-z0-9_]+)"', text))
            names |= set(re.findall(r'case (?:TargetError|HeadError)::\w+: return "([a-z0-9_]+)";', text))
    return names - {"none"}


@case
def error_names():
    """Every X-Sandbox-Error the server can send is in the OpenAPI enumeration and in
    docs/sandbox.md, and nothing else is; each error response lists names of the enumeration,
    with an example of each."""
    doc = sc.spec().doc
    enum = doc["components"]["schemas"]["SandboxErrorName"]["enum"]
    sources = error_names_in_sources()
    check(len(enum) == len(set(enum)), "a name twice in the enumeration")
    check(set(enum) == sources, "the enumeration %s, the sources %s" % (
        sorted(set(enum) - sources), sorted(sources - set(enum))))
    with open(os.path.join(sc.ROOT, "docs", "sandbox.md"), encoding="utf-8") as f:
        page = f.read()
    check(all("`%s`" % n in page for n in enum), "not in docs/sandbox.md: %s" % [n for n in enum if "`%s`" % n not in page])
    covered = set()
    for name, response in doc["components"]["responses"].items():
        header = response.get("headers", {}).get("X-Sandbox-Error")
        if header is None or "$ref" in header:
            continue
        listed = header["schema"]["enum"]
        check(set(listed) <= set(enum) and set(header["examples"]) == set(listed), "%s: %s" % (name, listed))
        check(all(e["value"] == n for n, e in header["examples"].items()), "%s: examples" % name)
        covered |= set(listed)
    check(covered == set(enum), "names no response carries: %s" % sorted(set(enum) - covered))


@case
def unavailable_names():
    """A 503's names fit its operation: any request can meet the connection cap, but only a
    clock move is cut by a stop (sandbox_routes.cpp), so only POST /sandbox/clock lists
    server_stopping, and an answer of another route that carried it would fail validation."""
    sp = sc.spec()
    declared = {op: sp.responses_for(*op)[0] for op in sp.operations()}
    declared[("unrouted", "")] = sp.doc["x-unrouted-responses"]
    for op, responses in sorted(declared.items()):
        names = sp.resolve(sp.resolve(responses["503"])["headers"]["X-Sandbox-Error"])["schema"]["enum"]
        check("too_many_connections" in names, "%s: 503 without too_many_connections" % (op,))
        check(("server_stopping" in names) == (op == ("POST", "/sandbox/clock")), "%s: 503 lists %s" % (op, names))
    h = {"content-type": "application/json", "x-sandbox-error": "server_stopping"}
    body = b'{"result":{},"status_code":503,"status_message":"Service Unavailable"}'
    sp.validate("POST", "/sandbox/clock", 503, h, body)
    try:
        sp.validate("GET", "/sandbox/clock", 503, h, body)
        raise sc.Failed("server_stopping accepted from GET /sandbox/clock")
    except sc.Failed as e:
        check("header X-Sandbox-Error" in str(e), str(e))

@case
def route_parity():
    routes = routes_of_header()
    ops = sc.spec().operations()
    check(set(routes) == ops, "routes.hpp %s, openapi %s" % (sorted(set(routes) - ops), sorted(ops - set(routes))))
    doc = sc.spec().doc
    for (method, path), is_open in routes.items():
        op = doc["paths"][path][method.lower()]
        check((op.get("security") == []) == is_open, "%s %s: security %s, open %s" % (method, path, op.get("security"), is_open))
        if not is_open:
            check("401" in op["responses"], "%s %s declares 401" % (method, path))
        if method in ("POST", "PUT"):
            names = [sc.spec().resolve(p)["name"] for p in op.get("parameters", [])]
            check("Idempotency-Key" in names, "%s %s has Idempotency-Key" % (method, path))
    raw = sc.spec().raw
    bad = [n for n, line in enumerate(raw.decode().split("\n"), 1) if not re.match(r"^(  )*(\S.*)?$", line)]
    check(not bad and b"\t" not in raw, "2-space indent, no tabs: lines %s" % bad[:5])
    with Server(config()) as s:
        r = s.call("GET", "/openapi.json", auth=False)
        check(r.status == 200 and r.body == raw, "GET /openapi.json serves docs/openapi.json's bytes (rebuild?)")


@case
def persistence():
    with Server(config(balance=10000)) as s:
        a = create(s, 1, True)["uuid"]
        b = create(s, 2, False, headers={"X-Auth-For": "acme"})["uuid"]
        s.ok("PUT", "/voip/bundle/" + a, {"bundle_type": 4, "auto_renew": True}, headers={"Idempotency-Key": "k1"})
        move_clock(s, today="2018-08-29")
        before = (s.ok("GET", "/sandbox/account"), sc.events(s), s.ok("GET", "/sandbox/bundle/" + a),
                  s.ok("GET", "/sandbox/bundle/" + b, auth=creds(customer="acme")))
        s.stop()
        s.args[s.args.index("--today") + 1] = "2020-01-01"  # a kept clock wins over --today
        s.start()
        after = (s.ok("GET", "/sandbox/account"), sc.events(s), s.ok("GET", "/sandbox/bundle/" + a),
                 s.ok("GET", "/sandbox/bundle/" + b, auth=creds(customer="acme")))
        check(before == after, "kept across a restart:\n%s\n%s" % (before, after))
        check(after[0]["today"] == "2018-08-29" and after[2]["expires_on"] == "2018-10-01", "clock and renewal kept")
        r = s.call("PUT", "/voip/bundle/" + a, {"bundle_type": 4, "auto_renew": True}, headers={"Idempotency-Key": "k1"})
        check(r.headers.get("idempotent-replayed") == "true", "keys kept: %r" % r)
        s.stop()


@case
def schema_strict():
    # The validator every case relies on refuses wrong answers, not only accepts right ones.
    sp = sc.spec()
    json_h = {"content-type": "application/json"}
    good = {"auto_renew": True, "bundle_type": 1, "expires_on": "2018-09-01", "uuid": SEED_UUID}
    bad = [("POST", "/voip/bundle", 201, {"result": good, "status_code": 200, "status_message": "Created"}),
           ("POST", "/voip/bundle", 201, {"result": dict(good, extra=1), "status_code": 201, "status_message": "Created"}),
           ("POST", "/voip/bundle", 201, {"result": dict(good, expires_on="2018-9-1"), "status_code": 201,
                                          "status_message": "Created"}),
           ("POST", "/voip/bundle", 201, {"result": dict(good, uuid=SEED_UUID.upper()), "status_code": 201,
                                          "status_message": "Created"}),
           ("POST", "/voip/bundle", 201, {"result": dict(good, bundle_type=6), "status_code": 201,
                                          "status_message": "Created"}),
           ("POST", "/voip/bundle", 201, {"status_code": 201, "status_message": "Created"}),
           ("POST", "/voip/bundle", 402, {"result": {}, "status_code": 402, "status_message": "Payment Required"}),
           ("PUT", "/voip/bundle/x", 400, {"result": {"why": 1}, "status_code": 400, "status_message": "Bad Request"}),
           ("GET", "/sandbox/clock", 200, {"result": {"today": "2018-08-01", "x": 1}, "status_code": 200,
                                           "status_message": "OK"}),
           ("GET", "/sandbox/health", 401, {"result": {}, "status_code": 401, "status_message": "Unauthorized"}),
           ("GET", "/nowhere", 200, {"result": {}, "status_code": 200, "status_message": "OK"})]
    for method, path, status, body in bad:
        try:
            sp.validate(method, path, status, json_h, json.dumps(body).encode())
        except sc.Failed:
            continue
        raise sc.Failed("accepted: %s %s %d %s" % (method, path, status, body))
    try:
        sp.validate("DELETE", "/voip/bundle", 405, json_h,
                    b'{"result":{},"status_code":405,"status_message":"Method Not Allowed"}')
        raise sc.Failed("a 405 without Allow accepted")
    except sc.Failed as e:
        check("header Allow missing" in str(e), str(e))
    ok = {"result": good, "status_code": 201, "status_message": "Created"}
    sp.validate("POST", "/voip/bundle", 201, json_h, json.dumps(ok).encode())


@case
def generated_account():
    with Server(None, today=None, db=":memory:") as s:
        check(s.creds["X-Auth-Reseller"] == "sandbox" and s.creds["X-Auth-User"] == "test", "banner %s" % s.banner)
        check(len(s.creds["X-Auth-Password"]) >= 12, "a random password")
        acct = s.ok("GET", "/sandbox/account")
        check(acct["balance"] == 10000 and acct["prices"] == sc.PRICES and acct["customers"] == ["acme"], "%s" % acct)
        check(s.call("GET", "/sandbox/account", auth=creds("sandbox", "test", "wrong")).status == 401, "wrong password")


if __name__ == "__main__":
    sys.exit(sc.main())
