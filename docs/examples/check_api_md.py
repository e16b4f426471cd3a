"""docs/api.md and docs/examples/ agree: every example (<name>.cpp) is linked from api.md,
has a <name>.output shown verbatim in api.md, and is listed in CMakeLists.txt; every
example api.md links exists.  usage: check_api_md.py docs/api.md docs/examples"""
import pathlib
import re
import sys

api_md = pathlib.Path(sys.argv[1])
folder = pathlib.Path(sys.argv[2])
text = api_md.read_text(encoding="utf-8")
cmake = (folder / "CMakeLists.txt").read_text(encoding="utf-8")
examples = sorted(p.stem for p in folder.glob("*.cpp"))
linked = set(re.findall(r"\]\((?:\./)?examples/([A-Za-z0-9_]+)\.cpp\)", text))
problems = []
for name in examples:
    if name not in linked:
        problems.append(f"docs/examples/{name}.cpp is not linked from {api_md.name}")
    output = folder / f"{name}.output"
    if not output.exists():
        problems.append(f"docs/examples/{name}.output does not exist")
    elif "```\n" + output.read_text(encoding="utf-8") + "```\n" not in text:
        problems.append(f"{api_md.name} does not show docs/examples/{name}.output verbatim")
    if not re.search(rf"^\s*(list\(APPEND \S+ )?{re.escape(name)}\)?\s*$", cmake, re.M):
        problems.append(f"docs/examples/CMakeLists.txt does not list {name}")
for name in sorted(linked - set(examples)):
    problems.append(f"{api_md.name} links examples/{name}.cpp, which does not exist")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
