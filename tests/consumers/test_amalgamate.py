#!/usr/bin/env python3
"""Unit tests of scripts/amalgamate.py on small synthetic include/ trees (stdlib unittest).

    python3 tests/consumers/test_amalgamate.py
"""
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "amalgamate.py"


def write_tree(root: Path, files: dict) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


# A small library shaped like the real one: umbrella, two split headers (b includes a),
# the JSON codecs beside the core, and an adapter with a dependency of its own.
BASE = {
    "voip/bundle.hpp": '#pragma once\n// umbrella\n#include "bundle/version.hpp"\n#include "bundle/a.hpp"\n#include "bundle/b.hpp"\n',
    "voip/bundle/version.hpp": "#pragma once\n#define VOIP_BUNDLE_VERSION_MAJOR 1\n#define VOIP_BUNDLE_VERSION_MINOR 2\n#define VOIP_BUNDLE_VERSION_PATCH 3\n",
    "voip/bundle/a.hpp": "#pragma once\n#include <string>\nnamespace voip { inline int a() { return 1; } }\n",
    "voip/bundle/b.hpp": '#pragma once\n#include <string>\n#if defined(X)\n#include <vector>\n#endif\n#include <vector>\n#include "a.hpp"\nnamespace voip { inline int b() { return a() + 1; } }\n',
    "voip/bundle_json.hpp": '#pragma once\n#include "bundle.hpp"\nnamespace voip { inline int json() { return b(); } }\n',
    "voip/bundle_extra.hpp": '#pragma once\n#include <extra/lib.hpp>\n#include "bundle/b.hpp"\n#include "bundle.hpp"\nnamespace voip { inline int extra() { return b(); } }\n',
}

# BASE with the JSON header reaching a header of its own in a subfolder, as the real one does.
WITH_LEXER = dict(BASE)
WITH_LEXER["voip/bundle_json.hpp"] = ('#pragma once\n#include "bundle.hpp"\n#include "bundle/json/lexer.hpp"\n'
                                      'namespace voip { inline int json() { return lex(); } }\n')
WITH_LEXER["voip/bundle/json/lexer.hpp"] = ('#pragma once\n#include "../a.hpp"\n'
                                            'namespace voip { inline int lex() { return a(); } }\n')


class Amalgamate(unittest.TestCase):
    def run_script(self, files: dict, *args: str) -> tuple:
        d = tempfile.TemporaryDirectory()
        self.addCleanup(d.cleanup)
        tmp = Path(d.name)
        write_tree(tmp / "include", files)
        out = tmp / "out"
        proc = subprocess.run([sys.executable, str(SCRIPT), "--include", str(tmp / "include"), "--output", str(out), *args],
                              capture_output=True, text=True)
        return proc, out

    def test_core_inlines_each_header_once_in_include_order(self):
        proc, out = self.run_script(BASE)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        core = (out / "voip/bundle.hpp").read_text()
        self.assertIn("GENERATED FILE, DO NOT EDIT", core)
        self.assertIn("voip-bundle 1.2.3", core)
        self.assertEqual(core.count("inline int a()"), 1)
        self.assertLess(core.index("inline int a()"), core.index("inline int b()"))
        self.assertNotIn("inline int json()", core)  # the JSON codecs are a header of their own
        self.assertEqual(core.count("#pragma once"), 1)
        self.assertNotIn('#include "', core)

    def test_system_includes_deduplicated_only_outside_conditionals(self):
        proc, out = self.run_script(BASE)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        core = (out / "voip/bundle.hpp").read_text()
        self.assertEqual(core.count("#include <string>"), 1)
        # the one inside #if defined(X) stays, and so does the unconditional one after it
        self.assertEqual(core.count("#include <vector>"), 2)

    def test_adapter_includes_the_core_single_header_instead_of_copying_it(self):
        proc, out = self.run_script(BASE)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        extra = (out / "voip/bundle_extra.hpp").read_text()
        self.assertEqual(extra.count('#include "bundle.hpp"'), 1)
        self.assertIn("#include <extra/lib.hpp>", extra)
        self.assertIn("inline int extra()", extra)
        self.assertNotIn("inline int a()", extra)

    def test_split_headers_forward_to_the_single_header(self):
        proc, out = self.run_script(BASE)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn('#include "../bundle.hpp"', (out / "voip/bundle/a.hpp").read_text())
        json = (out / "voip/bundle_json.hpp").read_text()
        self.assertIn('#include "bundle.hpp"', json)
        self.assertIn("inline int json()", json)

    def test_deterministic_and_check_mode(self):
        proc, out = self.run_script(BASE)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        first = {p: p.read_bytes() for p in sorted(out.rglob("*.hpp"))}
        include = out.parent / "include"
        again = subprocess.run([sys.executable, str(SCRIPT), "--include", str(include), "--output", str(out), "--check"],
                               capture_output=True, text=True)
        self.assertEqual(again.returncode, 0, again.stdout + again.stderr)
        (include / "voip/bundle/a.hpp").write_text("#pragma once\nnamespace voip { inline int a() { return 2; } }\n")
        stale = subprocess.run([sys.executable, str(SCRIPT), "--include", str(include), "--output", str(out), "--check"],
                               capture_output=True, text=True)
        self.assertEqual(stale.returncode, 1)
        self.assertIn("return 2", stale.stdout)
        self.assertEqual(first, {p: p.read_bytes() for p in sorted(out.rglob("*.hpp"))})  # --check writes nothing

    def test_headers_in_a_subfolder_reached_through_the_json_header(self):
        files = dict(WITH_LEXER)
        proc, out = self.run_script(files)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        json = (out / "voip/bundle_json.hpp").read_text()
        self.assertEqual(json.count("inline int lex()"), 1)
        self.assertLess(json.index("inline int lex()"), json.index("inline int json()"))
        self.assertNotIn("inline int lex()", (out / "voip/bundle.hpp").read_text())
        self.assertIn('#include "../../bundle_json.hpp"', (out / "voip/bundle/json/lexer.hpp").read_text())

    def test_a_header_beside_the_core_that_includes_another_includes_its_file(self):
        files = dict(WITH_LEXER)
        files["voip/bundle_tree.hpp"] = ('#pragma once\n#include "bundle/b.hpp"\n#include "bundle_json.hpp"\n'
                                         'namespace voip { inline int tree() { return json() + b(); } }\n')
        proc, out = self.run_script(files)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        tree = (out / "voip/bundle_tree.hpp").read_text()
        self.assertEqual(tree.count('#include "bundle.hpp"'), 1)
        self.assertEqual(tree.count('#include "bundle_json.hpp"'), 1)
        self.assertNotIn("inline int lex()", tree)  # the JSON header's code stays in its file
        self.assertNotIn("inline int json()", tree)
        self.assertIn("inline int tree()", tree)

    def test_a_header_nobody_includes_is_an_error(self):
        files = dict(BASE)
        files["voip/bundle/orphan.hpp"] = "#pragma once\n"
        proc, _ = self.run_script(files)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("include/voip/bundle/orphan.hpp", proc.stderr)

    def test_a_conditional_project_include_is_an_error(self):
        files = dict(BASE)
        files["voip/bundle.hpp"] += '#ifdef Y\n#include "bundle/c.hpp"\n#endif\n'
        files["voip/bundle/c.hpp"] = "#pragma once\n"
        proc, _ = self.run_script(files)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("conditional", proc.stderr)

    def test_stale_outputs_are_removed(self):
        proc, out = self.run_script(BASE)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        (out / "voip/bundle/gone.hpp").write_text("old\n")
        include = out.parent / "include"
        subprocess.run([sys.executable, str(SCRIPT), "--include", str(include), "--output", str(out)], check=True,
                       capture_output=True)
        self.assertFalse((out / "voip/bundle/gone.hpp").exists())


if __name__ == "__main__":
    unittest.main(verbosity=2)
