"""A careful pure-Python implementation of quote_renew and the renew envelope, the
reference bench_quote.py measures voip_bundle against. The same rule as the library's
(RULES 3, 4, 8): inside [expires_on - before, expires_on + after] only, one term after the
old expiry (clamp: created_on's day of month, clamped; overflow: the old expiry's day,
rolling into the next month), the type's price per term, date_out_of_range past 9999-12-31;
the envelope with the seed's members in order, compact. Careful means: slotted frozen
values, day ordinals instead of timedelta objects, a reused C JSON encoder, uuids kept as
text. bench_quote.py checks it against the library on thousands of cases before timing."""
import calendar
import datetime
import json
from dataclasses import dataclass, replace
from typing import Dict, Optional, Tuple

ENCODER = json.JSONEncoder(separators=(",", ":"))  # built once: json.dumps(..., separators=) builds one a call


@dataclass(frozen=True, slots=True)
class Bundle:
    uuid: str
    created_on: datetime.date
    expires_on: datetime.date
    bundle_type: int
    auto_renew: bool


@dataclass(frozen=True, slots=True)
class Policy:
    clamp: bool = True
    term_months: int = 1
    renew_days_before: int = 3
    renew_days_after: int = 5


@dataclass(frozen=True, slots=True)
class Context:
    today: datetime.date
    policy: Policy
    prices: Optional[Dict[int, int]]


class Refused(Exception):
    def __init__(self, error: str, status: int) -> None:
        super().__init__(error, status)
        self.error, self.status = error, status


def quote_renew(b: Bundle, c: Context) -> Tuple[Bundle, int]:
    p = c.policy
    e = b.expires_on
    e_ordinal = e.toordinal()
    if not e_ordinal - p.renew_days_before <= c.today.toordinal() <= e_ordinal + p.renew_days_after:
        raise Refused("outside_renewal_window", 400)
    month = e.month - 1 + p.term_months
    year = e.year + month // 12
    month = month % 12 + 1
    if year > 9999:
        raise Refused("date_out_of_range", 400)
    last = calendar.monthrange(year, month)[1]
    if p.clamp:
        new = datetime.date(year, month, min(b.created_on.day, last))
    elif e.day <= last:
        new = datetime.date(year, month, e.day)
    else:  # overflow: the missing days roll into the next month (never past December 9999's 31 days)
        new = datetime.date.fromordinal(datetime.date(year, month, last).toordinal() + e.day - last)
    price = c.prices[b.bundle_type] if c.prices is not None else 0
    return replace(b, expires_on=new), price


def renew_envelope(b: Bundle) -> str:
    return ENCODER.encode({"result": {"auto_renew": b.auto_renew, "bundle_type": b.bundle_type,
                                      "expires_on": b.expires_on.isoformat(), "uuid": b.uuid},
                           "status_code": 200, "status_message": "OK"})


def error_envelope(e: Refused) -> str:
    message = {400: "Bad Request", 402: "Payment Required", 404: "Not Found"}[e.status]
    return ENCODER.encode({"result": {}, "status_code": e.status, "status_message": message})


def quote_and_answer(b: Bundle, c: Context) -> str:
    """The measured call: quote the renewal and write its envelope."""
    try:
        return renew_envelope(quote_renew(b, c)[0])
    except Refused as e:
        return error_envelope(e)
