#!/usr/bin/env python3
"""Start-up for a test harness: the generated password kept by the database, the
credentials written to a file, the default database's place, and --timeout-ms."""
import atexit
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time

import sandbox_client as sc
from sandbox_client import Server, case, check, config


@case
def generated_password_kept():
    """Without --config the account is generated once: a restart on the same file prints
    the same password, and the credentials of the first run still work."""
    with Server(None, today=None) as s:
        first = dict(s.creds)
        check(len(first["X-Auth-Password"]) >= 12, "a random password: %s" % s.banner)
        sc.create(s, 1, True)
        s.stop()
        s.start()
        check(s.creds == first, "the same credentials after a restart: %s, then %s" % (first, s.creds))
        check(s.call("GET", "/sandbox/account", auth=first).status == 200, "the first run's password still works")
        check(len(s.ok("GET", "/voip/bundle", auth=first)) == 1, "and sees the first run's bundle")
    with Server(None, today=None, db=":memory:") as a, Server(None, today=None, db=":memory:") as b:
        check(a.creds["X-Auth-Password"] != b.creds["X-Auth-Password"], "a new database, a new password")


def read_credentials(path):
    check(os.path.exists(path), "%s written" % path)
    mode = stat.S_IMODE(os.stat(path).st_mode)
    check(mode == 0o600, "mode 0600, not %o" % mode)
    with open(path, encoding="utf-8") as f:
        value = json.load(f)
    check(set(value) == {"reseller", "user", "password", "url"}, "the four members: %s" % value)
    return value


@case
def credentials_file():
    """--credentials-file: the first account's credentials and the URL, as JSON, mode 0600,
    written once the server listens (so a harness waits for the file, not the banner), by a
    rename (no temporary file left beside it), replacing a file already there."""
    d = tempfile.mkdtemp(prefix="voip-sandbox-")
    atexit.register(shutil.rmtree, d, True)  # this case runs in a process of its own
    path = os.path.join(d, "creds.json")
    with open(path, "w") as f:
        f.write("stale")
    with Server(None, today=None, workdir=d, extra=["--credentials-file", path]) as s:
        c = read_credentials(path)
        check(c["url"] == "http://127.0.0.1:%d" % s.port, "the url: %s" % c)
        auth = sc.creds(c["reseller"], c["user"], c["password"])
        check(auth == s.creds, "the banner's credentials: %s %s" % (c, s.creds))
        check(s.call("GET", "/sandbox/account", auth=auth).status == 200, "they work")
        check(not [n for n in os.listdir(d) if ".tmp" in n], "no temporary file left: %s" % os.listdir(d))
    with Server(config(), extra=["--credentials-file", path]) as s:
        c = read_credentials(path)
        check((c["reseller"], c["user"], c["password"]) == ("r", "u", "p"), "--config: its first account: %s" % c)
    missing = os.path.join(d, "no", "such", "folder", "creds.json")
    refused(["--db", ":memory:", "--credentials-file", missing], "--credentials-file")


def refused(args, mention, env=None):
    """voip-bundle serve with `args` exits 2, naming `mention` on standard error."""
    p = subprocess.run([sc.EXE, "serve", "--listen", "127.0.0.1:0", *args], capture_output=True, timeout=30, env=env)
    err = p.stderr.decode()
    check(p.returncode == 2 and mention in err, "exit 2 naming %r: %d %r" % (mention, p.returncode, err))


@case
def default_database_place():
    """Without --db the database goes to $XDG_STATE_HOME/voip-bundle/sandbox.db, else to
    ~/.local/state/voip-bundle/sandbox.db: never into the current folder."""
    d = tempfile.mkdtemp(prefix="voip-sandbox-")
    atexit.register(shutil.rmtree, d, True)  # this case runs in a process of its own
    work = os.path.join(d, "work")
    os.mkdir(work)
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_STATE_HOME", "HOME")}
    for extra_env, want in (({"XDG_STATE_HOME": os.path.join(d, "state")}, os.path.join(d, "state", "voip-bundle")),
                            ({"HOME": os.path.join(d, "home")}, os.path.join(d, "home", ".local", "state", "voip-bundle"))):
        with Server(None, today=None, db="", workdir=d, env=dict(env, **extra_env), cwd=work) as s:
            db = os.path.join(want, "sandbox.db")
            check("(database %s," % db in s.banner[0], "the banner names %s: %s" % (db, s.banner[0]))
            check(os.path.exists(db), "%s made" % db)
            check(stat.S_IMODE(os.stat(want).st_mode) == 0o700, "its folder is the user's alone")
            check(os.listdir(work) == [], "nothing in the current folder: %s" % os.listdir(work))
            first = dict(s.creds)
            s.stop()
            s.start()
            check(s.creds == first, "the default database keeps the account too")
    refused([], "give --db", env=env)


@case
def timeout_option():
    """--timeout-ms cuts an idle connection that soon (tests need no environment variable);
    out of 100..60000 it is refused."""
    with Server(config(), timeout_ms=300) as s:
        idle = socket.create_connection(("127.0.0.1", s.port), timeout=5)
        t0 = time.time()
        check(idle.recv(100) == b"", "closed without an answer")
        waited = time.time() - t0
        check(0.2 < waited < 1.5, "cut after %.2f s by a 0.3 s timeout" % waited)
        idle.close()
        s.alive()
    for bad in ("50", "60001", "x"):
        refused(["--db", ":memory:", "--timeout-ms", bad], "--timeout-ms")



@case
def edited_rows_refused():
    """A bundle row is read back through make_bundle with every column checked first: a day
    count beyond 32 bits (which would wrap into the range) or a flag other than 0 or 1 is an
    edited file, answered 500 internal_error, never read as another bundle."""
    import sqlite3
    for column, value in (("expires_on", "expires_on + 4294967296"), ("auto_renew", "7"),
                          ("created_on", "-800000"), ("lapsed", "2"), ("renewed_on", "4294967296 + 17744")):
        with Server(config()) as s:
            uuid = sc.create(s, 1, True)["uuid"]
            check(s.call("GET", "/voip/bundle/" + uuid).status == 200, "the row reads before the edit")
            s.stop()
            with sqlite3.connect(s.db) as db:
                db.execute("UPDATE bundles SET %s = %s" % (column, value))
            s.start()
            r = s.call("GET", "/voip/bundle/" + uuid, validate=False)
            check(r.status == 500 and r.headers.get("x-sandbox-error") == "internal_error",
                  "%s = %s: %s %s" % (column, value, r.status, r.body))


if __name__ == "__main__":
    sys.exit(sc.main())
