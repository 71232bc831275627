#!/bin/sh
# Installs Debian's Chromium for the end-to-end tests (tests/e2e). It never downloads a
# browser from anywhere else: `npx playwright install` cannot work on the school network.
# Set CHROMIUM=/path/to/chromium to use a browser that lives elsewhere.
set -eu

CHROMIUM_PATH="${CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM_PATH" ]; then
  echo "Chromium found at $CHROMIUM_PATH ($("$CHROMIUM_PATH" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing at $CHROMIUM_PATH and this script is not running as root." >&2
  echo "Ask an administrator to run: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi

echo "Chromium is missing at $CHROMIUM_PATH; installing Debian's package..."
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium
echo "Chromium installed at $(command -v chromium)"
