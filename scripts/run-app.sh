#!/usr/bin/env bash
# The README's first command: install into .venv (skipping what is there) and start the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
exec .venv/bin/assistant serve "$@"
