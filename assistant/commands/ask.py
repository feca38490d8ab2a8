"""ask: a question answered from the corpus, every sentence with its source."""

from __future__ import annotations

import argparse
import sys

from assistant.commands.common import (
    add_filter_arguments,
    engine_with_index,
    filters_from,
    print_json,
)


def register(subparsers) -> None:
    p = subparsers.add_parser("ask", help="answer a question with citations (offline by default)")
    p.add_argument("question")
    p.add_argument("--json", action="store_true",
                   help="print the answer as JSON (answer, citations, abstained, route, ...)")
    p.add_argument("--llm", action="store_true",
                   help="let the configured LLM write the answer (ASSISTANT_LLM_BASE_URL); "
                        "falls back to the offline answer if it fails")
    add_filter_arguments(p)
    p.set_defaults(handler=ask)


def ask(args: argparse.Namespace) -> int:
    from assistant.answer import QuestionError, answer
    from assistant.config import get_settings

    settings = get_settings()
    engine = engine_with_index(settings)
    try:
        result = answer(args.question, filters=filters_from(args), engine=engine,
                        settings=settings, use_llm=True if args.llm else None)
    except QuestionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from assistant.commands.outage import with_keyword_only_notice

    result.notice = with_keyword_only_notice(result.notice, engine, result.language)
    if args.json:
        print_json({**result.to_json(), "vector_search": engine.vector_search()})
        return 0
    print(result.render(plain=True))
    return 0
