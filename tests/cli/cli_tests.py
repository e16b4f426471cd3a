#!/usr/bin/env python3
"""Tests of the voip-bundle program, one case per run (ctest runs each case on its own).

Usage: cli_tests.py --exe PATH --seed-dir DIR --case NAME   (or --case all)
"""
import argparse
import json
import os
import re
import resource
import signal
import stat
import subprocess
import sys
import tempfile

EXE = None
SEED = None
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


def squeeze(text):
    out, in_string, i = [], False, 0
    while i < len(text):
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\":
                i += 1
                out.append(text[i])
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif c not in " \n\t\r":
            out.append(c)
        i += 1
    return "".join(out)


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


# ----------------------------------------------------------------------------------------
# cases

DEMO_ORDER = ["create_201", "create_400", "update_200", "update_400", "update_402", "update_404",
              "renew_200", "renew_400", "renew_402", "renew_404"]


def case_demo_golden(tmp):
    code, out, err = run(["demo"])
    check(code == 0, f"demo exits 0, got {code}: {err}")
    check(err == "", f"demo writes nothing on stderr: {err!r}")
    sections = re.split(r"^# .*\n", out, flags=re.M)
    headers = re.findall(r"^# .*$", out, flags=re.M)
    check(sections[0] == "", "demo output starts with a header")
    envelopes = sections[1:]
    check(len(envelopes) == len(DEMO_ORDER), f"{len(DEMO_ORDER)} examples, got {len(envelopes)}")
    for name, header, envelope in zip(DEMO_ORDER, headers, envelopes):
        expect_envelope_equals_seed(envelope, name)
        check(f"-> {name[-3:]} " in header, f"header {header!r} names status {name[-3:]}")
    # every seed envelope is covered
    seeds = sorted(f[:-5] for f in os.listdir(SEED) if re.match(r".*_\d{3}\.json$", f))
    check(sorted(DEMO_ORDER) == seeds, f"demo covers every seed envelope: {seeds}")


def case_create_golden(tmp):
    args = ["create", "--today", "2018-08-01", "--uuid", UUID]
    code, out, err = run(args + ["--pretty"], seed("create_request"))
    check(code == 0 and err == UNPRICED, f"create exits 0, noting only that nothing was charged: {code} {err!r}")
    expect_envelope_equals_seed(out, "create_201")
    code, out, _ = run(args, seed("create_request"))
    check(out == squeeze(seed("create_201")) + "\n", f"compact create equals the squeezed seed: {out!r}")
    # the uuid may be given in upper case: output is lowercase
    code, out, _ = run(["create", "--today", "2018-08-01", "--uuid", UUID.upper()], seed("create_request"))
    check(out == squeeze(seed("create_201")) + "\n", "upper-case --uuid prints lowercase")


def case_update_golden(tmp):
    store = os.path.join(tmp, "store.jsonl")
    write(store, line(bundle_type=2, auto_renew=False))
    code, out, err = run(["update", "--today", "2018-08-17", "--uuid", UUID, "--store", store, "--pretty"],
                         seed("update_request"))
    check(code == 0 and err == UNPRICED, f"update exits 0, noting only that nothing was charged: {code} {err!r}")
    expect_envelope_equals_seed(out, "update_200")
    check(read(store) == line(bundle_type=2, auto_renew=False).encode(), "without --commit the store is unchanged")
    code, out, err = run(["update", "--today", "2018-08-17", "--uuid", UUID, "--store", store, "--commit"],
                         seed("update_request"))
    check(code == 0 and out == squeeze(seed("update_200")) + "\n", f"update --commit answers 200: {out!r} {err!r}")
    check(read(store) == line().encode(), f"--commit stored the update: {read(store)!r}")


def case_renew_golden(tmp):
    store = os.path.join(tmp, "store.jsonl")
    write(store, line(uuid=OTHER) + line(created="2018-07-01", expires="2018-08-01"))
    code, out, err = run(["renew", "--today", "2018-08-01", "--uuid", UUID, "--store", store, "--pretty"])
    check(code == 0 and err == UNPRICED, f"renew exits 0, noting only that nothing was charged: {code} {err!r}")
    expect_envelope_equals_seed(out, "renew_200")
    code, out, err = run(["renew", "--today", "2018-08-01", "--uuid", UUID, "--store", store, "--commit"])
    check(code == 0 and out == squeeze(seed("renew_200")) + "\n", f"renew --commit answers 200: {out!r}")
    check(read(store) == (line(uuid=OTHER) + line(created="2018-07-01", expires="2018-09-01")).encode(),
          f"--commit replaced only the renewed line: {read(store)!r}")
    # a second renewal in the same window is too early
    code, out, err = run(["renew", "--today", "2018-08-01", "--uuid", UUID, "--store", store, "--explain"])
    check(out == squeeze(seed("renew_400")) + "\n" and err == "outside_renewal_window\n", f"second renewal: {out!r} {err!r}")


def case_error_envelopes_golden(tmp):
    store = os.path.join(tmp, "store.jsonl")
    prices = os.path.join(tmp, "prices.json")
    write(prices, PRICES)
    write(store, line(created="2018-07-01", expires="2018-08-01", bundle_type=2, auto_renew=False))
    cases = [
        (["update", "--today", "2018-07-17", "--uuid", UUID], seed("update_request"), "update_200", None),
        (["update", "--today", "2018-07-17", "--uuid", UUID], '{"bundle_type": "1"}', "update_400",
         "bundle_type_not_integer"),
        (["update", "--today", "2018-07-17", "--uuid", "not-a-uuid"], seed("update_request"), "update_400",
         "malformed_uuid"),
        (["update", "--today", "2018-07-17", "--uuid", UUID, "--prices", prices, "--balance", "100"],
         seed("update_request"), "update_402", "insufficient_funds"),
        (["update", "--today", "2018-08-02", "--uuid", UUID], seed("update_request"), "update_402", "not_in_service"),
        (["update", "--today", "2018-07-17", "--uuid", OTHER], seed("update_request"), "update_404", "unknown_bundle"),
        (["renew", "--today", "2018-07-20", "--uuid", UUID], "", "renew_400", "outside_renewal_window"),
        (["renew", "--today", "2018-08-07", "--uuid", UUID], "", "renew_400", "outside_renewal_window"),
        (["renew", "--today", "2018-08-06", "--uuid", UUID], "", None, None),
        (["renew", "--today", "2018-07-29", "--uuid", UUID, "--prices", prices, "--balance", "899"], "", "renew_402",
         "insufficient_funds"),
        (["renew", "--today", "2018-07-29", "--uuid", UUID, "--prices", prices, "--balance", "900"], "", None, None),
        (["renew", "--today", "2018-07-29", "--uuid", OTHER], "", "renew_404", "unknown_bundle"),
        (["renew", "--today", "2018-07-29", "--uuid", "0fba8c4899fc47278ca7c847376da415"], "", "renew_400",
         "malformed_uuid"),
        (["create", "--today", "2018-08-01", "--uuid", OTHER], '{"bundle_type": 0}', "create_400",
         "bundle_type_out_of_range"),
    ]
    for args, body, expected, rule in cases:
        code, out, err = run(args + ["--store", store, "--pretty", "--explain"], body)
        check(code == 0, f"{args}: an envelope means exit 0, got {code} {err!r}")
        if expected is None:
            check('"status_code" : 200' in out and err == ("" if "--prices" in args else UNPRICED),
                  f"{args}: 200 without explanation: {out} {err!r}")
            continue
        if expected.endswith("_200"):
            expect_envelope_equals_seed(out.replace("2018-08-01", "2018-09-01"), expected)
        else:
            expect_envelope_equals_seed(out, expected)
        quiet = "" if "--prices" in args else UNPRICED  # a 2xx without a price list says so
        check(err == (rule + "\n" if rule else quiet), f"{args}: --explain prints {rule!r}, got {err!r}")


def case_body_errors(tmp):
    bodies = [
        ("", "invalid_json"),
        ("{", "invalid_json"),
        ('{"bundle_type": 1,}', "invalid_json"),
        ('{"bundle_type": 1, "bundle_type": 2}', "duplicate_member"),
        ('{"bundle_type": 1, "x": {"a": 1, "\\u0061": 2}}', "duplicate_member"),
        ('[{"bundle_type": 1}]', "body_not_object"),
        (b'{"bundle_type": 1, "x": "\xc0\xaf"}', "invalid_utf8"),
        ('{"bundle_type": 1, "x": "\\udc00"}', "invalid_utf8"),
        ('{"bundle_type": 1, "x": ' + "[" * 40 + "]" * 40 + "}", "nesting_too_deep"),
        ("[" * 100000, "body_too_large"),
        ('{"bundle_type": 1, "pad": "' + "x" * 20000 + '"}', "body_too_large"),
        ('{"bundle_type": null}', "bundle_type_null"),
        ('{"bundle_type": 1.0}', "bundle_type_not_integral"),
        ('{"bundle_type": 9223372036854775808}', "bundle_type_out_of_range"),
        ('{"bundle_type": 1, "auto_renew": "true"}', "auto_renew_not_boolean"),
        ('{"auto_renew": true}', "bundle_type_missing"),
    ]
    for body, rule in bodies:
        code, out, err = run(["create", "--today", "2018-08-01", "--explain"], body)
        check(code == 0, f"{body[:40]!r}: exit 0, got {code}")
        check(out == '{"result":{},"status_code":400,"status_message":"Bad Request"}\n', f"{body[:40]!r}: 400: {out!r}")
        check(err == rule + "\n", f"{body[:40]!r}: rule {rule}, got {err!r}")


def case_usage_errors(tmp):
    store = os.path.join(tmp, "store.jsonl")
    write(store, line())
    prices_bad = os.path.join(tmp, "prices_bad.json")
    write(prices_bad, '{"1": 1500}')
    body = seed("create_request")
    cases = [
        ([], None),
        (["frobnicate"], None),
        (["create", "--zone", "Mars/Olympus_Mons"], "--zone Mars/Olympus_Mons"),
        (["create", "--today", "2018-08-01", "--zone", "UTC"], "--zone"),
        (["create", "--today", "2018-13-01"], "--today"),
        (["create", "--today", "18-08-01"], "--today"),
        (["create", "--today", "2018-08-01", "--month-end", "round"], "--month-end"),
        (["create", "--today", "2018-08-01", "--balance", "1.5"], "--balance"),
        (["create", "--today", "2018-08-01", "--balance", "ten"], "--balance"),
        (["create", "--today", "2018-08-01", "--balance", "10000000000000000"], "--balance"),
        (["create", "--today", "2018-08-01", "--balance", ""], None),
        (["create", "--today", "2018-08-01", "--prices", os.path.join(tmp, "missing.json")], "--prices"),
        (["create", "--today", "2018-08-01", "--prices", prices_bad], "invalid_policy"),
        (["create", "--today", "2018-08-01", "--uuid", "xyz"], "malformed_uuid"),
        (["create", "--today", "2018-08-01", "--uuid", UUID, "--store", store], "already in store"),
        (["create", "--today", "2018-08-01", "--commit"], "--commit needs --store"),
        (["create", "--today", "2018-08-01", "--bogus"], None),
        (["create", "--today", "2018-08-01", "extra"], None),
        (["update", "--today", "2018-08-01", "--store", store], "--uuid"),
        (["renew", "--today", "2018-08-01"], "--uuid"),
        (["update", "--today", "2018-08-01", "--uuid", UUID], "--store"),
        (["renew", "--today", "2018-08-01", "--uuid", UUID], "--store"),
        (["quote", "update", "--today", "2018-08-01", "--uuid", UUID], "--store"),
        (["quote", "renew", "--today", "2018-08-01", "--uuid", UUID], "--store"),
        (["update", "--today", "2018-08-01", "--uuid", UUID, "--store", os.path.join(tmp, "none.jsonl")], "cannot open"),
        (["renew", "--today", "2018-08-01", "--uuid", UUID, "--store", tmp], None),
        (["quote"], None),
        (["quote", "renew", "--today", "2018-08-01", "--uuid", UUID, "--commit"], None),
        (["status", "--today", "2018-08-01", "--uuid", UUID], "--store"),
        (["status", "--today", "2018-08-01", "--store", store], "--uuid"),
        (["sweep", "--store", store, "--zone", "Nowhere"], "--zone Nowhere"),
        (["sweep", "--today", "2018-08-01"], "--store"),
        (["sweep", "--today", "2018-08-01", "--store", os.path.join(tmp, "none.jsonl")], "cannot open"),
        (["demo", "--today", "2018-08-01"], None),
    ]
    for args, mention in cases:
        expect_usage_error(args, body, mention=mention)
    check(read(store) == line().encode(), "usage errors leave the store alone")


def corrupt_lines():
    good = line()
    return [
        ("{not json}\n", "line 1: invalid_json"),
        (line(expires="2018-02-30"), "line 1: malformed_date"),
        (line(created="2018-09-01"), "line 1: invalid_bundle"),
        (line(bundle_type=9), "line 1: bundle_type_out_of_range"),
        ('{"auto_renew":true,"bundle_type":1,"expires_on":"2018-09-01","uuid":"x","created_on":"2018-08-01"}\n',
         "line 1: malformed_uuid"),
        (b'{"auto_renew":true,"bundle_type":1,"expires_on":"2018-09-01","uuid":"' + UUID.encode() +
         b'","created_on":"2018-08-01","n":"\xff"}\n', "line 1: invalid_utf8"),
        ('{"a":1,"a":2}\n', "line 1: duplicate_member"),
        ("[]\n", "line 1: body_not_object"),
        ("{" * 100000 + "\n", "line 1: body_too_large"),
        (good, "uuid " + UUID + " appears twice"),  # after the good line: a duplicate of the uuid acted on
    ]


def case_corrupt_store(tmp):
    store = os.path.join(tmp, "store.jsonl")
    for bad, mention in corrupt_lines():
        bad = bad.encode() if isinstance(bad, str) else bad
        prefix = line().encode() if "twice" in mention else b""
        other = line(uuid=OTHER).encode()
        content = other + prefix + bad + (b"" if bad.endswith(b"\n") else b"\n")
        write(store, content)
        where = mention.replace("line 1", "line 2") if "line 1" in mention else mention
        if "twice" in mention:
            where = "line 3: " + mention
        for args, body in [
            (["update", "--today", "2018-08-17", "--uuid", UUID, "--store", store, "--commit"], seed("update_request")),
            (["renew", "--today", "2018-08-30", "--uuid", UUID, "--store", store, "--commit"], ""),
            (["status", "--today", "2018-08-30", "--uuid", UUID, "--store", store], ""),
        ]:
            expect_usage_error(args, body, mention=where)
            check(read(store) == content, f"{args}: a corrupt store is left byte-identical")
        if "twice" not in mention:  # sweep does not look for duplicates (it streams)
            code, out, err = run(["sweep", "--today", "2018-09-10", "--store", store])
            check(code == 2 and err.count("\n") == 1 and where in without_column(err),
                  f"sweep over a corrupt store: {code} {err!r}")
            check("summary" not in out, "no summary after a corrupt line")
        create_args = ["create", "--today", "2018-08-01", "--store", store, "--commit"]
        if "twice" in mention:
            continue  # create acts on a new uuid: a duplicate of another is not its business
        expect_usage_error(create_args, seed("create_request"), mention=where)
        check(read(store) == content, "create on a corrupt store leaves it byte-identical")


def case_store_untouched_after_failure(tmp):
    store = os.path.join(tmp, "store.jsonl")
    prices = os.path.join(tmp, "prices.json")
    write(prices, PRICES)
    content = (line(uuid=OTHER) + line(bundle_type=2, auto_renew=False)).encode()
    write(store, content)
    before = os.stat(store)
    failing = [
        (["renew", "--today", "2018-08-17", "--uuid", UUID], ""),                       # 400 outside the window
        (["renew", "--today", "2018-08-30", "--uuid", UUID, "--prices", prices, "--balance", "10"], ""),  # 402
        (["update", "--today", "2018-08-17", "--uuid", UUID], '{"bundle_type": 7}'),    # 400 body
        (["update", "--today", "2018-08-17", "--uuid", "nope"], seed("update_request")),  # 400 uuid
        (["update", "--today", "2018-08-17", "--uuid", "2c5e7a52-0000-4e0b-9d0e-6a1f0b7d9e41"],
         seed("update_request")),                                                       # 404
        (["update", "--today", "2018-09-02", "--uuid", UUID], seed("update_request")),  # 402 not in service
        (["create", "--today", "2018-08-01"], '{"bundle_type": "2"}'),                  # 400
        (["create", "--today", "2018-08-01", "--prices", prices, "--balance", "0"], seed("create_request")),  # 402
    ]
    for args, body in failing:
        code, out, err = run(args + ["--store", store, "--commit"], body)
        check(code == 0 and '"result":{}' in out, f"{args}: an error envelope: {out!r}")
    for args, body in [(["renew", "--today", "2018-08-30", "--uuid", UUID, "--prices", os.path.join(tmp, "nope")], ""),
                       (["renew", "--today", "2018-08-30", "--uuid", UUID, "--balance", "x"], "")]:
        expect_usage_error(args + ["--store", store, "--commit"], body)
    after = os.stat(store)
    check(read(store) == content, "the store is byte-identical after failed commands")
    check((before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns), "the store was not rewritten")
    check(sorted(os.listdir(tmp)) == ["prices.json", "store.jsonl", "store.jsonl.lock"],
          f"no temp files left (the lock file stays): {os.listdir(tmp)}")
    # A commit that fails half way through writing (the file size limit stops the temp file
    # at 4 KiB; SIGXFSZ ignored so write() fails with EFBIG) leaves the store as it was.
    big = "".join(line(uuid="%08x-0000-4000-8000-000000000000" % i) for i in range(200))
    write(store, big + line(created="2018-07-01", expires="2018-08-01", uuid=OTHER))
    big_content = read(store)
    def limit_file_size():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    p = subprocess.run([EXE, "renew", "--today", "2018-08-01", "--uuid", OTHER, "--store", store, "--commit"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limit_file_size, timeout=30)
    err = p.stderr.decode()
    check(p.returncode == 2 and p.stdout == b"" and err.count("\n") == 1 and "cannot write" in err,
          f"a failed write is exit 2 with one line and no envelope: {p.returncode} {p.stdout!r} {err!r}")
    check(read(store) == big_content, "a commit that failed half way leaves the store byte-identical")
    check(sorted(os.listdir(tmp)) == ["prices.json", "store.jsonl", "store.jsonl.lock"],
          f"the temp file was removed (the lock file stays): {os.listdir(tmp)}")
    code, out, err = run(["renew", "--today", "2018-08-01", "--uuid", OTHER, "--store", store, "--commit"])
    check(code == 0 and len(read(store)) == len(big_content), f"the same commit without the limit succeeds: {err!r}")
    write(store, content)
    # A commit that cannot write leaves the store as it was (needs a non-root user: root ignores modes).
    if os.geteuid() != 0:
        os.chmod(tmp, 0o555)
        try:
            expect_usage_error(["renew", "--today", "2018-08-30", "--uuid", UUID, "--store", store, "--commit"], "",
                               mention="temp file")
        finally:
            os.chmod(tmp, 0o755)
        check(read(store) == content, "a commit that cannot write leaves the store byte-identical")


def case_commit_atomic(tmp):
    store = os.path.join(tmp, "store.jsonl")
    lines = [line(uuid=OTHER), line(created="2018-07-01", expires="2018-08-01")]
    write(store, "".join(lines)[:-1])  # the last line without its newline is accepted
    os.chmod(store, 0o600)
    inode = os.stat(store).st_ino
    code, out, err = run(["renew", "--today", "2018-07-30", "--uuid", UUID, "--store", store, "--commit"])
    check(code == 0 and '"status_code":200' in out, f"renew: {out!r} {err!r}")
    after = os.stat(store)
    check(after.st_ino != inode, "the store was replaced by rename, not rewritten in place")
    check(stat.S_IMODE(after.st_mode) == 0o600, f"permissions kept: {oct(after.st_mode)}")
    check(read(store) == (lines[0] + line(created="2018-07-01", expires="2018-09-01")).encode(), f"{read(store)!r}")
    check(sorted(os.listdir(tmp)) == ["store.jsonl", "store.jsonl.lock"], f"no temp file left: {os.listdir(tmp)}")
    # create --commit on a store that does not exist yet makes it
    new_store = os.path.join(tmp, "new.jsonl")
    code, out, err = run(["create", "--today", "2018-08-01", "--uuid", UUID, "--store", new_store, "--commit"],
                         seed("create_request"))
    check(code == 0 and read(new_store) == (HEADER + line()).encode(), f"create --commit made the store: {err!r}")
    # appending keeps every other line byte for byte
    code, out, err = run(["create", "--today", "2018-08-02", "--uuid", OTHER, "--store", new_store, "--commit"],
                         '{"bundle_type": 3}')
    check(read(new_store) == (HEADER + line() + line(uuid=OTHER, created="2018-08-02", expires="2018-09-02", bundle_type=3,
                                                     auto_renew=False)).encode(), f"{read(new_store)!r}")
    # every line of the committed store decodes back (a status for each)
    for u in (UUID, OTHER):
        code, out, err = run(["status", "--today", "2018-08-05", "--uuid", u, "--store", new_store])
        check(code == 0 and json.loads(out)["result"]["uuid"] == u, f"status after commit: {out!r}")


def case_create_random_uuid(tmp):
    seen = set()
    for _ in range(3):
        code, out, err = run(["create", "--today", "2018-08-01"], seed("create_request"))
        check(code == 0, f"create: {err}")
        u = json.loads(out)["result"]["uuid"]
        check(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", u), f"v4 uuid: {u}")
        seen.add(u)
    check(len(seen) == 3, "random uuids differ")


def case_quote(tmp):
    store = os.path.join(tmp, "store.jsonl")
    prices = os.path.join(tmp, "prices.json")
    write(prices, PRICES)
    write(store, line(bundle_type=2, auto_renew=False))
    content = read(store)
    code, out, err = run(["quote", "update", "--today", "2018-08-17", "--uuid", UUID, "--store", store, "--prices",
                          prices, "--balance", "100"], seed("update_request"))
    check(code == 0, err)
    q = json.loads(out)
    check(q["status_code"] == 200 and q["result"]["charge"] == 290 and q["result"]["affordable"] is False,
          f"the seed-style upgrade costs 600 x 15 / 31 = 290: {out}")
    check(q["result"]["expires_on"] == "2018-09-01" and q["result"]["bundle_type"] == 1, out)
    code, out, err = run(["quote", "renew", "--today", "2018-08-30", "--uuid", UUID, "--store", store, "--prices",
                          prices], "")
    q = json.loads(out)
    check(q["result"]["charge"] == 900 and q["result"]["expires_on"] == "2018-10-01" and "affordable" not in q["result"],
          out)
    code, out, err = run(["quote", "create", "--today", "2019-01-31", "--prices", prices, "--pretty"],
                         '{"bundle_type": 4}')
    q = json.loads(out)
    check(q["status_code"] == 201 and q["result"]["charge"] == 2000 and q["result"]["expires_on"] == "2019-02-28", out)
    code, out, err = run(["quote", "create", "--today", "2019-01-31", "--month-end", "overflow"], '{"bundle_type": 4}')
    check(json.loads(out)["result"]["expires_on"] == "2019-03-03", f"overflow mode: {out}")
    code, out, err = run(["quote", "renew", "--today", "2018-08-17", "--uuid", UUID, "--store", store, "--explain"])
    check(out == squeeze(seed("renew_400")) + "\n" and err == "outside_renewal_window\n", f"{out!r} {err!r}")
    check(read(store) == content, "a quote never writes")


def case_status(tmp):
    store = os.path.join(tmp, "store.jsonl")
    write(store, line(bundle_type=3, auto_renew=False) + line(uuid=OTHER))
    expectations = [("2018-08-28", "active", True, False), ("2018-08-29", "renewal_open", True, True),
                    ("2018-09-01", "grace", False, True), ("2018-09-06", "grace", False, True),
                    ("2018-09-07", "lapsed", False, False)]
    for day, state, in_service, renewable in expectations:
        code, out, err = run(["status", "--today", day, "--uuid", UUID, "--store", store])
        check(code == 0, err)
        r = json.loads(out)["result"]
        check((r["state"], r["in_service"], r["renewable"]) == (state, in_service, renewable), f"{day}: {r}")
        if state != "lapsed":  # a lapsed bundle shows neither (case_status_actions)
            check(r["renewal_window"] == {"first": "2018-08-29", "last": "2018-09-06"}, str(r))
            check(r["next_expiry"] == "2018-10-01", str(r))
        check(r["features"] == (["phone_numbers", "call_records", "efax", "caller_id"] if in_service else []), str(r))
    code, out, err = run(["status", "--today", "2018-08-01", "--uuid", "2c5e7a52-0000-4e0b-9d0e-6a1f0b7d9e41",
                          "--store", store, "--explain"])
    check(code == 0 and out == squeeze(seed("renew_404")) + "\n" and err == "unknown_bundle\n", f"{out!r} {err!r}")
    code, out, err = run(["status", "--today", "2018-08-01", "--uuid", "bad", "--store", store])
    check(code == 0 and '"status_code":400' in out, out)


def case_status_actions(tmp):
    """status says what can still be done; a lapsed bundle shows no window or next expiry it cannot use."""
    store = os.path.join(tmp, "store.jsonl")
    write(store, line())
    for day, actions in (("2018-08-28", ["update"]), ("2018-08-29", ["update", "renew"]), ("2018-09-01", ["renew"]),
                         ("2018-09-06", ["renew"]), ("2018-09-07", ["create_new_bundle"]), ("2030-01-01", ["create_new_bundle"])):
        code, out, err = run(["status", "--today", day, "--uuid", UUID, "--store", store])
        r = json.loads(out)["result"]
        check(code == 0 and r["actions"] == actions, f"{day}: actions {actions}: {out}")
        lapsed = actions == ["create_new_bundle"]
        check(("renewal_window" in r, "next_expiry" in r) == (not lapsed, not lapsed), f"{day}: window and next expiry: {r}")
    # what the actions promise holds: a lapsed bundle's renewal is refused, an open one's is not
    code, out, err = run(["renew", "--today", "2018-09-07", "--uuid", UUID, "--store", store])
    check(json.loads(out)["status_code"] == 400, out)
    code, out, err = run(["renew", "--today", "2018-09-06", "--uuid", UUID, "--store", store])
    check(json.loads(out)["status_code"] == 200, out)
    code, out, err = run(["update", "--today", "2018-09-01", "--uuid", UUID, "--store", store], seed("update_request"))
    check(json.loads(out)["status_code"] == 402, f"grace: no update, as the actions say: {out}")


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
            p = subprocess.Popen([EXE, "sweep", "--today", "2018-09-02", "--store", store], stdout=out_file,
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


def case_body_from_terminal(tmp):
    """create and update read the body from standard input; a terminal there is a usage error, not a hang."""
    import pty
    store = os.path.join(tmp, "store.jsonl")
    write(store, line(uuid=OTHER))
    for args in (["create", "--today", "2018-08-01"],
                 ["update", "--today", "2018-08-01", "--uuid", UUID, "--store", store]):
        master, slave = pty.openpty()
        try:
            p = subprocess.run([EXE] + args, stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=10)
        finally:
            os.close(slave)
            os.close(master)
        err = p.stderr.decode()
        check(p.returncode == 2 and p.stdout == b"" and err.count("\n") == 1 and "standard input" in err,
              f"{args} with a terminal on stdin: {p.returncode} {err!r}")
    master, slave = pty.openpty()
    try:  # renew takes no body: a terminal on stdin is fine
        p = subprocess.run([EXE, "renew", "--today", "2018-08-01", "--uuid", UUID, "--store", store], stdin=slave,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=10)
    finally:
        os.close(slave)
        os.close(master)
    check(p.returncode == 0 and b'"status_code":404' in p.stdout, f"renew with a terminal on stdin: {p.stdout!r}")


def case_explain(tmp):
    code, out, err = run(["create", "--today", "2018-08-01", "--explain"], '{"bundle_type": 1}')
    check(code == 0 and err == UNPRICED, "--explain says nothing on success")
    code, out, err = run(["create", "--today", "9999-12-15", "--explain"], '{"bundle_type": 1}')
    check(code == 0 and '"status_code":400' in out and err == "date_out_of_range\n", f"{out!r} {err!r}")


def case_help_and_version(tmp):
    code, out, err = run(["--help"])
    check(code == 0 and "create" in out and "sweep" in out and "demo" in out, f"--help: {code}")
    code, out, err = run(["--version"])
    check(code == 0 and re.match(r"\d+\.\d+\.\d+", out.strip()), f"--version: {out!r}")


def case_unknown_words(tmp):
    """Unknown commands, quote operations and options are named, with the closest valid one and the list."""
    err = expect_usage_error(["creat", "--today", "2018-08-01"], seed("create_request"))
    check("unknown command 'creat'" in err and "did you mean 'create'?" in err
          and "create|update|renew|quote|status|sweep|demo" in err, f"creat: {err!r}")
    err = expect_usage_error(["frobnicate"])
    check("unknown command 'frobnicate'" in err and "did you mean" not in err and "create|update" in err,
          f"a word near nothing gets the list only: {err!r}")
    err = expect_usage_error(["quote", "status", "--today", "2018-08-01"])
    check("'status' is not a quote subcommand" in err and "create|update|renew" in err, f"quote status: {err!r}")
    err = expect_usage_error(["quote", "renw", "--today", "2018-08-01"])
    check("did you mean 'renew'?" in err, f"quote renw: {err!r}")
    err = expect_usage_error(["create", "--date", "2018-08-01"], seed("create_request"))
    check("unknown option '--date' for create" in err and "did you mean '--today'?" in err and "required" not in err
          and "--month-end" in err, f"--date: {err!r}")
    err = expect_usage_error(["status", "--today", "2018-08-01", "--uuid", UUID, "--stor", "x"])
    check("unknown option '--stor' for status (did you mean '--store'?)" in err, f"--stor: {err!r}")
    err = expect_usage_error(["quote", "update", "--comit"], seed("update_request"))
    check("unknown option '--comit' for quote update" in err, f"a quote takes no --commit: {err!r}")
    err = expect_usage_error(["--pretty", "create"])
    check("unknown option '--pretty' for voip-bundle" in err, f"an option before the command: {err!r}")
    # a value that looks like an option is still a value
    store = os.path.join(tmp, "store.jsonl")
    write(store, line())
    code, out, err = run(["quote", "renew", "--today", "2018-08-30", "--uuid", UUID, "--store", store, "--balance", "-5"])
    check(code == 0 and '"status_code":200' in out, f"--balance -5: {code} {out!r} {err!r}")
    # help is a command: the same text as --help, for the program or one command
    code, out, err = run(["help"])
    _, want, _ = run(["--help"])
    check(code == 0 and out == want and "create" in out, f"help: {code} {err!r}")
    code, out, err = run(["help", "quote", "renew"])
    _, want, _ = run(["quote", "renew", "--help"])
    check(code == 0 and out == want and "--today" in out, f"help quote renew: {code} {err!r}")


def case_today_not_a_calendar_day(tmp):
    """--today that is shaped YYYY-MM-DD but names no day is told apart from a text of another shape."""
    for day in ("2018-02-30", "2019-02-29", "2018-13-01", "2018-00-10", "0000-01-01"):
        err = expect_usage_error(["create", "--today", day], seed("create_request"))
        check(f"--today {day}: not a calendar day" in err, f"{day}: {err!r}")
    for day in ("18-08-01", "2018-8-1", "2018/08/01", "2018-08-01x", "today"):
        err = expect_usage_error(["create", "--today", day], seed("create_request"))
        check(f"--today {day}: not YYYY-MM-DD" in err and "calendar" not in err, f"{day}: {err!r}")
    code, out, err = run(["create", "--today", "2020-02-29", "--uuid", UUID], seed("create_request"))
    check(code == 0 and '"expires_on":"2020-03-29"' in out, f"a leap day is a day: {out!r} {err!r}")


def case_today_in_zone(tmp):
    """Without --today the day is today's date in --zone (default UTC); VOIP_BUNDLE_NOW pins the clock for tests."""
    now = {"VOIP_BUNDLE_NOW": "2026-12-02T03:00:00Z"}
    body = seed("create_request")
    for zone, day in (("America/Los_Angeles", "2026-12-01"), ("UTC", "2026-12-02"), ("Asia/Tokyo", "2026-12-02"),
                      (None, "2026-12-02")):
        args = ["quote", "create", "--uuid", UUID] + (["--zone", zone] if zone else [])
        code, out, err = run(args, body, env=now)
        check(code == 0 and json.loads(out)["result"]["created_on"] == day, f"{zone}: {day}: {out!r} {err!r}")
    store = os.path.join(tmp, "store.jsonl")
    write(store, line(created="2026-11-01", expires="2026-12-01"))
    code, out, err = run(["sweep", "--store", store, "--zone", "America/Los_Angeles"], env=now)
    check(json.loads(out.splitlines()[-1])["summary"]["today"] == "2026-12-01", f"sweep in a zone: {out!r} {err!r}")
    code, out, err = run(["status", "--store", store, "--uuid", UUID, "--zone", "Pacific/Kiritimati"],
                         env={"VOIP_BUNDLE_NOW": "2026-11-30T09:59:59Z"})  # UTC+14: 23:59:59 on the 30th
    check(code == 0 and json.loads(out)["result"]["state"] == "renewal_open", f"status in a zone: {out!r} {err!r}")
    err = expect_usage_error(["quote", "create", "--zone", "Europe/Atlantis"], body, mention="--zone Europe/Atlantis")
    check("unknown time zone" in err, err)
    for bad in ("2026-12-02 03:00:00", "2026-12-02T03:00:00", "2026-12-02T24:00:00Z", "2026-02-30T03:00:00Z", ""):
        code, out, err = run(["quote", "create"], body, env={"VOIP_BUNDLE_NOW": bad})
        check(code == 2 and out == "" and "VOIP_BUNDLE_NOW" in err and err.count("\n") == 1, f"NOW={bad!r}: {err!r}")
    # the real clock: some day, and --today still wins over it
    code, out, err = run(["quote", "create"], body)
    check(code == 0 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", json.loads(out)["result"]["created_on"]), out)
    code, out, err = run(["quote", "create", "--today", "2018-08-01"], body, env=now)
    check(json.loads(out)["result"]["created_on"] == "2018-08-01", out)


def case_store_positions(tmp):
    """A bad store line is named by line, column (bytes from 1) and member."""
    store = os.path.join(tmp, "store.jsonl")
    status = ["status", "--today", "2018-08-17", "--uuid", UUID, "--store", store]
    good = line(uuid=OTHER)
    cases = [
        ('{"auto_renew":true,"bundle_type":1,}\n', "line 2, column 36: invalid_json"),
        ('{"auto_renew":true,\n', "line 2, column 20: invalid_json"),
        (b'{"auto_renew":true,"x":"\xff"}\n', "line 2, column 25: invalid_utf8"),
        (line().replace(',"created_on":"2018-08-01"', ""), "line 2: invalid_bundle: member created_on is missing"),
        (line().replace(',"uuid":"' + UUID + '"', ""), "line 2: invalid_bundle: member uuid is missing"),
        (line(expires="2018-02-30"), 'line 2, column 36: malformed_date: member expires_on "2018-02-30": not a calendar day'),
        (line(created="2018/08/01"), f'column {line().index(chr(34) + "created_on") + 1}: malformed_date: member created_on "2018/08/01": not YYYY-MM-DD'),
        (line(bundle_type=7), "line 2, column 20: bundle_type_out_of_range: member bundle_type"),
        (line().replace('"auto_renew":true', '"auto_renew":"yes"'), "line 2, column 2: auto_renew_not_boolean: member auto_renew"),
        (line().replace("}", ',"n":{"a":1,"\\u0061":2}}'), "duplicate_member: member a given twice"),
        (line().replace(UUID, "nope"), f'line 2, column {line().index(chr(34) + "uuid") + 1}: malformed_uuid: member uuid "nope" is not a canonical UUID'),
        (line(created="2018-09-01"), "line 2: invalid_bundle: created_on is not before expires_on"),
        ("[1]\n", "line 2, column 1: body_not_object"),
        (HEADER, "line 2, column 1: a store header belongs on line 1 only"),
    ]
    for bad, want in cases:
        bad = bad.encode() if isinstance(bad, str) else bad
        write(store, good.encode() + bad)
        err = expect_usage_error(status)
        check(want in err, f"{bad!r}: want {want!r}, got {err!r}")
    # the duplicate's column is its second copy's
    dup = line().replace("}", ',"n":{"a":1,"\\u0061":2}}')
    write(store, dup)
    err = expect_usage_error(status)
    check(f"line 1, column {dup.index(chr(92) + 'u0061')}: duplicate_member" in err, f"duplicate column: {err!r}")
    # a UTF-8 byte-order mark is named, and refused: the store is left as it is
    for content in (b"\xef\xbb\xbf" + line().encode(), good.encode() + b"\xef\xbb\xbf" + line().encode()):
        write(store, content)
        where = "line 1" if content.startswith(b"\xef") else "line 2"
        for args, body in ((status, ""), (["renew", "--today", "2018-08-30", "--uuid", UUID, "--store", store, "--commit"], ""),
                           (["sweep", "--today", "2018-08-30", "--store", store], "")):
            err = expect_usage_error(args, body)
            check(f"{where}, column 1: invalid_json: a UTF-8 byte-order mark" in err, f"BOM: {err!r}")
        check(read(store) == content, "a store with a byte-order mark is not rewritten")


def case_store_month_end(tmp):
    """A new store records its month-end policy in a header line; a conflicting --month-end is refused."""
    store = os.path.join(tmp, "store.jsonl")
    body = '{"auto_renew": true, "bundle_type": 1}'
    code, out, err = run(["create", "--today", "2019-01-31", "--uuid", UUID, "--store", store, "--commit",
                          "--month-end", "overflow"], body)
    check(code == 0 and json.loads(out)["result"]["expires_on"] == "2019-03-03", f"create overflow: {out!r} {err!r}")
    first = read(store).split(b"\n")[0]
    check(first == b'{"voip_bundle_store":1,"month_end":"overflow"}', f"the header records overflow: {read(store)!r}")
    # without --month-end the store's policy applies: overflow chains from the old expiry
    code, out, err = run(["quote", "renew", "--today", "2019-03-01", "--uuid", UUID, "--store", store])
    check(json.loads(out)["result"]["expires_on"] == "2019-04-03", f"the header's policy: {out!r} {err!r}")
    code, out, err = run(["status", "--today", "2019-03-01", "--uuid", UUID, "--store", store])
    check(json.loads(out)["result"]["renewal_window"]["first"] == "2019-02-28", f"status with the header's policy: {out!r}")
    code, out, err = run(["quote", "renew", "--today", "2019-03-01", "--uuid", UUID, "--store", store, "--month-end",
                          "overflow"])
    check(code == 0 and json.loads(out)["result"]["expires_on"] == "2019-04-03", "the same policy given is fine")
    content = read(store)
    for args, stdin in ((["renew", "--today", "2019-03-01", "--uuid", UUID, "--commit"], ""),
                        (["quote", "renew", "--today", "2019-03-01", "--uuid", UUID], ""),
                        (["update", "--today", "2019-02-01", "--uuid", UUID, "--commit"], body),
                        (["create", "--today", "2019-02-01", "--commit"], body),
                        (["status", "--today", "2019-03-01", "--uuid", UUID], ""),
                        (["sweep", "--today", "2019-03-01"], "")):
        err = expect_usage_error(args + ["--store", store, "--month-end", "clamp"], stdin)
        check("--month-end clamp conflicts with store" in err and "month_end overflow" in err, f"{args[0]}: {err!r}")
    check(read(store) == content, "a refused policy leaves the store as it was")
    # a commit keeps the header
    code, out, err = run(["renew", "--today", "2019-03-01", "--uuid", UUID, "--store", store, "--commit"])
    check(code == 0 and read(store).split(b"\n")[0] == first, f"the header stays: {read(store)!r}")
    code, out, err = run(["sweep", "--today", "2019-04-01", "--store", store])
    check(json.loads(out.splitlines()[-1])["summary"]["bundles"] == 1, f"the header is not a bundle: {out!r}")
    # an old store without a header: whatever is given, clamp by default; a commit adds no header
    old = line(created="2019-01-31", expires="2019-02-28")
    write(store, old)
    code, out, err = run(["quote", "renew", "--today", "2019-02-27", "--uuid", UUID, "--store", store])
    check(json.loads(out)["result"]["expires_on"] == "2019-03-31", f"an old store: clamp by default: {out!r}")
    code, out, err = run(["renew", "--today", "2019-02-27", "--uuid", UUID, "--store", store, "--commit"])
    check(read(store) == line(created="2019-01-31", expires="2019-03-31").encode(), f"no header added: {read(store)!r}")
    # an empty file is a new store: the first create writes the header (clamp by default)
    write(store, "")
    code, out, err = run(["create", "--today", "2019-01-31", "--uuid", UUID, "--store", store, "--commit"], body)
    check(read(store) == (HEADER + line(created="2019-01-31", expires="2019-02-28")).encode(), f"{read(store)!r}")
    # a header this program cannot read
    for header, want in (('{"voip_bundle_store":2,"month_end":"clamp"}', "voip_bundle_store must be 1"),
                         ('{"voip_bundle_store":1}', 'month_end must be "clamp" or "overflow"'),
                         ('{"voip_bundle_store":1,"month_end":"round"}', 'month_end must be "clamp" or "overflow"')):
        write(store, header + "\n" + line())
        err = expect_usage_error(["status", "--today", "2018-08-01", "--uuid", UUID, "--store", store])
        check("line 1, column 1: store header: " + want in err, f"{header}: {err!r}")


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


def case_line_endings(tmp):
    """A rewrite keeps each line's ending: CRLF stays CRLF, LF stays LF, blank lines as they were."""
    store = os.path.join(tmp, "store.jsonl")
    due = line(created="2018-07-01", expires="2018-08-01")
    renewed = line(created="2018-07-01", expires="2018-09-01")
    crlf = lambda text: text.replace("\n", "\r\n")
    write(store, line(uuid=OTHER) + "\r\n" + crlf(due) + "\n")
    code, out, err = run(["renew", "--today", "2018-07-30", "--uuid", UUID, "--store", store, "--commit"])
    check(code == 0, f"renew: {out!r} {err!r}")
    check(read(store) == (line(uuid=OTHER) + "\r\n" + crlf(renewed) + "\n").encode(), f"CRLF kept: {read(store)!r}")
    write(store, crlf(line(uuid=OTHER)) + due)
    code, out, err = run(["renew", "--today", "2018-07-30", "--uuid", UUID, "--store", store, "--commit"])
    check(read(store) == (crlf(line(uuid=OTHER)) + renewed).encode(), f"LF kept beside CRLF: {read(store)!r}")
    # an appended bundle takes the ending of the store's last line
    write(store, crlf(line(uuid=OTHER)))
    code, out, err = run(["create", "--today", "2018-08-01", "--uuid", UUID, "--store", store, "--commit"],
                         seed("create_request"))
    check(read(store) == crlf(line(uuid=OTHER) + line()).encode(), f"appended CRLF: {read(store)!r}")
    # the last line without an ending gets one when replaced (a text file ends in a newline)
    write(store, crlf(line(uuid=OTHER)) + due[:-1])
    code, out, err = run(["renew", "--today", "2018-07-30", "--uuid", UUID, "--store", store, "--commit"])
    check(read(store) == (crlf(line(uuid=OTHER)) + renewed).encode(), f"{read(store)!r}")


def case_unpriced_runs(tmp):
    """Without --prices nothing is charged, and every answer says so: quotes name the price list and balance used."""
    store = os.path.join(tmp, "store.jsonl")
    prices = os.path.join(tmp, "prices.json")
    write(prices, PRICES)
    write(store, line(bundle_type=2))
    base = ["--today", "2018-08-17", "--uuid", UUID, "--store", store]
    code, out, err = run(["quote", "update"] + base, seed("update_request"))
    r = json.loads(out)["result"]
    check(code == 0 and r["charge"] == 0 and r["prices"] is None and r["balance"] is None and "affordable" not in r,
          f"quote without --prices or --balance: {out}")
    code, out, err = run(["quote", "update"] + base + ["--prices", prices], seed("update_request"))
    r = json.loads(out)["result"]
    check(r["charge"] == 290 and r["prices"] == prices and r["balance"] is None, f"quote with --prices: {out}")
    code, out, err = run(["quote", "renew", "--today", "2018-08-30", "--uuid", UUID, "--store", store, "--balance", "7"])
    r = json.loads(out)["result"]
    check(r["prices"] is None and r["balance"] == 7 and r["affordable"] is True, f"quote with --balance only: {out}")
    odd = os.path.join(tmp, 'p"r\\ice\ts.json')
    write(odd, PRICES)
    code, out, err = run(["quote", "create", "--today", "2018-08-01", "--prices", odd], seed("create_request"))
    check(json.loads(out)["result"]["prices"] == odd, f"a file name is escaped: {out}")
    # create, update, renew: the envelope is the API's; standard error says nothing was charged
    for args, body in ((["update"] + base, seed("update_request")), (["renew", "--today", "2018-08-30", "--uuid", UUID,
                                                                      "--store", store], ""),
                       (["create", "--today", "2018-08-01"], seed("create_request"))):
        code, out, err = run(args, body)
        check(code == 0 and json.loads(out)["status_code"] in (200, 201) and err == UNPRICED, f"{args[0]}: {err!r}")
        code, out, err = run(args + ["--prices", prices], body)
        check(code == 0 and err == "", f"{args[0]} --prices: nothing on stderr: {err!r}")
    code, out, err = run(["update"] + base, '{"bundle_type": 9}')
    check(json.loads(out)["status_code"] == 400 and err == "", f"a 4xx charges nothing anyway: {err!r}")


def case_concurrent_commits(tmp):
    """Parallel committers serialise on the store's lock file: no update is lost."""
    store = os.path.join(tmp, "conc.jsonl")
    n = 20
    body = os.path.join(tmp, "body.json")
    write(body, '{"bundle_type":1}')
    procs = []
    for _ in range(n):  # the body from a file: every process runs at once, none waits on a pipe
        with open(body, "rb") as f:
            procs.append(subprocess.Popen([EXE, "create", "--today", "2018-08-01", "--store", store, "--commit"],
                                          stdin=f, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    os.unlink(body)
    printed = set()
    for p in procs:
        out, err = p.communicate(timeout=60)
        check(p.returncode == 0 and err == UNPRICED.encode(), f"parallel create: {p.returncode} {err!r}")
        printed.add(json.loads(out)["result"]["uuid"])
    lines = read(store).decode().splitlines()
    check(lines[0] + "\n" == HEADER, f"the first create wrote the header: {lines[0]!r}")
    lines = lines[1:]
    stored = {json.loads(x)["uuid"] for x in lines}
    check(len(lines) == n and len(stored) == n, f"{n} parallel creates give {n} lines with {n} uuids: {len(lines)} lines")
    check(stored == printed, "every printed uuid is in the store")
    # parallel renewals of different bundles of one store: each replaces its own line
    uuids = ["%08x-0000-4000-8000-000000000000" % i for i in range(10)]
    write(store, "".join(line(uuid=u, created="2018-07-01", expires="2018-08-01") for u in uuids))
    procs = [subprocess.Popen([EXE, "renew", "--today", "2018-07-30", "--uuid", u, "--store", store, "--commit"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for u in uuids]
    for p in procs:
        out, err = p.communicate(timeout=60)
        check(p.returncode == 0 and b'"status_code":200' in out, f"parallel renew: {out!r} {err!r}")
    check(read(store) == "".join(line(uuid=u, created="2018-07-01", expires="2018-09-01") for u in uuids).encode(),
          f"every parallel renewal landed: {read(store)!r}")
    check(sorted(os.listdir(tmp)) == ["conc.jsonl", "conc.jsonl.lock"], f"only the store and its lock: {os.listdir(tmp)}")


def run_to_full(args, stdin=b""):
    with open("/dev/full", "wb") as full:
        p = subprocess.run([EXE] + args, input=stdin, stdout=full, stderr=subprocess.PIPE, timeout=30)
    return p.returncode, p.stderr.decode("utf-8", "replace")


def case_stdout_full(tmp):
    """Standard output that cannot be written is exit 2 with one line, never exit 0."""
    if not os.path.exists("/dev/full"):
        print("skip: no /dev/full")
        return
    store = os.path.join(tmp, "store.jsonl")
    write(store, line())
    content = read(store)
    cases = [
        (["demo"], b""),
        (["create", "--today", "2018-08-01"], b'{"bundle_type":1}'),
        (["create", "--today", "2018-08-01", "--pretty"], b'{"bundle_type":0}'),  # a 400 envelope too
        (["quote", "create", "--today", "2018-08-01"], b'{"bundle_type":1}'),
        (["status", "--today", "2018-08-01", "--uuid", UUID, "--store", store], b""),
        (["renew", "--today", "2018-08-30", "--uuid", UUID, "--store", store], b""),
        (["sweep", "--today", "2018-08-30", "--store", store], b""),
    ]
    for args, body in cases:
        code, err = run_to_full(args, body)
        check(code == 2 and err.count("\n") == 1 and err.startswith("voip-bundle: cannot write standard output: ")
              and "No space left on device" in err, f"{args} > /dev/full: exit {code}, {err!r}")
        check("store was changed" not in err, f"{args}: nothing committed, nothing said: {err!r}")
    check(read(store) == content, "no command above wrote the store")
    # commit first, then print: the message says the store was changed
    code, err = run_to_full(["renew", "--today", "2018-08-30", "--uuid", UUID, "--store", store, "--commit"])
    check(code == 2 and err.count("\n") == 1 and "cannot write standard output" in err and "store was changed" in err,
          f"commit then a failed print: {code} {err!r}")
    check(read(store) == line(expires="2018-10-01").encode(), f"the commit was made: {read(store)!r}")


def case_symlinked_store(tmp):
    """A commit through a symbolic link updates the target and keeps the link."""
    data = os.path.join(tmp, "data")
    links = os.path.join(tmp, "links")
    os.mkdir(data)
    os.mkdir(links)
    target = os.path.join(data, "store.jsonl")
    write(target, line(created="2018-07-01", expires="2018-08-01"))
    link = os.path.join(links, "store.jsonl")
    os.symlink("../data/store.jsonl", link)  # relative to the link's directory
    code, out, err = run(["renew", "--today", "2018-07-30", "--uuid", UUID, "--store", link, "--commit"])
    check(code == 0 and '"status_code":200' in out, f"renew through a link: {code} {out!r} {err!r}")
    check(os.path.islink(link) and os.readlink(link) == "../data/store.jsonl", "the link is still a link")
    check(read(target) == line(created="2018-07-01", expires="2018-09-01").encode(), f"the target was updated: {read(target)!r}")
    check(sorted(os.listdir(links)) == ["store.jsonl"], f"nothing written beside the link: {os.listdir(links)}")
    check(sorted(os.listdir(data)) == ["store.jsonl", "store.jsonl.lock"], f"temp and lock beside the target: {os.listdir(data)}")
    # a link to a link
    link2 = os.path.join(tmp, "again.jsonl")
    os.symlink(link, link2)
    code, out, err = run(["create", "--today", "2018-08-01", "--uuid", OTHER, "--store", link2, "--commit"],
                         seed("create_request"))
    check(code == 0 and os.path.islink(link2) and os.path.islink(link), f"create through two links: {err!r}")
    check(read(target) == (line(created="2018-07-01", expires="2018-09-01") + line(uuid=OTHER)).encode(), f"{read(target)!r}")
    # a dangling link: create makes its target
    dangling = os.path.join(links, "new.jsonl")
    os.symlink("../data/new.jsonl", dangling)
    code, out, err = run(["create", "--today", "2018-08-01", "--uuid", UUID, "--store", dangling, "--commit"],
                         seed("create_request"))
    check(code == 0 and os.path.islink(dangling), f"create through a dangling link: {err!r}")
    check(read(os.path.join(data, "new.jsonl")) == (HEADER + line()).encode(), "the link's target was created")
    # messages name the store as given
    write(target, "{bad}\n")
    expect_usage_error(["renew", "--today", "2018-08-01", "--uuid", UUID, "--store", link, "--commit"],
                       mention="store " + link + " line 1: invalid_json")


def case_blank_lines_in_store(tmp):
    """Blank lines (a trailing "\\n\\n", whitespace-only lines) are skipped like CRLF is accepted, and kept on rewrite."""
    store = os.path.join(tmp, "store.jsonl")
    other = line(uuid=OTHER)
    content = other + "\n" + "  \t\r\n" + line(created="2018-07-01", expires="2018-08-01").replace("\n", "\r\n") + "\n"
    write(store, content)
    code, out, err = run(["status", "--today", "2018-07-30", "--uuid", UUID, "--store", store])
    check(code == 0 and json.loads(out)["result"]["state"] == "renewal_open", f"status over blank lines: {code} {err!r}")
    code, out, err = run(["sweep", "--today", "2018-07-30", "--store", store])
    check(code == 0 and json.loads(out.splitlines()[-1])["summary"]["bundles"] == 2, f"sweep skips blank lines: {out!r} {err!r}")
    code, out, err = run(["renew", "--today", "2018-07-30", "--uuid", UUID, "--store", store, "--commit"])
    check(code == 0 and '"status_code":200' in out, f"renew over blank lines: {out!r} {err!r}")
    check(read(store) == (other + "\n" + "  \t\r\n" + line(created="2018-07-01", expires="2018-09-01").replace("\n", "\r\n")
                          + "\n").encode(),
          f"the rewrite keeps the blank lines and replaces the bundle's, CRLF kept: {read(store)!r}")
    code, out, err = run(["create", "--today", "2018-08-01", "--uuid", "%08x-0000-4000-8000-000000000000" % 1,
                          "--store", store, "--commit"], '{"bundle_type":1}')
    check(code == 0 and read(store).count(b"\n") == 6, f"create appends after the blank lines: {read(store)!r}")
    # line numbers in messages count blank lines
    write(store, other + "\n\n{bad}\n")
    for args in (["status", "--today", "2018-08-01", "--uuid", UUID, "--store", store],
                 ["sweep", "--today", "2018-08-01", "--store", store]):
        code, out, err = run(args)
        check(code == 2 and "line 4, column 2: invalid_json" in err, f"{args[0]}: the bad line is line 4: {err!r}")


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




def case_cross_path(tmp):
    """The table tests/json/cross_path.cpp reads: the command answers each stored line as
    decode_bundle and the nlohmann adapter do (the same value or the same Error)."""
    table = os.path.join(os.path.dirname(SEED), "cross_path", "bundles.tsv")
    store = os.path.join(tmp, "store.jsonl")
    rows = 0
    with open(table, encoding="utf-8") as f:
        for row in f:
            if not row.strip() or row.startswith("#"):
                continue
            expected, text = row.rstrip("\n").split("\t", 1)
            rows += 1
            write(store, text + "\n")
            args = ["status", "--today", "2018-08-17", "--uuid", UUID, "--store", store]
            if expected == "ok":
                code, out, err = run(args)
                check(code == 0, f"{text}: {err}")
                got = json.loads(out)["result"]
                want = json.loads(text)
                for member in ("auto_renew", "bundle_type", "expires_on", "created_on"):
                    check(got[member] == want[member], f"{text}: {member} {got[member]!r}")
                check(got["uuid"] == want["uuid"].lower(), f"{text}: uuid {got['uuid']}")
            else:
                expect_usage_error(args, mention="line 1: " + expected)
    check(rows >= 30, f"the table has {rows} rows")


def oracle_charge(created, expires, today, mode, diff):
    """Every prepaid day at its term's share, terms built forward from created (clamp:
    anchored on created's day; overflow: PHP's +1 month from each boundary), rounded half
    up once. Python's own calendar, no code shared with the library."""
    import calendar
    import datetime
    from fractions import Fraction

    def add_month(d, anchor_day):
        y, m = (d.year, d.month + 1) if d.month < 12 else (d.year + 1, 1)
        if mode == "clamp":
            return datetime.date(y, m, min(anchor_day, calendar.monthrange(y, m)[1]))
        return datetime.date(y, m, 1) + datetime.timedelta(days=d.day - 1)

    bounds = [created]
    while bounds[-1] < expires:
        bounds.append(add_month(bounds[-1], created.day))
    check(bounds[-1] == expires, f"{expires} is on the chain from {created}")
    total = Fraction(0)
    for first, end in zip(bounds, bounds[1:]):
        start = max(first, today)
        if start < end:
            total += Fraction(diff * (end - start).days, (end - first).days)
    return int(total + Fraction(1, 2))  # half up; total >= 0


def case_charge_table(tmp):
    """RULES 7 as amended: every day of a renewed-early term, both month-end modes; quote
    update and update (no commit) charge what the definition says."""
    import datetime
    store = os.path.join(tmp, "store.jsonl")
    prices = os.path.join(tmp, "prices.json")
    write(prices, PRICES)
    body = '{"auto_renew": false, "bundle_type": 1}'
    checked = 0
    # (mode, created, old expiry, renewed on) -> the renewal moves expiry a term on
    for mode, created, old, renewed in [("clamp", "2018-08-01", "2018-09-01", "2018-08-29"),
                                        ("overflow", "2018-08-01", "2018-09-01", "2018-08-29"),
                                        ("clamp", "2018-01-31", "2018-02-28", "2018-02-25"),
                                        ("overflow", "2018-01-31", "2018-03-03", "2018-02-28")]:
        write(store, line(created=created, expires=old, bundle_type=2, auto_renew=False))
        code, out, err = run(["renew", "--today", renewed, "--uuid", UUID, "--store", store, "--commit",
                              "--month-end", mode])
        check(code == 0 and json.loads(out)["status_code"] == 200, f"renew {mode} {created}: {out} {err}")
        expires = datetime.date.fromisoformat(json.loads(out)["result"]["expires_on"])
        day = datetime.date.fromisoformat(renewed)
        while day < expires:
            want = oracle_charge(datetime.date.fromisoformat(created), expires, day, mode, 600)
            base = ["--today", day.isoformat(), "--uuid", UUID, "--store", store, "--prices", prices,
                    "--month-end", mode]
            code, out, err = run(["quote", "update"] + base + ["--balance", "100000"], body)
            q = json.loads(out)
            check(code == 0 and q["result"]["charge"] == want and q["result"]["affordable"] is True,
                  f"{mode} {created} renewed {renewed}, quote update on {day}: want {want}, {out} {err}")
            # update without --commit: the funds check at the charge exactly, and one short
            code, out, err = run(["update"] + base + ["--balance", str(want)], body)
            check(json.loads(out)["status_code"] == 200, f"update on {day} with {want}: {out}")
            code, out, err = run(["update"] + base + ["--balance", str(want - 1), "--explain"], body)
            check(json.loads(out)["status_code"] == 402 and err == "insufficient_funds\n",
                  f"update on {day} with {want - 1}: {out} {err}")
            day += datetime.timedelta(days=1)
            checked += 1
    check(checked > 100, f"{checked} days")
    # RULES 7's example, by its number.
    write(store, line(created="2018-08-01", expires="2018-10-01", bundle_type=2, auto_renew=False))
    code, out, err = run(["quote", "update", "--today", "2018-08-29", "--uuid", UUID, "--store", store, "--prices",
                          prices], body)
    check(json.loads(out)["result"]["charge"] == 658, out)


def case_affordable_zero_charge(tmp):
    """A downgrade costs nothing, so it is affordable whatever the balance: the command asks
    the library (voip::affordable), as update itself does."""
    store = os.path.join(tmp, "store.jsonl")
    prices = os.path.join(tmp, "prices.json")
    write(prices, PRICES)
    write(store, line(bundle_type=1, auto_renew=False))
    args = ["--today", "2018-08-17", "--uuid", UUID, "--store", store, "--prices", prices, "--balance", "-50"]
    code, out, err = run(["quote", "update"] + args, '{"bundle_type": 5}')
    q = json.loads(out)
    check(code == 0 and q["result"]["charge"] == 0 and q["result"]["affordable"] is True, out)
    code, out, err = run(["update"] + args, '{"bundle_type": 5}')
    check(json.loads(out)["status_code"] == 200, f"the update itself succeeds: {out}")
    code, out, err = run(["quote", "update"] + args, '{"bundle_type": 4}')  # dearer: 500 x 15 / 31
    q = json.loads(out)
    check(q["result"]["charge"] == 242 and q["result"]["affordable"] is False, out)


CASES = {name[5:]: fn for name, fn in globals().items() if name.startswith("case_")}


def main():
    global EXE, SEED
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--seed-dir", required=True)
    ap.add_argument("--case", required=True)
    a = ap.parse_args()
    EXE, SEED = os.path.abspath(a.exe), a.seed_dir
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
            except Failed as e:
                failed += 1
                print(f"FAIL {name}: {e}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
