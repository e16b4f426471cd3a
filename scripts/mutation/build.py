"""Copies of the tree and their build folders: the mutation tool never writes into the
project's own files. Each copy is synchronised file by file (unchanged files keep their
times, so ninja rebuilds only what a mutant touches) and has one build folder."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

_IGNORED = {".git", "build", "__pycache__", "single_include"}


@dataclass
class Suite:
    name: str
    target: str
    exe: str           # relative to the build folder
    args: tuple = ()
    env: tuple = ()    # (name, value) pairs


# Cheapest first: a mutant is run against the next suite only while it survives.
SUITES = {
    "core": Suite("core", "voip_bundle_tests", "tests/voip_bundle_tests", ("--abort-after=1", "--no-colors")),
    "json": Suite("json", "voip_bundle_json_tests", "tests/json/voip_bundle_json_tests", ("--abort-after=1", "--no-colors")),
    # A fixed seed: the same cases for the original and every mutant (RC_PARAMS replaces the
    # suite's own max_success=1000, so it is given again).
    "property": Suite("property", "voip_bundle_properties", "tests/property/voip_bundle_properties", (),
                      (("RC_PARAMS", "seed=20261127 max_success=1000"),)),
    "exhaustive": Suite("exhaustive", "voip_bundle_exhaustive", "tests/exhaustive/voip_bundle_exhaustive"),
}


def sync_tree(src: Path, dest: Path, skip: frozenset = frozenset()) -> None:
    """Makes dest a copy of src's sources, writing only files whose bytes differ; `skip`
    (paths relative to src) are the caller's to write: the schemata's mutated headers,
    which a copy of the original would give a new time and so a full rebuild."""
    for root, dirs, files in os.walk(src):
        dirs[:] = [d for d in dirs if d not in _IGNORED and not d.startswith("build-")]
        rel = Path(root).relative_to(src)
        (dest / rel).mkdir(parents=True, exist_ok=True)
        for f in files:
            s, d = Path(root) / f, dest / rel / f
            if str(rel / f) in skip:
                continue
            data = s.read_bytes()
            if not d.exists() or d.read_bytes() != data:
                d.write_bytes(data)
                shutil.copymode(s, d)


# The external headers every rule header includes (not doctest: its header registers a
# test suite in each unit that includes it), precompiled once for the rebuilds: about a
# third of each translation unit's compile time. gcc ignores a stale .gch by itself.
PCH_HEADERS = ["date/date.h", "tl/expected.hpp", "algorithm", "array", "cstdint",
               "functional", "limits", "optional", "ostream", "sstream", "string", "string_view", "vector"]
PCH_FLAGS = ["-O1", "-w", "-std=c++17", "-DHAS_STRING_VIEW=1", "-DONLY_C_LOCALE=1"]


def precompiled_header(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    header = folder / "voip_mutation_pch.hpp"
    write_if_changed(header, "".join(f"#include <{h}>\n" for h in PCH_HEADERS))
    gch = folder / "voip_mutation_pch.hpp.gch"
    if not gch.exists() or gch.stat().st_mtime < header.stat().st_mtime:
        subprocess.run(nice(["g++", *PCH_FLAGS, "-x", "c++-header", str(header), "-o", str(gch)]), check=True)
    return header


def write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


class BuildDir:
    def __init__(self, source: Path, build: Path, flags: str, jobs: int):
        self.source, self.build, self.flags, self.jobs = source, build, flags, jobs

    def configure(self) -> None:
        """Once per folder (again only if the flags changed): -O1 without -g, no -Werror."""
        cache = self.build / "CMakeCache.txt"
        if cache.exists() and (self.build / "build.ninja").exists() and \
           f"CMAKE_CXX_FLAGS:STRING={self.flags}\n" in cache.read_text():
            return
        self.build.mkdir(parents=True, exist_ok=True)
        cmd = ["cmake", "-S", str(self.source), "-B", str(self.build), "-G", "Ninja",
               "-DCMAKE_BUILD_TYPE=", f"-DCMAKE_CXX_FLAGS={self.flags}", "-DCMAKE_CXX_COMPILER=g++",
               "-DCMAKE_CXX_STANDARD=17", "-DCMAKE_CXX_STANDARD_REQUIRED=ON", "-DCMAKE_CXX_EXTENSIONS=OFF",
               "-DVOIP_BUNDLE_WERROR=OFF", "-DVOIP_BUNDLE_CLI=OFF", "-DVOIP_BUNDLE_INSTALL=OFF"]
        r = subprocess.run(nice(cmd), capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"cmake failed in {self.build}:\n{r.stdout[-3000:]}{r.stderr[-3000:]}")

    def make(self, targets: list[str]) -> subprocess.CompletedProcess:
        return subprocess.run(nice(["ninja", "-C", str(self.build), f"-j{self.jobs}", *targets]),
                              capture_output=True, text=True)

    def run(self, suite: Suite, timeout: float, mutant: int | None = None) -> tuple[str, float]:
        """'pass', 'fail', 'timeout' or 'unavailable', and the seconds taken."""
        import time
        env = dict(os.environ, **dict(suite.env))
        env.pop("VOIP_MUTANT", None)
        if mutant is not None:
            env["VOIP_MUTANT"] = str(mutant)
        start = time.monotonic()
        try:
            r = subprocess.run([str(self.build / suite.exe), *suite.args], env=env, cwd=self.build,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
        except subprocess.TimeoutExpired:
            return "timeout", time.monotonic() - start
        took = time.monotonic() - start
        if r.returncode == 77 and b"VOIP_MUTANT unavailable" in r.stderr:
            return "unavailable", took
        return ("pass" if r.returncode == 0 else "fail"), took


def nice(cmd: list[str]) -> list[str]:
    # Other engineers share the two cores.
    return ["nice", "-n", "15", *cmd] if shutil.which("nice") else cmd


_ERROR = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):(?:\d+:)? (?:fatal )?error: (?P<msg>.*)$", re.M)


def compile_errors(output: str) -> list[tuple[str, int, str]]:
    return [(m["file"], int(m["line"]), m["msg"]) for m in _ERROR.finditer(output)]


def rejected_by_a_test(output: str, include_dir: str) -> bool:
    """Whether a build failed because a test's static_assert or constexpr evaluation
    rejected the mutant (a kill at compile time) rather than the mutant not being C++."""
    errors = compile_errors(output)
    if not errors:
        return False
    first_file, _, msg = errors[0]
    constant = "static assertion" in msg or "constant expression" in msg or "constexpr" in msg
    return constant or ("/tests/" in first_file and include_dir not in first_file)
