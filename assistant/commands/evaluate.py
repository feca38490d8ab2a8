"""eval: score retrieval and offline answers on the development set, with baselines."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.commands.common import TqdmProgress, print_json


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "eval", help="evaluate retrieval and answers on the development set",
        description="Runs the development set (tests/evaluation/devset.yaml) through the hybrid engine, "
                    "BM25 alone, dense alone and a plain LangChain recipe, then answers every "
                    "question offline and scores facts, citations and abstention.")
    p.add_argument("--k", type=int, default=10, help="depth of the ranking metrics (default 10)")
    p.add_argument("--devset", type=Path, default=None,
                   help="development set YAML (default tests/evaluation/devset.yaml)")
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    p.add_argument("--write", type=Path, metavar="PATH",
                   help="put the results section into PATH between <!-- eval:start --> and "
                        "<!-- eval:end --> (e.g. benchmarks/RESULTS.md)")
    p.add_argument("--skip-baselines", action="store_true",
                   help="evaluate only the hybrid engine")
    p.add_argument("--skip-answers", action="store_true", help="retrieval metrics only")
    p.add_argument("--limit", type=int, default=None, help="use the first N questions only")
    p.set_defaults(handler=evaluate)


def evaluate(args: argparse.Namespace) -> int:
    from assistant.config import get_settings
    from assistant.evaluation import DevsetError, evaluate_devset, write_section

    if args.k < 5:
        print("error: --k must be at least 5 (recall@5 is always reported)", file=sys.stderr)
        return 2

    def say(message: str) -> None:
        print(message, file=sys.stderr)

    progress = TqdmProgress()
    try:
        result = evaluate_devset(get_settings(), args.devset, k=args.k,
                                 baselines=not args.skip_baselines, answers=not args.skip_answers,
                                 limit=args.limit, progress=say, ingest_progress=progress,
                                 warn=lambda message: say(f"warning: {message}"))
    except DevsetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        progress.close()
    if args.write:
        write_section(args.write, result.to_markdown())
        say(f"results written to {args.write}")
    if args.json:
        print_json(result.to_json())
    else:
        sys.stdout.write(result.to_markdown())
    return 0
