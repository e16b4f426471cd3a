#!/usr/bin/env python3
"""Create throughput over a long run (the first 10,000 creates against the last), run by
scripts/bench-sandbox.sh --creates.

One voip-bundle serve on a fresh database file; wrk (-t1, CREATES_CONNECTIONS keep-alive
connections, default 16) sends creates only (creates.lua) until CREATES_TOTAL answers (default
200,000) or CREATES_SECONDS (default 300) have passed. creates.lua marks the time of every
10,000th answer; meanwhile the database's -wal file is measured every 10 ms, and the
server's CPU time and bytes written (/proc) at each mark. Reports the requests/s of each
10,000 with the server's CPU and bytes written a create, the first 10,000 against the last,
the largest WAL seen, and the database and WAL at the end. Writes creates.json and creates.md into the folder given first.
Usage: bench_creates.py OUT_DIR VOIP_BUNDLE_BINARY
"""
import json, os, shutil, signal, socket, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.abspath(sys.argv[1])
SERVE = os.path.abspath(sys.argv[2])
TOTAL = int(os.environ.get("CREATES_TOTAL", "200000"))
MARK = 10000
SECONDS = int(os.environ.get("CREATES_SECONDS", "300"))
CONNECTIONS = int(os.environ.get("CREATES_CONNECTIONS", "16"))
AUTH = {"reseller": "bench", "user": "bench", "password": "bench-password"}
CONFIG = {"accounts": [dict(AUTH, balance=10**15, prices={"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300},
                            customers=[])]}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def server_usage(pid):
    """The server's CPU seconds (user + system) and bytes written to storage so far: its own
    cost, which the machine's load changes far less than its requests/s."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    with open(f"/proc/{pid}/io") as f:
        written = int(next(line for line in f if line.startswith("write_bytes")).split()[1])
    return cpu, written


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def run():
    """The server and wrk, until TOTAL answers or SECONDS: what report() needs."""
    work = tempfile.mkdtemp(prefix="bench-creates-")
    server = wrk = None
    try:
        db = os.path.join(work, "creates.db")
        cfg = os.path.join(work, "config.json")
        with open(cfg, "w") as f:
            json.dump(CONFIG, f)
        port = free_port()
        server = subprocess.Popen([SERVE, "serve", "--listen", f"127.0.0.1:{port}", "--db", db, "--config", cfg,
                                   "--today", "2026-01-01"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        end = time.time() + 30
        while True:
            if server.poll() is not None or time.time() > end:
                raise SystemExit("the server did not start")
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        marks_file = os.path.join(work, "marks")
        env = dict(os.environ, MIX_RESELLER=AUTH["reseller"], MIX_USER=AUTH["user"], MIX_PASSWORD=AUTH["password"],
                   CREATES_MARKS=marks_file, CREATES_MARK=str(MARK), CREATES_TOTAL=str(TOTAL))
        load_before = loadavg()
        wrk = subprocess.Popen(["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS + 30}s", "--timeout", "10s",
                                "-s", os.path.join(HERE, "creates.lua"), f"http://127.0.0.1:{port}"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        started = time.time()
        wal_max, wal_max_at = 0, 0
        usage = {0: server_usage(server.pid)}  # by answers: at each mark, as the driver saw it
        while wrk.poll() is None:
            w = size(db + "-wal")
            if w > wal_max:
                wal_max, wal_max_at = w, int(open(marks_file).read().split()[-3]) if os.path.exists(marks_file) else 0
            done = False
            if os.path.exists(marks_file):
                with open(marks_file) as f:
                    lines = f.read().split("\n")
                done = len(lines) > 1 and lines[-2].split(" ")[0] == str(TOTAL)
                if len(lines) > 1 and int(lines[-2].split(" ")[0]) not in usage:
                    usage[int(lines[-2].split(" ")[0])] = server_usage(server.pid)
            if done or time.time() - started > SECONDS:
                wrk.send_signal(signal.SIGINT)
                break
            time.sleep(0.01)
        wrk_out = wrk.communicate(timeout=60)[0]
        load_after = loadavg()
        wal_end, db_end = size(db + "-wal"), size(db)
        with open(marks_file) as f:
            marks = [tuple(int(x) for x in line.split()) for line in f if line.strip()]
        server.terminate()
        server.wait(30)
        db_stopped, wal_stopped = size(db), size(db + "-wal")
    finally:
        for p in (wrk, server):
            if p is not None and p.poll() is None:
                p.kill()
                p.wait()
        shutil.rmtree(work, ignore_errors=True)
    return dict(marks=marks, usage=usage, wal_max=wal_max, wal_max_at=wal_max_at, wal_end=wal_end, db_end=db_end,
                db_stopped=db_stopped, wal_stopped=wal_stopped, load_before=load_before, load_after=load_after,
                wrk_out=wrk_out)


def report(m):
    """creates.json and creates.md into OUT, the table printed."""
    marks, usage, wal_max, wal_max_at = m["marks"], m["usage"], m["wal_max"], m["wal_max_at"]
    wal_end, db_end, db_stopped, wal_stopped = m["wal_end"], m["db_end"], m["db_stopped"], m["wal_stopped"]
    load_before, load_after, wrk_out = m["load_before"], m["load_after"], m["wrk_out"]
    segments = []
    for (n0, t0, r0), (n1, t1, r1) in zip(marks, marks[1:]):
        seg = {"from": n0, "to": n1, "rps": round((n1 - n0) / ((t1 - t0) / 1e9), 1), "non201": r1 - r0}
        if n0 in usage and n1 in usage:
            seg["cpu_us_per_create"] = round(1e6 * (usage[n1][0] - usage[n0][0]) / (n1 - n0))
            seg["kib_written_per_create"] = round((usage[n1][1] - usage[n0][1]) / 1024 / (n1 - n0), 1)
        segments.append(seg)
    full = [s for s in segments if s["to"] - s["from"] == MARK]
    result = {"connections": CONNECTIONS, "answers": marks[-1][0], "seconds": round((marks[-1][1] - marks[0][1]) / 1e9, 1),
              "non201": marks[-1][2], "segments": segments, "wal_max_bytes": wal_max, "wal_max_after_answers": wal_max_at,
              "wal_end_bytes": wal_end, "db_end_bytes": db_end, "db_stopped_bytes": db_stopped,
              "wal_stopped_bytes": wal_stopped, "load_before": load_before, "load_after": load_after,
              "wrk": wrk_out.strip().splitlines()}
    if len(full) >= 2:
        result["first_rps"], result["last_rps"] = full[0]["rps"], full[-1]["rps"]
        result["change_percent"] = round(100 * (full[-1]["rps"] / full[0]["rps"] - 1), 1)
        for k in ("cpu_us_per_create", "kib_written_per_create"):
            if k in full[0] and k in full[-1]:
                result["first_" + k], result["last_" + k] = full[0][k], full[-1][k]
    with open(os.path.join(OUT, "creates.json"), "w") as f:
        json.dump(result, f, indent=1)
    mib = 1024 * 1024
    lines = [f"creates: {result['answers']:,} answers in {result['seconds']} s, {CONNECTIONS} connections, "
             f"non-201: {result['non201']}; load average {load_before} before, {load_after} after", "",
             "| creates | requests/s | server CPU us / create | KiB written / create |", "|---|---|---|---|"]
    lines += [f"| {s['from']:,}-{s['to']:,} | {s['rps']:.0f} | {s.get('cpu_us_per_create', '')} | "
              f"{s.get('kib_written_per_create', '')} |" for s in segments]
    lines += ["", "| measure | value |", "|---|---|"]
    if "change_percent" in result:
        lines.append(f"| first 10,000 against last 10,000 | {result['first_rps']:.0f} -> {result['last_rps']:.0f} "
                     f"requests/s ({result['change_percent']:+.1f} %) |")
    if "first_cpu_us_per_create" in result:
        lines.append(f"| server CPU / bytes written a create, first 10,000 -> last | {result['first_cpu_us_per_create']} -> "
                     f"{result['last_cpu_us_per_create']} us, {result['first_kib_written_per_create']} -> "
                     f"{result['last_kib_written_per_create']} KiB |")
    lines += [f"| WAL, largest seen (10 ms samples) | {wal_max / mib:.1f} MiB (first in the 10,000 creates from {wal_max_at:,}) |",
              f"| WAL / database at the end, running | {wal_end / mib:.1f} / {db_end / mib:.1f} MiB |",
              f"| WAL / database after SIGTERM | {wal_stopped / mib:.1f} / {db_stopped / mib:.1f} MiB |"]
    with open(os.path.join(OUT, "creates.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    report(run())
