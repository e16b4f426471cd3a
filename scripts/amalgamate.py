#!/usr/bin/env python3
"""Generates the single-header edition of voip-bundle in single_include/.

    python3 scripts/amalgamate.py                  # rewrite single_include/ in place
    python3 scripts/amalgamate.py --output DIR     # write the tree into DIR instead
    python3 scripts/amalgamate.py --check          # exit 1 if single_include/ is stale

What it writes (under <output>/voip/):
  bundle.hpp        the core: include/voip/bundle.hpp (the rules) and every header it
                    reaches; needs only <date/date.h> and <tl/expected.hpp>.
  bundle_<x>.hpp    one file per header include/voip/bundle_<x>.hpp beside the core (the
                    JSON codecs, the nlohmann, fmt and rapidcheck adapters): its own code,
                    with its includes of the core replaced by one #include "bundle.hpp" and
                    its includes of another such header (bundle_json.hpp, say) by one
                    #include of that sibling, so a program may include any of them together
                    without redefinitions.
  bundle/*.hpp, bundle/json/*.hpp
                    forwarders to the single header that holds each, so code written against
                    the split layout (#include <voip/bundle/uuid.hpp>) compiles unchanged.

Rules: each quoted #include that names a file under include/ is inlined once (#pragma once
semantics); other includes are kept, and a <system> include already emitted outside any
#if is not repeated. A header under include/voip/ that neither the core nor an adapter
reaches is an error (the single header must hold all of include/voip/). The output is a
pure function of the input text: no dates, no absolute paths, sorted directory listings,
LF line ends. Python 3 standard library only.
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
INCLUDE = ROOT / "include"
CORE = "voip/bundle.hpp"
HEADER_SUFFIXES = (".hpp", ".h")

INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
PRAGMA_ONCE_RE = re.compile(r"^\s*#\s*pragma\s+once\b")
IF_RE = re.compile(r"^\s*#\s*if(n?def)?\b")
ENDIF_RE = re.compile(r"^\s*#\s*endif\b")
VERSION_RE = re.compile(r"^#define VOIP_BUNDLE_VERSION_(MAJOR|MINOR|PATCH) (\d+)", re.M)


class AmalgamateError(Exception):
    pass


def read(rel: str) -> list[str]:
    text = (INCLUDE / rel).read_text(encoding="utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def resolve(including: str, name: str) -> str | None:
    """The include/-relative path of a quoted include, or None when it is not ours."""
    for base in (PurePosixPath(including).parent, PurePosixPath("")):
        candidate = _normalise(base / name)
        if candidate is not None and (INCLUDE / candidate).is_file():
            return candidate
    return None


def _normalise(p: PurePosixPath) -> str | None:
    parts: list[str] = []
    for part in p.parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def quoted_includes(rel: str) -> list[str]:
    out = []
    for line in read(rel):
        m = INCLUDE_RE.match(line)
        if m and m.group(1) == '"':
            target = resolve(rel, m.group(2))
            if target is not None:
                out.append(target)
    return out


def closure(roots: list[str]) -> set[str]:
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        rel = stack.pop()
        if rel in seen:
            continue
        seen.add(rel)
        stack.extend(quoted_includes(rel))
    return seen


class Writer:
    """Inlines headers depth first, each once, keeping the order a compiler would see."""

    def __init__(self, external: dict[str, str] | None = None) -> None:
        self.lines: list[str] = []
        self.done: set[str] = set()
        self.system_seen: set[str] = set()
        self.sources: list[str] = []
        # Headers provided by another single header (header -> that file's name): each
        # file is included once, where the first of its headers was met.
        self.external = external or {}
        self.external_emitted: set[str] = set()

    def inline(self, rel: str) -> None:
        if rel in self.done:
            return
        self.done.add(rel)
        self.sources.append(rel)
        self.lines.append(f"// ---- begin {rel} ----")
        depth = 0
        body: list[str] = []
        for number, line in enumerate(read(rel), start=1):
            if PRAGMA_ONCE_RE.match(line):
                continue
            if IF_RE.match(line):
                depth += 1
            elif ENDIF_RE.match(line):
                depth -= 1
            m = INCLUDE_RE.match(line)
            if m and m.group(1) == '"':
                target = resolve(rel, m.group(2))
                if target is not None:
                    if depth != 0:
                        raise AmalgamateError(
                            f"include/{rel}:{number}: a conditional #include of a project header "
                            "cannot be inlined once; include it unconditionally")
                    if target in self.external:
                        provider = self.external[target]
                        if provider not in self.external_emitted:
                            self.external_emitted.add(provider)
                            body.append(f'#include "{provider}"')
                    elif target not in self.done:
                        self._flush(body)
                        self.inline(target)
                    continue
            elif m and depth == 0:
                if m.group(2) in self.system_seen:
                    continue
                self.system_seen.add(m.group(2))
            body.append(line.rstrip())
        self._flush(body)
        self.lines.append(f"// ---- end {rel} ----")

    def _flush(self, body: list[str]) -> None:
        # Drop blank lines at the edges of each piece, keep the inside as written.
        while body and not body[0]:
            body.pop(0)
        while body and not body[-1]:
            body.pop()
        self.lines.extend(body)
        body.clear()


def version() -> str:
    found = dict(VERSION_RE.findall((INCLUDE / "voip/bundle/version.hpp").read_text(encoding="utf-8")))
    return ".".join(found.get(k, "?") for k in ("MAJOR", "MINOR", "PATCH"))


def banner(what: str, sources: list[str]) -> list[str]:
    lines = [
        f"// voip-bundle {version()}: {what}",
        "//",
        "// GENERATED FILE, DO NOT EDIT. Generated by scripts/amalgamate.py from include/;",
        "// edit the sources there and run `python3 scripts/amalgamate.py`.",
    ]
    if sources:
        lines.append("// Sources, in order:")
        lines.extend(f"//   include/{s}" for s in sources)
    return lines


def guard_name(rel: str) -> str:
    return "VOIP_BUNDLE_SINGLE_" + re.sub(r"[^A-Za-z0-9]", "_", rel).upper()


def wrap(rel_out: str, what: str, writer: Writer) -> str:
    guard = guard_name(rel_out)
    lines = banner(what, writer.sources)
    lines += ["#pragma once", f"#ifndef {guard}", f"#define {guard}", ""]
    # Dropped includes leave gaps: at most one blank line in a row.
    for line in writer.lines:
        if line or (lines and lines[-1]):
            lines.append(line)
    lines += ["", f"#endif  // {guard}", ""]
    return "\n".join(lines)


def forwarder(rel: str, holder: str = CORE) -> str:
    up = "../" * (len(PurePosixPath(rel).parts) - 2)
    name = PurePosixPath(holder).name
    lines = banner(f"forwards include/{rel} to the single header.", [])
    lines += [
        f"// include/{rel} is part of voip/{name}: code written against the",
        "// split headers compiles unchanged against the single header.",
        "#pragma once",
        f'#include "{up}{name}"',
        "",
    ]
    return "\n".join(lines)


def all_headers() -> list[str]:
    return sorted(
        p.relative_to(INCLUDE).as_posix()
        for p in (INCLUDE / "voip").rglob("*")
        if p.is_file() and p.suffix in HEADER_SUFFIXES)


def generate() -> dict[str, str]:
    """Maps each output path (relative to the output dir) to its text."""
    if not (INCLUDE / CORE).is_file():
        raise AmalgamateError(f"include/{CORE} not found")
    core_roots = [CORE]
    core = closure(core_roots)
    adapters = [
        rel for rel in all_headers()
        if PurePosixPath(rel).parent == PurePosixPath("voip") and rel not in core
    ]
    reached = set(core)
    for a in adapters:
        reached |= closure([a])
    orphans = [rel for rel in all_headers() if rel not in reached]
    if orphans:
        raise AmalgamateError(
            "headers reached neither from include/voip/bundle.hpp nor from an adapter "
            "include/voip/bundle_<name>.hpp: " + ", ".join(f"include/{o}" for o in orphans)
            + "; include each from the umbrella header (or from its adapter)")

    out: dict[str, str] = {}
    w = Writer()
    for root in core_roots:
        w.inline(root)
    out[CORE] = wrap(CORE, "the whole library in one header (needs date and tl-expected).", w)
    for rel in sorted(core - {CORE}):
        out[rel] = forwarder(rel)
    # What each header beside the core holds of its own: its closure less the core.
    owned = {a: closure([a]) - core for a in adapters}
    for a in adapters:
        external = {rel: "bundle.hpp" for rel in core}
        for b in adapters:
            if b != a and b in owned[a]:  # a includes b: b's headers come from b's file
                external.update({rel: PurePosixPath(b).name for rel in owned[b]})
        aw = Writer(external=external)
        aw.inline(a)
        name = PurePosixPath(a).stem
        out[a] = wrap(a, f"{name}.hpp for the single header (includes bundle.hpp).", aw)
        for rel in sorted(owned[a] - {a}):
            if all(rel not in owned[b] for b in adapters if b != a and b in owned[a]):
                out[rel] = forwarder(rel, a)
    return out


def existing(output: Path) -> dict[str, str]:
    root = output / "voip"
    if not root.is_dir():
        return {}
    return {
        p.relative_to(output).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*")) if p.is_file()
    }


def main() -> int:
    global INCLUDE
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=ROOT / "single_include",
                        help="directory to write voip/... into (default: single_include)")
    parser.add_argument("--include", type=Path, default=INCLUDE,
                        help="the include/ folder to read (default: include; tests use a synthetic one)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 and print a diff if the output is not up to date")
    args = parser.parse_args()
    INCLUDE = args.include.resolve()
    try:
        wanted = generate()
    except AmalgamateError as e:
        print(f"amalgamate.py: error: {e}", file=sys.stderr)
        return 2
    have = existing(args.output)

    if args.check:
        stale = False
        for rel in sorted(set(wanted) | set(have)):
            if wanted.get(rel) != have.get(rel):
                stale = True
                sys.stdout.writelines(difflib.unified_diff(
                    have.get(rel, "").splitlines(keepends=True), wanted.get(rel, "").splitlines(keepends=True),
                    f"{args.output}/{rel} (committed)", f"{args.output}/{rel} (fresh)", n=2))
        if stale:
            print(f"amalgamate.py: {args.output} is stale; run `python3 scripts/amalgamate.py`", file=sys.stderr)
            return 1
        return 0

    for rel, text in wanted.items():
        if have.get(rel) != text:  # leave unchanged files alone: no needless rebuilds
            path = args.output / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(text, encoding="utf-8", newline="\n")
            tmp.replace(path)  # atomic: a reader never sees half a header
            print(f"wrote {path}")
    for rel in sorted(set(have) - set(wanted)):
        (args.output / rel).unlink()
        print(f"removed stale {args.output / rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
