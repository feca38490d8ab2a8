"""One app replica for the multi-process tests (not a test): the library API driven by JSON lines.

Reads one command per line on stdin and answers with one JSON line on stdout:
  {"op": "search", "query": "...", "k": 5}      -> {"hits": [{"doc_id", "dense_rank", "keyword_rank"}]}
  {"op": "upload", "name": "...", "text": "..."} -> {"ok": bool, "path": "...", "report": {...}}
  {"op": "remove", "doc_id": "..."}              -> {"removed": bool}
  {"op": "status"}                               -> the engine status
Settings come from the ASSISTANT_* environment, as for the app.
"""

from __future__ import annotations

import json
import os
import sys

from assistant import library
from assistant.engine import open_engine


def handle(engine, command: dict) -> dict:
    op = command["op"]
    if op == "search":
        hits = engine.search(command["query"], k=command.get("k", 5))
        return {"hits": [{"doc_id": h.chunk.doc_id, "dense_rank": h.dense_rank,
                          "keyword_rank": h.keyword_rank} for h in hits]}
    if op == "upload":
        path, report = library.ingest_upload(engine, command["name"], command["text"].encode())
        return {"ok": report.ok, "path": str(path), "report": report.to_json()}
    if op == "remove":
        return {"removed": library.remove_upload(engine, command["doc_id"])}
    if op == "status":
        return engine.status().to_json()
    return {"error": f"unknown op {op!r}"}


def main() -> int:
    engine = open_engine()
    print(json.dumps({"ready": True, "pid": os.getpid()}), flush=True)
    for line in sys.stdin:
        try:
            reply = handle(engine, json.loads(line))
        except Exception as exc:  # noqa: BLE001 - report and keep serving; the test judges
            reply = {"error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(reply), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
