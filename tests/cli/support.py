"""What the voip-bundle program's tests share: the program and seed folder (set by
cli_tests.py), fixed uuids and prices, running the program, store lines, expectations."""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from json_text import squeeze  # noqa: E402,F401  (the cases import it from here)

EXE = None   # the program, an absolute path
SEED = None  # tests/data/seed
UUID = "0fba8c48-99fc-4727-8ca7-c847376da415"
OTHER = "2c5e7a52-3c8f-4e0b-9d0e-6a1f0b7d9e41"
PRICES = '{"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300}'
UNPRICED = "voip-bundle: note: no --prices given: nothing was charged\n"  # stderr after a 2xx without --prices
HEADER = '{"voip_bundle_store":1,"month_end":"clamp"}\n'  # the first line of a store a create made


class Failed(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failed(what)


def run(args, stdin=b"", cwd=None, env=None):
    if isinstance(stdin, str):
        stdin = stdin.encode()
    p = subprocess.run([EXE] + args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, timeout=30,
                       env=None if env is None else dict(os.environ, **env))
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def seed(name):
    with open(os.path.join(SEED, name + ".json"), encoding="utf-8") as f:
        return f.read()


def unindent(text):
    return "\n".join(line.lstrip(" ") for line in text.split("\n"))


def line(uuid=UUID, created="2018-08-01", expires="2018-09-01", bundle_type=1, auto_renew=True):
    return json.dumps({"auto_renew": auto_renew, "bundle_type": bundle_type, "expires_on": expires, "uuid": uuid,
                       "created_on": created}, separators=(",", ":")) + "\n"


def write(path, text):
    with open(path, "wb") as f:
        f.write(text.encode() if isinstance(text, str) else text)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def expect_envelope_equals_seed(out, name):
    check(out.endswith("\n"), "output ends with a newline")
    body = out[:-1]
    check(unindent(body) == seed(name), f"pretty output equals seed {name}:\n{body}")


def expect_usage_error(args, stdin=b"", cwd=None, mention=None):
    code, out, err = run(args, stdin, cwd)
    check(code == 2, f"{args}: exit 2, got {code} (stderr {err!r})")
    check(out == "", f"{args}: nothing on stdout, got {out!r}")
    check(err.count("\n") == 1 and err.endswith("\n") and err.startswith("voip-bundle: "),
          f"{args}: one line on stderr, got {err!r}")
    if mention:
        check(mention in without_column(err), f"{args}: stderr mentions {mention!r}: {err!r}")
    return err


def without_column(err):
    """A store message without its ", column N" (case_store_positions checks columns)."""
    return re.sub(r"(line \d+), column \d+:", r"\1:", err)
