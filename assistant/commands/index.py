"""ingest, search, status and doctor: the index from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.commands.common import (
    TqdmProgress,
    add_filter_arguments,
    engine_with_index,
    filters_from,
    print_json,
)


def register(subparsers) -> None:
    p = subparsers.add_parser("ingest", help="index files or folders (default: the corpus)")
    p.add_argument("paths", nargs="*", type=Path)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--no-wait", action="store_true",
                   help="fail at once if another ingest is running instead of waiting")
    p.set_defaults(handler=ingest)

    p = subparsers.add_parser("search", help="hybrid search over the index")
    p.add_argument("query")
    p.add_argument("--k", type=int, default=5)
    add_filter_arguments(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=search)

    p = subparsers.add_parser("status", help="what is indexed, with which model and store")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=status)

    p = subparsers.add_parser("doctor", help="check that catalog, Chroma and BM25 agree; repair")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=doctor)


def _engine():
    from assistant.engine import open_engine

    return open_engine()


def ingest(args: argparse.Namespace) -> int:
    from assistant.engine import IngestBusy

    engine = _engine()
    progress = TqdmProgress()
    try:
        report = engine.ingest(args.paths or None, origin="corpus" if not args.paths else "path",
                               progress=progress, wait=not args.no_wait)
    except IngestBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        progress.close()
    summary = report.to_json()
    if args.json:
        print_json(summary)
    else:
        print(f"files: {summary['files']}  indexed: {summary['indexed']}  unchanged: "
              f"{summary['unchanged']}  failed: {summary['failed']}  removed: "
              f"{summary['removed']}  chunks indexed: {summary['chunks']}")
        for failure in report.failures:
            print(f"FAILED {failure.path}: {failure.reason}")
    return 0 if report.ok else 1


def search(args: argparse.Namespace) -> int:
    engine = engine_with_index()
    hits = engine.search(args.query, k=args.k, filters=filters_from(args))
    if engine.outage():  # keyword-only results: said on stderr, the JSON list stays a list
        print(f"note: {engine.outage()}", file=sys.stderr)
    if args.json:
        print_json([hit.to_json() for hit in hits])
        return 0
    if not hits:
        print("No passages found.")
    for number, hit in enumerate(hits, start=1):
        meta = hit.chunk.metadata
        where = " · ".join(str(x) for x in (meta.get("doc_number"), meta.get("date"),
                                            hit.chunk.article or hit.chunk.section,
                                            f"p. {hit.chunk.page}" if hit.chunk.page else None) if x)
        print(f"[{number}] {hit.chunk.title} ({hit.chunk.doc_id}) score {hit.score:.4f}")
        if where:
            print(f"    {where}")
        text = " ".join(hit.chunk.text.split())
        print(f"    {text[:300]}{'…' if len(text) > 300 else ''}\n")
    return 0


def status(args: argparse.Namespace) -> int:
    engine = _engine()
    info = {**engine.status().to_json(), "vector_search": engine.vector_search()}
    if args.json:
        print_json(info)
    else:
        for key, value in info.items():
            print(f"{key:>15}: {value}")
    return 0


def doctor(args: argparse.Namespace) -> int:
    info = _engine().doctor()  # with "vector_search" and, during an outage, its "note"
    if args.json:
        print_json(info)
    else:
        print(f"catalog chunks {info['chunks']}, vectors {info['vectors']}, keyword index "
              f"{info['keyword_chunks']}; repairs: {info['repairs']}")
        print("consistent" if info["consistent"] else "INCONSISTENT")
        if info.get("note"):
            print(f"note: {info['note']}")
    return 0 if info["consistent"] else 1
