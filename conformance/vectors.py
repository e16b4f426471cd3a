"""Reading conformance/vectors.json and reporting a runner's result (conformance/README.md).

Shared by the Python runners (run_python.py, run_cli.py, run_sandbox.py); the standard
library only, so that it runs under any python3, the package's virtual environment or not.
"""
import base64
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "vectors.json")
MAX_SHOWN = 20  # failures printed in full before the summary line


def load(path=None):
    """The vectors of the file, after checking its header's count."""
    with open(path or DEFAULT, encoding="utf-8") as f:
        doc = json.load(f)
    if doc.get("format") != "voip-bundle conformance vectors" or doc.get("version") != 1:
        raise SystemExit(f"{path or DEFAULT}: not version 1 of the conformance vectors")
    if doc["count"] != len(doc["vectors"]):
        raise SystemExit(f"{path or DEFAULT}: count {doc['count']} but {len(doc['vectors'])} vectors")
    return doc["vectors"]


def text(inp, name="body"):
    """A text field as bytes: `name` (a string, sent as UTF-8) or `name`_base64."""
    if name in inp:
        return inp[name].encode("utf-8")
    return base64.b64decode(inp[name + "_base64"])


def is_api_call(v):
    """Whether an HTTP host can replay the vector: kind "call"."""
    return v["kind"] == "call"


class Tally:
    """Counts passes and failures, prints the first failures and the one summary line."""

    def __init__(self, runner):
        self.runner = runner
        self.passed = 0
        self.failed = 0

    def check(self, vector, got):
        if got == vector["expect"]:
            self.passed += 1
            return True
        self.fail(vector, json.dumps(got, sort_keys=True))
        return False

    def fail(self, vector, got):
        self.failed += 1
        if self.failed <= MAX_SHOWN:
            want = json.dumps(vector["expect"], sort_keys=True)
            print(f"FAIL {vector['id']}: want {want}, got {got}", flush=True)

    def finish(self, note=""):
        suffix = f" ({note})" if note else ""
        print(f"{self.runner}: {self.passed} passed, {self.failed} failed{suffix}", flush=True)
        return 0 if self.failed == 0 else 1


def exe_and_api_calls(usage):
    """The API-call runners' arguments, EXE [VECTORS]: the command's absolute path and the
    call vectors of the file (conformance/vectors.json by default); `usage` without EXE."""
    if len(sys.argv) < 2:
        raise SystemExit(usage)
    exe = os.path.abspath(sys.argv[1])
    return exe, [v for v in load(sys.argv[2] if len(sys.argv) > 2 else None) if is_api_call(v)]


def path_argument():
    return sys.argv[1] if len(sys.argv) > 1 else None
