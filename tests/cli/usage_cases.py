"""Usage: bad bodies and arguments, unknown words, --today's forms, help, version, explain, a
body from a terminal."""
import json
import os
import re
import subprocess

import support
from support import UUID, OTHER, UNPRICED, check, run, seed, line, write, read, expect_usage_error


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


def case_help_and_version(tmp):
    code, out, err = run(["--help"])
    check(code == 0 and "create" in out and "sweep" in out and "demo" in out, f"--help: {code}")
    code, out, err = run(["--version"])
    check(code == 0 and re.match(r"\d+\.\d+\.\d+", out.strip()), f"--version: {out!r}")


def case_explain(tmp):
    code, out, err = run(["create", "--today", "2018-08-01", "--explain"], '{"bundle_type": 1}')
    check(code == 0 and err == UNPRICED, "--explain says nothing on success")
    code, out, err = run(["create", "--today", "9999-12-15", "--explain"], '{"bundle_type": 1}')
    check(code == 0 and '"status_code":400' in out and err == "date_out_of_range\n", f"{out!r} {err!r}")


def case_body_from_terminal(tmp):
    """create and update read the body from standard input; a terminal there is a usage error, not a hang."""
    import pty
    store = os.path.join(tmp, "store.jsonl")
    write(store, line(uuid=OTHER))
    for args in (["create", "--today", "2018-08-01"],
                 ["update", "--today", "2018-08-01", "--uuid", UUID, "--store", store]):
        master, slave = pty.openpty()
        try:
            p = subprocess.run([support.EXE] + args, stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=10)
        finally:
            os.close(slave)
            os.close(master)
        err = p.stderr.decode()
        check(p.returncode == 2 and p.stdout == b"" and err.count("\n") == 1 and "standard input" in err,
              f"{args} with a terminal on stdin: {p.returncode} {err!r}")
    master, slave = pty.openpty()
    try:  # renew takes no body: a terminal on stdin is fine
        p = subprocess.run([support.EXE, "renew", "--today", "2018-08-01", "--uuid", UUID, "--store", store], stdin=slave,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=10)
    finally:
        os.close(slave)
        os.close(master)
    check(p.returncode == 0 and b'"status_code":404' in p.stdout, f"renew with a terminal on stdin: {p.stdout!r}")
