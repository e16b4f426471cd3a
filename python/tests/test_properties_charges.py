"""Hypothesis properties of charges, funds, handlers and features: the statements of
tests/property/charges.cpp, commands.cpp and states.cpp, the charge checked against an
exact day-by-day sum (fractions.Fraction) as the C++ property checks it."""
import datetime as dt
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

import voip_bundle as v
from voip_bundle import strategies as vs

ONE = dt.timedelta(days=1)


def chain(b, p):
    """The term boundaries from created_on to expires_on, one add_term() each."""
    t = [b.created_on]
    while t[-1] < b.expires_on:
        t.append(min(v.add_term(from_day=t[-1], anchor=b.created_on, policy=p), b.expires_on))
    return t


def day_by_day(b, p, today, diff):
    """Every prepaid day costs diff / (its term's days); the exact sum, rounded half up once."""
    t = chain(b, p)
    total = Fraction(0)
    for first, end in zip(t, t[1:]):
        whole = (v.add_term(from_day=first, anchor=b.created_on, policy=p) - first).days if end == b.expires_on else (end - first).days
        days = (end - max(first, today, b.created_on)).days
        if days > 0:
            total += Fraction(diff * days, whole)
    return (2 * total.numerator + total.denominator) // (2 * total.denominator)


@st.composite
def upgrade_case(draw):
    p, b = draw(vs.policy_and_bundle())
    first = dt.date.fromordinal(max(1, b.created_on.toordinal() - 60))  # up to 60 days before the first term
    today = draw(st.one_of(vs.days_between(first, b.expires_on - ONE), vs.days_near(b.expires_on, p)))
    return p, b, min(today, b.expires_on - ONE), draw(vs.price_lists()), draw(vs.bundle_types())


@given(upgrade_case())
def test_charge_equals_day_by_day_sum(case):  # charges.cpp
    p, b, today, prices, to = case
    diff = max(prices.at(to) - prices.at(b.bundle_type), 0)
    try:
        u = v.upgrade_charge_breakdown(b, to, v.Context(today, p, prices))
    except v.RuleError as e:
        assert e.error == "charge_out_of_range" and day_by_day(b, p, today, diff) > v.max_amount
        return
    assert u.difference == diff and u.total == day_by_day(b, p, today, diff)
    assert u.total == diff * u.prepaid_terms + v.pro_rata(diff, u.days_left, u.current.days())
    if today >= v.term_start(b, p):  # the last term: days left at the term's rate
        assert u.prepaid_terms == 0 and u.current.first == v.term_start(b, p)


@given(vs.policy_and_bundle(), st.data(), vs.requests(), vs.uuids(), st.integers(0, 2), st.integers(-1, 1))
def test_funds_check_is_affordable(pb, data, request, uid, which, edge):  # commands.cpp
    p, b = pb
    ctx = data.draw(vs.contexts(data.draw(vs.days_near(b.expires_on, p)), p))
    calls = [(lambda k: v.quote_create(request, uid, k), lambda k: v.create(request, uid, k)),
             (lambda k: v.quote_update(b, request, k), lambda k: v.update(b, request, k)),
             (lambda k: v.quote_renew(b, k), lambda k: v.renew(b, k))][which]
    try:
        first = calls[0](ctx)
        if ctx.prices is not None:  # a balance at the edge of the charge
            ctx = v.Context(ctx.today, p, ctx.prices, max(min(first.charge + edge, v.max_amount), -v.max_amount))
        q = calls[0](ctx)
    except v.RuleError as e:
        try:
            calls[1](ctx)
            raise AssertionError("the command succeeded where its quote failed")
        except v.RuleError as f:
            assert f.error == e.error
        return
    can_pay = ctx.prices is None or ctx.balance is None or q.charge <= 0 or q.charge <= ctx.balance
    assert v.affordable(q.charge, ctx) == can_pay
    try:
        assert calls[1](ctx) == q and can_pay
    except v.RuleError as e:
        assert not can_pay and e.error == ("insufficient_funds_on_create" if which == 0 else "insufficient_funds")


@given(vs.policy_and_bundle(), st.data(), st.booleans(), vs.requests())
def test_handlers_look_up_by_uuid(pb, data, known, request):  # commands.cpp
    p, b = pb
    ctx = v.Context(data.draw(vs.days_near(b.expires_on, p)), p)
    asked = b.uuid if known else v.make_uuid_v4(data.draw(st.integers(0, 2**64 - 1)))
    store = {b.uuid: b}

    def outcome(call):
        try:
            return call()
        except v.RuleError as e:
            return e.error
    assert outcome(lambda: v.handle_renew(asked, store.get, ctx)) == (
        outcome(lambda: v.renew(b, ctx)) if asked == b.uuid else "unknown_bundle")
    assert outcome(lambda: v.handle_update(asked, request, store.get, ctx)) == (
        outcome(lambda: v.update(b, request, ctx)) if asked == b.uuid else "unknown_bundle")


@given(vs.policy_and_bundle(), st.data(), st.sampled_from(list(v.Feature)), st.booleans())
def test_feature_usable_in_service_and_type(pb, data, feature, own_table):  # states.cpp
    p, b = pb
    day = data.draw(vs.days_near(b.expires_on, p))
    table = v.default_feature_table()
    if own_table:
        table = {t: frozenset(f for f in v.Feature if data.draw(st.booleans())) for t in v.BundleType}
    serving, has = day < b.expires_on, feature in table[b.bundle_type]
    assert v.features_on(b, day, p, table) == (table[b.bundle_type] if serving else frozenset())
    try:
        assert v.check_feature(b, feature, day, p, table) and serving and has
    except v.RuleError as e:
        assert e.error == ("not_in_service" if not serving else "feature_not_in_type")
    try:
        v.check_feature(None, feature, day, p, table)
    except v.RuleError as e:
        assert (e.error, e.status) == ("unknown_bundle", 404)
