#!/usr/bin/env bash
# Install ikm-curriculum with its test extras, Debian's Chromium and JupyterHub's proxy, then run every test.
# Usage: bash scripts/test.sh [pytest arguments]   (e.g. -m "not slow" for a quick run)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium
fi
bash scripts/install-proxy.sh   # JupyterHub's proxy, for the `ikm serve` tests
exec python3 -m pytest "$@"
