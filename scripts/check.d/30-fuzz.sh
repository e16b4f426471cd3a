#!/usr/bin/env bash
# A bounded libFuzzer run of every fuzz target (clang, ASan + UBSan), starting from the
# committed corpus (tests/fuzz/corpus/<target>/, never modified here). Any crash fails the
# stage; its input is left in build/fuzz/artifacts/ to become a regression test
# (tests/fuzz/regressions/<target>/, see docs/testing.md).
# FUZZ_SECONDS (default 15) is the time per target; docs/testing.md has the longer run.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-15}
cmake --workflow --preset fuzz
bin=build/fuzz/tests/fuzz
work=build/fuzz/run
rm -rf "$work"
mkdir -p "$work" build/fuzz/artifacts
status=0
summary=()
for exe in "$bin"/voip_fuzz_*; do
  [ -x "$exe" ] || continue
  name=${exe##*/voip_fuzz_}
  mkdir -p "$work/$name"
  dict=()
  case $name in request|bundle) dict=(-dict=tests/fuzz/json.dict) ;; esac
  log="$work/$name.log"
  echo "--- fuzz $name for ${seconds} s"
  if "$exe" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$name-" \
       "${dict[@]}" "$work/$name" "tests/fuzz/corpus/$name" >"$log" 2>&1; then
    result="0 crashes"
  else
    result="CRASH (see $log and build/fuzz/artifacts/)"
    status=1
    tail -n 40 "$log"
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
  summary+=("$(printf '%-10s %12s executions  %-10s %s' "$name" "${runs:-?}" "${cov:-}" "$result")")
done
echo "--- fuzz summary (${seconds} s per target)"
printf '%s\n' "${summary[@]}"
exit $status
