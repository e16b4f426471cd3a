#!/usr/bin/env bash
# Installs the Debian 12 packages the project builds, tests and benchmarks with, when missing.
set -euo pipefail
packages=(
  cmake ninja-build g++ clang python3
  libhowardhinnant-date-dev libdate-tz3 tzdata libexpected-dev doctest-dev
  nlohmann-json3-dev libsimdjson-dev libcli11-dev
  librapidcheck-dev libclang-rt-14-dev gcovr clang-tidy
  libbenchmark-dev libboost-date-time-dev libboost-dev libfmt-dev gnuplot-nox
  libcpp-httplib-dev libsqlite3-dev  # server/: voip-bundle serve
  python3-requests python3-jsonschema wrk  # tests/sandbox, scripts/bench-sandbox.sh
  pkgconf  # tests/consumers: the installed voip_bundle.pc is compiled against
  python3-dev python3-venv python3-pybind11 python3-numpy python3-pytest python3-hypothesis python3-mypy  # python/
  emscripten node-acorn chromium  # js/: emcc (its optimiser needs Debian's acorn), the browser test
)
# js/ also needs node 18+ with npm: Debian's nodejs and npm unless one is on PATH already.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
