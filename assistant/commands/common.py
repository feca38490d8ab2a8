"""Helpers shared by subcommands: JSON output and a tqdm progress callback."""

from __future__ import annotations

import json
import sys
from typing import Any

from assistant.retrieval import SearchFilters


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


class TqdmProgress:
    """Adapts the engine's (done, total, label) callback to a tqdm bar on stderr."""

    def __init__(self, unit: str = "file") -> None:
        self._bar = None
        self._unit = unit

    def __call__(self, done: int, total: int, label: str) -> None:
        from tqdm import tqdm

        # reading counts files; embedding counts passages: a bar of its own for each
        unit = "passage" if label.startswith("embedding") else self._unit
        if self._bar is not None and self._bar.unit != unit:
            self._bar.close()
            self._bar = None
        if self._bar is None:
            self._bar = tqdm(total=total, unit=unit, file=sys.stderr, leave=False,
                             dynamic_ncols=True)
        if (done, total) == (self._bar.n, self._bar.total):
            return  # redraw only when the count moves: keeps logs short when not a terminal
        self._bar.total = total
        self._bar.n = done
        self._bar.set_description(label[:40], refresh=False)
        self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def add_filter_arguments(parser) -> None:
    parser.add_argument("--type", dest="types", action="append", default=[],
                        help="document type: law, regulation, policy, standard, case, analysis, "
                             "upload (repeatable)")
    parser.add_argument("--level", dest="levels", action="append", default=[],
                        help="national, provincial, municipal or county (repeatable)")
    parser.add_argument("--region", dest="regions", action="append", default=[])
    parser.add_argument("--lang", dest="languages", action="append", default=[],
                        choices=["en", "zh"], help="passage language (repeatable)")
    parser.add_argument("--year-min", type=int)
    parser.add_argument("--year-max", type=int)


def filters_from(args) -> SearchFilters:
    return SearchFilters(doc_types=args.types, levels=args.levels, regions=args.regions,
                         languages=args.languages, year_min=args.year_min, year_max=args.year_max)


def engine_with_index(settings=None):
    """The process engine; with no index yet, it is built from the corpus first (with a bar)."""
    from assistant.engine import open_engine

    engine = open_engine(settings)
    if engine.is_empty():
        print("No index yet: building it from the corpus first…", file=sys.stderr)
        progress = TqdmProgress()
        try:
            engine.ensure_index(progress=progress)
        finally:
            progress.close()
    return engine
