#!/usr/bin/env bash
# The whole benchmark suite in one command: builds the `bench` preset (Release, -O2), runs
# every benchmark (library and peers in one binary, repetitions, medians), measures the
# include cost, and writes the JSON, the table and the plot.
# Usage: scripts/bench.sh [--quick]        (--quick: one short repetition, to try it out)
# Output: build/bench/results/ (override with BENCH_OUT=dir)
#   benchmarks.json     Google Benchmark JSON (aggregates: mean, median, stddev, cv)
#   include_cost.json   compile times of <voip/bundle.hpp> vs its two dependencies
#   table.md            the tables of docs/benchmarks.md
#   benchmarks.svg      the plot of docs/benchmarks.md
#   machine.txt         CPU, compilers, load before and after
set -euo pipefail
cd "$(dirname "$0")/.."
out=${BENCH_OUT:-build/bench/results}
repetitions=7 min_time=0.3 compile_runs=15
if [ "${1:-}" = "--quick" ]; then repetitions=1 min_time=0.02 compile_runs=1; fi

cmake --workflow --preset bench
mkdir -p "$out"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core|Socket|L[123])' || true
  g++ --version | head -n 1
  clang++ --version | head -n 1 || true
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

build/bench/benchmarks/voip_bundle_bench \
  --benchmark_repetitions="$repetitions" --benchmark_report_aggregates_only=true \
  --benchmark_enable_random_interleaving=true --benchmark_min_time="$min_time" \
  --benchmark_out="$out/benchmarks.json" --benchmark_out_format=json
python3 benchmarks/include_cost.py --runs "$compile_runs" --out "$out/include_cost.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
python3 benchmarks/report.py --bench "$out/benchmarks.json" --include "$out/include_cost.json" \
  --markdown "$out/table.md" --svg "$out/benchmarks.svg"
echo "results in $out/ (table.md, benchmarks.svg, benchmarks.json, include_cost.json, machine.txt)"
