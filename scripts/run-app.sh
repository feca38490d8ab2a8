#!/usr/bin/env bash
# The README's first command: install into .venv (skipping what is there), build or update the
# index (a terminal progress bar; next to nothing when the corpus is unchanged) and start the app,
# so the first visitor's first question is answered at once.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False
exec .venv/bin/assistant serve --index "$@"
