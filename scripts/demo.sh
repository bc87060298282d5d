#!/usr/bin/env bash
# Install ikm-curriculum (and JupyterHub's proxy) and run the demo: a fictional cohort of 18, end to end.
# Usage: bash scripts/demo.sh [DIR]   (default DIR: ./ikm-demo)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e .
bash scripts/install-proxy.sh   # so that `ikm serve` works after the demo
exec ikm demo "${1:-ikm-demo}"
