#!/usr/bin/env python3
"""The command-line runner of the conformance vectors: each API call (kind "call") replayed
through `voip-bundle create|update|renew`, and each success also through `voip-bundle quote`.

    python3 conformance/run_cli.py VOIP_BUNDLE [conformance/vectors.json]

A vector becomes one process: the body on standard input, `--today`, `--month-end`,
`--uuid`, `--store` (a file holding the vector's stored bundles, one line each), `--prices`
(a file) and `--balance`, and `--explain` (the failed rule's name on standard error). The
envelope printed must be the vector's, byte for byte, and the error named the vector's.
A success is then asked again as a quote, whose answer shows the charge and the whole
bundle (created_on too), which must be the vector's. Only the seed's policy can be given to
the command (`--month-end`): every call vector has it. Prints `cli: N passed, M failed (api
calls only)`; exit 1 on a failure.
"""
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

from vectors import Tally, exe_and_api_calls, text

SEED_WINDOW = (1, 3, 5)  # term_months, renew_days_before, renew_days_after: what the command decides with
NOTE = "voip-bundle: note: no --prices given: nothing was charged"


def store_line(b):
    """A stored bundle as the command's store holds it: the vector's members, in their order."""
    return json.dumps(b, separators=(",", ":"))


class Files:
    """The temporary store and price files of the run."""

    def __init__(self, folder):
        self.folder = folder
        self.prices = {}

    def prices_file(self, prices):
        key = json.dumps(prices, sort_keys=True)
        if key not in self.prices:
            path = os.path.join(self.folder, f"prices{len(self.prices)}.json")
            with open(path, "w", encoding="utf-8") as f:
                f.write(json.dumps(prices))
            self.prices[key] = path
        return self.prices[key]

    def store_file(self, vector):
        path = os.path.join(self.folder, vector["id"] + ".jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(store_line(b) + "\n" for b in vector["input"]["stored"])
        return path


def arguments(cli, vector, files, quote):
    i, c = vector["input"], vector["input"]["context"]
    p = c["policy"]
    if (p["term_months"], p["renew_days_before"], p["renew_days_after"]) != SEED_WINDOW:
        raise ValueError("the command decides with the seed's window only")
    args = [cli] + (["quote"] if quote else []) + [vector["op"], "--today", c["today"], "--month-end", p["month_end"],
                                                   "--uuid", i["uuid"], "--explain"]
    if vector["op"] != "create":
        args += ["--store", files.store_file(vector)]
    if c["prices"] is not None:
        args += ["--prices", files.prices_file(c["prices"])]
    if c["balance"] is not None:
        args += ["--balance", str(c["balance"])]
    return args


def run(cli, vector, files, quote=False):
    body = text(vector["input"]) if vector["op"] != "renew" else b""
    return subprocess.run(arguments(cli, vector, files, quote), input=body, capture_output=True, check=False)


def compare_call(want, done):
    """What differs between the vector's answer and the command's, or None."""
    if done.returncode != 0:
        return f"exit {done.returncode}: {done.stderr.decode(errors='replace').strip()}"
    if done.stdout != (want["envelope"] + "\n").encode():
        return "envelope " + done.stdout.decode(errors="replace").strip()
    errors = [line for line in done.stderr.decode(errors="replace").splitlines() if line != NOTE]
    if errors != ([want["error"]] if want["error"] else []):
        return f"error {errors}"
    return None


def compare_quote(want, done):
    if done.returncode != 0:
        return f"quote: exit {done.returncode}: {done.stderr.decode(errors='replace').strip()}"
    answer = json.loads(done.stdout)
    result = answer["result"]
    bundle = {k: result[k] for k in want["bundle"]}
    if answer["status_code"] != want["status"] or bundle != want["bundle"] or result["charge"] != want["charge"]:
        return f"quote {done.stdout.decode(errors='replace').strip()}"
    return None


def replay(cli, vector, files):
    want = vector["expect"]["result"]
    try:
        wrong = compare_call(want, run(cli, vector, files))
        if wrong is None and want["error"] is None:
            wrong = compare_quote(want, run(cli, vector, files, quote=True))
    except (OSError, ValueError) as e:
        wrong = f"{type(e).__name__}: {e}"
    return vector, wrong


def main():
    cli, calls = exe_and_api_calls(__doc__)
    tally = Tally("cli")
    with tempfile.TemporaryDirectory(prefix="voip-conformance-cli-") as folder:
        files = Files(folder)
        for v in calls:  # the price files, before the workers share them
            if v["input"]["context"]["prices"] is not None:
                files.prices_file(v["input"]["context"]["prices"])
        with ThreadPoolExecutor(max_workers=2) as pool:
            for vector, wrong in pool.map(lambda v: replay(cli, v, files), calls):
                if wrong is None:
                    tally.passed += 1
                else:
                    tally.fail(vector, wrong)
    return tally.finish("api calls only")


if __name__ == "__main__":
    sys.exit(main())
