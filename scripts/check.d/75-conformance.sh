#!/usr/bin/env bash
# CI stage: the conformance suite (conformance/README.md). Reuses the build folders the
# workflows left: the generator, the C++ runner, the command and the sandbox are those of
# build/gcc-cxx17, or build/coverage in the full run (the g++ C++17 Debug build; its
# answers must be those the optimised builds' tests check), Python is stage 60's virtual environment, the
# npm package and puppeteer-core are stage 70's (build/wasm/npm, build/wasm/browser-test):
# so this stage runs after 70-wasm.sh, never on a package an older commit built.
# Regenerates conformance/vectors.json and compares it byte for byte with the committed
# file, then runs scripts/conformance.sh (every runner, the parity of names).
set -euo pipefail
cd "$(dirname "$0")/../.."
t=$SECONDS
cxx=build/gcc-cxx17
# The full run's g++ C++17 Debug build is the coverage stage's (its counters do not matter here).
[ -f "$cxx/CMakeCache.txt" ] || [ ! -f build/coverage/CMakeCache.txt ] || cxx=build/coverage
[ -f "$cxx/CMakeCache.txt" ] || cmake --preset gcc-cxx17 > /dev/null
cmake --build "$cxx" -j 2 --target voip_conformance_generate voip_conformance_check
cmake --build "$cxx" -j 2 --target voip-bundle
echo "--- conformance: built in $((SECONDS - t)) s"
mkdir -p build/conformance
"$cxx/conformance/voip_conformance_generate" > build/conformance/vectors.json
if ! cmp -s build/conformance/vectors.json conformance/vectors.json; then
  diff -u conformance/vectors.json build/conformance/vectors.json | head -40 || true
  echo "conformance/vectors.json differs from what the library generates: regenerate it" \
       "($cxx/conformance/voip_conformance_generate > conformance/vectors.json) and review the change" >&2
  exit 1
fi
echo "--- conformance: vectors.json is the library's, byte for byte"
scripts/conformance.sh --cxx-build "$cxx" --cli-build "$cxx" --venv build/python/venv
echo "--- conformance: passed in $((SECONDS - t)) s"
