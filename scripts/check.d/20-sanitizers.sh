#!/usr/bin/env bash
# ASan + UBSan (clang, -fno-sanitize-recover=all) over the whole test suite, then the
# -fno-exceptions build of every suite that does not need exceptions by design
# (docs/testing.md lists what is left out and why).
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS
echo "--- asan-ubsan: build and run the test suite"
cmake --workflow --preset asan-ubsan
echo "--- no-exceptions: build and run"
cmake --workflow --preset no-exceptions
echo "--- sanitizers and no-exceptions: passed in $((SECONDS - start)) s"
