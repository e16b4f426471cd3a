#!/usr/bin/env python3
"""Mutation testing of the rule headers (include/voip/bundle/): makes small faults in the
rules and checks that the test suites notice each one. Python's standard library only.

  scripts/mutate.py --list                          # the mutants, nothing run
  scripts/mutate.py --report build/mutation/report.txt        # the full run
  scripts/mutate.py --sample 60 --seed 7 --suites core        # a bounded random sample

Every mutant is compiled into one "schemata" build and selected at run time; mutants the
schemata cannot decide get a plain rebuild each (scripts/mutation/runner.py). The tree is
copied into --work first: the project's own files are never modified. docs/testing.md,
"Mutation testing", has the figures and the equivalent mutants (scripts/mutate-equivalent.txt).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mutation import report, schemata  # noqa: E402
from mutation.build import SUITES  # noqa: E402
from mutation.mutants import generate  # noqa: E402
from mutation.runner import SURVIVED, Runner  # noqa: E402

TOP = Path(__file__).resolve().parent.parent
# The rule headers, in the order of the brief of issue 11; json/ on request (--files).
CORE = ["term", "state", "operations", "charge", "renewal_policy", "money", "iso_date", "uuid", "sweep", "sweep_blocks",
        "envelope", "bundle", "request", "price_list", "context", "error", "bundle_type", "features"]


def default_files() -> list[str]:
    return [f"include/voip/bundle/{h}.hpp" for h in CORE]


def expand(files: list[str]) -> list[str]:
    out = []
    for f in files:
        p = Path(f)
        if not p.is_absolute() and not (TOP / p).exists():
            p = Path("include/voip/bundle") / (f if f.endswith(".hpp") else f + ".hpp")
        if p.is_absolute():
            p = p.resolve().relative_to(TOP)
        if (TOP / p).is_dir():
            out += sorted(str(q.relative_to(TOP)) for q in (TOP / p).glob("*.hpp"))
        else:
            out.append(str(p))
    return out


def read_equivalent(path: Path) -> dict[str, str]:
    """`<id>  <file>:<line>  # reason` per line: mutants that change no observable behaviour."""
    out: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                mid, _, rest = line.partition(" ")
                out[mid] = rest.partition("#")[2].strip()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", nargs="+", help="headers (paths, folders or names like term); default: the core rules")
    ap.add_argument("--sample", type=int, help="run a random sample of this many mutants")
    ap.add_argument("--seed", type=int, default=1, help="the sample's seed (default 1)")
    ap.add_argument("--jobs", type=int, default=2, help="parallel runs and compile jobs (default 2)")
    ap.add_argument("--list", action="store_true", help="print the mutants and exit")
    ap.add_argument("--report", help="write the results: .json for JSON, anything else for text")
    ap.add_argument("--suites", default="core,json,property,exhaustive",
                    help=f"test suites, cheapest first, from {','.join(SUITES)} (default all)")
    ap.add_argument("--timeout", type=float, default=60, help="most seconds per suite and mutant (default 60)")
    ap.add_argument("--work", default=str(TOP / "build" / "mutation"), help="copies and builds (default build/mutation)")
    ap.add_argument("--equivalent", default=str(TOP / "scripts" / "mutate-equivalent.txt"))
    ap.add_argument("--skip-equivalent", action="store_true", help="do not run the listed equivalent mutants")
    ap.add_argument("--skip-known", action="append", default=[],
                    help="do not run the mutants listed in this file (same format), e.g. scripts/mutate-survivors.txt")
    ap.add_argument("--rebuild", choices=("none", "constant", "all"), default="constant",
                    help="which mutants get a rebuild each: none; constant (default): those the schemata cannot "
                         "select (constant-only code, sites left out) and the schemata survivors in constexpr functions "
                         "(the schemata run the original there when it is constant-evaluated); all: also every "
                         "other schemata survivor, "
                         "which a test's static_assert may still kill")
    ap.add_argument("--only", nargs="+", metavar="ID", help="run these mutants alone (ids as the report prints them)")
    ap.add_argument("--rebuild-budget", type=float, help="stop starting rebuilds after this many seconds")
    args = ap.parse_args()

    files = expand(args.files) if args.files else default_files()
    texts = {f: (TOP / f).read_text() for f in files}
    mutants, sites = [], {}
    for f in files:
        ms, ss = generate(f, texts[f])
        mutants += ms
        sites[f] = ss
    # Numbered before sampling, and every site rendered: the schemata sources are the same
    # for any sample, so a later run reuses the build (scripts/check.d/50-mutation.sh).
    for number, m in enumerate(mutants):
        m.number = number
    schematised = {m.id for f in files for s in sites[f] for m in s.mutants}
    equivalent = read_equivalent(Path(args.equivalent))
    if args.skip_equivalent:
        mutants = [m for m in mutants if m.id not in equivalent]
    for known in args.skip_known:
        listed = read_equivalent(Path(known))
        mutants = [m for m in mutants if m.id not in listed]
    if args.only:
        unknown = set(args.only) - {m.id for m in mutants}
        if unknown:
            ap.error(f"no such mutant: {', '.join(sorted(unknown))}")
        mutants = [m for m in mutants if m.id in set(args.only)]
    if args.rebuild == "none":  # only what the schemata can run
        mutants = [m for m in mutants if m.id in schematised]
    if args.sample is not None and args.sample < len(mutants):
        chosen = set(random.Random(args.seed).sample(sorted(m.id for m in mutants), args.sample))
        mutants = [m for m in mutants if m.id in chosen]
    if args.list:
        sys.stdout.write(report.list_mutants(mutants, texts, schematised))
        print(f"{len(mutants)} mutants, {len(schematised)} in the schemata", file=sys.stderr)
        return 0

    start = time.monotonic()
    runner = Runner(TOP, Path(args.work).resolve(), args.suites.split(","), args.jobs, args.timeout)
    rebuild = runner.run_schemata(texts, sites, mutants) if schematised else list(mutants)
    if args.report and rebuild and args.rebuild != "none":  # the schemata's part, while the rebuilds run
        table = report.rows(mutants, runner.results, equivalent, texts)
        report.write(args.report + ".schemata.txt", table, report.summary(table, time.monotonic() - start))
    survived = [m for m in mutants if runner.results.get(m.id) and runner.results[m.id].status == SURVIVED]
    if args.rebuild == "all":
        rebuild += survived
    elif args.rebuild == "constant":  # a constexpr function's survivor may have run only as the original
        rebuild += [m for m in survived if m.in_constexpr and m.id not in equivalent]  # listed: reported as such
    if args.rebuild != "none":
        runner.run_rebuilds(rebuild, texts, args.rebuild_budget)
    table = report.rows(mutants, runner.results, equivalent, texts)
    figures = report.summary(table, time.monotonic() - start)
    text = report.text_report(table, figures)
    sys.stdout.write(text)
    if args.report:
        report.write(args.report, table, figures)
    stale = [r["id"] for r in table if r["id"] in equivalent and r["status"] != "equivalent"
             and r["status"] != "not_run"]
    if stale:
        print(f"listed as equivalent but {', '.join(stale)} did not survive: update {args.equivalent}", file=sys.stderr)
    return 1 if any(r["status"] == SURVIVED for r in table) else 0


if __name__ == "__main__":
    sys.exit(main())
