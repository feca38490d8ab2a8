"""Offline answer latency once warm: p50 / p95 over in-scope and out-of-scope questions.

Warm means the model, jieba, the BM25 index and the standards files are loaded (a few warm-up
questions that are not measured). The sentence vectors of the corpus come with the index (computed
at ingest; ``engine.reconcile()`` embeds what an older index lacks, its one-off cost is reported
and is near zero for an index built by this version). Each question is then asked for the first
time in this process ("first ask") and once more ("repeat": vectors from memory). ``--no-store``
measures without them (every new sentence is embedded while the user waits). Target: first-ask
p50 ≤ 300 ms. Run:

    .venv/bin/python benchmarks/answer_latency.py [--data-dir DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.answer import answer
from assistant.config import Settings
from assistant.engine import open_engine

WARM_UP = ["What is balanced development of compulsory education?", "什么是优质均衡？",
           "What CV threshold applies to basic balance?"]


def questions() -> list[tuple[str, str]]:
    """(group, question): groups "in-scope en", "in-scope zh", "out-of-scope"."""
    import yaml

    data = yaml.safe_load((REPO / "tests" / "answer" / "calibration.yaml").read_text("utf-8"))
    items = [(f"in-scope {lang}", q) for lang, qs in data["in_scope"].items() for q in qs]
    return items + [("out-of-scope", q) for qs in data["out_of_scope"].values() for q in qs]


def summary(values: list[float]) -> dict[str, float]:
    return {"n": len(values), "p50": round(percentile(values, 50), 1),
            "p95": round(percentile(values, 95), 1), "mean": round(statistics.fmean(values), 1)}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = int(position), min(int(position) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def timed(engine, settings, question: str) -> float:
    start = time.perf_counter()
    answer(question, engine=engine, settings=settings, use_llm=False)
    return (time.perf_counter() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="index location (default: settings)")
    parser.add_argument("--out", type=Path, help="where to write the figures (JSON; default "
                        "benchmarks/answer_latency.json, or answer_latency_no_store.json)")
    parser.add_argument("--no-store", action="store_true",
                        help="do not use the sentence vectors kept with the index")
    args = parser.parse_args(argv)
    settings = Settings(data_dir=args.data_dir) if args.data_dir else Settings()
    engine = open_engine(settings)
    engine.ensure_index()
    precompute_s = None
    if args.no_store:
        from assistant.answer import extractive

        extractive.store_for = lambda engine: None  # every answer embeds its own sentences
    else:
        start = time.perf_counter()
        engine.reconcile()
        precompute_s = round(time.perf_counter() - start, 1)
    for question in WARM_UP:
        timed(engine, settings, question)
    items = questions()
    load_before = os.getloadavg()[0]
    first = [timed(engine, settings, q) for _, q in items]
    repeat = [timed(engine, settings, q) for _, q in items]
    groups = sorted({g for g, _ in items})
    result = {
        "questions": len(items),
        "first_ask_ms": summary(first),
        "repeat_ms": summary(repeat),
        "first_ask_by_group_ms": {g: summary([t for (group, _), t in zip(items, first)
                                              if group == g]) for g in groups},
        "target_p50_ms": 300,
        "sentence_store": not args.no_store,
        "precompute_s": precompute_s,
        "cpus": os.cpu_count(),
        # Other work on the machine inflates the figures: say how busy it was.
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    print(json.dumps(result, indent=2))
    out = args.out or REPO / "benchmarks" / (
        "answer_latency_no_store.json" if args.no_store else "answer_latency.json")
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
