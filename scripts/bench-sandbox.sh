#!/usr/bin/env bash
# The sandbox's benchmark (docs/benchmarks.md, "Sandbox"): builds voip-bundle (release
# preset) and hello-worlds of cpp-httplib and Boost.Beast, installs Prism and json-server from npm into
# build/bench-sandbox/node (benchmarks only: nothing else needs them), then runs
# benchmarks/sandbox/bench_sandbox.py: wrk on loopback, the same request mix for each.
# Usage: scripts/bench-sandbox.sh [--creates | --creates-only]   (BENCH_SECONDS=N per wrk run, default 5)
#   --creates       then the long create run (benchmarks/sandbox/bench_creates.py: 200,000 creates
#                   or 300 s, requests/s of every 10,000, the server's CPU and bytes written a
#                   create, and the WAL's size; CREATES_TOTAL,
#                   CREATES_SECONDS, CREATES_CONNECTIONS change it)
#   --creates-only  the long create run alone (needs no npm)
# Output: build/bench-sandbox/results/{results.json,table.md} (and creates.json, creates.md)
set -euo pipefail
cd "$(dirname "$0")/.."
creates=none
case "${1:-}" in
  "") ;;
  --creates) creates=after ;;
  --creates-only) creates=only ;;
  *) echo "usage: $0 [--creates | --creates-only]" >&2; exit 2 ;;
esac
out=build/bench-sandbox
mkdir -p "$out/node"
command -v wrk >/dev/null || { echo "wrk is missing: scripts/deps.sh installs it" >&2; exit 1; }
cmake --workflow --preset release >/dev/null
if [ "$creates" = only ]; then
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  exec python3 benchmarks/sandbox/bench_creates.py "$out/results" build/release/cli/voip-bundle
fi
g++ -std=c++17 -O2 -DNDEBUG benchmarks/sandbox/hello.cpp $(pkg-config --cflags --libs cpp-httplib) -pthread -o "$out/hello"
g++ -std=c++17 -O2 -DNDEBUG benchmarks/sandbox/hello_beast.cpp -pthread -o "$out/hello_beast"  # the other stack
if [ ! -x "$out/node/node_modules/.bin/prism" ] || [ ! -x "$out/node/node_modules/.bin/json-server" ]; then
  npm install --prefix "$out/node" --no-audit --no-fund --silent @stoplight/prism-cli@5 json-server@0.17
fi
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  lscpu | grep -E '^(Model name|CPU\(s\))' || true
  echo "wrk: $(wrk --version 2>&1 | head -n 1)"
  echo "node: $(node --version)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"
python3 benchmarks/sandbox/bench_sandbox.py "$out/results" build/release/cli/voip-bundle "$out/hello" "$out/node"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
cat "$out/machine.txt"
if [ "$creates" = after ]; then
  python3 benchmarks/sandbox/bench_creates.py "$out/results" build/release/cli/voip-bundle
fi
