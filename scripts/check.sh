#!/usr/bin/env bash
# The whole test suite: every compiler/standard workflow, then each extra stage in
# scripts/check.d/ (sanitizers, fuzzing, consumers, ...) in name order.
# Usage: scripts/check.sh [--quick]   (--quick: g++ C++17 only, no extra stages)
# Debug: g++ C++17 and clang++ C++20 (each compiler, each standard, once; clang-cxx20
# builds the library's suites, not the command and the server). Optimised: gcc-release (g++
# C++20 -O3) and clang-release (clang++ C++17 -O2), the whole suite. The sandbox's HTTP tests
# run in gcc-cxx17 and the sanitizer stage; see docs/testing.md for what runs where.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
scripts/deps.sh
workflows=(gcc-cxx17)
((quick)) || workflows+=(clang-cxx20 gcc-release clang-release)
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
