"""``assistant advise`` and ``assistant memo`` through the CLI entry point."""

from __future__ import annotations

import json

import pytest
from docx import Document

from assistant.advisor.measures import load_measures
from assistant.advisor.profile import load_profile
from assistant.cli import main
from assistant.config import get_settings
from assistant.memo import load_template

from .conftest import EXAMPLE_PROFILES, EXAMPLE_SCHOOLS, FIXTURES, MEASURE_LIMIT


@pytest.fixture
def cli_index(corpus_engine, corpus_settings, monkeypatch):
    """Point the CLI's settings at the test index (the engine for it is already open)."""
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(corpus_settings.data_dir))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_advise_json(cli_index, capsys):
    code = main(["advise", str(EXAMPLE_PROFILES[0]), "--json", "--limit", str(MEASURE_LIMIT)])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["indicators"]
    for item in data["indicators"]:
        assert {"id", "level", "value", "threshold", "met", "cv", "cv_threshold",
                "cv_met"} <= set(item)
    specs = {spec.id: spec for spec in load_measures()}
    assert 0 < len(data["measures"]) <= MEASURE_LIMIT
    for measure in data["measures"]:
        assert {"id", "title", "citations"} <= set(measure)
        assert measure["citations"]
        assert all(c["doc_id"] in specs[measure["id"]].policy_basis for c in measure["citations"])


def test_advise_json_with_schools(cli_index, capsys):
    code = main(["advise", str(EXAMPLE_PROFILES[0]), "--schools", str(EXAMPLE_SCHOOLS),
                 "--json", "--limit", "1"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert {item["value_source"] for item in data["indicators"]} == {"schools"}
    assert data["schools"]["excluded"]


def test_advise_text(cli_index, capsys):
    assert main(["advise", str(EXAMPLE_PROFILES[0]), "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(load_profile(EXAMPLE_PROFILES[0]).name)
    assert "✗" in out or "✓" in out
    assert "Measures" in out


def test_memo_docx(cli_index, capsys, tmp_path):
    out = tmp_path / "memo.docx"
    code = main(["memo", str(EXAMPLE_PROFILES[0]), "--out", str(out), "--lang", "zh",
                 "--limit", "3", "--no-charts"])
    assert code == 0
    assert "memo written" in capsys.readouterr().out
    headings = [p.text for p in Document(out).paragraphs if p.style.name.startswith("Heading")]
    assert load_template("zh")["headings"]["measures"] in headings


def test_memo_markdown(cli_index, tmp_path):
    out = tmp_path / "memo.md"
    assert main(["memo", str(EXAMPLE_PROFILES[0]), "--out", str(out), "--limit", "2"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert (tmp_path / "memo-charts" / "indicators.png").is_file()


def test_bad_input_is_an_error_the_user_can_act_on(cli_index, capsys, tmp_path):
    assert main(["advise", str(FIXTURES / "profile-bad-units.yaml")]) == 2
    assert "teachers.rotation_rate_pct" in capsys.readouterr().err
    code = main(["advise", str(EXAMPLE_PROFILES[0]), "--schools",
                 str(FIXTURES / "schools-bad-values.csv")])
    assert code == 2
    assert "row 3, column 'pupils'" in capsys.readouterr().err
    assert main(["memo", str(EXAMPLE_PROFILES[0]), "--out", str(tmp_path / "memo.odt")]) == 2
