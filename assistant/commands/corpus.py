"""corpus-check and corpus-report: validate the corpus and describe its size."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.commands.common import print_json
from assistant.config import DEFAULT_CORPUS_DIR


def register(subparsers) -> None:
    p = subparsers.add_parser("corpus-report", help="documents per type, words and chunks")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS_DIR)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=report)
    p = subparsers.add_parser("corpus-check", help="validate the corpus against its schema")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS_DIR)
    p.set_defaults(handler=check)


def report(args: argparse.Namespace) -> int:
    from assistant.corpus import corpus_report

    data = corpus_report(args.corpus)
    if args.json:
        print_json(data)
        return 0
    print(f"documents: {data['documents']}  English words: {data['english_words']:,}  "
          f"Chinese summary characters: {data['chinese_summary_characters']:,}  chunks: {data['chunks']}")
    for doc_type, count in data["documents_per_type"].items():
        print(f"  {doc_type:<11} {count:>3} documents  {data['english_words_per_type'][doc_type]:>7,} words")
    print(f"glossary entries: {data['glossary_entries']}  measures: {data['measures']}")
    return 0


def check(args: argparse.Namespace) -> int:
    from assistant.corpus import validate_corpus

    problems = validate_corpus(args.corpus)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0
