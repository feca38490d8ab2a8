"""``assistant advise`` and ``assistant memo`` through the CLI entry point."""

from __future__ import annotations

import json

import pytest
from docx import Document
from tests_support import ADVISOR_FIXTURES as FIXTURES
from tests_support import EXAMPLE_PROFILES, EXAMPLE_SCHOOLS, MEASURE_LIMIT

from assistant.advisor.measures import load_measures
from assistant.advisor.profile import load_profile
from assistant.cli import main
from assistant.config import get_settings
from assistant.memo import load_template


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


# -- school files as officials have them -------------------------------------------------------

def _cv_values(data) -> dict[tuple[str, str], float]:
    return {(c["indicator"], c["level"]): c["cv"] for c in data["schools"]["cv"]}


def _advise_json(capsys, *extra: str) -> dict:
    code = main(["advise", str(EXAMPLE_PROFILES[0]), "--json", "--limit", "1", *extra])
    assert code == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def test_advise_map_reads_a_column_it_did_not_recognise(cli_index, capsys, tmp_path):
    from school_variants import chinese_csv

    path = tmp_path / "学校.csv"
    lines = chinese_csv(tmp_path / "zh.csv").read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("教学仪器设备值（元）", "设备值")
    path.write_text("\n".join(lines), encoding="utf-8")

    assert main(["advise", str(EXAMPLE_PROFILES[0]), "--schools", str(path)]) == 2
    error = capsys.readouterr().err
    assert "equipment_value_yuan" in error and "'设备值'" in error and "--map" in error

    mapped = _advise_json(capsys, "--schools", str(path), "--map", "设备值=equipment_value_yuan")
    english = _advise_json(capsys, "--schools", str(EXAMPLE_SCHOOLS))
    assert mapped["schools"]["read"]["columns"]["equipment_value_yuan"]["mapped"] is True
    for key, value in _cv_values(english).items():
        assert _cv_values(mapped)[key] == pytest.approx(value, abs=1e-9, rel=0)


def test_advise_bad_map_is_a_usage_error(cli_index, capsys):
    assert main(["advise", str(EXAMPLE_PROFILES[0]), "--schools", str(EXAMPLE_SCHOOLS),
                 "--map", "设备值"]) == 2
    assert "YOUR COLUMN=our_column" in capsys.readouterr().err


def test_advise_sheet_reads_the_named_sheet_and_reports_the_skips(cli_index, capsys, tmp_path):
    from school_variants import statistics_xlsx

    path = statistics_xlsx(tmp_path / "统计表.xlsx")
    assert main(["advise", str(EXAMPLE_PROFILES[0]), "--schools", str(path), "--sheet", "学校明细",
                 "--limit", "1", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "第 26 行：合计行（“合计”），已跳过" in out and "万元 × 10,000 → 元" in out
    assert main(["advise", str(EXAMPLE_PROFILES[0]), "--schools", str(path),
                 "--sheet", "初中"]) == 2
    assert "no sheet named '初中'" in capsys.readouterr().err


@pytest.mark.parametrize("name, lang", [("模板.xlsx", "zh"), ("template.csv", "en")])
def test_advise_template_writes_the_template(capsys, tmp_path, name, lang):
    from assistant.advisor.schools import inspect_school_file
    from assistant.advisor.standards import load_standards

    path = tmp_path / name
    assert main(["advise", "--template", str(path), "--lang", lang]) == 0
    assert f"template written to {path}" in capsys.readouterr().out
    reading = inspect_school_file(path, load_standards())
    assert not reading.missing and [s.kind for s in reading.skipped] == ["illustrative"]
    assert ("学校名称" in reading.headers) == (lang == "zh")


def test_advise_needs_a_profile_or_a_template(capsys):
    assert main(["advise"]) == 2
    assert "--template" in capsys.readouterr().err
