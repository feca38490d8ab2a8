"""The results section writer and the `assistant eval` command."""

from __future__ import annotations

import json

import pytest

from assistant.evaluation.report import SECTION_END, SECTION_START, write_section


def test_write_section_creates_the_file(tmp_path):
    path = tmp_path / "RESULTS.md"
    write_section(path, "## Evaluation\n\n| a |\n")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(SECTION_START) and text.rstrip().endswith(SECTION_END)
    assert "| a |" in text


def test_write_section_appends_then_replaces_in_place(tmp_path):
    path = tmp_path / "RESULTS.md"
    path.write_text("# Results\n\nIngest benchmark: 12 s.\n", encoding="utf-8")
    write_section(path, "old figures")
    path.write_text(path.read_text(encoding="utf-8") + "\n## Later section\n", encoding="utf-8")
    write_section(path, "new figures")
    text = path.read_text(encoding="utf-8")
    assert "old figures" not in text and text.count("new figures") == 1
    assert text.count(SECTION_START) == 1 and text.count(SECTION_END) == 1
    # What was around the section is kept, in order.
    assert text.index("Ingest benchmark") < text.index("new figures") < text.index("Later section")


def test_write_section_refuses_a_half_marked_file(tmp_path):
    path = tmp_path / "RESULTS.md"
    path.write_text(f"# Results\n{SECTION_START}\nno end marker\n", encoding="utf-8")
    with pytest.raises(ValueError, match="only one of the markers"):
        write_section(path, "figures")


@pytest.fixture
def cli_env(monkeypatch, corpus_engine, corpus_settings):
    """Point `assistant` at the test index (the engine is already built by the fixture)."""
    from assistant.config import get_settings

    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(corpus_settings.data_dir))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_eval_command_json_and_write(cli_env, tmp_path, capsys):
    from assistant.cli import main

    target = tmp_path / "RESULTS.md"
    code = main(["eval", "--limit", "6", "--skip-baselines", "--skip-answers", "--json",
                 "--write", str(target)])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["questions"] == 6
    assert data["systems"][0]["name"] == "hybrid (engine)"
    assert 0.0 <= data["systems"][0]["recall@5"] <= 1.0
    written = target.read_text(encoding="utf-8")
    assert SECTION_START in written and "| hybrid (engine) |" in written


def test_eval_command_rejects_a_bad_devset(cli_env, tmp_path, capsys):
    from assistant.cli import main

    bad = tmp_path / "devset.yaml"
    bad.write_text("questions: 3\n", encoding="utf-8")
    assert main(["eval", "--devset", str(bad), "--skip-baselines", "--skip-answers"]) == 1
    assert "'questions' list" in capsys.readouterr().err
