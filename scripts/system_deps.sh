#!/usr/bin/env bash
# System packages the tests need beyond .venv: Debian's Chromium (the web chat widget
# tests drive it with Playwright; `playwright install` is never used, the network may be
# closed) and a Chinese font for the widget's screenshots and the PDF report.
# Cheap when everything is there; installs with apt-get (as root, or through sudo) otherwise.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
packages=()

[ -x "$CHROMIUM" ] || packages+=(chromium)
# WenQuanYi Micro Hei: legible widget screenshots, and the TrueType font the PDF report
# embeds (bot/reports/export_pdf.py; CFF-based fonts such as Noto CJK cannot be embedded).
if [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  packages+=(fonts-wqy-microhei)
fi
[ ${#packages[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<MSG
error: ${packages[*]} missing and apt-get is not available on this machine.
The web chat widget tests need Chromium at $CHROMIUM: install Debian's or Ubuntu's
'chromium' package (and a Chinese font such as fonts-wqy-microhei) by other means,
then run the command again.
MSG
  exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "error: installing ${packages[*]} needs root (or sudo): apt-get install ${packages[*]}" >&2
    exit 1
  fi
fi

echo "installing system packages: ${packages[*]} (apt-get, once)..." >&2
export DEBIAN_FRONTEND=noninteractive
if ! "${SUDO[@]}" apt-get -qq -o=Dpkg::Use-Pty=0 install -y --no-install-recommends "${packages[@]}" >/dev/null 2>&1; then
  # A fresh machine or image has no package lists yet.
  "${SUDO[@]}" apt-get -qq update
  "${SUDO[@]}" apt-get -qq -o=Dpkg::Use-Pty=0 install -y --no-install-recommends "${packages[@]}" >/dev/null
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "error: apt-get finished but $CHROMIUM is still missing (is the package named 'chromium' here?)" >&2
  exit 1
fi
