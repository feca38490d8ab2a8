"""Hybrid query latency (query embedding included) at corpus size and at 1k, 10k and 100k chunks.

Synthetic chunks for the larger sizes: texts are random draws of corpus sentences (so BM25 sees a
realistic vocabulary) and vectors are real corpus vectors plus Gaussian noise, re-normalised — the
model is not run for them, so the benchmark finishes in minutes.

    .venv/bin/python benchmarks/query_latency.py [--sizes 1000 10000 100000] [--write]

Targets (issue 2): p50 ≤ 30 ms at corpus size, ≤ 60 ms at 100k chunks.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.config import DEFAULT_CORPUS_DIR, Settings
from assistant.documents import Chunk
from assistant.engine import Engine
from assistant.index.tokenizer import tokenize

QUERIES = [
    "teacher rotation between schools", "What CV threshold applies to junior secondary schools?",
    "county government responsibility for weak schools", "per-pupil public funding benchmark",
    "large classes over 56 pupils", "rural small-scale schools funding as 100 pupils",
    "县管校聘是什么", "义务教育优质均衡的资源配置指标", "Chengdu urban-rural integration",
    "supervision reports must be published", "teachers pay not lower than civil servants",
    "三个课堂", "Hangzhou school groups", "4% of GDP education spending", "boarding schools Art. 17",
    "乡村小规模学校的公用经费", "education supervision every five years", "migrant children public schools",
    "quality balance social recognition 85%", "Baoqing County government responsibility",
]


def measure(engine: Engine, rounds: int = 3) -> tuple[float, float]:
    for query in QUERIES:  # warm caches
        engine.search(query, k=10)
    times = []
    for _ in range(rounds):
        for query in QUERIES:
            engine.stores.embedder._query_cache.clear()  # measure with the query embedding every time
            start = time.perf_counter()
            engine.search(query, k=10)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def grow(engine: Engine, target: int, rng: random.Random) -> None:
    """Add synthetic documents of 500 chunks each until the index holds ``target`` chunks."""
    base_ids = engine.stores.catalog.chunk_ids()
    base = engine.stores.catalog.chunks(base_ids)
    vectors = engine.stores.catalog.embeddings(base_ids)
    sentences = [s.strip() for c in base.values() for s in c.text.split(". ") if len(s) > 30]
    have = engine.stores.catalog.counts()[1]
    number = 0
    while have < target:
        batch = min(500, target - have)
        doc_id = f"synthetic-{have}-{number}"
        number += 1
        chunks, vecs, toks = [], [], []
        for i in range(batch):
            text = ". ".join(rng.sample(sentences, 4))
            source = base_ids[rng.randrange(len(base_ids))]
            vec = vectors[source] + np.random.default_rng(rng.randrange(1 << 30)).normal(0, 0.05, 384)
            chunks.append(Chunk(f"{doc_id}:{i}", doc_id, text, i, 0, len(text), section="synthetic",
                                metadata={"title": "synthetic", "doc_type": "analysis"}))
            vecs.append((vec / np.linalg.norm(vec)).astype(np.float32))
            toks.append(tokenize(text))
        matrix = np.stack(vecs)
        engine.stores.catalog.replace_document(doc_id=doc_id, source_key=doc_id, source_path=doc_id,
                                        content_hash="synthetic", origin="synthetic",
                                        metadata={"title": "synthetic", "doc_type": "analysis"},
                                        text="", chunks=chunks, tokens=toks, embeddings=matrix)
        engine.stores.vectors.upsert(chunks, matrix)
        have += batch
    engine.reconcile()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    rng = random.Random(7)
    settings = Settings(data_dir=Path(tempfile.mkdtemp(prefix="bench-query-")),
                        corpus_dirs=[DEFAULT_CORPUS_DIR])
    engine = Engine(settings)
    engine.ingest()
    rows = []
    corpus_chunks = engine.stores.catalog.counts()[1]
    p50, p95 = measure(engine)
    rows.append((f"corpus ({corpus_chunks})", p50, p95, "≤ 30 ms"))
    print(rows[-1], flush=True)
    for size in args.sizes:
        start = time.perf_counter()
        grow(engine, size, rng)
        built = time.perf_counter() - start
        p50, p95 = measure(engine)
        rows.append((f"{size:,}", p50, p95, "≤ 60 ms" if size >= 100000 else "—"))
        print(rows[-1], f"(grown in {built:.0f} s)", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    table = "\n".join(f"| {name} | {p50:.1f} | {p95:.1f} | {target} |" for name, p50, p95, target in rows)
    body = f"""## Hybrid query latency (issue 2)

`benchmarks/query_latency.py`: {len(QUERIES)} English and Chinese queries × 3 rounds, top-10,
query embedding + Chroma + BM25 + fusion + catalog look-up. Chunks beyond the corpus are
synthetic (corpus sentences, perturbed corpus vectors).

| chunks | p50 ms | p95 ms | target p50 |
|---|---|---|---|
{table}

Peak RSS with 100k chunks loaded: {peak_mb:.0f} MB.
"""
    print(body)
    if args.write:
        from _results import write_section

        write_section("query", body)


if __name__ == "__main__":
    main()
