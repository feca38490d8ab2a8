"""Start-up: the first page renders without loading the embedding model (``import
sentence_transformers`` alone takes ~5 s, over the 3 s budget), and with no index the first
start builds one from the corpus. Each case runs in a fresh interpreter, so nothing another test
loaded hides an import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests_support import MINI_CORPUS

APP = str(Path(__file__).resolve().parents[2] / "assistant" / "app" / "main.py")

SCRIPT = """
import json, sys, time
from streamlit.testing.v1 import AppTest
started = time.monotonic()
at = AppTest.from_file({app!r}, default_timeout=300).run()
seconds = time.monotonic() - started
from assistant.config import get_settings
from assistant.engine import open_engine
print(json.dumps({{
    "exception": [str(e.value) for e in at.exception],
    "title": at.title[0].value if at.title else None,
    "chat_input": len(at.chat_input),
    "model_loaded": "sentence_transformers" in sys.modules or "torch" in sys.modules,
    "documents": open_engine(get_settings()).status().documents,
    "seconds": seconds,
}}))
"""


def _first_run(data_dir: Path, **env: str) -> dict:
    environment = dict(os.environ, ASSISTANT_DATA_DIR=str(data_dir), **env)
    done = subprocess.run([sys.executable, "-c", SCRIPT.format(app=APP)], env=environment,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_first_page_with_an_index_does_not_load_the_model(app_data_dir):
    result = _first_run(app_data_dir)
    assert result["exception"] == []
    assert result["title"] == "EduBalance Advisor" and result["chat_input"] == 1
    assert result["documents"] > 0
    assert result["model_loaded"] is False
    print(f"first AppTest run with an index: {result['seconds']:.2f} s")


def test_first_start_without_an_index_builds_it(tmp_path):
    result = _first_run(tmp_path / "data", ASSISTANT_CORPUS_DIRS=json.dumps([str(MINI_CORPUS)]))
    assert result["exception"] == []
    assert result["title"] == "EduBalance Advisor"
    assert result["documents"] == len([p for p in MINI_CORPUS.rglob("*.md")])
