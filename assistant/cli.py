"""The command line: a thin shell over the library (``assistant <command> --help``)."""

from __future__ import annotations

import argparse
import importlib
import sys

from assistant.logs import configure as configure_logging

# Subcommand modules in assistant/commands; each registers its parsers.
COMMAND_MODULES = ["index", "serve", "corpus", "evaluate", "advisor", "memo", "ask"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="EduBalance Advisor: balanced urban-rural compulsory education, cited.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"assistant.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.verbose)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    from assistant.index.database import DatabaseUnavailable

    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except DatabaseUnavailable as exc:  # names ASSISTANT_DATABASE_URL; nothing half-written
        from assistant.commands.outage import report_database_error

        return report_database_error(exc)


if __name__ == "__main__":
    sys.exit(main())
