#!/usr/bin/env bash
# A bounded libFuzzer run of every fuzz target (clang, ASan + UBSan), starting from the
# committed corpus (tests/fuzz/corpus/<target>/, never modified here). Any crash fails the
# stage; its input is left in build/fuzz/artifacts/ to become a regression test
# (tests/fuzz/regressions/<target>/, see docs/testing.md).
# FUZZ_SECONDS (default 10) is the time per target; docs/testing.md has the longer run.
# The targets run CMAKE_BUILD_PARALLEL_LEVEL (default 2) at a time, one process each.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-10}
parallel=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
cmake --workflow --preset fuzz
bin=build/fuzz/tests/fuzz
work=build/fuzz/run
rm -rf "$work"
mkdir -p "$work" build/fuzz/artifacts

# One target: its log in $work/<name>.log, its verdict in $work/<name>.status.
fuzz_one() {
  local exe=$1 name=$2 dict=()
  case $name in request|bundle) dict=(-dict=tests/fuzz/json.dict) ;; esac
  mkdir -p "$work/$name"
  if "$exe" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$name-" \
       "${dict[@]}" "$work/$name" "tests/fuzz/corpus/$name" >"$work/$name.log" 2>&1; then
    echo 0 >"$work/$name.status"
  else
    echo 1 >"$work/$name.status"
  fi
}

names=()
for exe in "$bin"/voip_fuzz_*; do
  [ -x "$exe" ] || continue
  name=${exe##*/voip_fuzz_}
  names+=("$name")
  echo "--- fuzz $name for ${seconds} s"
  fuzz_one "$exe" "$name" &
  while (($(jobs -rp | wc -l) >= parallel)); do wait -n || true; done
done
wait

status=0
echo "--- fuzz summary (${seconds} s per target, $parallel at a time)"
for name in "${names[@]}"; do
  log="$work/$name.log"
  if [ "$(cat "$work/$name.status" 2>/dev/null)" = 0 ]; then
    result="0 crashes"
  else
    result="CRASH (see $log and build/fuzz/artifacts/)"
    status=1
    tail -n 40 "$log"
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
  printf '%-10s %12s executions  %-10s %s\n' "$name" "${runs:-?}" "${cov:-}" "$result"
done
exit $status
