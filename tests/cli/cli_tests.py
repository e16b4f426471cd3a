#!/usr/bin/env python3
"""Tests of the voip-bundle program, one case per run (ctest runs each case on its own).
The cases live by theme in *_cases.py (each a function case_NAME(tmp)); support.py holds
what they share.

Usage: cli_tests.py --exe PATH --seed-dir DIR --case NAME   (or --case all)
"""
import argparse
import os
import sys
import tempfile

import command_cases
import golden_cases
import store_read_cases
import store_write_cases
import support
import sweep_cases
import usage_cases

MODULES = (golden_cases, usage_cases, store_read_cases, store_write_cases, command_cases, sweep_cases)
CASES = {name[5:]: fn for m in MODULES for name, fn in vars(m).items() if name.startswith("case_")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--seed-dir", required=True)
    ap.add_argument("--case", required=True)
    a = ap.parse_args()
    support.EXE, support.SEED = os.path.abspath(a.exe), a.seed_dir
    names = sorted(CASES) if a.case == "all" else [a.case]
    failed = 0
    for name in names:
        if name not in CASES:
            print(f"unknown case {name}", file=sys.stderr)
            return 2
        with tempfile.TemporaryDirectory(prefix="voip-cli-") as tmp:
            try:
                CASES[name](tmp)
                print(f"ok   {name}")
            except support.Failed as e:
                failed += 1
                print(f"FAIL {name}: {e}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
