#!/usr/bin/env python3
"""The sandbox's benchmark (issue 10), run by scripts/bench-sandbox.sh: one run, one machine.

wrk (-t1) on loopback sends the same request mix (mix.lua: 70% GET one, 20% renew or update,
10% create) at 1, 16 and 64 keep-alive connections to: voip-bundle serve; Prism (`prism mock
docs/openapi.json`) and json-server, both from npm, serving the same routes; and a
hello-world endpoint of the sandbox's HTTP library (hello.cpp) and Boost.Beast's (hello_beast.cpp)
for GET, in alternating rounds (BENCH_GET_ROUNDS, default 3) with Prism and json-server stopped.
Then GET and the mix with 1,000 idle keep-alive connections open (BENCH_IDLE). Then the store-size
runs: 1,000 and 1,000,000 bundles, GET and renew p99 and the time of a one-day clock move
with the same 100 bundles due. Last, every route once through Prism's validating proxy.
Writes results.json and table.md into the output folder given as the first argument.
"""
import datetime, json, os, random, shutil, socket, sqlite3, subprocess, sys, tempfile, time, uuid
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.abspath(sys.argv[1])
SERVE = os.path.abspath(sys.argv[2])  # the voip-bundle binary
HELLO = os.path.abspath(sys.argv[3])  # the cpp-httplib hello-world binary; HELLO + "_beast" the Boost.Beast one
NODE = os.path.abspath(sys.argv[4])   # the npm prefix holding prism and json-server
RUNNING = []                          # every server started, stopped at the end whatever happens
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
AUTH = {"X-Auth-Reseller": "bench", "X-Auth-User": "bench", "X-Auth-Password": "bench-password"}
CONFIG = {"accounts": [{"reseller": "bench", "user": "bench", "password": "bench-password", "balance": 10**15,
                        "prices": {"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300}, "customers": []}]}
START = "2026-01-01"
GET_ROUNDS = int(os.environ.get("BENCH_GET_ROUNDS", "3"))  # alternating rounds of the GET-only comparison
IDLE = int(os.environ.get("BENCH_IDLE", "1000"))  # idle keep-alive connections of the "idle" rows


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc, seconds=60):
    end = time.time() + seconds
    while time.time() < end:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.args}")
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"no server on {port}: {proc.args}")


def start(args, port, cwd=None):
    p = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    RUNNING.append(p)
    wait_port(port, p)
    return p


def stop(p):
    p.terminate()
    try:
        p.wait(10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()


def call(port, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else (b"" if method != "GET" else None)
    headers = dict(AUTH, **({"Content-Type": "application/json"} if body is not None else {}))
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def wrk(port, connections, uuids_file, mode="mix"):
    env = dict(os.environ, MIX_UUIDS=uuids_file, MIX_RESELLER=AUTH["X-Auth-Reseller"], MIX_USER=AUTH["X-Auth-User"],
               MIX_PASSWORD=AUTH["X-Auth-Password"], MIX_MODE=mode)
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{SECONDS}s", "--timeout", "5s",
                          "-s", os.path.join(HERE, "mix.lua"), f"http://127.0.0.1:{port}"],
                         env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def sandbox(db, today=START, extra=()):
    cfg = os.path.join(OUT, "config.json")
    with open(cfg, "w") as f:
        json.dump(CONFIG, f)
    port = free_port()
    p = start([SERVE, "serve", "--listen", f"127.0.0.1:{port}", "--db", db, "--config", cfg, "--today", today, *extra],
              port)
    return p, port


def idle_connections(port, n):
    """n keep-alive connections, each answered one GET /sandbox/health, then left open and silent."""
    conns = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port), 5)
        s.sendall(b"GET /sandbox/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = s.recv(4096)
            if not chunk:
                raise SystemExit("an idle connection was closed before its answer")
            head += chunk
        length = int(next((line.split(b":")[1] for line in head.split(b"\r\n")
                           if line.lower().startswith(b"content-length:")), b"0"))
        body = head.split(b"\r\n\r\n", 1)[1]
        while len(body) < length:
            body += s.recv(4096)
        if not head.startswith(b"HTTP/1.1 200"):
            raise SystemExit(f"an idle connection's GET /sandbox/health: {head.splitlines()[0]!r}")
        conns.append(s)
    return conns


def still_open(conns):
    """How many of conns the server has not closed (a closed one reads as end of file)."""
    alive = 0
    for s in conns:
        s.setblocking(False)
        try:
            alive += s.recv(1) != b""
        except BlockingIOError:
            alive += 1
        except OSError:
            pass
    return alive


def fill(db, n, due):
    """A store of n bundles, `due` of them due for renewal on START + 1 day, the rest 10 to 25 days ahead."""
    p, port = sandbox(db)
    stop(p)  # the schema and the account, made by the sandbox itself
    con = sqlite3.connect(db)
    epoch = datetime.date(1970, 1, 1)
    start = (datetime.date.fromisoformat(START) - epoch).days

    def month_before(day):  # the term's first day: one month earlier, clamped (RULES 3)
        d = epoch + datetime.timedelta(days=day)
        y, m = (d.year, d.month - 1) if d.month > 1 else (d.year - 1, 12)
        last = (datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)).day
        return (datetime.date(y, m, min(d.day, last)) - epoch).days
    rng = random.Random(n)
    rows, ids = [], []
    for i in range(n):
        u = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        expires = start + 4 if i < due else start + 10 + rng.randrange(16)
        created = month_before(expires)
        rows.append((u, 1, "", created, created, expires, 1 + i % 5, 1 if i < due else i % 2))
        if i % max(1, n // 1000) == 0:
            ids.append(u)
    with con:
        con.executemany("INSERT INTO bundles(uuid, account, customer, created_on, updated_on, expires_on, bundle_type,"
                        " auto_renew) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    path = db + ".uuids"
    with open(path, "w") as f:
        f.write("\n".join(ids) + "\n")
    return path


def main():
    os.makedirs(OUT, exist_ok=True)
    work = tempfile.mkdtemp(prefix="bench-sandbox-")
    results = {"seconds_per_run": SECONDS, "mix": {}, "get_only": {}, "idle": {}, "sizes": {}, "prism_proxy": {}}
    try:
        # --- the request mix against the sandbox and its peers
        small_db = os.path.join(work, "small.db")
        uuids = fill(small_db, 1000, 100)
        with open(uuids) as f:
            ids = f.read().split()
        p, port = sandbox(small_db)
        peers = {"voip-bundle serve": (p, port)}
        prism_port = free_port()
        peers["prism mock"] = (start([os.path.join(NODE, "node_modules/.bin/prism"), "mock", "-p", str(prism_port),
                                      os.path.join(ROOT, "docs/openapi.json")], prism_port), prism_port)
        js_dir = os.path.join(work, "json-server")
        os.makedirs(js_dir)
        with open(os.path.join(js_dir, "db.json"), "w") as f:
            json.dump({"bundles": [{"id": u, "bundle_type": 1, "auto_renew": True, "expires_on": "2026-02-01"} for u in ids],
                       "renewals": []}, f)
        with open(os.path.join(js_dir, "routes.json"), "w") as f:
            json.dump({"/voip/bundle/:id/renew": "/renewals", "/voip/bundle/:id": "/bundles/:id",
                       "/voip/bundle": "/bundles"}, f)
        js_port = free_port()
        peers["json-server"] = (start([os.path.join(NODE, "node_modules/.bin/json-server"), "--port", str(js_port),
                                       "--routes", "routes.json", "--quiet", "db.json"], js_port, cwd=js_dir), js_port)
        hello_port = free_port()
        hello = start([HELLO, str(hello_port), "64"], hello_port)
        beast_port = free_port()
        beast = start([HELLO + "_beast", str(beast_port), "2"], beast_port)
        for name, (_, port_) in peers.items():
            results["mix"][name] = {c: wrk(port_, c, uuids) for c in (1, 16, 64)}
            print(name, results["mix"][name], flush=True)
        # GET only: Prism and json-server are stopped first (after a 64-connection run Node
        # still works off its backlog for a while), then the three servers in alternating
        # rounds; each one's best round counts (the load of the machine only slows a round down)
        for name in ("prism mock", "json-server"):
            stop(peers.pop(name)[0])
        get_ports = {"voip-bundle serve": port, "cpp-httplib hello-world": hello_port,
                     "Boost.Beast hello-world": beast_port}
        rounds = {name: [] for name in get_ports}
        for _ in range(GET_ROUNDS):
            for name, port_ in get_ports.items():
                rounds[name].append(wrk(port_, 16, uuids, "get"))
        results["get_only"] = {name: dict(max(runs, key=lambda m: m["rps"]), rounds=[m["rps"] for m in runs])
                               for name, runs in rounds.items()}
        print(results["get_only"], flush=True)
        # --- every route once through Prism's validating proxy
        proxy_port = free_port()
        proxy = start([os.path.join(NODE, "node_modules/.bin/prism"), "proxy", "--errors", "-p", str(proxy_port),
                       os.path.join(ROOT, "docs/openapi.json"), f"http://127.0.0.1:{port}"], proxy_port)
        u = ids[0]
        checks = [("GET", "/voip/bundle", None), ("POST", "/voip/bundle", {"bundle_type": 2}),
                  ("GET", f"/voip/bundle/{u}", None), ("PUT", f"/voip/bundle/{u}", {"bundle_type": 3}),
                  ("POST", f"/voip/bundle/{u}/renew", None), ("GET", f"/sandbox/bundle/{u}", None),
                  ("GET", "/sandbox/clock", None), ("GET", "/sandbox/events?after=0&limit=5", None),
                  ("GET", "/sandbox/account", None), ("GET", "/sandbox/health", None),
                  ("GET", "/voip/bundle/not-a-uuid", None), ("GET", f"/voip/bundle/{uuid.uuid4()}", None)]
        for method, path, body in checks:
            direct = call(port, method, path, body)[0]
            proxied = call(proxy_port, method, path, body)[0]
            results["prism_proxy"][f"{method} {path.replace(u, '{uuid}')}"] = {"direct": direct, "through_proxy": proxied}
        stop(proxy)
        for proc, _ in peers.values():
            stop(proc)
        stop(hello)
        stop(beast)
        # --- the same store, GET and the mix at 16 connections with 1,000 idle keep-alive
        # connections open beside them (--timeout-ms 60000 so that the idle ones are not cut)
        p, port = sandbox(small_db, extra=("--timeout-ms", "60000"))
        conns = idle_connections(port, IDLE)
        try:
            results["idle"] = {"connections": IDLE, "get": wrk(port, 16, uuids, "get"), "mix": wrk(port, 16, uuids)}
            results["idle"]["still_open"] = still_open(conns)
        finally:
            for s in conns:
                s.close()
        stop(p)
        print(results["idle"], flush=True)
        # --- store size: 1,000 against 1,000,000 bundles
        for n in (1000, 1_000_000):
            db = os.path.join(work, f"size{n}.db")
            t = time.perf_counter()
            uuids_n = fill(db, n, 100)
            filled = time.perf_counter() - t
            shutil.copy(db, db + ".fresh")
            p, port = sandbox(db)
            t = time.perf_counter()
            status, body = call(port, "POST", "/sandbox/clock", {"advance_days": 1})
            move = time.perf_counter() - t
            moved = json.loads(body)["result"]
            get = wrk(port, 16, uuids_n, "get")
            renew = wrk(port, 16, uuids_n, "renew")
            stop(p)
            results["sizes"][n] = {"fill_s": round(filled, 1), "clock_move_ms": round(move * 1000, 2), "moved": moved,
                                   "get": get, "renew": renew}
            print(n, results["sizes"][n], flush=True)
    finally:
        for p in RUNNING:
            if p.poll() is None:
                p.kill()
                p.wait()
        shutil.rmtree(work, ignore_errors=True)
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    write_table(results)


def write_table(r):
    lines = ["| server | connections | requests/s | p50 ms | p99 ms | non-2xx |", "|---|---|---|---|---|---|"]
    for name, runs in r["mix"].items():
        for c, m in runs.items():
            lines.append(f"| {name} | {c} | {m['rps']:.0f} | {m['p50_us'] / 1000:.2f} | {m['p99_us'] / 1000:.2f} | {m['non2xx']} |")
    lines += ["", "| GET only, 16 connections, best of alternating rounds | requests/s | p99 ms | every round, requests/s |",
              "|---|---|---|---|"]
    for name, m in r["get_only"].items():
        lines.append(f"| {name} | {m['rps']:.0f} | {m['p99_us'] / 1000:.2f} | "
                     f"{', '.join(f'{x:.0f}' for x in m.get('rounds', [m['rps']]))} |")
    if r.get("idle"):
        m = r["idle"]
        lines += ["", f"| 16 connections, {m['connections']:,} idle keep-alive beside them | requests/s | p50 ms | p99 ms | non-2xx |",
                  "|---|---|---|---|---|"]
        for kind in ("get", "mix"):
            lines.append(f"| voip-bundle serve, {'GET only' if kind == 'get' else 'mix'} | {m[kind]['rps']:.0f} | "
                         f"{m[kind]['p50_us'] / 1000:.2f} | {m[kind]['p99_us'] / 1000:.2f} | {m[kind]['non2xx']} |")
        lines.append(f"| idle connections still open after both runs | {m['still_open']:,} | | | |")
    lines += ["", "| bundles in the store | GET p99 ms | renew p99 ms | GET requests/s | one-day clock move ms (renewed) |",
              "|---|---|---|---|---|"]
    for n, m in r["sizes"].items():
        lines.append(f"| {int(n):,} | {m['get']['p99_us'] / 1000:.2f} | {m['renew']['p99_us'] / 1000:.2f} | "
                     f"{m['get']['rps']:.0f} | {m['clock_move_ms']} ({m['moved']['renewed']}) |")
    lines += ["", "| route through `prism proxy --errors` | direct | through the proxy |", "|---|---|---|"]
    for route, m in r["prism_proxy"].items():
        lines.append(f"| {route} | {m['direct']} | {m['through_proxy']} |")
    with open(os.path.join(OUT, "table.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
