"""Golden outputs: the demo and each command's envelopes equal the seed examples byte for byte."""
import os
import re

import support
from support import (UUID, OTHER, PRICES, UNPRICED, check, run, seed, squeeze, line, write, read,
                     expect_envelope_equals_seed)


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
    seeds = sorted(f[:-5] for f in os.listdir(support.SEED) if re.match(r".*_\d{3}\.json$", f))
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
