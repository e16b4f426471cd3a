#!/usr/bin/env python3
"""Branch coverage of include/ from a gcovr JSON report made WITHOUT --exclude-throw-branches.

gcovr's --exclude-throw-branches drops a branch per gcov file, before it merges the files;
gcov flags a branch "(throw)" only in a unit where its function ran. So a header's
exception edge, flagged in the units that ran it, stays in with a zero count from every unit
that included the header and never called it. Here the units are merged first (gcovr's JSON
already ORs the flag), then every branch flagged anywhere is left out.

  scripts/coverage_branches.py build/coverage/report/coverage.json --min 95

Prints the figure and each uncovered branch's file:line (docs/testing.md, "Coverage",
explains each); exits 1 below --min percent."""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("report", help="gcovr --json output")
    ap.add_argument("--min", type=float, default=0.0, help="fail below this branch percentage")
    args = ap.parse_args()
    with open(args.report, encoding="utf-8") as f:
        report = json.load(f)
    total = covered = 0
    missed: dict[str, dict[int, int]] = defaultdict(dict)
    for entry in report["files"]:
        for line in entry["lines"]:
            for branch in line.get("branches", []):
                if branch["throw"]:
                    continue
                total += 1
                if branch["count"] > 0:
                    covered += 1
                else:
                    at = missed[entry["file"]]
                    at[line["line_number"]] = at.get(line["line_number"], 0) + 1
    if total == 0:
        print("no branches in the report", file=sys.stderr)
        return 1
    percent = 100.0 * covered / total
    print(f"branches, exception edges left out after merging: {percent:.1f}% ({covered} out of {total})")
    for name in sorted(missed):
        lines = missed[name]
        where = ", ".join(f"{n}" + (f" (x{k})" if k > 1 else "") for n, k in sorted(lines.items()))
        print(f"  {name}: {sum(lines.values())} not taken, lines {where}")
    if percent < args.min:
        print(f"below {args.min}%", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
