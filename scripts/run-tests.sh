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
# The deployment tests (tests/deployment/) run a real PostgreSQL server: Debian's binaries, a
# throwaway cluster on 127.0.0.1 started by the tests themselves. Install them when missing.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  echo "==> installing postgresql (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    postgresql >/dev/null
fi
# The sign-in test (tests/e2e/test_browser_oidc.py) runs a real OpenID Connect provider, the npm
# package oidc-provider pinned in tests/e2e/oidc_provider/package-lock.json. Install it when
# missing or when the lock file changed; node and npm come from apt when absent.
oidc="tests/e2e/oidc_provider"
if ! command -v npm >/dev/null 2>&1; then
  echo "==> installing nodejs and npm (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    nodejs npm >/dev/null
fi
lock_hash="$(sha256sum "$oidc/package-lock.json" | cut -d' ' -f1)"
if [ ! -d "$oidc/node_modules/oidc-provider" ] || \
   [ "$(cat "$oidc/node_modules/.edubalance-lock" 2>/dev/null)" != "$lock_hash" ]; then
  echo "==> installing the test OpenID provider (npm ci in $oidc)"
  npm ci --prefix "$oidc" --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$oidc/node_modules/.edubalance-lock"
fi
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False
exec .venv/bin/python -m pytest "$@"
