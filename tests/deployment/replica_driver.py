"""One app replica for the deployment tests (not a test): the library API and the memo drafts,
driven by JSON lines like ``tests/reliability/replica.py`` (whose operations it also answers).

  {"op": "memo_create", "topic": "..."}            -> the draft's info
  {"op": "memo_edit", "id": "...", "summary": "..."} -> the new version's info
  {"op": "memo_open", "id": "..."}                 -> {"version", "summary"}
  {"op": "memo_list"}                              -> {"ids": [...]}
  {"op": "memo_delete", "id": "..."}               -> {"deleted": true}
  {"op": "reindex"}                                -> the ingest report of the upload store
  {"op": "ask", "question": "..."}                 -> {"route", "citations"} (offline answer)
  {"op": "warm"}                                   -> the app's warm-up (model and indexes loaded)
Settings come from the ASSISTANT_* environment, as for the app.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests folder

from reliability.replica import handle as library_handle

from assistant import library
from assistant.config import get_settings
from assistant.engine import open_engine
from assistant.memo.collect import topic_memo
from assistant.memo.drafts import Viewer, open_draft_store

ME = Viewer()


def handle(engine, store, command: dict) -> dict:
    op = command["op"]
    if op == "memo_create":
        return store.create(topic_memo(command["topic"]), ME).to_json()
    if op == "memo_edit":
        memo = store.open(command["id"], ME).memo
        memo.edit_section("summary", command["summary"])
        return store.save(command["id"], memo, ME).to_json()
    if op == "memo_open":
        draft = store.open(command["id"], ME)
        return {"version": draft.info.version, "summary": draft.memo.section("summary").body}
    if op == "memo_list":
        return {"ids": [d.id for d in store.list(ME).drafts]}
    if op == "memo_delete":
        store.delete(command["id"], ME)
        return {"deleted": True}
    if op == "reindex":
        return library.reindex_uploads(engine).to_json()
    if op == "warm":  # what the app's warm-up does: the model and the indexes loaded
        engine.search("balanced development of compulsory education", k=1)
        return {"warm": True}
    if op == "ask":
        from assistant.answer import answer

        result = answer(command["question"], engine=engine)
        return {"route": result.route, "citations": len(result.citations)}
    return library_handle(engine, command)


def main() -> int:
    settings = get_settings()
    engine = open_engine(settings)
    store = open_draft_store(settings.data_dir, settings.database_url)
    print(json.dumps({"ready": True, "pid": os.getpid()}), flush=True)
    for line in sys.stdin:
        try:
            reply = handle(engine, store, json.loads(line))
        except Exception as exc:  # noqa: BLE001 - report and keep serving; the test judges
            reply = {"error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(reply), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
