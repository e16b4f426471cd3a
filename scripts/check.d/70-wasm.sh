#!/usr/bin/env bash
# CI stage: the npm package (js/, docs/javascript.md). One emcc build of one translation
# unit (cmake --workflow --preset wasm: configure, build, the node:test suite in Node), then
# the package in headless Chromium through puppeteer-core (scripts/js-browser-test.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
export NODE_PATH=/usr/share/nodejs  # Debian's emcc needs Debian's acorn when node is not Debian's
t=$SECONDS
cmake --workflow --preset wasm
echo "--- wasm: package built and node tests passed in $((SECONDS - t)) s"
t=$SECONDS
scripts/js-browser-test.sh
echo "--- wasm: chromium test passed in $((SECONDS - t)) s"
