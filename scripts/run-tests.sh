#!/usr/bin/env bash
# The README's second command: install what the tests need and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
# The end-to-end tests drive Debian's Chromium; a CJK font makes the 中文 pages and screenshots
# legible; poppler-utils (pdftotext, pdftoppm) lets the memo tests read and render the PDFs.
# Install them when they are missing.
if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=zh 2>/dev/null | grep -q . \
   || ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  echo "==> installing chromium, a Chinese font and poppler-utils (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    chromium fonts-wqy-microhei poppler-utils >/dev/null
fi
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False
exec .venv/bin/python -m pytest "$@"
