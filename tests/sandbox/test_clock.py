#!/usr/bin/env python3
"""The sandbox's clock: moving it runs the daily auto-renew sweep, and the events and the
balance agree (balance = start - the sum of the charges)."""
import sys

import sandbox_client as sc
from sandbox_client import Server, case, check, config, create, move_clock


def consistent(s, start):
    evs = sc.events(s)
    acct = s.ok("GET", "/sandbox/account")
    check([e["seq"] for e in evs] == sorted(e["seq"] for e in evs), "events in order")
    check(acct["balance"] == start - sum(e["charge"] for e in evs), "balance %d != %d - charges %s" % (
        acct["balance"], start, [e["charge"] for e in evs]))
    check(acct["charged"] == sum(e["charge"] for e in evs), "charged %d" % acct["charged"])
    running = start
    for e in evs:
        running -= e["charge"]
        check(e["balance"] == running, "event %s: balance after it %d, want %d" % (e, e["balance"], running))
    return evs


@case
def clock_renews_and_charges():
    with Server(config(balance=30000)) as s:
        on = create(s, 1, True)["uuid"]  # 28500
        off = create(s, 3, False)["uuid"]  # 28000
        check(s.ok("GET", "/sandbox/clock") == {"today": "2018-08-01"}, "start day")
        moved = move_clock(s, advance_days=27)  # 08-28: the window opens tomorrow
        check(moved == {"today": "2018-08-28", "renewed": 0, "renewal_failed": 0, "lapsed": 0}, "%s" % moved)
        state = s.ok("GET", "/sandbox/bundle/" + on)
        check(state["state"] == "active" and not state["renewable"], "%s" % state)
        moved = move_clock(s, today="2018-08-29")
        check(moved == {"today": "2018-08-29", "renewed": 1, "renewal_failed": 0, "lapsed": 0}, "%s" % moved)
        check(sc.balance(s) == 26500, "renewal charged 1500")
        state = s.ok("GET", "/sandbox/bundle/" + on)
        check(state["expires_on"] == "2018-10-01" and state["updated_on"] == "2018-08-29", "renewed: %s" % state)
        check(state["renewal_window"] == {"first": "2018-09-28", "last": "2018-10-06"}, "next window")
        check(move_clock(s, today="2018-08-29")["renewed"] == 0, "a move to today does nothing")
        # the bundle without auto-renew: open, then grace (out of service, no features), then lapsed
        state = s.ok("GET", "/sandbox/bundle/" + off)
        check(state["state"] == "renewal_open" and state["in_service"] and state["renewable"], "%s" % state)
        move_clock(s, today="2018-09-01")
        state = s.ok("GET", "/sandbox/bundle/" + off)
        check(state["state"] == "grace" and not state["in_service"] and state["features"] == [], "%s" % state)
        moved = move_clock(s, today="2018-09-07")
        check(moved["lapsed"] == 1 and moved["renewed"] == 0, "lapsed once: %s" % moved)
        state = s.ok("GET", "/sandbox/bundle/" + off)
        check(state["state"] == "lapsed" and state["lapsed"] and not state["renewable"], "%s" % state)
        r = s.call("POST", "/voip/bundle/%s/renew" % off)
        check(r.status == 400, "a lapsed bundle cannot be renewed: %r" % r)
        check(off in [b["uuid"] for b in s.ok("GET", "/voip/bundle")], "lapsed bundles are listed")
        # a long move renews every term on its day: 2018-09-28 (10-01 -> 11-01) ... 2019-07-29 (-> 2019-09-01)
        moved = move_clock(s, today="2019-08-01")
        check(moved["renewed"] == 11 and moved["lapsed"] == 0, "%s" % moved)
        check(s.ok("GET", "/sandbox/bundle/" + on)["expires_on"] == "2019-09-01", "eleven more terms")
        evs = consistent(s, 30000)
        check([e["kind"] for e in evs].count("lapsed") == 1, "a bundle lapses once")
        check(sc.balance(s) == 30000 - 1500 - 500 - 12 * 1500, "12 renewals")
        r = s.call("POST", "/sandbox/clock", {"today": "2019-07-31"})
        check(r.status == 400 and r.headers.get("x-sandbox-error") == "clock_backwards", "backwards: %r" % r)
        # one move covers at most 3660 days (ten years): a longer one is refused, not run for minutes
        r = s.call("POST", "/sandbox/clock", {"advance_days": 3661})
        check(r.status == 400 and r.headers.get("x-sandbox-error") == "clock_move_too_far", "too far: %r" % r)
        check(s.ok("GET", "/sandbox/clock")["today"] == "2019-08-01", "a refused move moves nothing")
        check(s.ok("POST", "/sandbox/clock", {"advance_days": 3660})["today"] == "2029-08-08", "ten years in one move")


@case
def clock_short_funds_then_lapse():
    with Server(config(balance=2000)) as s:
        uuid = create(s, 1, True)["uuid"]  # 500 left: the renewal (1500) cannot be paid
        move_clock(s, today="2018-08-28")
        days = []
        for _ in range(12):  # 08-29 .. 09-09, one day at a time
            days.append(move_clock(s, advance_days=1))
        failed = [d["today"] for d in days if d["renewal_failed"]]
        check(failed == ["2018-08-%02d" % d for d in (29, 30, 31)] + ["2018-09-%02d" % d for d in range(1, 7)],
              "renewal_failed each day of the window: %s" % failed)
        lapsed = [d["today"] for d in days if d["lapsed"]]
        check(lapsed == ["2018-09-07"], "lapsed once, the day after the window: %s" % lapsed)
        check(all(d["renewed"] == 0 for d in days), "never renewed")
        evs = consistent(s, 2000)
        kinds = [(e["day"], e["kind"]) for e in evs]
        check(kinds[0] == ("2018-08-01", "created") and kinds[-1] == ("2018-09-07", "lapsed") and len(kinds) == 11,
              "events %s" % kinds)
        check(all(e["charge"] == 0 for e in evs[1:]), "no charge for a failure or a lapse")
        state = s.ok("GET", "/sandbox/bundle/" + uuid)
        check(state["state"] == "lapsed" and state["expires_on"] == "2018-09-01", "%s" % state)
        check(sc.balance(s) == 500, "balance kept")
        # the same in one move: nine failures, one lapse
        s.ok("POST", "/sandbox/reset")
        check(sc.balance(s) == 2000 and sc.events(s) == [], "reset")
        create(s, 1, True)
        moved = move_clock(s, advance_days=40)
        check(moved["renewal_failed"] == 9 and moved["lapsed"] == 1 and moved["renewed"] == 0, "%s" % moved)
        consistent(s, 2000)


@case
def clock_events_consistent():
    # Several bundles and customers, manual and automatic renewals, upgrades, short funds at last.
    with Server(config(balance=9000, customers=("acme", "globex"))) as s:
        a = create(s, 2, True)["uuid"]
        b = create(s, 5, True, headers={"X-Auth-For": "acme"})["uuid"]
        c = create(s, 3, False, headers={"X-Auth-For": "globex"})["uuid"]
        s.ok("PUT", "/voip/bundle/" + a, {"bundle_type": 1, "auto_renew": True})  # 600 x 31 / 31 = 600 at once
        move_clock(s, today="2018-08-17")
        s.ok("PUT", "/voip/bundle/" + c, {"bundle_type": 2}, auth=sc.creds(customer="globex"))  # 400 x 15 / 31 = 193.5 -> 194
        move_clock(s, today="2018-08-30")  # a and b renewed on 08-29
        s.ok("POST", "/voip/bundle/%s/renew" % c, auth=sc.creds(customer="globex"))
        after = {e["uuid"]: e for e in sc.events(s) if e["kind"] == "updated"}
        check(after[a]["charge"] == 600 and after[c]["charge"] == 194, "pro rata: %s" % after)
        for _ in range(8):
            move_clock(s, advance_days=31)
        evs = consistent(s, 9000)
        by = {}
        for e in evs:
            by.setdefault(e["uuid"], []).append(e["kind"])
        check(by[c].count("renewed") == 1 and by[c][-1] == "lapsed", "c renewed once by hand, then lapsed: %s" % by[c])
        check(by[b][0] == "created" and by[b].count("created") == 1, "one creation each")
        customers = {e["uuid"]: e["customer"] for e in evs}
        check(customers == {a: None, b: "acme", c: "globex"}, "events name the customer: %s" % customers)
        check(sc.balance(s) >= 0, "never below zero")
        failed_days = [e["day"] for e in evs if e["kind"] == "renewal_failed"]
        check(failed_days, "the money ran out at some point: %s" % by)
        for e in evs:
            if e["kind"] == "renewal_failed":
                check(e["balance"] < sc.PRICES["1"] or e["uuid"] != a, "a failure only when short: %s" % e)
        page = s.ok("GET", "/sandbox/events?after=%d&limit=2" % evs[2]["seq"])
        check(page == evs[3:5], "paging: %s" % page)



@case
def clock_body_strict():
    """The clock's body is read by the library's strict decoder, as the bundle routes' are: a
    member given twice (at any depth), invalid UTF-8 or too deep a nesting is refused with the
    same status, body and rule, and the clock does not move."""
    with Server(config()) as s:
        dup = s.call("POST", "/voip/bundle", '{"bundle_type":1,"bundle_type":2}')
        check(dup.status == 400 and dup.headers.get("x-sandbox-error") == "duplicate_member", "the seed route: %r" % dup)
        for body, rule in (('{"advance_days":0,"advance_days":5}', "duplicate_member"),
                           ('{"today":"2018-08-05","today":"2018-09-01"}', "duplicate_member"),
                           ('{"advance_days":5,"x":{"a":1,"\\u0061":2}}', "duplicate_member"),
                           ('{"advance_days":5,"x":"\\ud800"}', "invalid_utf8"),
                           ('{"advance_days":5,"x":' + "[" * 40 + "]" * 40 + "}", "nesting_too_deep"),
                           ('[{"advance_days":5}]', "body_not_object")):
            r = s.call("POST", "/sandbox/clock", body)
            check(r.status == 400 and r.headers.get("x-sandbox-error") == rule, "%s: %r %s" % (body, r, r.headers))
            if rule == "duplicate_member":
                check(r.body == dup.body, "the same envelope as the seed route's: %r" % r.body)
        check(s.ok("GET", "/sandbox/clock") == {"today": "2018-08-01"}, "the clock did not move")
        check(move_clock(s, advance_days=5)["today"] == "2018-08-06", "a body with each member once moves it")


@case
def renewal_failed_names_the_rule():
    """A renewal_failed event says which rule refused it; other events have a null rule."""
    with Server(config(balance=1500)) as s:
        create(s, 1, True)  # the balance is 0 after it
        check(move_clock(s, today="2018-08-31")["renewal_failed"] == 3, "three days of the window")
        evs = sc.events(s)
        failed = [e for e in evs if e["kind"] == "renewal_failed"]
        check(len(failed) == 3 and all(e["rule"] == "insufficient_funds" for e in failed), "%s" % failed)
        check(all(e["rule"] is None for e in evs if e["kind"] != "renewal_failed"), "%s" % evs)


@case
def events_filtered():
    """GET /sandbox/events takes uuid= and kind= (each repeatable, OR'd; the two AND'd) beside
    after= and limit=; any other parameter, a repeated after or limit, an unknown kind or a
    malformed uuid is 400 invalid_query, never ignored."""
    with Server(config()) as s:
        on = create(s, 1, True)["uuid"]
        off = create(s, 2, False)["uuid"]
        move_clock(s, today="2018-09-10")  # on renewed on 08-29; off lapsed on 09-07
        evs = sc.events(s)
        check([(e["kind"], e["uuid"]) for e in evs] ==
              [("created", on), ("created", off), ("renewed", on), ("lapsed", off)], "%s" % evs)

        def listed(query):
            return s.ok("GET", "/sandbox/events?" + query)

        check(listed("uuid=" + on) == [evs[0], evs[2]], "by uuid")
        check(listed("uuid=" + on.upper()) == [evs[0], evs[2]], "a uuid in either case")
        check(listed("kind=created") == evs[:2], "by kind")
        check(listed("kind=created&kind=lapsed") == [evs[0], evs[1], evs[3]], "kinds OR'd")
        check(listed("uuid=%s&kind=created" % off) == [evs[1]], "uuid and kind AND'd")
        check(listed("uuid=%s&uuid=%s" % (on, off)) == evs, "uuids OR'd")
        check(listed("kind=created&limit=1") == [evs[0]], "limit counts the filtered events")
        check(listed("kind=created&after=%d" % evs[0]["seq"]) == [evs[1]], "paging within a filter")
        check(listed("") == evs and listed("kind=renewal_failed") == [], "no filter; nothing matching")
        for query in ("foo=1", "afterr=1", "Kind=created", "kind=nope", "kind=", "uuid=xyz", "uuid=",
                      "after=1&after=2", "limit=5&limit=5", "kind=created&x", "limit=0"):
            r = s.call("GET", "/sandbox/events?" + query)
            check(r.status == 400 and r.headers.get("x-sandbox-error") == "invalid_query", "%s: %r" % (query, r))

if __name__ == "__main__":
    sys.exit(sc.main())
