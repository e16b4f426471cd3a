#!/usr/bin/env bash
# The conformance suite (conformance/README.md): every runner present over
# conformance/vectors.json, one line each (`RUNNER: N passed, M failed`), then the parity
# check of the public names. Exit 1 when any runner fails or cannot run.
#   scripts/conformance.sh [--cxx-build DIR] [--cli-build DIR] [--venv DIR]
# Defaults: the C++ runner, the command and the sandbox from build/gcc-cxx17 (build/coverage
# when only that exists, as after a full run), Python from build/python/venv.
# Builds nothing: scripts/check.d/75-conformance.sh builds the C++ runner first. The Node
# and Chromium runners (conformance/run_node.mjs, conformance/run_chromium.mjs) run when
# their files exist, with `node FILE conformance/vectors.json`; they load the npm package
# from build/wasm/npm (scripts/check.d/70-wasm.sh) and Chromium's puppeteer-core from
# build/wasm/browser-test (scripts/js-browser-test.sh), and fail when either is missing.
set -uo pipefail
cd "$(dirname "$0")/.."
cxx_build=""
cli_build=""
venv=build/python/venv
while (($#)); do
  case "$1" in
    --cxx-build) cxx_build=$2; shift 2 ;;
    --cli-build) cli_build=$2; shift 2 ;;
    --venv) venv=$2; shift 2 ;;
    *) echo "usage: scripts/conformance.sh [--cxx-build DIR] [--cli-build DIR] [--venv DIR]" >&2; exit 2 ;;
  esac
done
# The g++ C++17 Debug build: build/gcc-cxx17, or build/coverage after a full run.
debug_build=build/gcc-cxx17
[ -d "$debug_build" ] || [ ! -d build/coverage ] || debug_build=build/coverage
[ -n "$cxx_build" ] || cxx_build=$debug_build
[ -n "$cli_build" ] || cli_build=$debug_build
vectors=conformance/vectors.json
cli=$cli_build/cli/voip-bundle
python=$venv/bin/python
failed=0
ran=0

# One runner: its command, or why it cannot run (a failure: every runner present is required).
runner() {
  local name=$1 missing=$2
  shift 2
  ran=$((ran + 1))
  if [ -n "$missing" ]; then
    echo "$name: not run ($missing)"
    failed=1
  elif ! "$@"; then
    failed=1
  fi
}
need() { [ -x "$1" ] || echo "no $1: $2"; }

runner cpp "$(need "$cxx_build/conformance/voip_conformance_check" "build the target voip_conformance_check")" \
  "$cxx_build/conformance/voip_conformance_check" "$vectors"
runner cli "$(need "$cli" "build the target voip-bundle")" python3 conformance/run_cli.py "$cli" "$vectors"
runner sandbox "$(need "$cli" "build the target voip-bundle")" python3 conformance/run_sandbox.py "$cli" "$vectors"
runner python "$(need "$python" "run scripts/check.d/60-python.sh")" "$python" conformance/run_python.py "$vectors"
for js in conformance/run_node.mjs conformance/run_chromium.mjs; do
  [ -e "$js" ] || continue
  name=${js#conformance/run_}
  runner "${name%.mjs}" "$(command -v node > /dev/null || echo "no node on PATH")" node "$js" "$vectors"
done
runner names "$(need "$python" "run scripts/check.d/60-python.sh")" "$python" conformance/check_names.py

if ((failed)); then
  echo "conformance: FAILED (see the lines above)"
  exit 1
fi
echo "conformance: $ran checks passed"
