#!/usr/bin/env bash
# Make sure the PDFs of official documents can be made: Pango (WeasyPrint's text layout) and a
# serif with every Vietnamese letter, metric-compatible with Times New Roman. That is Debian's
# fonts-liberation2; fonts-liberation (1.x) lacks Vietnamese letters and does not do.
# As root it installs the packages; otherwise it says exactly what to install.
set -euo pipefail
FONT=/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf
has_pango() { ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0'; }
if { [ -f "$FONT" ] || [ -n "${TDKT_DOCUMENT_FONT_DIR:-}" ]; } && has_pango; then
  exit 0
fi
PACKAGES="fonts-liberation2 libpango-1.0-0 libpangoft2-1.0-0"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing $PACKAGES for the official documents (PDF)…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
  exit 0
fi
cat >&2 <<MSG
Official documents (PDF) need Pango and a Vietnamese serif font. Install them with:
    sudo apt-get install $PACKAGES
or set TDKT_DOCUMENT_FONT_DIR to a folder with Times New Roman or Liberation Serif 2 files.
MSG
exit 1
