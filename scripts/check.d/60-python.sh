#!/usr/bin/env bash
# CI stage: the Python package (python/, docs/python.md). Builds the extension once into a
# virtual environment in build/python/ with Debian's python3, setuptools and pybind11 (no
# PyPI: --no-index), then runs its pytest suite (Hypothesis properties included) and
# mypy --strict on the example client and the strategies.
set -euo pipefail
cd "$(dirname "$0")/../.."
py=${VOIP_BUNDLE_PYTHON:-/usr/bin/python3}  # Debian's: its dist-packages hold pybind11, numpy, pytest, ...
venv=build/python/venv
t=$SECONDS
[ -x "$venv/bin/python" ] || "$py" -m venv --system-site-packages "$venv"
MAX_JOBS=1 "$venv/bin/pip" install --quiet --no-build-isolation --no-index --no-deps ./python
echo "--- python: extension built and installed in $((SECONDS - t)) s"
"$venv/bin/python" -m pytest -q -p no:cacheprovider python/tests
"$venv/bin/python" -m mypy --strict --cache-dir build/python/mypy-cache python/examples/quote_client.py \
  python/voip_bundle/strategies.py
echo "--- python: tests and mypy --strict passed"
