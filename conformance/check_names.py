#!/usr/bin/env python3
"""The parity check: every public name of docs/api.md has a Python counterpart, and a
JavaScript one once the npm package is built (conformance/names.json, conformance/README.md).

    build/python/venv/bin/python conformance/check_names.py [build/wasm/npm]

Fails (exit 1) when a name of api.md's `###` headings is not in names.json; when an entry
has no Python counterpart and does not name its reason among docs/python.md's "Not bound"
list; when a Python counterpart is missing from the voip_bundle package; and, when the npm
package folder exists (its package.json), when an entry has no JavaScript counterpart and
does not name its reason among docs/javascript.md's "Not bound" list, or names one the
package lacks: an export of its module (`BundleType.business` reaches a member), a type its
voip-bundle.d.ts declares (`d.ts:Bundle`), or a JavaScript type (`string`).
Prints `names: N passed, M failed (...)`.
"""
import importlib
import json
import os
import re
import shutil
import subprocess
import sys

import voip_bundle

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JS_TYPES = {"number", "string", "boolean", "Set", "Map", "Date", "Array", "Object", "bigint"}


def api_names():
    names = []
    with open(os.path.join(ROOT, "docs", "api.md"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("### "):
                names += [n for n in re.findall(r"`([^`]+)`", line) if n not in names]
    return names


def not_bound_text(doc):
    """The paragraph of docs/DOC that lists what is not bound, whitespace folded."""
    with open(os.path.join(ROOT, "docs", doc), encoding="utf-8") as f:
        text = f.read()
    start = text.find("Not bound, each for a reason")
    end = text.find("\n\n", start)
    return " ".join(text[start:end].split()) if start >= 0 else ""


def python_has(name):
    if ":" in name:  # module:attribute, a standard type standing for the C++ one
        module, attr = name.split(":")
        return hasattr(importlib.import_module(module), attr)
    obj = voip_bundle
    for i, part in enumerate(name.split(".")):
        if i == 0 and part == "strategies":
            obj = importlib.import_module("voip_bundle.strategies")
            continue
        if not hasattr(obj, part):
            return False
        obj = getattr(obj, part)
    return True


JS_MEMBERS = ("import(process.argv[1]).then(m => console.log(JSON.stringify(Object.entries(m).flatMap(([k, v]) =>"
              " [k, ...(v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).map(n => k + '.' + n) : [])]))))")
DTS_TYPE = re.compile(r"^export (?:declare )?(?:type|interface|class) (\w+)", re.M)


def js_exports(package):
    """What the npm package offers: its module's exports and their members (`BundleType.business`),
    and the types of its .d.ts (`d.ts:Bundle`); None when it is not built (or no node)."""
    if not os.path.exists(os.path.join(package, "package.json")) or shutil.which("node") is None:
        return None
    with open(os.path.join(package, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    main = meta.get("module") or meta.get("main") or "index.js"
    done = subprocess.run(["node", "-e", JS_MEMBERS, os.path.abspath(os.path.join(package, main))],
                          capture_output=True, text=True, check=True)
    with open(os.path.join(package, meta.get("types", "index.d.ts")), encoding="utf-8") as f:
        types = {"d.ts:" + t for t in DTS_TYPE.findall(f.read())}
    return set(json.loads(done.stdout)) | types


def js_problems(name, entry, reasons, exports):
    """What is wrong with an entry's JavaScript side (a list of messages)."""
    js = entry.get("js")
    if js is None:
        why = " ".join(entry.get("js_not_bound", "").split())
        if not why or why not in reasons:
            return [f"{name}: no JavaScript counterpart, and no reason from docs/javascript.md's 'Not bound' list"]
    elif js not in JS_TYPES and js not in exports:
        return [f"{name}: the npm package has no {js}"]
    return []


def problems(name, entry, reasons, exports):
    """What is wrong with one entry (a list of messages)."""
    out = []
    py = entry.get("python")
    if py is None:
        why = " ".join(entry.get("not_bound", "").split())
        if not why or why not in reasons["python"]:
            out.append(f"{name}: no Python counterpart, and no reason from docs/python.md's 'Not bound' list")
    elif not python_has(py):
        out.append(f"{name}: voip_bundle has no {py}")
    if exports is not None:
        out += js_problems(name, entry, reasons["js"], exports)
    return out


def main():
    package = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "wasm", "npm")
    with open(os.path.join(HERE, "names.json"), encoding="utf-8") as f:
        manifest = json.load(f)["names"]
    reasons = {"python": not_bound_text("python.md"), "js": not_bound_text("javascript.md")}
    exports = js_exports(package)
    found = [f"{n}: a public name of docs/api.md missing from names.json" for n in api_names() if n not in manifest]
    passed = 0
    for name, entry in manifest.items():
        wrong = problems(name, entry, reasons, exports)
        found += wrong
        passed += not wrong
    for message in found:
        print("FAIL " + message)
    bound = sum(1 for e in manifest.values() if e.get("python") is not None)
    js_bound = sum(1 for e in manifest.values() if e.get("js") is not None)
    js = ("JavaScript not checked: no npm package" if exports is None else
          f"{js_bound} with a JavaScript counterpart, {len(manifest) - js_bound} not bound as docs/javascript.md says")
    print(f"names: {passed} passed, {len(found)} failed ({bound} with a Python counterpart, "
          f"{len(manifest) - bound} not bound as docs/python.md says; {js})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
