"""Hypothesis strategies for property tests of code that uses voip_bundle.

The Python twin of the C++ library's voip/bundle_rapidcheck.hpp: every value is valid and
made through the library (make_price_list, make_renewal_policy, create, renew); days favour
the calendar's traps (month ends, February 28/29, 1900, 2000, 2100, 2400, the range's ends).
Needs Hypothesis (Debian: python3-hypothesis); importing voip_bundle alone does not.

    from hypothesis import given
    from voip_bundle import strategies as vs

    @given(vs.policies().flatmap(lambda p: vs.bundles(p).map(lambda b: (p, b))))
    def test_window_holds_expiry(pb): ...
"""
import calendar
import datetime
from typing import Optional, Tuple

from hypothesis import strategies as st

from . import (Bundle, BundleType, Context, MonthEnd, PriceList, RenewalPolicy, Request, create, first_expiry,
               make_price_list, make_renewal_policy, max_amount, renew, shortest_term_days)
from ._errors import RuleError

__all__ = ["years", "days", "days_between", "days_near", "bundle_types", "uuids", "money", "balances", "policies",
           "price_lists", "requests", "contexts", "bundles", "policy_and_bundle"]

MIN_DAY = datetime.date(1, 1, 1)
MAX_DAY = datetime.date(9999, 12, 31)


def _on(year: int, month: int, day: int) -> datetime.date:
    """Day `day` of the month, or its last day when the month is shorter."""
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def years() -> st.SearchStrategy[int]:
    """A year in 1..9999: the century rules' years, leap years, 1900..2400, or any."""
    return st.one_of(st.sampled_from([1900, 2000, 2100, 2400, 1, 9999]), st.integers(1, 2499).map(lambda q: 4 * q),
                     st.integers(1900, 2400), st.integers(1, 9999))


def days_between(first: datetime.date, last: datetime.date) -> st.SearchStrategy[datetime.date]:
    """Any day of [first, last]."""
    return st.dates(min_value=first, max_value=last)


def days() -> st.SearchStrategy[datetime.date]:
    """A day in 0001-01-01..9999-12-31, favouring the calendar's traps."""
    century = st.sampled_from([1900, 2000, 2100, 2400]).flatmap(
        lambda y: days_between(datetime.date(y, 1, 1), datetime.date(y, 12, 31)))
    return st.one_of(
        days_between(datetime.date(1900, 1, 1), datetime.date(2400, 12, 31)),
        days_between(MIN_DAY, MAX_DAY),
        st.builds(_on, years(), st.integers(1, 12), st.just(31)),  # a month's last day
        st.builds(lambda y, i: [_on(y, 2, 28), _on(y, 2, 29), datetime.date(y, 3, 1)][i], years(), st.integers(0, 2)),
        century,
        days_between(MIN_DAY, MIN_DAY + datetime.timedelta(days=800)),
        days_between(MAX_DAY - datetime.timedelta(days=800), MAX_DAY),
    )


def _clamped(day: datetime.date, offset: int) -> datetime.date:
    ordinal = min(max(day.toordinal() + offset, MIN_DAY.toordinal()), MAX_DAY.toordinal())
    return datetime.date.fromordinal(ordinal)


def days_near(expires_on: datetime.date, policy: Optional[RenewalPolicy] = None) -> st.SearchStrategy[datetime.date]:
    """A day within 40 days of expires_on, favouring the window's and service's edges:
    -before-1, -before, -1, 0, +after, +after+1 (the seed's policy: -4, -3, -1, 0, +5, +6)."""
    p = policy if policy is not None else RenewalPolicy()
    b, a = p.renew_days_before, p.renew_days_after
    offsets = st.one_of(st.integers(-40, 40), st.sampled_from([-b - 1, -b, -1, 0, a, a + 1]))
    return offsets.map(lambda o: _clamped(expires_on, o))


def bundle_types() -> st.SearchStrategy[BundleType]:
    """One of the five types."""
    return st.sampled_from(list(BundleType))


def uuids() -> st.SearchStrategy[str]:
    """Any 16 bytes as canonical text, lowercase or uppercase; a version 4 UUID often."""
    return st.one_of(st.uuids(), st.uuids(version=4)).flatmap(lambda u: st.sampled_from([str(u), str(u).upper()]))


def money() -> st.SearchStrategy[int]:
    """A price or charge in 0..max_amount: mostly everyday amounts, sometimes anything, or an end."""
    return st.one_of(st.integers(0, 100_000), st.integers(0, max_amount), st.sampled_from([0, 1, max_amount]))


def balances() -> st.SearchStrategy[int]:
    """A balance in -max_amount..max_amount, mostly near everyday charges."""
    return st.one_of(st.integers(-100, 200_000), st.integers(-max_amount, max_amount),
                     st.sampled_from([-max_amount, -1, 0, max_amount]))


@st.composite
def policies(draw: st.DrawFn) -> RenewalPolicy:
    """A valid policy: both month-end modes, terms of 1..12 months, any window that cannot
    reach the next one (sometimes the widest); the seed's default a quarter of the time."""
    if draw(st.integers(0, 3)) == 0:
        return RenewalPolicy()
    month_end = draw(st.sampled_from(list(MonthEnd)))
    term = draw(st.integers(1, 12))
    room = shortest_term_days(term)  # before + after < room
    shape = draw(st.integers(0, 7))
    cap = 9 if shape < 4 else room
    before = draw(st.integers(0, min(cap, room) - 1))
    rest = room - before
    after = rest - 1 if shape == 7 else draw(st.integers(0, min(cap, rest) - 1))
    return make_renewal_policy(month_end, term, before, after)


def price_lists() -> st.SearchStrategy[PriceList]:
    """A valid price list; types often share a price."""
    price = st.one_of(money(), st.sampled_from([0, 900, 1500]))
    return st.tuples(price, price, price, price, price).map(
        lambda ps: make_price_list({t: p for t, p in zip(BundleType, ps)}))


def requests() -> st.SearchStrategy[Request]:
    """A valid request body."""
    return st.builds(Request, bundle_types(), st.booleans())


def contexts(today: datetime.date, policy: Optional[RenewalPolicy] = None) -> st.SearchStrategy[Context]:
    """A valid context on today: with or without prices, with or without a balance."""
    pol = st.just(policy) if policy is not None else policies()
    return st.builds(Context, st.just(today), pol, st.one_of(st.none(), price_lists()),
                     st.one_of(st.none(), balances()))


@st.composite
def bundles(draw: st.DrawFn, policy: Optional[RenewalPolicy] = None) -> Bundle:
    """A bundle exactly as the rules make it: create() on a day, then renew() 0..30 times on
    each expiry day, so expires_on is on created_on's chain of terms."""
    p = policy if policy is not None else RenewalPolicy()
    start = draw(days())
    try:
        first_expiry(start, p)
    except RuleError:
        start -= datetime.timedelta(days=366)
    b = create(draw(requests()), draw(uuids()), Context(start, p)).bundle
    for _ in range(draw(st.one_of(st.integers(0, 3), st.integers(0, 30)))):
        try:
            b = renew(b, Context(b.expires_on, p)).bundle
        except RuleError:
            break
    return b


def policy_and_bundle() -> st.SearchStrategy[Tuple[RenewalPolicy, Bundle]]:
    """A policy and a bundle made under it."""
    return policies().flatmap(lambda p: st.tuples(st.just(p), bundles(p)))
