"""Writing a store: nothing changed after a failure, atomic and concurrent commits, a full
stdout, a symlinked store."""
import json
import os
import resource
import signal
import stat
import subprocess

import support
from support import (UUID, OTHER, PRICES, UNPRICED, HEADER, check, run, seed, line, write, read,
                     expect_usage_error)


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
    p = subprocess.run([support.EXE, "renew", "--today", "2018-08-01", "--uuid", OTHER, "--store", store, "--commit"],
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


def case_concurrent_commits(tmp):
    """Parallel committers serialise on the store's lock file: no update is lost."""
    store = os.path.join(tmp, "conc.jsonl")
    n = 20
    body = os.path.join(tmp, "body.json")
    write(body, '{"bundle_type":1}')
    procs = []
    for _ in range(n):  # the body from a file: every process runs at once, none waits on a pipe
        with open(body, "rb") as f:
            procs.append(subprocess.Popen([support.EXE, "create", "--today", "2018-08-01", "--store", store, "--commit"],
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
    procs = [subprocess.Popen([support.EXE, "renew", "--today", "2018-07-30", "--uuid", u, "--store", store, "--commit"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for u in uuids]
    for p in procs:
        out, err = p.communicate(timeout=60)
        check(p.returncode == 0 and b'"status_code":200' in out, f"parallel renew: {out!r} {err!r}")
    check(read(store) == "".join(line(uuid=u, created="2018-07-01", expires="2018-09-01") for u in uuids).encode(),
          f"every parallel renewal landed: {read(store)!r}")
    check(sorted(os.listdir(tmp)) == ["conc.jsonl", "conc.jsonl.lock"], f"only the store and its lock: {os.listdir(tmp)}")


def run_to_full(args, stdin=b""):
    with open("/dev/full", "wb") as full:
        p = subprocess.run([support.EXE] + args, input=stdin, stdout=full, stderr=subprocess.PIPE, timeout=30)
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
