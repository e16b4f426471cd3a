"""The sweep: per bundle, over Bundle objects, and over buffers (numpy and array.array)
through the library's column sweep, with the GIL released."""
import array
import datetime as dt
import threading
import time

import numpy as np
import pytest

import voip_bundle as v

D = dt.date
SEED = v.RenewalPolicy()
TODAY = D(2018, 9, 3)


def bundles():
    out = []
    for i, offset in enumerate(range(-12, 12)):
        expires = TODAY + dt.timedelta(days=offset)
        out.append(v.make_bundle(v.make_uuid_v4(i), expires - dt.timedelta(days=31), expires, 1 + i % 5, i % 3 != 0))
    return out


def columns(bs):
    e = np.array([v.day_count(b.expires_on) for b in bs], dtype=np.int32)
    f = np.array([b.auto_renew for b in bs], dtype=np.bool_)
    return e, f


def test_sweep_action_agrees_with_state():
    for b in bundles():
        a = v.sweep_action(b, TODAY, SEED)
        assert a is v.sweep_action(expires_on=b.expires_on, auto_renew=b.auto_renew, day=TODAY, policy=SEED)
        assert (a is v.SweepAction.lapsed) == (v.state_on(b, TODAY, SEED) is v.State.lapsed)
        assert (a is v.SweepAction.renew) == (b.auto_renew and b.expires_on - dt.timedelta(3) <= TODAY <= b.expires_on + dt.timedelta(5))


def test_sweep_over_objects_reports_in_order():
    bs = bundles()
    seen = []
    totals = v.sweep(bs, TODAY, SEED, lambda b, a: seen.append((b, a)))
    expect = [(b, v.sweep_action(b, TODAY, SEED)) for b in bs if v.sweep_action(b, TODAY, SEED) is not v.SweepAction.none]
    assert seen == expect and all(any(b is s for s in bs) for b, _ in seen)  # the very objects passed
    assert totals.total() == len(bs) == v.sweep(iter(bs), TODAY, SEED).total()
    assert totals == v.sweep_totals(bs, TODAY, SEED)
    assert repr(totals).startswith("SweepTotals(none=")


def test_columns_numpy_and_array():
    bs = bundles()
    e, f = columns(bs)
    expect = v.sweep_totals(bs, TODAY, SEED)
    assert v.sweep_totals(e, f, TODAY, SEED) == expect
    assert v.sweep_totals(array.array("i", e.tolist()), bytearray(f.astype(np.uint8).tobytes()), TODAY, SEED) == expect
    assert v.sweep_totals(e.astype(np.int64), f.view(np.uint8), TODAY, SEED) == expect
    actions = np.frombuffer(v.sweep_actions(e, f, TODAY, SEED), dtype=np.uint8)
    assert actions.tolist() == [int(v.sweep_action(b, TODAY, SEED)) for b in bs]
    out = np.full(len(bs), 9, dtype=np.uint8)
    assert v.sweep_actions(e, f, TODAY, SEED, out=out) is out and out.tolist() == actions.tolist()


def test_big_columns_match_the_per_row_rule():
    rng = np.random.default_rng(7)
    e = (v.day_count(TODAY) + rng.integers(-10, 31, 100_003)).astype(np.int32)
    f = rng.random(100_003) < 0.7
    acts = np.frombuffer(v.sweep_actions(e, f, TODAY, SEED), np.uint8)
    t = v.sweep_totals(e, f, TODAY, SEED)
    assert (t.none, t.renew, t.lapsed) == tuple(int((acts == k).sum()) for k in range(3))
    for i in rng.integers(0, len(e), 200):
        assert acts[i] == v.sweep_action(expires_on=v.from_day_count(int(e[i])), auto_renew=bool(f[i]), day=TODAY, policy=SEED)


@pytest.mark.parametrize("e,f,error", [
    (np.zeros(3, np.float64), np.zeros(3, np.bool_), TypeError),
    (np.zeros(3, np.int32), np.zeros(3, np.int32), TypeError),
    (np.zeros(3, np.int32), np.array([0, 2, 1], np.uint8), ValueError),
    (np.zeros(3, np.int32), np.array([0, 2, 1], np.uint8).view(np.bool_), ValueError),  # a bool view of any byte
    (np.zeros(3, np.int32), np.zeros(4, np.bool_), ValueError),
    (np.zeros((2, 2), np.int32), np.zeros(4, np.bool_), ValueError),
    (np.zeros(6, np.int32)[::2], np.zeros(3, np.bool_), ValueError),
    (np.array([2**40], np.int64), np.zeros(1, np.bool_), ValueError),
    ([1, 2], [True, False], TypeError),
])
def test_bad_columns_are_refused(e, f, error):
    with pytest.raises(error):
        v.sweep_totals(e, f, TODAY, SEED)


def test_bad_out():
    e, f = columns(bundles())
    with pytest.raises(ValueError, match="out"):
        v.sweep_actions(e, f, TODAY, SEED, out=np.zeros(3, np.uint8))
    with pytest.raises((TypeError, BufferError)):
        v.sweep_actions(e, f, TODAY, SEED, out=bytes(len(e)))


def test_sweep_ranges_and_policy_errors():
    r = v.sweep_ranges(D(2018, 9, 3), SEED)
    assert (r.renew_first, r.renew_last, r.lapsed_before) == (v.day_count(D(2018, 8, 29)), v.day_count(D(2018, 9, 6)),
                                                              v.day_count(D(2018, 8, 29)))


def test_the_gil_is_released_during_a_column_sweep():
    e = np.full(20_000_000, v.day_count(TODAY), np.int32)
    f = np.ones(len(e), np.bool_)
    out = np.empty(len(e), np.uint8)
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.0002)
    t = threading.Thread(target=tick)
    t.start()
    try:
        time.sleep(0.01)
        start = time.perf_counter()
        v.sweep_actions(e, f, TODAY, SEED, out=out)
        end = time.perf_counter()
    finally:
        done.set()
        t.join()
    inside = [x for x in ticks if start + 0.002 < x < end - 0.002]
    assert end - start < 0.01 or len(inside) >= 2, (end - start, len(inside))
