"""Where a server answer's time goes: a py-spy profile (raw, collapsed stacks) of
``assistant serve`` under the load test, summed into the parts of a script run.

    .venv/bin/python benchmarks/profile_summary.py PROFILE.raw

Each sample is put in the first bucket (in the order of ``BUCKETS``) whose pattern one of its
frames matches; the rest is Streamlit's own work (script-run machinery, widgets, the protocol)
or the server's event loop. Samples count threads that were running (py-spy leaves idle threads
out), so native code that releases the GIL (torch) can add up to more than one core.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

# (bucket, pattern on one frame "function (file:line)"), first match wins: the most specific
# parts of an answer first, the script run around them last.
BUCKETS: list[tuple[str, str]] = [
    # py-spy reports this thread as running although it sleeps between polls: not CPU
    ("(not CPU) Streamlit's file poller sleeping between checks",
     r"^PollingPathWatcher\._schedule\.<locals>\.task \(.*polling_path_watcher\.py:90\)$"),
    ("background warm-up (loading; before issue 12 also embedding every corpus sentence)",
     r"_warm_up_thread|precompute"),
    ("embedding (sentence-transformers / torch)", r"Embedder\.encode|SentenceTransformer"),
    ("answer: retrieval (hybrid search: BM25, Chroma, fusion)", r"HybridSearcher\.search"),
    ("answer: knowledge statements (search, load)", r"assistant/knowledge/"),
    ("answer: catalog reads (SQLAlchemy, SQLite)", r"assistant/index/catalog\.py"),
    ("answer: composing (routes, scoring, markers)", r"assistant/answer/"),
    ("rendering earlier turns (_show_turn: answer text, pills, add-to-memo)", r"_show_turn"),
    ("source panel (document text, highlight)", r"source_panel"),
    ("sidebar filters (regions from the catalog)", r"ask\.py.*\b_filters|_filters \(assistant"),
    ("conversation export (download button)", r"conversation_markdown|download_button"),
    ("rest of the Ask page (examples, chat input, info)", r"assistant/app/views/ask\.py"),
    ("app shell (main.py: login, language, navigation)", r"assistant/app/"),
    # runner.postScriptGC: gc.collect(2) after every run (off in `assistant serve` since #12)
    ("end of each script run (Streamlit's full garbage collection)", r"_on_script_finished"),
    ("session state and widget registration (Streamlit)",
     r"streamlit/runtime/state/|register_widget|compute_and_register_element_id"),
    ("script run machinery (Streamlit: rerun, deltas, protobuf)", r"ScriptRunner|script_run"),
    ("server event loop (websocket, tornado, forward messages)", r"tornado|asyncio|websocket"),
]


def parse(path: Path) -> list[tuple[list[str], int]]:
    stacks = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        head, _, count = line.rpartition(" ")
        if head and count.isdigit():
            stacks.append((head.split(";"), int(count)))
    return stacks


def summarise(stacks: list[tuple[list[str], int]]) -> Counter:
    compiled = [(name, re.compile(pattern)) for name, pattern in BUCKETS]
    totals: Counter = Counter()
    for frames, count in stacks:
        for name, pattern in compiled:
            if any(pattern.search(frame) for frame in frames):
                totals[name] += count
                break
        else:
            totals["other (threads outside a script run)"] += count
    return totals


def table(totals: Counter) -> str:
    total = sum(totals.values()) or 1
    lines = ["| where | samples | share |", "|---|---|---|"]
    for name, count in totals.most_common():
        lines.append(f"| {name} | {count} | {100 * count / total:.1f}% |")
    lines.append(f"| total | {total} | 100% |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profile", type=Path)
    args = parser.parse_args(argv)
    print(table(summarise(parse(args.profile))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
