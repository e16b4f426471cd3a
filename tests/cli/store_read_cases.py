"""Reading a store: corrupt lines and their positions, blank lines, line endings, the month-end
header."""
import json
import os

from support import (UUID, OTHER, HEADER, check, run, seed, line, write, read, expect_usage_error,
                     without_column)


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
