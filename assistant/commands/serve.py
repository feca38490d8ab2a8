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
    p.add_argument("--index", action="store_true",
                   help="build or update the index from the corpus first (with a progress bar), "
                        "so the first question is answered at once")
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
    if args.index:
        _build_index()
        _load_for_answers()
        print(f"EduBalance Advisor on http://{args.host}:{args.port}", file=sys.stderr)
        # Served from this process, so the first question finds the engine, the model and the
        # indexes loaded (the app's engine is the process-wide one ``open_engine`` returns).
        from streamlit.web import cli

        sys.argv = ["streamlit", *command[3:]]  # what `python -m streamlit` would be given
        return cli.main(prog_name="streamlit")
    # Without --index: a fresh interpreter, and the first page drawn before the model loads.
    print(f"EduBalance Advisor on http://{args.host}:{args.port}", file=sys.stderr)
    os.execv(command[0], command)
    return 0  # pragma: no cover


def _build_index() -> None:
    """``assistant ingest`` of the corpus (a terminal progress bar). Files that fail are
    reported; the app starts anyway with the rest."""
    from assistant.commands.index import ingest

    print("Building or updating the index from the corpus…", file=sys.stderr)
    if ingest(argparse.Namespace(paths=[], json=False, no_wait=False)) != 0:
        print("warning: some files were not indexed (see above); starting anyway",
              file=sys.stderr)


def _load_for_answers() -> None:
    """What the app's warm-up loads, loaded before the server opens."""
    from assistant.engine import open_engine
    from assistant.warm import load_for_answers

    load_for_answers(open_engine())
