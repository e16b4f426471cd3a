"""The package's surface: the stub declares exactly the extension's names, every class and
function has a docstring, and the example client runs."""
import ast
import inspect
import os
import re
import runpy

import voip_bundle as v
from voip_bundle import _voip_bundle

HERE = os.path.dirname(os.path.abspath(__file__))
STUB = os.path.join(os.path.dirname(v.__file__), "_voip_bundle.pyi")
ALIASES = {"UuidLike", "Text", "Column", "FeatureTable", "_Out"}  # type aliases of the stub only


def stub_names():
    tree = ast.parse(open(STUB, encoding="utf-8").read())
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets)
        elif isinstance(node, ast.ImportFrom) and node.module == "_errors":
            names.update(a.asname or a.name for a in node.names)
    return names - ALIASES


def test_stub_declares_every_name_and_no_other():
    runtime = {n for n in dir(_voip_bundle) if not n.startswith("_")}
    assert stub_names() == runtime


def test_every_class_and_function_has_a_docstring():
    missing = []
    for name in dir(v):
        obj = getattr(v, name)
        if name.startswith("_") or not (inspect.isclass(obj) or callable(obj)):
            continue
        if not (obj.__doc__ or "").strip():
            missing.append(name)
        if inspect.isclass(obj) and not issubclass(obj, (int, BaseException)):
            for attr, member in vars(obj).items():
                if not attr.startswith("_") and not (getattr(member, "__doc__", "") or "").strip():
                    missing.append(f"{name}.{attr}")
    assert missing == []


def test_strategies_are_documented():
    from voip_bundle import strategies
    for name in strategies.__all__:
        assert (getattr(strategies, name).__doc__ or "").strip(), name


def test_example_client_runs(capsys):
    runpy.run_path(os.path.join(HERE, "..", "examples", "quote_client.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert '"error":"insufficient_funds"' in out and "renew 6, lapsed 5, none 29" in out


def run_python_block(capsys, page):
    """The first python block of a page that imports datetime: its code and what it prints."""
    doc = open(os.path.join(HERE, "..", "..", page), encoding="utf-8").read()
    start = doc.index("```python\nimport datetime") + len("```python\n")
    code = doc[start:doc.index("```", start)]
    exec(compile(code, page, "exec"), {})
    return code, capsys.readouterr().out.splitlines()


def test_the_example_of_docs_python_md_prints_what_it_says(capsys):
    code, printed = run_python_block(capsys, "docs/python.md")
    assert printed == ["15.00 2018-10-01",
                       '{"result":{},"status_code":402,"status_message":"Payment Required","error":"insufficient_funds"}']
    assert "# 15.00 2018-10-01" in code and "# " + printed[1] in code


def test_the_example_of_the_readme_prints_what_it_says(capsys):
    code, printed = run_python_block(capsys, "README.md")
    assert len(printed) == 1 and "# " + printed[0] + "\n" in code


def test_stub_functions_take_the_parameters_the_bindings_take():
    """Each function's overloads in the stub name the parameters, in order, that the
    extension's signatures (pybind11's docstrings) name."""
    tree = ast.parse(open(STUB, encoding="utf-8").read())
    stub = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            args = node.args
            stub.setdefault(node.name, set()).add(tuple(a.arg for a in args.posonlyargs + args.args + args.kwonlyargs))
    for name, overloads in stub.items():
        doc = getattr(_voip_bundle, name).__doc__
        runtime = {tuple(re.findall(r"(?:^|, )(\w+): ", m.group(1)))
                   for m in re.finditer(rf"^(?:\d+\. )?{name}\((.*)\) ->", doc, re.M)}
        assert runtime == overloads, name
