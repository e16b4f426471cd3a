#!/usr/bin/env bash
# CI stage: no file over 400 lines and no function over 80 in include/, app/, cli/, server/,
# tests/, python/ and conformance/ (scripts/sizes.py names each one it finds).
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 scripts/sizes.py
echo "--- sizes: every file and function within its bound"
