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
    p = subparsers.add_parser("corpus-check", help="validate the corpus against its schema and its "
                              "article references against the statutes")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS_DIR)
    p.add_argument("--statutes", type=Path, default=None,
                   help="folder of the statute texts (default: ../shared/real-docs beside the "
                        "repository)")
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
    print(f"Chinese body characters (outside summaries and statements): "
          f"{data['chinese_body_characters']:,}  "
          + "  ".join(f"{t} {n:,}" for t, n in data["chinese_body_characters_per_type"].items()))
    statements = data["statements"]
    print(f"statements: {statements['total']}  "
          + "  ".join(f"{kind} {n}" for kind, n in statements["by_kind"].items())
          + f"  (English {statements['english']}, Chinese {statements['chinese']}, "
          f"{statements['chinese_characters']:,} Chinese characters)")
    print(f"glossary entries: {data['glossary_entries']}  measures: {data['measures']}")
    return 0


def check(args: argparse.Namespace) -> int:
    from assistant.corpus import validate_corpus
    from assistant.corpus_articles import DEFAULT_STATUTES_DIR, check_article_references

    problems: list = list(validate_corpus(args.corpus))
    statutes = args.statutes or DEFAULT_STATUTES_DIR
    if statutes.is_dir():
        problems += check_article_references(args.corpus, statutes)
    else:
        # The statutes are third-party texts kept outside the repository; say so, do not fail.
        print(f"article references not checked: no statute texts at {statutes} (pass --statutes)")
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0
