"""The commands' answers: random uuids, quotes, status, charges against an independent oracle,
unpriced runs."""
import json
import os
import re

import support
from support import (UUID, OTHER, PRICES, UNPRICED, check, run, seed, squeeze, line, write, read,
                     expect_usage_error)


def case_create_random_uuid(tmp):
    seen = set()
    for _ in range(3):
        code, out, err = run(["create", "--today", "2018-08-01"], seed("create_request"))
        check(code == 0, f"create: {err}")
        u = json.loads(out)["result"]["uuid"]
        check(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", u), f"v4 uuid: {u}")
        seen.add(u)
    check(len(seen) == 3, "random uuids differ")


def case_quote(tmp):
    store = os.path.join(tmp, "store.jsonl")
    prices = os.path.join(tmp, "prices.json")
    write(prices, PRICES)
    write(store, line(bundle_type=2, auto_renew=False))
    content = read(store)
    code, out, err = run(["quote", "update", "--today", "2018-08-17", "--uuid", UUID, "--store", store, "--prices",
                          prices, "--balance", "100"], seed("update_request"))
    check(code == 0, err)
    q = json.loads(out)
    check(q["status_code"] == 200 and q["result"]["charge"] == 290 and q["result"]["affordable"] is False,
          f"the seed-style upgrade costs 600 x 15 / 31 = 290: {out}")
    check(q["result"]["expires_on"] == "2018-09-01" and q["result"]["bundle_type"] == 1, out)
    code, out, err = run(["quote", "renew", "--today", "2018-08-30", "--uuid", UUID, "--store", store, "--prices",
                          prices], "")
    q = json.loads(out)
    check(q["result"]["charge"] == 900 and q["result"]["expires_on"] == "2018-10-01" and "affordable" not in q["result"],
          out)
    code, out, err = run(["quote", "create", "--today", "2019-01-31", "--prices", prices, "--pretty"],
                         '{"bundle_type": 4}')
    q = json.loads(out)
    check(q["status_code"] == 201 and q["result"]["charge"] == 2000 and q["result"]["expires_on"] == "2019-02-28", out)
    code, out, err = run(["quote", "create", "--today", "2019-01-31", "--month-end", "overflow"], '{"bundle_type": 4}')
    check(json.loads(out)["result"]["expires_on"] == "2019-03-03", f"overflow mode: {out}")
    code, out, err = run(["quote", "renew", "--today", "2018-08-17", "--uuid", UUID, "--store", store, "--explain"])
    check(out == squeeze(seed("renew_400")) + "\n" and err == "outside_renewal_window\n", f"{out!r} {err!r}")
    check(read(store) == content, "a quote never writes")


def case_status(tmp):
    store = os.path.join(tmp, "store.jsonl")
    write(store, line(bundle_type=3, auto_renew=False) + line(uuid=OTHER))
    expectations = [("2018-08-28", "active", True, False), ("2018-08-29", "renewal_open", True, True),
                    ("2018-09-01", "grace", False, True), ("2018-09-06", "grace", False, True),
                    ("2018-09-07", "lapsed", False, False)]
    for day, state, in_service, renewable in expectations:
        code, out, err = run(["status", "--today", day, "--uuid", UUID, "--store", store])
        check(code == 0, err)
        r = json.loads(out)["result"]
        check((r["state"], r["in_service"], r["renewable"]) == (state, in_service, renewable), f"{day}: {r}")
        if state != "lapsed":  # a lapsed bundle shows neither (case_status_actions)
            check(r["renewal_window"] == {"first": "2018-08-29", "last": "2018-09-06"}, str(r))
            check(r["next_expiry"] == "2018-10-01", str(r))
        check(r["features"] == (["phone_numbers", "call_records", "efax", "caller_id"] if in_service else []), str(r))
    code, out, err = run(["status", "--today", "2018-08-01", "--uuid", "2c5e7a52-0000-4e0b-9d0e-6a1f0b7d9e41",
                          "--store", store, "--explain"])
    check(code == 0 and out == squeeze(seed("renew_404")) + "\n" and err == "unknown_bundle\n", f"{out!r} {err!r}")
    code, out, err = run(["status", "--today", "2018-08-01", "--uuid", "bad", "--store", store])
    check(code == 0 and '"status_code":400' in out, out)


def case_status_actions(tmp):
    """status says what can still be done; a lapsed bundle shows no window or next expiry it cannot use."""
    store = os.path.join(tmp, "store.jsonl")
    write(store, line())
    for day, actions in (("2018-08-28", ["update"]), ("2018-08-29", ["update", "renew"]), ("2018-09-01", ["renew"]),
                         ("2018-09-06", ["renew"]), ("2018-09-07", ["create_new_bundle"]), ("2030-01-01", ["create_new_bundle"])):
        code, out, err = run(["status", "--today", day, "--uuid", UUID, "--store", store])
        r = json.loads(out)["result"]
        check(code == 0 and r["actions"] == actions, f"{day}: actions {actions}: {out}")
        lapsed = actions == ["create_new_bundle"]
        check(("renewal_window" in r, "next_expiry" in r) == (not lapsed, not lapsed), f"{day}: window and next expiry: {r}")
    # what the actions promise holds: a lapsed bundle's renewal is refused, an open one's is not
    code, out, err = run(["renew", "--today", "2018-09-07", "--uuid", UUID, "--store", store])
    check(json.loads(out)["status_code"] == 400, out)
    code, out, err = run(["renew", "--today", "2018-09-06", "--uuid", UUID, "--store", store])
    check(json.loads(out)["status_code"] == 200, out)
    code, out, err = run(["update", "--today", "2018-09-01", "--uuid", UUID, "--store", store], seed("update_request"))
    check(json.loads(out)["status_code"] == 402, f"grace: no update, as the actions say: {out}")


def case_unpriced_runs(tmp):
    """Without --prices nothing is charged, and every answer says so: quotes name the price list and balance used."""
    store = os.path.join(tmp, "store.jsonl")
    prices = os.path.join(tmp, "prices.json")
    write(prices, PRICES)
    write(store, line(bundle_type=2))
    base = ["--today", "2018-08-17", "--uuid", UUID, "--store", store]
    code, out, err = run(["quote", "update"] + base, seed("update_request"))
    r = json.loads(out)["result"]
    check(code == 0 and r["charge"] == 0 and r["prices"] is None and r["balance"] is None and "affordable" not in r,
          f"quote without --prices or --balance: {out}")
    code, out, err = run(["quote", "update"] + base + ["--prices", prices], seed("update_request"))
    r = json.loads(out)["result"]
    check(r["charge"] == 290 and r["prices"] == prices and r["balance"] is None, f"quote with --prices: {out}")
    code, out, err = run(["quote", "renew", "--today", "2018-08-30", "--uuid", UUID, "--store", store, "--balance", "7"])
    r = json.loads(out)["result"]
    check(r["prices"] is None and r["balance"] == 7 and r["affordable"] is True, f"quote with --balance only: {out}")
    odd = os.path.join(tmp, 'p"r\\ice\ts.json')
    write(odd, PRICES)
    code, out, err = run(["quote", "create", "--today", "2018-08-01", "--prices", odd], seed("create_request"))
    check(json.loads(out)["result"]["prices"] == odd, f"a file name is escaped: {out}")
    # create, update, renew: the envelope is the API's; standard error says nothing was charged
    for args, body in ((["update"] + base, seed("update_request")), (["renew", "--today", "2018-08-30", "--uuid", UUID,
                                                                      "--store", store], ""),
                       (["create", "--today", "2018-08-01"], seed("create_request"))):
        code, out, err = run(args, body)
        check(code == 0 and json.loads(out)["status_code"] in (200, 201) and err == UNPRICED, f"{args[0]}: {err!r}")
        code, out, err = run(args + ["--prices", prices], body)
        check(code == 0 and err == "", f"{args[0]} --prices: nothing on stderr: {err!r}")
    code, out, err = run(["update"] + base, '{"bundle_type": 9}')
    check(json.loads(out)["status_code"] == 400 and err == "", f"a 4xx charges nothing anyway: {err!r}")


def case_cross_path(tmp):
    """The table tests/json/cross_path.cpp reads: the command answers each stored line as
    decode_bundle and the nlohmann adapter do (the same value or the same Error)."""
    table = os.path.join(os.path.dirname(support.SEED), "cross_path", "bundles.tsv")
    store = os.path.join(tmp, "store.jsonl")
    rows = 0
    with open(table, encoding="utf-8") as f:
        for row in f:
            if not row.strip() or row.startswith("#"):
                continue
            expected, text = row.rstrip("\n").split("\t", 1)
            rows += 1
            write(store, text + "\n")
            args = ["status", "--today", "2018-08-17", "--uuid", UUID, "--store", store]
            if expected == "ok":
                code, out, err = run(args)
                check(code == 0, f"{text}: {err}")
                got = json.loads(out)["result"]
                want = json.loads(text)
                for member in ("auto_renew", "bundle_type", "expires_on", "created_on"):
                    check(got[member] == want[member], f"{text}: {member} {got[member]!r}")
                check(got["uuid"] == want["uuid"].lower(), f"{text}: uuid {got['uuid']}")
            else:
                expect_usage_error(args, mention="line 1: " + expected)
    check(rows >= 30, f"the table has {rows} rows")


def oracle_charge(created, expires, today, mode, diff):
    """Every prepaid day at its term's share, terms built forward from created (clamp:
    anchored on created's day; overflow: PHP's +1 month from each boundary), rounded half
    up once. Python's own calendar, no code shared with the library."""
    import calendar
    import datetime
    from fractions import Fraction

    def add_month(d, anchor_day):
        y, m = (d.year, d.month + 1) if d.month < 12 else (d.year + 1, 1)
        if mode == "clamp":
            return datetime.date(y, m, min(anchor_day, calendar.monthrange(y, m)[1]))
        return datetime.date(y, m, 1) + datetime.timedelta(days=d.day - 1)

    bounds = [created]
    while bounds[-1] < expires:
        bounds.append(add_month(bounds[-1], created.day))
    check(bounds[-1] == expires, f"{expires} is on the chain from {created}")
    total = Fraction(0)
    for first, end in zip(bounds, bounds[1:]):
        start = max(first, today)
        if start < end:
            total += Fraction(diff * (end - start).days, (end - first).days)
    return int(total + Fraction(1, 2))  # half up; total >= 0


def case_charge_table(tmp):
    """rules.md 7 as amended: every day of a renewed-early term, both month-end modes; quote
    update and update (no commit) charge what the definition says."""
    import datetime
    store = os.path.join(tmp, "store.jsonl")
    prices = os.path.join(tmp, "prices.json")
    write(prices, PRICES)
    body = '{"auto_renew": false, "bundle_type": 1}'
    checked = 0
    # (mode, created, old expiry, renewed on) -> the renewal moves expiry a term on
    for mode, created, old, renewed in [("clamp", "2018-08-01", "2018-09-01", "2018-08-29"),
                                        ("overflow", "2018-08-01", "2018-09-01", "2018-08-29"),
                                        ("clamp", "2018-01-31", "2018-02-28", "2018-02-25"),
                                        ("overflow", "2018-01-31", "2018-03-03", "2018-02-28")]:
        write(store, line(created=created, expires=old, bundle_type=2, auto_renew=False))
        code, out, err = run(["renew", "--today", renewed, "--uuid", UUID, "--store", store, "--commit",
                              "--month-end", mode])
        check(code == 0 and json.loads(out)["status_code"] == 200, f"renew {mode} {created}: {out} {err}")
        expires = datetime.date.fromisoformat(json.loads(out)["result"]["expires_on"])
        day = datetime.date.fromisoformat(renewed)
        while day < expires:
            want = oracle_charge(datetime.date.fromisoformat(created), expires, day, mode, 600)
            base = ["--today", day.isoformat(), "--uuid", UUID, "--store", store, "--prices", prices,
                    "--month-end", mode]
            code, out, err = run(["quote", "update"] + base + ["--balance", "100000"], body)
            q = json.loads(out)
            check(code == 0 and q["result"]["charge"] == want and q["result"]["affordable"] is True,
                  f"{mode} {created} renewed {renewed}, quote update on {day}: want {want}, {out} {err}")
            # update without --commit: the funds check at the charge exactly, and one short
            code, out, err = run(["update"] + base + ["--balance", str(want)], body)
            check(json.loads(out)["status_code"] == 200, f"update on {day} with {want}: {out}")
            code, out, err = run(["update"] + base + ["--balance", str(want - 1), "--explain"], body)
            check(json.loads(out)["status_code"] == 402 and err == "insufficient_funds\n",
                  f"update on {day} with {want - 1}: {out} {err}")
            day += datetime.timedelta(days=1)
            checked += 1
    check(checked > 100, f"{checked} days")
    # rules.md 7's example, by its number.
    write(store, line(created="2018-08-01", expires="2018-10-01", bundle_type=2, auto_renew=False))
    code, out, err = run(["quote", "update", "--today", "2018-08-29", "--uuid", UUID, "--store", store, "--prices",
                          prices], body)
    check(json.loads(out)["result"]["charge"] == 658, out)


def case_affordable_zero_charge(tmp):
    """A downgrade costs nothing, so it is affordable whatever the balance: the command asks
    the library (voip::affordable), as update itself does."""
    store = os.path.join(tmp, "store.jsonl")
    prices = os.path.join(tmp, "prices.json")
    write(prices, PRICES)
    write(store, line(bundle_type=1, auto_renew=False))
    args = ["--today", "2018-08-17", "--uuid", UUID, "--store", store, "--prices", prices, "--balance", "-50"]
    code, out, err = run(["quote", "update"] + args, '{"bundle_type": 5}')
    q = json.loads(out)
    check(code == 0 and q["result"]["charge"] == 0 and q["result"]["affordable"] is True, out)
    code, out, err = run(["update"] + args, '{"bundle_type": 5}')
    check(json.loads(out)["status_code"] == 200, f"the update itself succeeds: {out}")
    code, out, err = run(["quote", "update"] + args, '{"bundle_type": 4}')  # dearer: 500 x 15 / 31
    q = json.loads(out)
    check(q["result"]["charge"] == 242 and q["result"]["affordable"] is False, out)
