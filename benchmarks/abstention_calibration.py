"""Calibrate the abstention threshold on tests/answer/calibration.yaml.

For every question it computes the evidence signals the answer pipeline uses (best dense
similarity, keyword coverage of the question's terms, glossary matches), then searches a small
grid of (dense weight, threshold) for the setting that refuses the most out-of-scope questions
while refusing at most 5% of the in-scope ones, preferring the widest margin. It prints the
chosen values and the rates they give; the constants in assistant/answer/evidence.py are set
from its output. Run:

    .venv/bin/python benchmarks/abstention_calibration.py [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.answer import evidence as ev
from assistant.answer.context import Context
from assistant.answer.pipeline import retrieve
from assistant.config import Settings
from assistant.engine import open_engine

CALIBRATION = REPO / "tests" / "answer" / "calibration.yaml"
MAX_WRONG_REFUSALS = 0.05


def load(path: Path = CALIBRATION) -> list[tuple[str, str, bool]]:
    """(question, language, in_scope) for every question of the calibration file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(q, lang, scope == "in_scope") for scope in ("in_scope", "out_of_scope")
            for lang, questions in data[scope].items() for q in questions]


def signals(engine, settings: Settings, questions):
    rows = []
    for question, language, in_scope in questions:
        ctx = Context.build(engine, settings, question, None)
        evidence = retrieve(ctx).evidence
        rows.append((question, language, in_scope, evidence))
    return rows


def rates(rows, dense_weight: float, threshold: float, coverage_threshold: float
          ) -> tuple[float, float, float]:
    """(out-of-scope recall, in-scope wrong-refusal rate, margin) for one setting; the margin is
    the smallest distance from its threshold of a question decided correctly."""
    refused = {True: 0, False: 0}
    count = {True: 0, False: 0}
    margin = float("inf")
    for _, language, in_scope, e in rows:
        score, limit = ev.decide(e.best_dense, e.coverage, len(e.glossary_terms), language,
                                 dense_weight=dense_weight, threshold=threshold,
                                 coverage_threshold=coverage_threshold, known=e.vocabulary)
        count[in_scope] += 1
        refused[in_scope] += score < limit
        distance = (score - limit) if in_scope else (limit - score)
        if distance >= 0:
            margin = min(margin, distance)
    return refused[False] / count[False], refused[True] / count[True], margin


def calibrate(rows) -> tuple[float, float, float, tuple[float, float, float]]:
    """The (dense weight, threshold, coverage threshold) that decides the most questions right
    while refusing at most 5% of the in-scope ones, then has the widest margin."""
    best = None
    grid = [t / 100 for t in range(10, 100, 2)]
    for dense_weight in [w / 10 for w in range(11)]:
        for threshold in grid:
            for coverage_threshold in grid:
                result = rates(rows, dense_weight, threshold, coverage_threshold)
                if result[1] > MAX_WRONG_REFUSALS:
                    continue
                n_in = sum(1 for r in rows if r[2])
                errors = result[1] * n_in + (1 - result[0]) * (len(rows) - n_in)
                key = (-round(errors), result[2])
                if best is None or key > best[0]:
                    best = (key, dense_weight, threshold, coverage_threshold, result)
    assert best is not None
    return best[1], best[2], best[3], best[4]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="index location (default: settings)")
    parser.add_argument("--verbose", action="store_true", help="print every question's signals")
    args = parser.parse_args(argv)
    settings = Settings(data_dir=args.data_dir) if args.data_dir else Settings()
    engine = open_engine(settings)
    engine.ensure_index()
    questions = load()
    rows = signals(engine, settings, questions)
    if args.verbose:
        for question, language, in_scope, e in rows:
            print(f"{'in ' if in_scope else 'out'} {language} score={e.score:.3f}/{e.threshold} "
                  f"dense={e.best_dense if e.best_dense is None else round(e.best_dense, 3)} "
                  f"coverage={e.coverage:.2f} vocabulary={e.vocabulary:.2f} "
                  f"glossary={len(e.glossary_terms)}  {question}")
    n_in = sum(1 for r in rows if r[2])
    print(f"questions: {n_in} in scope, {len(rows) - n_in} out of scope "
          f"({sum(1 for r in rows if r[1] == 'zh')} Chinese)")
    current = rates(rows, ev.DENSE_WEIGHT, ev.THRESHOLD, ev.COVERAGE_THRESHOLD)
    print(f"in use: dense weight {ev.DENSE_WEIGHT}, threshold {ev.THRESHOLD}, coverage "
          f"threshold {ev.COVERAGE_THRESHOLD} -> out-of-scope recall {current[0]:.2f}, "
          f"in-scope refused {current[1]:.1%}, margin {current[2]:+.3f}")
    weight, threshold, coverage_threshold, best = calibrate(rows)
    print(f"best:   dense weight {weight}, threshold {threshold}, coverage threshold "
          f"{coverage_threshold} -> out-of-scope recall {best[0]:.2f}, in-scope refused "
          f"{best[1]:.1%}, margin {best[2]:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
