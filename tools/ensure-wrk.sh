#!/usr/bin/env bash
# Make sure Debian's wrk (the HTTP load generator of `make bench`) is installed.
# As root it installs the package; otherwise it says exactly what to install.
set -euo pipefail
if command -v wrk >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's wrk for the registry benchmark…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  exit 0
fi
cat >&2 <<MSG
The registry benchmark loads the server with wrk. Install it with:
    sudo apt-get install wrk
MSG
exit 1
