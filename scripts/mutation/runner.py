"""Runs the mutants: first all of them at once in one schemata build (a run each, no
compile), then a plain rebuild per mutant for those the schemata cannot decide: mutants
of constant-only code, sites left out of the schemata, and every schemata survivor (a
test's static_assert or constexpr check may still kill it when it is really compiled)."""
from __future__ import annotations

import queue
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import schemata
from .build import (SUITES, BuildDir, compile_errors, precompiled_header, rejected_by_a_test, sync_tree,
                    write_if_changed)
from .mutants import Mutant, Site

KILLED, SURVIVED, NOT_COMPILABLE = "killed", "survived", "not_compilable"


@dataclass
class Outcome:
    status: str        # killed, survived, not_compilable
    how: str = ""      # which suite failed, "timeout in <suite>", "compile: <test>", ...
    by: str = ""       # schemata or rebuild
    seconds: float = 0.0


def _site_key(file: str, text: str, s: Site) -> str:
    return f"{file}|{s.mutants[0].kind}|{text[s.start:s.end]!r}"


class Runner:
    def __init__(self, top: Path, work: Path, suites: list[str], jobs: int, timeout: float, log=sys.stderr):
        self.top, self.work, self.jobs, self.timeout, self.log = top, work, jobs, timeout, log
        self.suites = [SUITES[s] for s in suites]
        self.timeouts: dict[str, float] = {}
        self.results: dict[str, Outcome] = {}
        self._lock = threading.Lock()

    def say(self, msg: str) -> None:
        with self._lock:
            print(msg, file=self.log, flush=True)

    # -- the schemata build ----------------------------------------------------------
    def run_schemata(self, texts: dict[str, str], sites: dict[str, list[Site]], mutants: list[Mutant]) -> list[Mutant]:
        """Runs every schematised mutant; returns the mutants the schemata could not run."""
        src, prologue = self.work / "schemata" / "src", self.work / "schemata" / "voip_mutant.hpp"
        sync_tree(self.top, src, frozenset(texts))
        write_if_changed(prologue, schemata.PROLOGUE)
        pch = precompiled_header(self.work / "pch")
        bd = BuildDir(src, self.work / "schemata" / "build", f"-O1 -w -include {pch} -include {prologue}", self.jobs)
        bd.configure()
        # Sites an earlier run found not to compile, left out at once: a second failing
        # build costs as much as the first (a site is known by its file and its text).
        known_bad = self.work / "schemata" / "left-out.txt"
        bad = set(known_bad.read_text().splitlines()) if known_bad.exists() else set()
        active = {f: [s for s in ss if _site_key(f, texts[f], s) not in bad] for f, ss in sites.items()}
        for attempt in range(8):
            left_out: list[Mutant] = []
            for f, text in texts.items():
                roots, left = schemata.compose(active[f])
                left_out += left
                write_if_changed(src / f, schemata.render(text, roots))
            start = time.monotonic()
            r = bd.make([s.target for s in self.suites])
            self.say(f"schemata build {attempt + 1}: {'ok' if r.returncode == 0 else 'failed'} "
                     f"in {time.monotonic() - start:.0f} s")
            if r.returncode == 0:
                bad |= {_site_key(f, texts[f], s) for f in sites for s in sites[f] if s not in active[f]}
                write_if_changed(known_bad, "".join(k + "\n" for k in sorted(bad)))
                break
            if not self._drop_failing_sites(r.stdout + r.stderr, src, texts, active):
                raise RuntimeError("schemata build failed outside any mutant:\n" + (r.stdout + r.stderr)[-4000:])
        else:
            raise RuntimeError("schemata build still failing")
        schematised = {m.id for f in active for s in active[f] for m in s.mutants} - {m.id for m in left_out}
        self.schematised = schematised
        self._baseline(bd)
        todo = [m for m in mutants if m.id in schematised]
        self.say(f"schemata: {len(todo)} mutants to run, {len(mutants) - len(todo)} only by a rebuild")
        done = [0]

        def one(m: Mutant) -> None:
            out = self._run_suites(bd, m.number)
            with self._lock:
                self.results[m.id] = out
                done[0] += 1
                if done[0] % 200 == 0:
                    print(f"  {done[0]}/{len(todo)} run", file=self.log, flush=True)

        with ThreadPoolExecutor(max_workers=self.jobs) as pool:
            list(pool.map(one, todo))
        return [m for m in mutants if m.id not in schematised]

    def _drop_failing_sites(self, output: str, src: Path, texts, active) -> bool:
        """Leaves out the sites on the lines the compiler rejects; when none is on such a
        line, those of the three lines before it (a declaration the error is about)."""
        dropped = False
        for file, line, _ in compile_errors(output):
            try:
                rel = str(Path(file).resolve().relative_to(src.resolve()))
            except ValueError:
                continue
            if rel not in texts:
                continue
            text = texts[rel]
            spans = [(text.count("\n", 0, s.start) + 1, text.count("\n", 0, s.end) + 1, s) for s in active[rel]]
            hit = [s for first, last, s in spans if first <= line <= last]
            if not hit:
                hit = [s for first, last, s in spans if line - 3 <= last < line]
            for s in hit:
                self.say(f"  schemata: {rel}:{line} does not compile: {s.mutants[0].kind} site left to a rebuild")
            dropped = dropped or bool(hit)
            active[rel] = [s for s in active[rel] if s not in hit]
        return dropped

    def _baseline(self, bd: BuildDir) -> None:
        for s in self.suites:
            status, took = bd.run(s, 600)
            if status != "pass":
                raise RuntimeError(f"the unmutated suite {s.name} does not pass ({status})")
            # Long enough for a slow mutant, short for a loop that never ends.
            self.timeouts[s.name] = min(self.timeout, max(10.0, 20 * took))
            self.say(f"baseline {s.name}: {took:.2f} s, timeout {self.timeouts[s.name]:.0f} s")

    def _run_suites(self, bd: BuildDir, number: int | None, suites=None) -> Outcome:
        total = 0.0
        for s in suites or self.suites:
            status, took = bd.run(s, self.timeouts[s.name], number)
            total += took
            if status == "fail":
                return Outcome(KILLED, s.name, "schemata" if number is not None else "rebuild", total)
            if status == "timeout":
                return Outcome(KILLED, f"timeout in {s.name}", "schemata" if number is not None else "rebuild", total)
            if status == "unavailable":
                return Outcome(NOT_COMPILABLE, "operator not defined for these types", "schemata", total)
        return Outcome(SURVIVED, "", "schemata" if number is not None else "rebuild", total)

    # -- one rebuild per mutant ------------------------------------------------------
    def run_rebuilds(self, todo: list[Mutant], texts: dict[str, str], budget: float | None = None) -> None:
        """One rebuild per mutant until `budget` seconds have passed; the rest stay not run."""
        if not todo:
            return
        self.deadline = time.monotonic() + budget if budget else None
        if not self.timeouts:
            self.timeouts = {s.name: self.timeout for s in self.suites}
        workers = max(1, min(self.jobs, len(todo)))
        work: queue.Queue = queue.Queue()
        for m in todo:
            work.put(m)
        self.pch = precompiled_header(self.work / "pch")
        self.say(f"rebuilds: {len(todo)} mutants, {workers} workers")
        threads = [threading.Thread(target=self._rebuild_worker, args=(k, workers, work, texts)) for k in range(workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    def _rebuild_worker(self, k: int, workers: int, work: queue.Queue, texts: dict[str, str]) -> None:
        src = self.work / f"rebuild-{k}" / "src"
        sync_tree(self.top, src)
        bd = BuildDir(src, self.work / f"rebuild-{k}" / "build", f"-O1 -w -include {self.pch}",
                      max(1, self.jobs // workers))
        bd.configure()
        core = self.suites[0]
        while True:
            try:
                m = work.get_nowait()
            except queue.Empty:
                return
            if self.deadline is not None and time.monotonic() > self.deadline:
                continue  # out of time: reported as not run
            path, start = src / m.file, time.monotonic()
            earlier = self.results.get(m.id)
            try:
                path.write_text(m.apply(texts[m.file]))
                out = self._rebuild_one(bd, m, core, earlier)
            finally:
                path.write_text(texts[m.file])  # the copy's original, whatever happened
            out.seconds = time.monotonic() - start
            with self._lock:
                self.results[m.id] = out
                print(f"  rebuild {m.id} {m.file}:{m.line} {m.kind}: {out.status} {out.how} ({out.seconds:.0f} s)",
                      file=self.log, flush=True)

    def _rebuild_one(self, bd: BuildDir, m: Mutant, core, earlier: Outcome | None) -> Outcome:
        r = bd.make([core.target])
        if r.returncode != 0:
            output = r.stdout + r.stderr
            if rejected_by_a_test(output, "/include/"):
                first = compile_errors(output)[0]
                return Outcome(KILLED, f"compile: {Path(first[0]).name}:{first[1]}", "rebuild")
            return Outcome(NOT_COMPILABLE, "does not compile", "rebuild")
        # A schemata survivor passed the other suites already; any other mutant runs them all.
        suites = [core] if earlier is not None and earlier.status == SURVIVED else self.suites
        for s in suites:
            if s is not core:
                r = bd.make([s.target])
                if r.returncode != 0:
                    output = r.stdout + r.stderr
                    if rejected_by_a_test(output, "/include/"):
                        return Outcome(KILLED, f"compile: {s.name}", "rebuild")
                    return Outcome(NOT_COMPILABLE, f"does not compile ({s.name})", "rebuild")
            out = self._run_suites(bd, None, [s])
            if out.status != SURVIVED:
                return out
        return Outcome(SURVIVED, "", "rebuild")
