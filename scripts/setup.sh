#!/usr/bin/env bash
# Create .venv and install the project into it. Idempotent: a stamp file records the hash of
# pyproject.toml and the extras installed, so a second run with nothing changed installs nothing.
# Usage: scripts/setup.sh [app|test]
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"
extras=""
[ "$mode" = "test" ] && extras="[test]"

PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  "$PY" -m venv .venv
fi

stamp=".venv/.edubalance-installed-$mode"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x .venv/bin/assistant ]; then
  echo "==> .venv is up to date ($mode)"
else
  # torch first and pinned: otherwise the resolver may pull a multi-GB CUDA build.
  if ! .venv/bin/python -c "import torch, sys; sys.exit(0 if torch.__version__.startswith('2.13.0') else 1)" 2>/dev/null; then
    echo "==> installing torch==2.13.0 (CPU build)"
    .venv/bin/pip install --quiet "torch==2.13.0"
  fi
  echo "==> installing edubalance-advisor$extras"
  .venv/bin/pip install --quiet -e ".$extras"
  echo "$want" > "$stamp"
fi

# PDF export of memos embeds DejaVu Serif and WenQuanYi Micro Hei (Chinese) from Debian's
# packages: install them when missing (the app and the tests both export PDF).
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] \
   || [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "==> installing the fonts PDF export embeds (apt: fonts-dejavu-core fonts-wqy-microhei)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      fonts-dejavu-core fonts-wqy-microhei >/dev/null
  else
    echo "warning: no apt-get: install DejaVu Serif and WenQuanYi Micro Hei for PDF export" >&2
  fi
fi
