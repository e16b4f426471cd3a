#!/usr/bin/env bash
# The whole test suite: every compiler/standard workflow, then each extra stage in
# scripts/check.d/ (sanitizers, fuzzing, consumers, ...) in name order.
# Usage: scripts/check.sh [--quick]   (--quick: g++ C++17 only, no extra stages)
# Debug: g++ C++17 (in the full run: instrumented, by the coverage stage) and clang++ C++20
# (each compiler, each standard, once; clang-cxx20 builds the library's suites, not the
# command and the server). Optimised: gcc-release (g++
# C++20 -O3) and clang-release (clang++ C++17 -O2), the suite but the sandbox, the consumer
# and the compile-fail cases. The sandbox's HTTP tests
# run in gcc-cxx17 (coverage) and the sanitizer stage; see docs/testing.md for what runs where.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
scripts/deps.sh
# The full run leaves gcc-cxx17 to the coverage stage (40-coverage.sh), which builds and runs
# the same workflow with --coverage: one g++ C++17 Debug build instead of two.
workflows=(gcc-cxx17)
((quick)) || workflows=(clang-cxx20 gcc-release clang-release)
for w in "${workflows[@]}"; do
  echo "=== workflow $w"
  t=$SECONDS
  cmake --workflow --preset "$w"
  echo "=== time: workflow $w, $((SECONDS - t)) s"
done
if ((!quick)); then
  for stage in scripts/check.d/*.sh; do
    [ -e "$stage" ] || continue
    echo "=== stage $stage"
    t=$SECONDS
    bash "$stage"
    echo "=== time: stage ${stage##*/}, $((SECONDS - t)) s"
  done
fi
echo "=== all checks passed in $SECONDS s"
