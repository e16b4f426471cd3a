"""The sweep: its report, progress on a big store, the whole store checked first, its errors."""
import json
import os
import subprocess

import support
from support import UUID, OTHER, check, run, line, write


def case_sweep(tmp):
    store = os.path.join(tmp, "store.jsonl")
    today = "2018-09-02"
    # expires_on relative to today, auto_renew -> expected action
    rows = [
        ("2018-09-06", True, "none"),    # active (window opens 09-03)
        ("2018-09-05", True, "renew"),   # renewal open
        ("2018-09-05", False, "none"),
        ("2018-09-02", True, "renew"),   # grace, first day
        ("2018-08-28", True, "renew"),   # grace, last day
        ("2018-08-28", False, "none"),
        ("2018-08-27", True, "lapsed"),  # past the window, whatever the flag
        ("2018-08-27", False, "lapsed"),
    ]
    content, expected = "", []
    for i, (expires, auto, action) in enumerate(rows):
        u = "%08x-0000-4000-8000-000000000000" % i
        content += line(uuid=u, created="2018-07-01", expires=expires, auto_renew=auto, bundle_type=1 + i % 5)
        if action != "none":
            expected.append({"uuid": u, "action": action, "expires_on": expires, "auto_renew": auto,
                             "bundle_type": 1 + i % 5})
    write(store, content)
    code, out, err = run(["sweep", "--today", today, "--store", store])
    check(code == 0 and err == "", f"sweep: {code} {err!r}")
    got = [json.loads(x) for x in out.splitlines()]
    check(got[:-1] == expected, f"one line per bundle needing action, in store order:\n{out}")
    check(got[-1] == {"summary": {"today": today, "bundles": 8, "none": 3, "renew": 3, "lapsed": 2}}, str(got[-1]))
    write(store, "")
    code, out, err = run(["sweep", "--today", today, "--store", store])
    check(json.loads(out) == {"summary": {"today": today, "bundles": 0, "none": 0, "renew": 0, "lapsed": 0}}, out)


def case_sweep_progress(tmp):
    """A progress bar on standard error only when it is a terminal and the store is large."""
    import pty
    small = os.path.join(tmp, "small.jsonl")
    large = os.path.join(tmp, "large.jsonl")
    write(small, line())
    one = line(expires="2018-09-05").encode()
    with open(large, "wb") as f:
        f.write(one * ((64 << 20) // len(one) + 1))  # just over 64 MiB

    def sweep_with_tty_stderr(store):
        master, slave = pty.openpty()
        out_path = os.path.join(tmp, "sweep.out")
        with open(out_path, "wb") as out_file:  # a file, not a pipe: nobody reads it meanwhile
            p = subprocess.Popen([support.EXE, "sweep", "--today", "2018-09-02", "--store", store], stdout=out_file,
                                 stderr=slave)
        os.close(slave)
        err = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            err += chunk
        p.wait(timeout=60)
        os.close(master)
        with open(out_path, "rb") as f:
            out = f.read()
        os.unlink(out_path)
        return p.returncode, out.decode(), err.decode()

    code, out, err = sweep_with_tty_stderr(large)
    n = (64 << 20) // len(one) + 1
    check(code == 0, f"sweep: {code}")
    check(json.loads(out.splitlines()[-1])["summary"]["renew"] == n, "every bundle renewable")
    check("sweep: 100% (" + str(n) + " bundles)" in err and "\r" in err, f"a progress bar on a terminal: {err[-200:]!r}")
    code, out, err = sweep_with_tty_stderr(small)
    check(code == 0 and err == "", f"no progress bar for a small store: {err!r}")
    code, out, err = run(["sweep", "--today", "2018-09-02", "--store", large])
    check(code == 0 and err == "", f"no progress bar when standard error is not a terminal: {err[:200]!r}")


def case_sweep_checks_first(tmp):
    """sweep reads the whole store before it prints an action: a bad line anywhere prints nothing."""
    store = os.path.join(tmp, "store.jsonl")
    renewable = "".join(line(uuid="%08x-0000-4000-8000-000000000000" % i, expires="2018-09-01") for i in range(5))
    for bad, want in (("{bad}\n", "line 6, column 2: invalid_json"), (line(uuid="%08x-0000-4000-8000-000000000000" % 0),
                                                                       "line 6: uuid")):
        write(store, renewable + bad)
        args = ["sweep", "--today", "2018-09-01", "--store", store] + (["--check-duplicates"] if "uuid" in want else [])
        code, out, err = run(args)
        check(code == 2 and out == "" and err.count("\n") == 1 and want in err, f"{want}: {code} {out!r} {err!r}")
    write(store, renewable)
    code, out, err = run(["sweep", "--today", "2018-09-01", "--store", store])
    check(code == 0 and len(out.splitlines()) == 6, f"a good store is swept: {out!r}")


def case_sweep_errors(tmp):
    """sweep's read error names the reason; duplicates are reported per copy unless --check-duplicates."""
    code, out, err = run(["sweep", "--today", "2018-08-01", "--store", tmp])  # a directory: read() fails
    check(code == 2 and err.count("\n") == 1 and "read error: Is a directory" in err, f"sweep read error: {err!r}")
    store = os.path.join(tmp, "store.jsonl")
    write(store, line(expires="2018-08-05") + line(uuid=OTHER) + line(expires="2018-08-05"))
    code, out, err = run(["sweep", "--today", "2018-08-03", "--store", store])
    got = [json.loads(x) for x in out.splitlines()]
    check(code == 0 and [g.get("uuid") for g in got[:-1]] == [UUID, UUID] and got[-1]["summary"]["bundles"] == 3,
          f"without --check-duplicates each copy is swept (documented): {out!r}")
    code, out, err = run(["sweep", "--today", "2018-08-03", "--store", store, "--check-duplicates"])
    check(code == 2 and err.count("\n") == 1 and "line 3: uuid " + UUID + " appears twice" in err and "summary" not in out,
          f"--check-duplicates stops at the second copy: {code} {out!r} {err!r}")
    write(store, line(expires="2018-08-05") + line(uuid=OTHER))
    code, out, err = run(["sweep", "--today", "2018-08-03", "--store", store, "--check-duplicates"])
    check(code == 0 and json.loads(out.splitlines()[-1])["summary"]["bundles"] == 2, f"no duplicates: {out!r} {err!r}")
