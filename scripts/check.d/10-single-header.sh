#!/usr/bin/env bash
# CI stage: the single header (single_include/) is byte-identical to a fresh generation
# from include/, and the library's test suites pass against it (g++, C++17: the split
# headers are covered by every compiler/standard in the main workflows; the command and
# the sandbox, programs built on the library, build against include/ there).
# Fix a failure of step 1 with: python3 scripts/amalgamate.py
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS

echo "--- single header: regenerate into a temporary folder and compare"
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
python3 scripts/amalgamate.py --output "$fresh" >/dev/null
if ! diff -ru single_include "$fresh"; then
  echo "single_include/ is stale: run 'python3 scripts/amalgamate.py' and commit single_include/" >&2
  exit 1
fi
# Generation is deterministic: a second run writes the same bytes.
again="$fresh/again"
python3 scripts/amalgamate.py --output "$again" >/dev/null
diff -r "$fresh/voip" "$again/voip" >/dev/null || { echo "amalgamate.py is not deterministic" >&2; exit 1; }
echo "single_include/ is up to date ($(wc -l <single_include/voip/bundle.hpp) lines in voip/bundle.hpp)"

echo "--- the test suite against the single header (VOIP_BUNDLE_SINGLE_HEADER=ON)"
build=build/single-header
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=g++ \
  -DCMAKE_CXX_STANDARD=17 -DCMAKE_CXX_STANDARD_REQUIRED=ON -DCMAKE_CXX_EXTENSIONS=OFF \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DVOIP_BUNDLE_SINGLE_HEADER=ON -DVOIP_BUNDLE_WERROR=ON -DVOIP_BUNDLE_CLI=OFF -DVOIP_BUNDLE_SERVER=OFF >/dev/null
cmake --build "$build" -j "${CMAKE_BUILD_PARALLEL_LEVEL:-2}"
# The library's suites but the compile-fail cases (the same text, compiled against include/ in
# the Debug workflows): the programs built on it (the command, the sandbox) are left out
# here (CI budget; they build against include/ in every workflow). The consumer cases do
# not depend on the switch and already ran in every workflow.
ctest --test-dir "$build" --output-on-failure -LE "consumers|compile_fail" -j "${CMAKE_BUILD_PARALLEL_LEVEL:-2}"

# The switch must have taken: no test target may see include/ (all through single_include/).
if grep -qE -- "-I$PWD/include( |$)" "$build/build.ninja"; then
  echo "some target of the single-header build still includes include/:" >&2
  grep -nE -- "-I$PWD/include( |$)" "$build/build.ninja" | head >&2
  exit 1
fi
echo "single-header stage passed in $((SECONDS - start)) s"
