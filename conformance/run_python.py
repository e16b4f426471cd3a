#!/usr/bin/env python3
"""The Python runner of the conformance vectors: every vector through the voip_bundle package.

    build/python/venv/bin/python conformance/run_python.py [conformance/vectors.json]

Prints `python: N passed, M failed` (and each failure first, at most 20); exit 1 on a failure.
"""
import datetime as dt
import sys

import voip_bundle as vb
from vectors import Tally, load, path_argument, text

day = dt.date.fromisoformat


def iso(d):
    return d.isoformat()


def policy(p):
    return vb.make_renewal_policy(vb.MonthEnd[p["month_end"]], p["term_months"], p["renew_days_before"],
                                  p["renew_days_after"])


def policy_json(p):
    return {"month_end": p.month_end.name, "term_months": p.term_months,
            "renew_days_before": p.renew_days_before, "renew_days_after": p.renew_days_after}


def prices(p):
    return None if p is None else vb.make_price_list({int(k): v for k, v in p.items()})


def prices_json(p):
    return {str(t): p.at(t) for t in range(1, 6)}


def context(c):
    return vb.make_context(day(c["today"]), policy(c["policy"]), prices(c["prices"]), c["balance"])


def context_json(c):
    return {"today": iso(c.today), "policy": policy_json(c.policy),
            "prices": None if c.prices is None else prices_json(c.prices), "balance": c.balance}


def bundle(b):
    return vb.make_bundle(b["uuid"], day(b["created_on"]), day(b["expires_on"]), b["bundle_type"], b["auto_renew"])


def bundle_json(b):
    return {"auto_renew": b.auto_renew, "bundle_type": int(b.bundle_type), "expires_on": iso(b.expires_on),
            "uuid": str(b.uuid), "created_on": iso(b.created_on)}


def request(r):
    return vb.Request(r["bundle_type"], r["auto_renew"])


def request_json(r):
    return {"bundle_type": int(r.bundle_type), "auto_renew": r.auto_renew}


def decision_json(d):
    return {"bundle": bundle_json(d.bundle), "charge": d.charge}


def names(members, enum):
    return [m.name for m in sorted(members, key=int)] if enum else sorted(members)


def checked(ok):
    assert ok is True  # a check returns True or raises RuleError
    return None


def breakdown(i):
    b, to, c = bundle(i["bundle"]), i["to"], context(i["context"])
    u = vb.upgrade_charge_breakdown(b, to, c)
    assert vb.upgrade_charge(b, to, c) == u.total
    return {"difference": u.difference, "current": {"first": iso(u.current.first), "end": iso(u.current.end)},
            "days_left": u.days_left, "prepaid_terms": u.prepaid_terms, "cut_days": u.cut_days,
            "cut_term_days": u.cut_term_days, "total": u.total}


def envelope(i):
    if "error" in i:
        e = vb.error_envelope(i["error"])
    else:
        e = vb.success_envelope(vb.Operation[i["operation"]], bundle(i["bundle"]))
    return vb.to_string(e, vb.Layout[i["layout"]], vb.ErrorDetail[i["detail"]])


def call(op, i):
    """An API call as a host makes it: decode (uuid, then body), find, decide, envelope."""
    stored = {b.uuid: b for b in map(bundle, i["stored"])}
    c = context(i["context"])
    try:
        if op == "create":
            d = vb.create(vb.parse_create(text(i)), i["uuid"], c)
        elif op == "update":
            u = vb.parse_update(i["uuid"], text(i))
            d = vb.handle_update(u.uuid, u.request, stored.get, c)
        else:
            d = vb.handle_renew(vb.parse_renew(i["uuid"]), stored.get, c)
    except vb.RuleError as e:
        d = e
    env = vb.make_envelope(vb.Operation[op], d)
    ok = not isinstance(d, vb.RuleError)
    return {"status": int(env.status), "error": None if ok else d.error, "envelope": vb.to_string(env),
            "charge": d.charge if ok else None, "bundle": bundle_json(d.bundle) if ok else None}


def status_json(name):
    s = vb.status(name)
    return {"status": int(s), "status_message": vb.status_message(s)}


OPS = {
    # term
    "first_expiry": lambda i: iso(vb.first_expiry(day(i["start"]), policy(i["policy"]))),
    "add_term": lambda i: iso(vb.add_term(from_day=day(i["from"]), anchor=day(i["anchor"]), policy=policy(i["policy"]))),
    "next_expiry": lambda i: iso(vb.next_expiry(bundle(i["bundle"]), policy(i["policy"]))),
    "term_start": lambda i: iso(vb.term_start(created_on=day(i["created_on"]), term_end=day(i["term_end"]), policy=policy(i["policy"]))),
    # window, feature
    "state_on": lambda i: vb.state_on(expires_on=day(i["expires_on"]), day=day(i["day"]), policy=policy(i["policy"])).name,
    "renewal_window": lambda i: (lambda w: {"first": iso(w.first), "last": iso(w.last)})(
        vb.renewal_window(day(i["expires_on"]), policy(i["policy"]))),
    "can_renew": lambda i: checked(vb.can_renew(bundle(i["bundle"]), day(i["day"]), policy(i["policy"]))),
    "features_on": lambda i: names(vb.features_on(bundle(i["bundle"]), day(i["day"]), policy(i["policy"])), True),
    "check_feature": lambda i: checked(vb.check_feature(None if i["bundle"] is None else bundle(i["bundle"]),
                                                        vb.Feature[i["feature"]], day(i["day"]), policy(i["policy"]))),
    # sweep
    "sweep_action": lambda i: vb.sweep_action(expires_on=day(i["expires_on"]), auto_renew=i["auto_renew"],
                                              day=day(i["day"]), policy=policy(i["policy"])).name,
    "sweep_ranges": lambda i: (lambda r: {"renew_first": r.renew_first, "renew_last": r.renew_last,
                                          "lapsed_before": r.lapsed_before})(
        vb.sweep_ranges(day(i["day"]), policy(i["policy"]))),
    "sweep_totals": lambda i: (lambda t: {"none": t.none, "renew": t.renew, "lapsed": t.lapsed})(
        vb.sweep_totals([bundle(b) for b in i["bundles"]], day(i["day"]), policy(i["policy"]))),
    # charge
    "quote_create": lambda i: decision_json(vb.quote_create(request(i["request"]), i["uuid"], context(i["context"]))),
    "create": lambda i: decision_json(vb.create(request(i["request"]), i["uuid"], context(i["context"]))),
    "quote_update": lambda i: decision_json(vb.quote_update(bundle(i["bundle"]), request(i["request"]),
                                                            context(i["context"]))),
    "update": lambda i: decision_json(vb.update(bundle(i["bundle"]), request(i["request"]), context(i["context"]))),
    "quote_renew": lambda i: decision_json(vb.quote_renew(bundle(i["bundle"]), context(i["context"]))),
    "renew": lambda i: decision_json(vb.renew(bundle(i["bundle"]), context(i["context"]))),
    "upgrade_charge_breakdown": breakdown,
    # decode, envelope
    "parse_create": lambda i: request_json(vb.parse_create(text(i))),
    "parse_update": lambda i: (lambda u: {"uuid": str(u.uuid), "request": request_json(u.request)})(
        vb.parse_update(i["uuid"], text(i))),
    "parse_renew": lambda i: str(vb.parse_renew(i["uuid"])),
    "to_string": envelope,
    # value
    "make_bundle": lambda i: bundle_json(vb.make_bundle(i["uuid"], day(i["created_on"]), day(i["expires_on"]),
                                                        i["bundle_type"], i["auto_renew"])),
    "make_renewal_policy": lambda i: policy_json(policy(i)),
    "make_context": lambda i: context_json(context(i)),
    "pro_rata": lambda i: vb.pro_rata(i["amount"], i["part"], i["whole"]),
    "add": lambda i: vb.add(i["a"], i["b"]),
    "subtract": lambda i: vb.subtract(i["a"], i["b"]),
    "shortest_term_days": lambda i: vb.shortest_term_days(i["months"]),
    "status": lambda i: status_json(i["error"]),
    "allowed_operations": lambda i: names(vb.allowed_operations(vb.State[i["state"]]), True),
    "parse_iso_date": lambda i: iso(vb.parse_iso_date(i["text"])),
    "parse_uuid": lambda i: str(vb.parse_uuid(i["text"])),
    "decode_prices": lambda i: prices_json(vb.decode_prices(text(i))),
    "decode_bundle": lambda i: bundle_json(vb.decode_bundle(text(i))),
    "encode_bundle": lambda i: vb.encode_bundle(bundle(i["bundle"])),
}


def answer(v):
    if v["kind"] == "call":
        return {"result": call(v["op"], v["input"])}
    try:
        return {"result": OPS[v["op"]](v["input"])}
    except vb.RuleError as e:
        return {"error": e.error, "status": e.status}


def main():
    tally = Tally("python")
    for v in load(path_argument()):
        try:
            tally.check(v, answer(v))
        except Exception as e:  # noqa: BLE001 - a crash is a failure of that vector, reported
            tally.fail(v, f"{type(e).__name__}: {e}")
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
