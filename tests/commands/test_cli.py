"""The command line: ingest summary and exit codes, search --json, status --json, doctor."""

import json
import subprocess
import sys

import pytest

from assistant import cli
from assistant.config import get_settings


@pytest.fixture
def cli_env(monkeypatch, tmp_path, mini_corpus):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIRS", json.dumps([str(mini_corpus)]))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def run(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    return code, capsys.readouterr().out


def test_search_builds_the_index_first_and_prints_json(cli_env, capsys):
    code, out = run(capsys, "search", "teacher rotation between schools", "--json", "--k", "3")
    assert code == 0
    results = json.loads(out)
    assert results and {"doc_id", "title", "text", "score", "section", "page"} <= set(results[0])
    assert any(r["doc_id"] == "mini-law" for r in results)


def test_status_json_has_documents_and_chunks(cli_env, capsys):
    run(capsys, "ingest")
    code, out = run(capsys, "status", "--json")
    status = json.loads(out)
    assert code == 0 and status["documents"] == 2 and status["chunks"] > 2


def test_ingest_exit_code_is_1_when_a_file_fails(cli_env, capsys, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    good = tmp_path / "good.txt"
    good.write_text("Counties publish supervision reports.")
    code, out = run(capsys, "ingest", str(bad), str(good))
    assert code == 1
    assert "FAILED" in out and "bad.pdf" in out and "indexed: 1" in out
    code, out = run(capsys, "ingest", str(good), "--json")
    assert code == 0 and json.loads(out)["unchanged"] == 1


def test_doctor_reports_consistency(cli_env, capsys):
    run(capsys, "ingest")
    code, out = run(capsys, "doctor", "--json")
    assert code == 0 and json.loads(out)["consistent"] is True


def test_usage_errors_exit_2(cli_env):
    with pytest.raises(SystemExit) as info:
        cli.main(["search"])
    assert info.value.code == 2


def test_console_script_runs_as_installed(tmp_path, mini_corpus):
    env = {"ASSISTANT_DATA_DIR": str(tmp_path / "d"), "ASSISTANT_CORPUS_DIRS": json.dumps([str(mini_corpus)]),
           "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"}
    exe = [sys.executable, "-m", "assistant.cli"]
    done = subprocess.run(exe + ["ingest"], check=False, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "indexed: 2" in done.stdout
    # quiet by default: no library's DEBUG or INFO lines (bm25s sets its own logger to DEBUG)
    assert "DEBUG" not in done.stderr and "INFO" not in done.stderr, done.stderr
    done = subprocess.run(exe + ["nonsense"], check=False, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2


def test_progress_counts_files_while_reading_and_passages_while_embedding(capsys):
    from assistant.commands.common import TqdmProgress

    progress = TqdmProgress()
    progress(0, 3, "reading a.md")
    assert progress._bar.unit == "file"
    progress(0, 40, "embedding 40 passages")
    assert progress._bar.unit == "passage" and progress._bar.total == 40
    progress.close()


def test_verbose_shows_library_details_and_default_hides_them():
    import logging

    from assistant.logs import configure

    configure(verbose=False)
    assert logging.getLogger("bm25s").getEffectiveLevel() == logging.WARNING
    configure(verbose=True)
    assert logging.getLogger("bm25s").getEffectiveLevel() == logging.INFO
    configure(verbose=False)
