#!/usr/bin/env python3
"""GET /voip/bundle a page at a time: limit (default 100, at most 1000) and the cursor of the
X-Sandbox-Next-Cursor header, oldest first, every bundle once; bad parameters are 400."""
import sys
import urllib.parse

import sandbox_client as sc
from sandbox_client import Server, case, check, config, create, move_clock


def pages(s, limit=None, auth=True):
    """The pages of a walk through the list: [(uuids, cursor or None)]."""
    out, cursor = [], None
    while True:
        q = {}
        if limit is not None:
            q["limit"] = limit
        if cursor is not None:
            q["cursor"] = cursor
        r = s.call("GET", "/voip/bundle" + ("?" + urllib.parse.urlencode(q) if q else ""), auth=auth)
        check(r.status == 200, "list: %r" % r)
        cursor = r.headers.get("x-sandbox-next-cursor")
        out.append(([b["uuid"] for b in r.json["result"]], cursor))
        check(len(out) < 1000, "the walk ends")
        if cursor is None:
            return out


def flat(walk):
    return [u for page, _ in walk for u in page]


@case
def bundle_list_pages():
    with Server(config(balance=10 ** 9)) as s:
        made = [create(s, 1 + i % 5, i % 2 == 0)["uuid"] for i in range(250)]
        mine = [create(s, 3, False, headers={"X-Auth-For": "acme"})["uuid"] for _ in range(3)]
        first = s.call("GET", "/voip/bundle")
        check(len(first.json["result"]) == 100 and "x-sandbox-next-cursor" in first.headers,
              "the first page: 100 and a cursor, got %d, %s" % (len(first.json["result"]), first.headers))
        walk = pages(s)
        check([len(p) for p, _ in walk] == [100, 100, 50], "pages of 100: %s" % [len(p) for p, _ in walk])
        everything = flat(walk)
        check(sorted(everything) == sorted(made) and len(set(everything)) == 250, "every bundle once")
        check(everything == sorted(made), "one creation day: uuid order")
        check(flat(pages(s, limit=7)) == everything, "pages of 7: the same list")
        one = pages(s, limit=1000)
        check(len(one) == 1 and one[0][0] == everything, "limit 1000: one page, no cursor")
        check(flat(pages(s, limit=250)) == everything and len(pages(s, limit=250)) == 1, "exactly one full page")
        check(flat(pages(s, auth=sc.creds(customer="acme"))) == sorted(mine), "the customer's own alone")

        # Bundles made during a walk, on a later day, come after every page already read.
        r = s.call("GET", "/voip/bundle?limit=200")
        move_clock(s, advance_days=1)
        later = create(s, 2, True)["uuid"]
        rest = s.call("GET", "/voip/bundle?limit=200&cursor=" + r.headers["x-sandbox-next-cursor"])
        check([b["uuid"] for b in r.json["result"] + rest.json["result"]] == everything + [later],
              "the walk sees the old bundles once and the new one last")
        check(rest.json["result"][-1]["created_on"] == "2018-08-02", "%s" % rest.json["result"][-1])

        cursor = first.headers["x-sandbox-next-cursor"]
        for query in ("limit=0", "limit=1001", "limit=abc", "limit=", "limit=-1", "limit=1.5", "limit=5&limit=5",
                      "cursor=", "cursor=nonsense", "cursor=" + cursor.upper(), "cursor=" + cursor + "x",
                      "cursor=2018-02-30." + cursor[11:], "cursor=%s&cursor=%s" % (cursor, cursor), "page=2",
                      "limit=10&sort=uuid"):
            r = s.call("GET", "/voip/bundle?" + query)
            check(r.status == 400 and r.headers.get("x-sandbox-error") == "invalid_query" and r.json["result"] == {},
                  "%s: %r" % (query, r))


@case
def bundles_made_on_the_cursors_day():
    """The order is (creation day, uuid): a bundle made during a walk on the day of the cursor's
    bundle is listed by the rest of the walk only if its uuid sorts after the cursor's."""
    def uuid(first):
        return "%s0000000-0000-4000-8000-000000000000" % first

    def make(u):
        return create(s, 1, False, headers={"X-Sandbox-Uuid": u})["uuid"]

    with Server(config(balance=10 ** 9)) as s:
        old = [make(uuid(c)) for c in "1234"]
        first = s.call("GET", "/voip/bundle?limit=2")
        check([b["uuid"] for b in first.json["result"]] == old[:2], "the first page: %s" % first.json)
        before, after = make(uuid("0")), make(uuid("f"))
        rest = s.call("GET", "/voip/bundle?limit=100&cursor=" + first.headers["x-sandbox-next-cursor"])
        check([b["uuid"] for b in rest.json["result"]] == old[2:] + [after],
              "the rest of the walk: the old ones and the one after the cursor, not %s: %s" % (before, rest.json))
        check(flat(pages(s)) == [before] + old + [after], "a new walk lists both")


if __name__ == "__main__":
    sys.exit(sc.main())
