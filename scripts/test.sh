#!/usr/bin/env bash
# Install ikm-curriculum with its test extras and Debian's Chromium, then run every test.
# Usage: bash scripts/test.sh [pytest arguments]   (e.g. -m "not slow" for a quick run)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium
fi
exec python3 -m pytest "$@"
