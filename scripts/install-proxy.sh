#!/usr/bin/env bash
# Install JupyterHub's configurable-http-proxy (npm; Node.js and npm from Debian when missing), for `ikm serve`.
set -euo pipefail
command -v configurable-http-proxy >/dev/null && exit 0
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! command -v npm >/dev/null; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq npm
fi
$SUDO npm install -g --silent configurable-http-proxy
