#!/usr/bin/env bash
# The whole test suite: every compiler/standard workflow, then each extra stage in
# scripts/check.d/ (sanitizers, fuzzing, consumers, ...) in name order.
# Usage: scripts/check.sh [--quick]   (--quick: g++ C++17 only, no extra stages)
# The full run also builds optimised: gcc-release and clang-release (-O2, whole suite) and
# gcc-o3 (g++ C++20 -O3, the core test binaries); see docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
scripts/deps.sh
workflows=(gcc-cxx17)
((quick)) || workflows+=(gcc-cxx20 clang-cxx17 clang-cxx20 gcc-release clang-release gcc-o3)
for w in "${workflows[@]}"; do
  echo "=== workflow $w"
  cmake --workflow --preset "$w"
done
if ((!quick)); then
  for stage in scripts/check.d/*.sh; do
    [ -e "$stage" ] || continue
    echo "=== stage $stage"
    bash "$stage"
  done
fi
echo "=== all checks passed"
