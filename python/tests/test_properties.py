"""Hypothesis properties, each the statement of a C++ property of tests/property/ (named
after it), checked through the Python package against an independent Python oracle where
the C++ one uses one (the calendar: datetime and calendar.monthrange)."""
import calendar
import datetime as dt
import json

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st

import voip_bundle as v
from voip_bundle import strategies as vs

ONE = dt.timedelta(days=1)


def add_clamped(day: dt.date, months: int, anchor_day: int) -> dt.date:
    m = day.year * 12 + day.month - 1 + months
    y, mo = divmod(m, 12)
    return dt.date(y, mo + 1, min(anchor_day, calendar.monthrange(y, mo + 1)[1]))


def add_overflow(day: dt.date, months: int) -> dt.date:
    m = day.year * 12 + day.month - 1 + months
    y, mo = divmod(m, 12)
    return dt.date(y, mo + 1, 1) + (day.day - 1) * ONE


def fails_with(call, error):
    try:
        call()
    except v.RuleError as e:
        return e.error == error
    return False


@given(vs.policy_and_bundle(), st.data())
def test_renewal_in_window_moves_one_term(pb, data):  # renewal.cpp
    p, b = pb
    w = v.renewal_window(b, p)
    ctx = v.Context(data.draw(vs.days_between(w.first, w.last)), p)
    try:  # the next expiry, or None past 9999-12-31
        expect = (add_clamped(b.expires_on, p.term_months, b.created_on.day) if p.month_end == v.MonthEnd.clamp
                  else add_overflow(b.expires_on, p.term_months))
    except (ValueError, OverflowError):
        expect = None
    if expect is None:
        assert fails_with(lambda: v.renew(b, ctx), "date_out_of_range")
        return
    r = v.renew(b, ctx)
    assert r.bundle.expires_on == expect
    assert (r.bundle.created_on, r.bundle.uuid, r.bundle.bundle_type, r.bundle.auto_renew) == (
        b.created_on, b.uuid, b.bundle_type, b.auto_renew)
    assert v.renew(b, v.Context(w.first, p)).bundle == r.bundle
    later = v.Context(data.draw(vs.days_between(w.first, w.last)), p)
    assert fails_with(lambda: v.renew(r.bundle, later), "outside_renewal_window")


@given(vs.policy_and_bundle(), st.data())
def test_renewal_outside_window_refused(pb, data):  # renewal.cpp
    p, b = pb
    today = data.draw(vs.days_near(b.expires_on, p))
    inside = b.expires_on.toordinal() - p.renew_days_before <= today.toordinal() <= b.expires_on.toordinal() + p.renew_days_after
    try:
        v.renew(b, v.Context(today, p))
        ok = True
    except v.RuleError as e:
        ok = False
        assert e.status == 400
        assert e.error == ("date_out_of_range" if inside else "outside_renewal_window")
    assert ok == (inside and not fails_with(lambda: v.next_expiry(b, p), "date_out_of_range"))


@given(vs.policies(), vs.days_between(dt.date(1900, 1, 1), dt.date(2400, 12, 31)), vs.requests(), vs.uuids(),
       st.lists(st.integers(0, 1 << 30), min_size=1, max_size=40))
def test_anchor_never_drifts(p, start, request, uid, picks):  # renewal.cpp
    b = v.create(request, uid, v.Context(start, p)).bundle
    chained = b.expires_on
    for k, pick in enumerate(picks, 1):
        w = v.renewal_window(b, p)
        today = w.first + (pick % ((w.last - w.first).days + 1)) * ONE
        b = v.renew(b, v.Context(today, p)).bundle
        if p.month_end == v.MonthEnd.clamp:
            assert b.expires_on == add_clamped(start, (k + 1) * p.term_months, start.day)
        else:
            chained = add_overflow(chained, p.term_months)
            assert b.expires_on == chained


@given(vs.policies(), vs.days_between(dt.date(1, 12, 31), dt.date(9998, 12, 31)), st.integers(-400, 400))
def test_states_partition_days(p, e, offset):  # states.cpp: window_bounds, states_partition_days
    d = e + offset * ONE
    w = v.renewal_window(e, p)
    assert w.contains(e) and (e - w.first).days == p.renew_days_before and (w.last - e).days == p.renew_days_after
    s = v.state_on(expires_on=e, day=d, policy=p)
    n = offset
    expect = (v.State.active if n < -p.renew_days_before else v.State.renewal_open if n < 0
              else v.State.grace if n <= p.renew_days_after else v.State.lapsed)
    assert s is expect
    assert v.in_service(s) == (n < 0) and v.renewable(s) == w.contains(d)
    assert v.state_on(expires_on=e, day=d + ONE, policy=p) >= s


@given(vs.policies(), vs.days(), vs.requests(), vs.uuids())
def test_create_starts_today(p, today, request, uid):  # commands.cpp
    assume(today.year < 9999)
    ctx = v.Context(today, p, v.make_price_list({t: 100 * int(t) for t in v.BundleType}))
    d = v.create(request, uid, ctx)
    assert d.bundle.created_on == today and d.bundle.expires_on == v.first_expiry(today, p)
    assert d.charge == 100 * int(request.bundle_type) and d.bundle.bundle_type == request.bundle_type


@given(vs.policy_and_bundle(), st.data(), vs.price_lists(), vs.balances(), vs.requests())
def test_quote_equals_command(pb, data, prices, balance, request):  # commands.cpp
    p, b = pb
    ctx = v.Context(data.draw(vs.days_near(b.expires_on, p)), p, prices, balance)
    for quote, command in ((lambda: v.quote_renew(b, ctx), lambda: v.renew(b, ctx)),
                           (lambda: v.quote_update(b, request, ctx), lambda: v.update(b, request, ctx))):
        try:
            q = quote()
        except v.RuleError as e:
            assert fails_with(command, e.error)
            continue
        if v.affordable(q.charge, ctx):
            assert command() == q
        else:
            assert fails_with(command, "insufficient_funds")


@given(vs.policies(), vs.days_between(dt.date(3, 1, 1), dt.date(9998, 1, 1)), st.data())
def test_sweep_agrees_with_single_calls(p, today, data):  # sweep.cpp
    n = data.draw(st.integers(0, 40))
    offsets = data.draw(st.lists(st.integers(-60, 60), min_size=n, max_size=n))
    flags = data.draw(st.lists(st.booleans(), min_size=n, max_size=n))
    bs = [v.make_bundle(v.make_uuid_v4(i), today + o * ONE - 400 * ONE, today + o * ONE, 1 + i % 5, f)
          for i, (o, f) in enumerate(zip(offsets, flags))]
    expect = v.SweepTotals(**{a.name: sum(1 for b in bs if v.sweep_action(b, today, p) is a) for a in v.SweepAction})
    assert v.sweep(bs, today, p) == expect == v.sweep_totals(bs, today, p)
    e = np.array([v.day_count(b.expires_on) for b in bs], np.int32)
    assert v.sweep_totals(e, np.array(flags, np.bool_), today, p) == expect
    for b in bs:
        a = v.sweep_action(b, today, p)
        open_ = v.renewal_window(b, p).contains(today)
        assert (a is v.SweepAction.renew) == (b.auto_renew and open_)
        assert (a is v.SweepAction.lapsed) == (v.state_on(b, today, p) is v.State.lapsed)


@given(vs.days(), st.lists(st.tuples(st.one_of(st.integers(-(2**31), 2**31 - 1), st.integers(-60, 60)), st.booleans()),
                           max_size=20), st.integers(0, 27), st.data())
def test_sweep_forms_agree_for_any_day_count(day, rows, before, data):  # sweep.cpp, the columns' defensive paths
    p = v.RenewalPolicy(renew_days_before=before, renew_days_after=data.draw(st.integers(0, 27 - before)))
    near = [(c if abs(c) > 60 else v.day_count(day) + c, f) for c, f in rows]  # any count, or one near the day
    e = np.array([max(-(2**31), min(2**31 - 1, c)) for c, _ in near], np.int32)
    f = np.array([flag for _, flag in near], np.bool_)
    acts = np.frombuffer(v.sweep_actions(e, f, day, p), np.uint8)
    t = v.sweep_totals(e, f, day, p)
    assert (t.none, t.renew, t.lapsed) == tuple(int((acts == k).sum()) for k in range(3))
    for count, flag, a in zip(e.tolist(), f.tolist(), acts):
        if v.in_range(count):
            assert a == v.sweep_action(expires_on=v.from_day_count(count), auto_renew=flag, day=day, policy=p)


@given(vs.policy_and_bundle(), st.sampled_from(list(v.Operation)), st.sampled_from(list(v.Layout)))
def test_envelope_text_round_trips(pb, op, layout):  # envelopes.cpp
    _, b = pb
    e = v.success_envelope(op, b)
    doc = json.loads(v.to_string(e, layout))
    assert list(doc) == ["result", "status_code", "status_message"]
    assert doc["result"] == {"auto_renew": b.auto_renew, "bundle_type": int(b.bundle_type),
                             "expires_on": b.expires_on.isoformat(), "uuid": str(b.uuid)}
    assert doc["status_code"] == (201 if op is v.Operation.create else 200)


@given(st.sampled_from(list(v.Error)))
def test_every_error_has_one_status(error):  # envelopes.cpp
    s = v.status(error)
    expect = (404 if error.name == "unknown_bundle" else 402 if error.name in ("insufficient_funds", "not_in_service")
              else 500 if error.name == "buffer_too_small" else 400)
    assert s == expect
    doc = json.loads(v.to_string(v.error_envelope(error), detail=v.ErrorDetail.on))
    assert doc == {"result": {}, "status_code": expect, "status_message": v.status_message(s), "error": error.name}


@given(vs.policy_and_bundle(), st.data(), vs.price_lists(), vs.requests())
def test_update_keeps_dates_and_bounds_charge(pb, data, prices, request):  # charges.cpp
    p, b = pb
    ctx = v.Context(data.draw(vs.days_near(b.expires_on, p)), p, prices)
    try:
        d = v.update(b, request, ctx)
    except v.RuleError as e:
        assert e.error in ("not_in_service", "charge_out_of_range")
        return
    assert (d.bundle.uuid, d.bundle.created_on, d.bundle.expires_on) == (b.uuid, b.created_on, b.expires_on)
    assert (d.bundle.bundle_type, d.bundle.auto_renew) == (request.bundle_type, request.auto_renew)
    assert d.charge >= 0 and d.charge == v.upgrade_charge_breakdown(b, request.bundle_type, ctx).total


@given(vs.uuids(), vs.days())
def test_uuid_and_date_text_round_trip(text, day):  # values.cpp
    u = v.parse_uuid(text)
    assert str(u) == text.lower() and v.parse_uuid(str(u)) == u
    assert v.parse_iso_date(v.to_iso_string(day)) == day and v.to_iso_string(day) == day.isoformat()
    assert v.from_day_count(v.day_count(day)) == day
