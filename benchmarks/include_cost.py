#!/usr/bin/env python3
"""Include cost: compile time (g++ -O0 -c) of a file that includes <voip/bundle.hpp> vs one
that includes only the library's two dependencies, <date/date.h> and <tl/expected.hpp>.
The two files are compiled alternately, several times each, and the medians compared, so a
burst of load from other processes hits both. The figure compared is the compiler's CPU time
(user + system, from wait4), which other processes on a shared machine disturb far less
than wall time; wall times are recorded too. Writes JSON (see --out)."""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

SOURCES = {
    "library": "#include <voip/bundle.hpp>\nint main() { return 0; }\n",
    "dependencies": "#include <date/date.h>\n#include <tl/expected.hpp>\nint main() { return 0; }\n",
}


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cxx", default="g++")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--include", default=os.path.join(here, "..", "include"))
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    # The flags a consumer gets from find_package(voip-bundle): C++17 and date's definitions.
    flags = ["-std=c++17", "-O0", "-DHAS_STRING_VIEW=1", "-DONLY_C_LOCALE=1", "-I", os.path.abspath(args.include)]
    times = {name: [] for name in SOURCES}
    walls = {name: [] for name in SOURCES}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for name, text in SOURCES.items():
            paths[name] = os.path.join(tmp, name + ".cpp")
            with open(paths[name], "w") as f:
                f.write(text)
        for _ in range(args.runs):
            for name, path in paths.items():
                start = time.perf_counter()
                proc = subprocess.Popen([args.cxx, *flags, "-c", path, "-o", os.devnull])
                _, status, usage = os.wait4(proc.pid, 0)
                walls[name].append(time.perf_counter() - start)
                proc.returncode = os.waitstatus_to_exitcode(status)
                if proc.returncode != 0:
                    raise SystemExit(f"{args.cxx} failed on the {name} file")
                times[name].append(usage.ru_utime + usage.ru_stime)
    version = subprocess.run([args.cxx, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    lib = statistics.median(times["library"])
    deps = statistics.median(times["dependencies"])
    result = {
        "compiler": version,
        "flags": " ".join(flags[:4]),
        "runs": args.runs,
        "measure": "compiler CPU time (user + system), seconds",
        "library_s": times["library"],
        "dependencies_s": times["dependencies"],
        "library_wall_s": walls["library"],
        "dependencies_wall_s": walls["dependencies"],
        "median_library_s": lib,
        "median_dependencies_s": deps,
        "ratio": lib / deps,
        "loadavg": os.getloadavg(),
    }
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
    print(f"include cost ({version}, -O0, CPU time, median of {args.runs}): <voip/bundle.hpp> {lib:.3f} s, "
          f"<date/date.h> + <tl/expected.hpp> {deps:.3f} s, ratio {lib / deps:.2f}")


if __name__ == "__main__":
    main()
