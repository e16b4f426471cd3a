#!/usr/bin/env bash
# The npm package in Chromium: installs puppeteer-core (a test-only dependency, pinned; from
# the npm registry, into build/wasm/browser-test, once) and runs js/browser/run.mjs against
# build/wasm/npm (build it first: cmake --workflow --preset wasm).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/wasm/browser-test
version=25.19.0
if [ ! -f "$dir/node_modules/puppeteer-core/package.json" ] ||
   [ "$(node -p "require('./$dir/node_modules/puppeteer-core/package.json').version")" != "$version" ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"name": "voip-bundle-browser-test", "private": true}' > "$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "puppeteer-core@$version" >/dev/null
fi
node js/browser/run.mjs
