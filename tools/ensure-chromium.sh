#!/usr/bin/env bash
# Make sure Debian's Chromium is there for the Playwright browser tests.
# As root it installs the package; otherwise it says exactly what to install.
set -euo pipefail
CHROMIUM=${TDKT_CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  exit 0
fi
cat >&2 <<MSG
The browser tests need Debian's Chromium at $CHROMIUM. Install it with:
    sudo apt-get install chromium fonts-dejavu-core
or point TDKT_CHROMIUM at another Chromium binary.
MSG
exit 1
