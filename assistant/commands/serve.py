"""serve: start the Streamlit app on 127.0.0.1."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app" / "main.py"


def register(subparsers) -> None:
    p = subparsers.add_parser("serve", help="start the web app")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8501)
    p.set_defaults(handler=serve)


def streamlit_command(host: str, port: int) -> list[str]:
    from assistant.config import get_settings

    # Streamlit's own upload cap (200 MB by default) follows the app's limit.
    upload_mb = str(get_settings().max_upload_mb)
    return [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
            "--server.address", host, "--server.port", str(port),
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
            # minimal toolbar: no "Deploy" button, this app runs on-premises
            "--client.toolbarMode", "minimal", "--server.maxUploadSize", upload_mb,
            # no full garbage collection after every script run: with torch, Chroma and the
            # indexes loaded it took 0.4-0.7 s of CPU per run, most of a server answer's cost
            # (benchmarks/RESULTS.md, "Where a server answer's time goes")
            "--runner.postScriptGC", "false"]


def serve(args: argparse.Namespace) -> int:
    command = streamlit_command(args.host, args.port)
    print(f"EduBalance Advisor on http://{args.host}:{args.port}", file=sys.stderr)
    os.execv(command[0], command)
    return 0  # pragma: no cover
