"""An example client: quote a renewal, renew if the balance allows, answer as the API would,
and sweep a day's bundles from numpy columns. Checked with `mypy --strict` by the tests.

    python3 python/examples/quote_client.py
"""
import datetime

import numpy as np

import voip_bundle as vb


def answer_renewal(bundle: vb.Bundle, context: vb.Context) -> str:
    """The renew call's envelope: the renewed bundle, or the rule that refused it."""
    try:
        quote = vb.quote_renew(bundle, context)  # the cost and the new dates, nothing spent
        print(f"renewal costs {vb.to_decimal_string(quote.charge)}, expires {quote.bundle.expires_on}")
        decision = vb.renew(bundle, context)
    except vb.RuleError as refusal:  # refusal.error: "insufficient_funds", refusal.status: 402
        return vb.to_string(vb.make_envelope(vb.Operation.renew, refusal), detail=vb.ErrorDetail.on)
    return vb.to_string(vb.make_envelope(vb.Operation.renew, decision))


def nightly_totals(expires_on: "np.ndarray[int, np.dtype[np.int32]]", auto_renew: "np.ndarray[int, np.dtype[np.bool_]]",
                   today: datetime.date) -> vb.SweepTotals:
    """How many bundles to renew and to archive today, from two columns."""
    return vb.sweep_totals(expires_on, auto_renew, today, vb.RenewalPolicy())


def main() -> None:
    prices = vb.make_price_list({vb.BundleType.business: 1500, vb.BundleType.residential: 900,
                                 vb.BundleType.fax_only: 500, vb.BundleType.trunk_only: 2000,
                                 vb.BundleType.forward_only: 300})
    bundle = vb.make_bundle(vb.parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415"), datetime.date(2018, 8, 1),
                            datetime.date(2018, 9, 1), vb.BundleType.business, True)
    context = vb.Context(datetime.date(2018, 8, 30), vb.RenewalPolicy(), prices, balance=1000)
    print(answer_renewal(bundle, context))
    state: vb.State = vb.state_on(bundle, context)
    print(state.name, sorted(op.name for op in vb.allowed_operations(state)))
    today = datetime.date(2018, 9, 3)
    expires = np.array([vb.day_count(today) + k for k in range(-10, 30)], dtype=np.int32)
    flags = np.arange(expires.size) % 3 != 0
    totals = nightly_totals(expires, flags, today)
    print(f"renew {totals.renew}, lapsed {totals.lapsed}, none {totals.none}")


if __name__ == "__main__":
    main()
