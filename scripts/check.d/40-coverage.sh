#!/usr/bin/env bash
# Line and branch coverage of include/ by the whole test suite (g++ --coverage, gcovr).
# Branches that only exceptions could take, and branches gcov marks unreachable, are left
# out; the rest that stay uncovered are explained in docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
find build/coverage -name '*.gcda' -delete 2>/dev/null || true
cmake --workflow --preset coverage
mkdir -p build/coverage/report
gcovr --root . --filter 'include/' --object-directory build/coverage \
  --exclude-throw-branches --exclude-unreachable-branches \
  --txt build/coverage/report/coverage.txt --html-details build/coverage/report/index.html \
  --print-summary build/coverage
echo "--- per file (build/coverage/report/coverage.txt; HTML in build/coverage/report/index.html)"
cat build/coverage/report/coverage.txt
