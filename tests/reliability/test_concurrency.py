"""Concurrency: ingests are serialised by the lock (the second waits, or with --no-wait says why),
and searches from several threads during an ingest never fail."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

from assistant.engine import Engine
from assistant.index.tokenizer import tokenize
from assistant.retrieval import SearchFilters
from reliability.support import REPO, assert_stores_agree, run_cli, subprocess_env
from reliability.test_crash_safety import kill, make_documents, start_crashing_ingest, wait_for


def test_a_second_ingest_process_waits_for_the_first_or_says_why(settings, library, tmp_path):
    assert run_cli(settings, "ingest").returncode == 0
    make_documents(library / "notices", 12)
    marker = tmp_path / "paused"
    holder = start_crashing_ingest(settings, "between_files", 3, marker)  # holds the lock, paused
    wait_for(marker.exists, holder)

    refused = run_cli(settings, "ingest", "--no-wait")
    assert refused.returncode == 1
    assert "another ingest is running on this data directory" in refused.stderr
    assert "wait for it to finish and try again" in refused.stderr

    waiting = subprocess.Popen([sys.executable, "-m", "assistant.cli", "ingest", "--json"],
                               env=subprocess_env(settings), cwd=str(REPO), text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(8)  # long enough to start and reach the lock
    assert waiting.poll() is None, waiting.communicate()
    kill(holder)  # the lock dies with its holder
    _, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    engine = Engine(settings)
    assert len(engine.documents()) == 14
    assert_stores_agree(engine)


def test_ingests_in_two_threads_run_one_after_the_other(engine, library, tmp_path):
    spans: list[tuple[str, float, float]] = []
    inner = engine.indexer._embed_and_commit

    def recorded(pending, report, progress):
        start = time.monotonic()
        time.sleep(0.3)  # widen the window in which an unserialised ingest would overlap
        inner(pending, report, progress)
        spans.append((threading.current_thread().name, start, time.monotonic()))

    engine.indexer._embed_and_commit = recorded
    first, second = tmp_path / "first", tmp_path / "second"
    make_documents(first, 4)
    make_documents(second, 0)
    (second / "other.md").write_text("---\nid: other\n---\n\nAnother county notice.\n")
    threads = [threading.Thread(target=engine.ingest, args=([folder],), name=folder.name)
               for folder in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    first_span, second_span = sorted(spans, key=lambda s: s[1])
    assert first_span[2] <= second_span[1], "two ingests ran at the same time"
    assert_stores_agree(engine)


def test_searches_from_many_threads_during_ingests_never_fail(engine, library):
    errors: list[str] = []
    answered = [0] * 6
    stop = threading.Event()
    queries = [("rotation of principals and teachers between schools", SearchFilters()),
               ("teachers pay civil servants", SearchFilters(doc_types=["law"])),
               ("教师交流轮岗", SearchFilters(languages=["zh"])),
               ("county budget rural schools", SearchFilters(year_min=2000))]

    def searcher(number: int) -> None:
        query, filters = queries[number % len(queries)]
        while not stop.is_set():
            try:
                if engine.search(query, k=5, filters=filters):
                    answered[number] += 1
                else:
                    errors.append(f"no result for {query!r}")
            except Exception as exc:  # noqa: BLE001 - any exception is what the test looks for
                errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=searcher, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    folder = library / "notices"
    for round_number in range(6):
        make_documents(folder, 5 + round_number * 3)  # documents added and changed each round
        (folder / "notice-000.md").write_text(
            f"---\nid: notice-000\n---\n\nRound {round_number}: teachers rotate between schools.\n")
        engine.ingest()
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors[:5]
    assert all(count > 0 for count in answered)
    assert_stores_agree(engine)


def test_a_filter_mask_stays_aligned_when_the_index_is_swapped_under_it(engine):
    """The interleaving a concurrent ingest can cause, made deterministic: the mask is computed,
    the keyword index is rebuilt with more chunks, then the keyword search runs."""
    filters = SearchFilters(doc_types=["law"])
    mask = filters.mask(engine.searcher._filter_columns())
    pinned = engine.stores.keywords.ids()
    items = list(engine.iter_tokens())
    extra = [(f"extra:{i}", tokenize("teachers civil servants pay")) for i in range(7)]
    engine.stores.keywords.build(items + extra, engine.version() + 1, reuse=False)
    assert engine.stores.keywords.size == len(pinned) + 7

    hits = engine.stores.keywords.search(tokenize("teachers civil servants pay"), 10, mask)

    assert hits and all(cid in pinned for cid, _ in hits)
    laws = {c.chunk_id for c in engine.document_chunks("mini-law")}
    assert {cid for cid, _ in hits} <= laws
