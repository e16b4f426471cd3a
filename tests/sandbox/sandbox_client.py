"""Shared by the sandbox's black-box tests: a server started on port 0 with its own database,
an HTTP client whose every answer is checked against docs/openapi.json, raw sockets, and the
case registry (one ctest per case: `python3 FILE --exe ... --case NAME`).
"""
import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback

import jsonschema

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from json_text import squeeze  # noqa: E402,F401  (the tests import it from here)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OPENAPI_PATH = os.path.join(ROOT, "docs", "openapi.json")
ROUTES_PATH = os.path.join(ROOT, "server", "routes.hpp")
SEED_DIR = os.path.join(ROOT, "tests", "data", "seed")
EXE = None

SEED_UUID = "0fba8c48-99fc-4727-8ca7-c847376da415"
PRICES = {"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300}
CREDS = {"X-Auth-Reseller": "r", "X-Auth-User": "u", "X-Auth-Password": "p"}


class Failed(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failed(what)


def config(balance=10000, customers=("acme",), more=(), policy=None):
    """A config: account r/u/p, then `more` accounts as (reseller, user, password, balance)."""
    accounts = [{"reseller": "r", "user": "u", "password": "p", "balance": balance, "prices": PRICES,
                 "customers": list(customers)}]
    for reseller, user, password, bal in more:
        accounts.append({"reseller": reseller, "user": user, "password": password, "balance": bal,
                         "prices": PRICES, "customers": ["acme"]})
    return {"accounts": accounts, "policy": policy or {"month_end": "clamp"}}


def creds(reseller="r", user="u", password="p", customer=None):
    h = {"X-Auth-Reseller": reseller, "X-Auth-User": user, "X-Auth-Password": password}
    if customer is not None:
        h["X-Auth-For"] = customer
    return h


def seed(name):
    with open(os.path.join(SEED_DIR, name + ".json"), encoding="utf-8") as f:
        return f.read()


# ---- the OpenAPI document ------------------------------------------------------------------

class Spec:
    def __init__(self, path=OPENAPI_PATH):
        with open(path, "rb") as f:
            self.raw = f.read()
        self.doc = json.loads(self.raw)
        self.validators = {}
        self.patterns = []  # (regex, path template)
        for template in self.doc["paths"]:
            rx = "^" + re.sub(r"\\\{[a-z]+\\\}", "[^/]+", re.escape(template)) + "$"
            self.patterns.append((re.compile(rx), template))

    def operations(self):
        """The set of (METHOD, path template) the document declares."""
        out = set()
        for template, item in self.doc["paths"].items():
            for method in ("get", "put", "post", "delete", "patch", "options", "head"):
                if method in item:
                    out.add((method.upper(), template))
        return out

    def resolve(self, node):
        while "$ref" in node:
            ref = node["$ref"]
            check(ref.startswith("#/"), "only local $refs: " + ref)
            node = self.doc
            for part in ref[2:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def responses_for(self, method, path):
        """The declared responses of the operation (method, path), or the unrouted ones."""
        method = "GET" if method == "HEAD" else method
        for rx, template in self.patterns:
            if rx.match(path):
                op = self.doc["paths"][template].get(method.lower())
                if op is not None and method.isupper():  # methods are case-sensitive: "get" is unknown
                    return op["responses"], "%s %s" % (method, template)
        return self.doc["x-unrouted-responses"], "unrouted %s %s" % (method, path)

    def validate(self, method, path, status, headers, body):
        """Fails unless the status is declared for the route and the body fits its schema."""
        responses, where = self.responses_for(method, path.split("?", 1)[0])
        declared = responses.get(str(status))
        check(declared is not None, "%s: status %d is not declared (declared: %s)" % (where, status, sorted(responses)))
        declared = self.resolve(declared)
        for name, h in declared.get("headers", {}).items():
            h = self.resolve(h)
            if h.get("required"):
                check(name.lower() in headers, "%s %d: header %s missing" % (where, status, name))
            if name.lower() in headers and "schema" in h:
                self._check_schema(h["schema"], headers[name.lower()], "%s %d header %s" % (where, status, name))
        content = declared.get("content", {})
        check("application/json" in content, "%s %d: no JSON content declared" % (where, status))
        check(headers.get("content-type", "").startswith("application/json"),
              "%s %d: Content-Type %r" % (where, status, headers.get("content-type")))
        try:
            value = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            raise Failed("%s %d: body is not JSON (%s): %r" % (where, status, e, body[:200]))
        self._check_schema(content["application/json"]["schema"], value, "%s %d body" % (where, status))
        return value

    def inline(self, node):
        """The schema with every $ref replaced by its target (the document has no cycles):
        jsonschema validates that about twice as fast as through the registry."""
        if isinstance(node, dict):
            if "$ref" in node:
                target = self.inline(self.resolve({"$ref": node["$ref"]}))
                rest = {k: v for k, v in node.items() if k != "$ref"}
                return {"allOf": [target, self.inline(rest)]} if rest else target
            return {k: self.inline(v) for k, v in node.items()}
        if isinstance(node, list):
            return [self.inline(x) for x in node]
        return node

    def validator(self, schema):
        key = json.dumps(schema, sort_keys=True)
        if key not in self.validators:
            jsonschema.Draft202012Validator.check_schema(self.inline(schema))
            self.validators[key] = jsonschema.Draft202012Validator(self.inline(schema))
        return self.validators[key]

    def _check_schema(self, schema, value, what):
        errors = sorted(self.validator(schema).iter_errors(value), key=lambda e: list(e.path))
        if errors:
            raise Failed("%s does not fit the schema: %s (at %s); value %s" % (
                what, errors[0].message, list(errors[0].absolute_path), json.dumps(value)[:300]))


SPEC = None


def spec():
    global SPEC
    if SPEC is None:
        SPEC = Spec()
    return SPEC


# ---- HTTP ----------------------------------------------------------------------------------

class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # lowercase names
        self.body = body  # bytes
        self.json = None

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def __repr__(self):
        return "<%d %s>" % (self.status, self.text[:200])


def exchange(conn, method, path, body=None, headers=None, validate=True):
    """One request on an http.client connection; the answer checked against the spec."""
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
    elif isinstance(body, str):
        body = body.encode()
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    resp = Response(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
    if validate:
        resp.json = spec().validate(method, path, resp.status, resp.headers, resp.body)
    return resp


class Server:
    """`voip-bundle serve` on 127.0.0.1:0 with its own temporary directory and database."""

    def __init__(self, cfg=None, today="2018-08-01", db=None, workdir=None, threads=None, timeout_ms=None,
                 extra=(), env=None, cwd=None):
        """db: a file in the temporary directory unless given; "" gives no --db (the default
        place). extra: more options; env: the environment (default: this one)."""
        self.own_dir = workdir is None
        self.dir = workdir or tempfile.mkdtemp(prefix="voip-sandbox-")
        self.db = os.path.join(self.dir, "sandbox.db") if db is None else db
        self.cfg_path = None
        args = [EXE, "serve", "--listen", "127.0.0.1:0"] + (["--db", self.db] if self.db else [])
        if cfg is not None:
            self.cfg_path = os.path.join(self.dir, "config.json")
            with open(self.cfg_path, "w", encoding="utf-8") as f:
                json.dump(cfg, f)
            args += ["--config", self.cfg_path]
        if today:
            args += ["--today", today]
        if threads:
            args += ["--threads", str(threads)]
        if timeout_ms:  # the server's idle and read timeout (5000 ms unless shortened)
            args += ["--timeout-ms", str(timeout_ms)]
        self.args = args + list(extra)
        self.env = dict(os.environ) if env is None else env
        self.cwd = cwd
        self.creds = dict(CREDS)
        self.start()

    def start(self):
        self.err = open(os.path.join(self.dir, "stderr.txt"), "ab")
        self.proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=self.err, env=self.env, cwd=self.cwd)
        first = self.proc.stdout.readline().decode()
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+) ", first)
        if not m:
            self.proc.kill()
            raise Failed("no banner: %r; stderr: %s" % (first, self.stderr()))
        self.port = int(m.group(1))
        self.banner = [first]
        if self.cfg_path is None:  # the generated account's credentials
            for _ in range(4):
                line = self.proc.stdout.readline().decode()
                self.banner.append(line)
                m = re.match(r"\s+(X-Auth-[A-Za-z]+): (\S+)", line)
                if m:
                    self.creds[m.group(1)] = m.group(2)
        return self

    def stderr(self):
        with open(os.path.join(self.dir, "stderr.txt"), "rb") as f:
            return f.read().decode("utf-8", "replace")

    def conn(self, timeout=30):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def call(self, method, path, body=None, auth=True, headers=None, validate=True):
        h = dict(self.creds) if auth is True else dict(auth or {})
        h.update(headers or {})
        c = self.conn()
        try:
            return exchange(c, method, path, body, h, validate)
        finally:
            c.close()

    def ok(self, method, path, body=None, status=200, **kw):
        r = self.call(method, path, body, **kw)
        check(r.status == status, "%s %s: want %d, got %r" % (method, path, status, r))
        return r.json["result"]

    def alive(self):
        """The server still answers /sandbox/health (and has not exited)."""
        check(self.proc.poll() is None, "the server exited with %s; stderr: %s" % (self.proc.returncode, self.stderr()))
        r = self.call("GET", "/sandbox/health", auth=False)
        check(r.status == 200 and r.json["result"]["status"] == "ok", "health: %r" % r)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise Failed("the server did not stop on SIGTERM")
        self.proc.stdout.close()
        self.err.close()

    def kill(self):
        self.proc.kill()
        self.proc.wait()
        self.proc.stdout.close()
        self.err.close()

    def close(self):
        if self.proc.poll() is None:
            self.kill()
        if self.own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def create(server, bundle_type=1, auto_renew=True, uuid=None, headers=None, status=201):
    h = dict(headers or {})
    if uuid:
        h["X-Sandbox-Uuid"] = uuid
    return server.ok("POST", "/voip/bundle", {"bundle_type": bundle_type, "auto_renew": auto_renew}, status=status,
                     headers=h)


def move_clock(server, **body):
    return server.ok("POST", "/sandbox/clock", body)


def events(server, **auth):
    return server.ok("GET", "/sandbox/events?limit=10000", **auth)


def balance(server, **auth):
    return server.ok("GET", "/sandbox/account", **auth)["balance"]


def raw(port, data, timeout=5.0, read_all=False):
    """Sends bytes on a fresh socket; the bytes answered until the first full response
    (or everything until the server closes, with read_all). b"" when the server just closed."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    out = b""
    try:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            out += chunk
            if not read_all and b"\r\n\r\n" in out:
                head, _, body = out.partition(b"\r\n\r\n")
                m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
                if m and len(body) >= int(m.group(1)):
                    break
    finally:
        s.close()
    return out


def parse_raw(data):
    """(status, lowercase headers, body) of a raw HTTP/1.1 response."""
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    m = re.match(r"HTTP/1\.[01] (\d{3})", lines[0])
    check(m is not None, "not an HTTP response: %r" % data[:200])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    n = int(headers.get("content-length", len(body)))
    return int(m.group(1)), headers, body[:n]


# ---- cases ---------------------------------------------------------------------------------

CASES = {}


def case(f):
    CASES[f.__name__] = f
    return f


def main():
    global EXE
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--case", required=True, help="a case name, or all")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    EXE = os.path.abspath(args.exe)
    names = sorted(CASES) if args.case == "all" else [args.case]
    failed = 0
    for name in names:
        if name not in CASES:
            print("no case %r (have: %s)" % (name, ", ".join(sorted(CASES))))
            return 2
        t = time.time()
        try:
            CASES[name]()
            print("ok   %s (%.1f s)" % (name, time.time() - t))
        except Exception:  # a failure of any kind is this case's
            failed += 1
            print("FAIL %s (%.1f s)" % (name, time.time() - t))
            traceback.print_exc(file=sys.stdout)
    return 1 if failed else 0
