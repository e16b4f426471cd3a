"""The run's figures and every survivor, as JSON or text."""
from __future__ import annotations

import json
from collections import Counter

from .mutants import Mutant
from .runner import KILLED, NOT_COMPILABLE, SURVIVED, Outcome

EQUIVALENT = "equivalent"


def line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:len(text) if end < 0 else end].strip()


def rows(mutants: list[Mutant], results: dict[str, Outcome], equivalent: dict[str, str],
         texts: dict[str, str]) -> list[dict]:
    out = []
    for m in mutants:
        r = results.get(m.id, Outcome("not_run"))
        status = r.status
        if m.id in equivalent and status == SURVIVED:
            status = EQUIVALENT
        mutated_text = m.apply(texts[m.file])
        out.append({"id": m.id, "file": m.file, "line": m.line, "kind": m.kind, "original": m.original,
                    "mutated": m.mutated, "line_text": line_of(texts[m.file], m.start),
                    "mutated_line": line_of(mutated_text, m.start), "status": status, "how": r.how,
                    "by": r.by, "seconds": round(r.seconds, 2), "reason": equivalent.get(m.id, "")})
    return out


def summary(table: list[dict], seconds: float) -> dict:
    c = Counter(r["status"] for r in table)
    made = len(table)
    judged = c[KILLED] + c[SURVIVED]  # non-equivalent, compilable
    return {"made": made, "not_compilable": c[NOT_COMPILABLE], "killed": c[KILLED], "equivalent": c[EQUIVALENT],
            "survived": c[SURVIVED], "not_run": c["not_run"],
            "score": round(100.0 * c[KILLED] / judged, 2) if judged else 100.0, "seconds": round(seconds),
            "killed_by": dict(Counter(r["how"].split(":")[0] if r["status"] == KILLED else "" for r in table
                                      if r["status"] == KILLED)),
            "by_kind": {k: dict(Counter(r["status"] for r in table if r["kind"] == k))
                        for k in sorted({r["kind"] for r in table})}}


def text_report(table: list[dict], figures: dict) -> str:
    lines = [f"mutants made: {figures['made']}, not compilable: {figures['not_compilable']}, "
             f"killed: {figures['killed']}, equivalent: {figures['equivalent']}, survived: {figures['survived']}"
             + (f", not run: {figures['not_run']}" if figures["not_run"] else ""),
             f"score (killed / (killed + survived)): {figures['score']} %, time {figures['seconds']} s",
             f"killed by: {figures['killed_by']}",
             "per operator: " + "; ".join(f"{k} {v}" for k, v in figures["by_kind"].items())]
    for title, status in (("survived", SURVIVED), ("equivalent", EQUIVALENT)):
        chosen = [r for r in table if r["status"] == status]
        if chosen:
            lines.append(f"--- {title} ({len(chosen)})")
        for r in chosen:
            lines.append(f"{r['file']}:{r['line']} [{r['id']}] {r['kind']}: {r['original']!r} -> {r['mutated']!r}"
                         + (f"  ({r['reason']})" if r["reason"] else ""))
            lines.append(f"    - {r['line_text']}")
            lines.append(f"    + {r['mutated_line']}")
    return "\n".join(lines) + "\n"


def write(path: str, table: list[dict], figures: dict) -> None:
    with open(path, "w") as f:
        if path.endswith(".json"):
            json.dump({"summary": figures, "mutants": table}, f, indent=1)
            f.write("\n")
        else:
            f.write(text_report(table, figures))


def list_mutants(mutants: list[Mutant], texts: dict[str, str], schematised: set[str]) -> str:
    out = []
    for m in mutants:
        how = "schemata" if m.id in schematised else "rebuild"
        out.append(f"{m.id}\t{m.file}:{m.line}\t{m.kind}\t{m.original!r} -> {m.mutated!r}\t{how}\t"
                   f"{line_of(m.apply(texts[m.file]), m.start)}")
    return "\n".join(out) + "\n"
