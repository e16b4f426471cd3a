"""voip_bundle (the C++ rules through pybind11) against the alternatives a Python host has:
  1. per call: quote_renew + the renew envelope, against a careful pure-Python implementation
     of the same rule (pure_renew.py: datetime, calendar.monthrange, a C json encoder); goal >= 5x;
  2. batch: the sweep of 1M bundles from numpy columns (voip_bundle.sweep_totals) against the
     C++ column sweep itself (sweep_columns.cpp, g++ -O2, the same columns); goal >= 50 % of its speed.
Checks both sides agree before timing. Prints one table; --json FILE also writes the figures.

    scripts/check.d/60-python.sh   # once: builds the package into build/python/venv
    build/python/venv/bin/python benchmarks/python/bench_quote.py [--quick] [--json FILE]
"""
import argparse
import calendar
import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import timeit

import numpy as np

import voip_bundle as vb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pure_renew as pure  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PRICES = {1: 1500, 2: 900, 3: 500, 4: 2000, 5: 300}


def case_pairs(n, seed=20261207):
    """n (library bundle, context, pure bundle, pure context) cases: every policy shape, days
    inside and around the window, years near both ends of the range."""
    rnd = random.Random(seed)
    prices = vb.make_price_list(PRICES)
    out = []
    for _ in range(n):
        term, before = rnd.randint(1, 12), rnd.randint(0, 9)
        after = rnd.randint(0, min(9, vb.shortest_term_days(term) - before - 1))
        clamp = rnd.random() < 0.5
        policy = vb.make_renewal_policy(vb.MonthEnd.clamp if clamp else vb.MonthEnd.overflow, term, before, after)
        year = rnd.choice([rnd.randint(1900, 2400), rnd.randint(9990, 9999), rnd.randint(1, 3)])
        month = rnd.randint(1, 12)  # month ends favoured: the clamp's and the overflow's traps
        day = min(rnd.choice([1, 15, 28, 29, 30, 31]), calendar.monthrange(year, month)[1])
        created = datetime.date(year, month, day)
        try:
            b = vb.create(vb.Request(rnd.randint(1, 5), rnd.random() < 0.5), vb.make_uuid_v4(rnd.getrandbits(64)),
                          vb.Context(created, policy)).bundle
        except vb.RuleError:
            continue
        today = datetime.date.fromordinal(max(1, min(b.expires_on.toordinal() + rnd.randint(-before - 2, after + 2),
                                                     datetime.date.max.toordinal())))
        pb = pure.Bundle(str(b.uuid), b.created_on, b.expires_on, int(b.bundle_type), b.auto_renew)
        out.append((b, vb.Context(today, policy, prices), pb,
                    pure.Context(today, pure.Policy(clamp, term, before, after), dict(PRICES))))
    return out


def library_call(b, c):
    try:
        return vb.to_string(vb.make_envelope(vb.Operation.renew, vb.quote_renew(b, c)))
    except vb.RuleError as e:
        return vb.to_string(vb.make_envelope(vb.Operation.renew, e))


def check_agreement(n):
    cases = case_pairs(n)
    for b, c, pb, pc in cases:
        ours, theirs = library_call(b, c), pure.quote_and_answer(pb, pc)
        assert ours == theirs, (b, c, ours, theirs)
    return len(cases)


def per_call(repeats, number):
    """Median ns per call of each side on the README's renewal, runs interleaved."""
    b = vb.make_bundle("0fba8c48-99fc-4727-8ca7-c847376da415", datetime.date(2018, 8, 1), datetime.date(2018, 9, 1),
                       vb.BundleType.business, True)
    c = vb.Context(datetime.date(2018, 8, 30), vb.RenewalPolicy(), vb.make_price_list(PRICES))
    pb = pure.Bundle(str(b.uuid), b.created_on, b.expires_on, 1, True)
    pc = pure.Context(c.today, pure.Policy(), dict(PRICES))
    op = vb.Operation.renew
    sides = {
        "voip_bundle": lambda: vb.to_string(vb.make_envelope(op, vb.quote_renew(b, c))),
        "pure Python": lambda: pure.renew_envelope(pure.quote_renew(pb, pc)[0]),
        "voip_bundle quote_renew alone": lambda: vb.quote_renew(b, c),
        "pure Python quote_renew alone": lambda: pure.quote_renew(pb, pc),
    }
    assert sides["voip_bundle"]() == sides["pure Python"]()
    times = {k: [] for k in sides}
    for _ in range(repeats):
        for k, f in sides.items():
            times[k].append(timeit.timeit(f, number=number) / number * 1e9)
    return {k: statistics.median(v) for k, v in times.items()}


def columns(n, today, seed=20261127):
    """As benchmarks/bench_sweep.cpp: expiries spread over [today - 10, today + 30], 70 % auto-renew."""
    rng = np.random.default_rng(seed)
    e = (vb.day_count(today) + rng.integers(-10, 31, n)).astype(np.int32)
    return e, rng.random(n) < 0.7


def batch(n, repeats):
    today = datetime.date(2018, 9, 3)
    e, f = columns(n, today)
    policy = vb.RenewalPolicy()
    py_ns = []
    for _ in range(repeats):
        start = timeit.default_timer()
        totals = vb.sweep_totals(e, f, today, policy)
        py_ns.append((timeit.default_timer() - start) * 1e9)
    work = os.path.join(ROOT, "build", "python", "bench")
    os.makedirs(work, exist_ok=True)
    exe = os.path.join(work, "sweep_columns")
    subprocess.run(["g++", "-std=c++17", "-O2", "-I", os.path.join(ROOT, "include"),
                    os.path.join(os.path.dirname(os.path.abspath(__file__)), "sweep_columns.cpp"), "-o", exe], check=True)
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        e.tofile(os.path.join(tmp, "e.bin"))
        f.astype(np.uint8).tofile(os.path.join(tmp, "f.bin"))
        out = subprocess.run([exe, os.path.join(tmp, "e.bin"), os.path.join(tmp, "f.bin"), str(vb.day_count(today)),
                              str(repeats)], check=True, capture_output=True, text=True).stdout.split()
    cpp_ns, counts = float(out[0]), [int(x) for x in out[1:]]
    assert counts == [totals.none, totals.renew, totals.lapsed, totals.invalid], (counts, totals)
    return {"bundles": n, "voip_bundle ns": statistics.median(py_ns), "C++ ns": cpp_ns}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions, to try it out")
    ap.add_argument("--json", help="also write the figures to this file")
    a = ap.parse_args()
    load_before = os.getloadavg()
    agreed = check_agreement(300 if a.quick else 5000)
    calls = per_call(3 if a.quick else 9, 5_000 if a.quick else 40_000)
    sweep = batch(1_000_000, 5 if a.quick else 31)
    load_after = os.getloadavg()
    call_ratio = calls["pure Python"] / calls["voip_bundle"]
    sweep_share = sweep["C++ ns"] / sweep["voip_bundle ns"]
    print(f"agreement: {agreed} cases, identical envelopes")
    print("| measure | voip_bundle | reference | ratio | goal |\n|---|---|---|---|---|")
    print(f"| quote_renew + envelope, per call | {calls['voip_bundle']:.0f} ns | pure Python {calls['pure Python']:.0f} ns "
          f"| {call_ratio:.1f}x faster | >= 5x |")
    print(f"| quote_renew alone, per call | {calls['voip_bundle quote_renew alone']:.0f} ns | "
          f"pure Python {calls['pure Python quote_renew alone']:.0f} ns | "
          f"{calls['pure Python quote_renew alone'] / calls['voip_bundle quote_renew alone']:.1f}x faster | |")
    print(f"| sweep of 1M bundles from numpy columns | {sweep['voip_bundle ns'] / 1e6:.2f} ms | C++ column sweep "
          f"{sweep['C++ ns'] / 1e6:.2f} ms | {100 * sweep_share:.0f} % of its speed | >= 50 % |")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} ({os.cpu_count()} CPUs)")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as out:
            json.dump({"calls_ns": calls, "sweep": sweep, "agreement_cases": agreed,
                       "load": [load_before, load_after]}, out, indent=2)


if __name__ == "__main__":
    main()
