#!/usr/bin/env bash
# The README's second command: install what the tests need and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
# The end-to-end tests drive Debian's Chromium; a CJK font makes the 中文 pages and screenshots
# legible. Install them when they are missing.
if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "==> installing chromium and a Chinese font (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    chromium fonts-wqy-microhei >/dev/null
fi
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False
exec .venv/bin/python -m pytest "$@"
