#!/usr/bin/env python3
"""Files over --max-file lines (default 400) and functions over --max-function lines
(default 80) in the project's code folders; exit 1 if there is one.

  python3 scripts/sizes.py                     # include/ app/ cli/ server/ tests/ python/ js/ conformance/
  python3 scripts/sizes.py --max-function 60 server

Python functions are measured with ast (decorators included). C++ functions by matching
braces outside comments and string literals: a '{' after a ')' that does not belong to
if/for/while/switch opens a function body, and lambdas count toward the function holding
them. A heuristic, not a parser: a report to act on, not a proof. Data files (tests/data,
conformance/vectors.json) are not code and are left out. Python's standard library only.
"""
import argparse
import ast
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDERS = ["include", "app", "cli", "server", "tests", "python", "js", "conformance"]
SKIP = {os.path.join("tests", "data"), os.path.join("conformance", "vectors.json")}
CPP = re.compile(r"\.(cpp|hpp|h|cc|cxx|ipp)$")
CONTROL = re.compile(r"\b(if|for|while|switch|catch)\s*\(")
AFTER_PARAMS = re.compile(r"\)\s*(const|noexcept|override|final|mutable|->[^;{}]*|\s)*$")


def blank_literals(text):
    """The text with comments, string and char literals blanked (newlines kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(]*)\(', text[i:])
            j = text.find(")" + m.group(1) + '"', i) + len(m.group(1)) + 2 if m else i + 2
        elif c == '"' or (c == "'" and not (i > 0 and text[i - 1].isalnum())):  # not a digit separator
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            j += 1
        else:
            out.append(c)
            i += 1
            continue
        out.append(re.sub(r"[^\n]", " ", text[i:j]))
        i = j
    return "".join(out)


def cpp_functions(text):
    """(lines, first line, head) of each outermost function body."""
    text = blank_literals(text)
    stack, found = [], []
    line, since, in_function = 1, 0, 0
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        elif c == "{":
            head = text[since:i].strip()
            last = head.split("\n")[-1]
            opens = in_function == 0 and AFTER_PARAMS.search(head) is not None and not CONTROL.search(last)
            stack.append((opens, line, " ".join(head.split())[-80:]))
            in_function += opens
            since = i + 1
        elif c == "}":
            if stack:
                opens, start, head = stack.pop()
                if opens:
                    in_function -= 1
                    found.append((line - start + 1, start, head))
            since = i + 1
        elif c == ";":
            since = i + 1
    return found


def py_functions(text):
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            start = min([node.lineno] + [d.lineno for d in node.decorator_list])
            found.append((node.end_lineno - start + 1, start, node.name))
    return found


def files_under(folders):
    for folder in folders:
        for root, dirs, names in os.walk(os.path.join(ROOT, folder)):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__" and os.path.relpath(os.path.join(root, d), ROOT) not in SKIP)
            for name in sorted(names):
                path = os.path.relpath(os.path.join(root, name), ROOT)
                if path not in SKIP:
                    yield path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", default=FOLDERS, help="folders below the project's top (default: %(default)s)")
    ap.add_argument("--max-file", type=int, default=400)
    ap.add_argument("--max-function", type=int, default=80)
    a = ap.parse_args()
    over = 0
    for path in files_under(a.folders):
        try:
            with open(os.path.join(ROOT, path), encoding="utf-8") as f:
                text = f.read()
        except UnicodeDecodeError:
            continue
        lines = text.count("\n")
        if lines > a.max_file:
            over += 1
            print(f"{path}: {lines} lines (at most {a.max_file})")
        if path.endswith(".py"):
            functions = py_functions(text)
        elif CPP.search(path):
            functions = cpp_functions(text)
        else:
            continue
        for length, start, head in functions:
            if length > a.max_function:
                over += 1
                print(f"{path}:{start}: a function of {length} lines (at most {a.max_function}): {head}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
