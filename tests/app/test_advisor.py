"""District advisor and memo pages (AppTest): an example profile gives the diagnosis tables,
charts and cited measures; the memo is drafted, edited, regenerated and exported."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document

from assistant.advisor import advise, load_profile
from assistant.advisor.inputs import example_profiles, example_school_files
from assistant.config import DEFAULT_CORPUS_DIR, get_settings
from assistant.memo import memo_to_docx, memo_to_markdown

COUNTY_A = DEFAULT_CORPUS_DIR / "examples" / "illustrative-county-a.yaml"


@pytest.fixture
def advisor_page(app):
    at = app.run()
    at.switch_page("views/advisor.py").run()
    assert not at.exception
    return at


def test_example_profile_gives_diagnosis_charts_and_cited_measures(advisor_page, app_engine):
    at = advisor_page
    name = load_profile(COUNTY_A).name
    at.selectbox(key="adv-example").set_value(name).run()
    at.button(key="adv-run").click().run()
    assert not at.exception, at.exception
    expected = advise(COUNTY_A, engine=app_engine, limit=12)

    assert at.header[0].value == f"Diagnosis: {name}"
    assert any("Illustrative data" in w.value for w in at.warning)
    table = at.dataframe[0].value
    assert len(table) == len(expected.diagnosis.indicators)
    statuses = {"met": "✓ met", "not_met": "✗ not met", "unknown": "? unknown"}
    assert list(table["Status"]) == [statuses[s.status] for s in expected.diagnosis.indicators]
    assert len(at.get("vega_lite_chart")) >= 2  # indicators and CVs (the profile gives CVs)

    measures = expected.suggestions.measures
    assert measures and all(m.citations for m in measures)
    titles = [m.value for m in at.markdown if m.value.startswith("**1. ")]
    assert titles and measures[0].title("en").split()[0] in titles[0]
    cited = measures[0].citations[0]
    panel = at.expander(key="cite-m1-b-1")
    assert cited.title.split()[0] in panel.label
    assert any(cited.text[:40].replace("<", "&lt;") in h.proto.body for h in at.get("html"))


def test_school_file_adds_the_school_tables(advisor_page):
    at = advisor_page
    at.radio(key="adv-schools-source").set_value("example").run()
    at.button(key="adv-run").click().run()
    assert not at.exception
    assert "Schools" in [s.value for s in at.subheader]
    assert example_school_files()


def test_bad_profile_upload_names_the_file_and_the_field(advisor_page):
    at = advisor_page
    at.radio(key="adv-source").set_value("upload").run()
    at.file_uploader(key="adv-profile-file").upload(
        "my-county.yaml", b"name: My County\nteachers:\n  rotation_rate_pct: twelve\n",
        "application/x-yaml").run()
    assert not at.exception
    message = at.error[0].value.replace("\\", "")
    assert "my-county.yaml" in message and "teachers.rotation_rate_pct" in message
    at.button(key="adv-run").click().run()
    assert any("Choose, upload or fill in a profile first" in w.value for w in at.warning)


def test_form_started_from_an_example_gives_the_same_profile(advisor_page):
    at = advisor_page
    at.radio(key="adv-source").set_value("form").run()
    at.selectbox(key="adv-form-start").set_value("Illustrative County A").run()
    assert not at.exception
    at.number_input(key="adv-f-teachers.rotation_rate_pct").set_value(9.5)
    next(b for b in at.button if b.label == "Use this profile").click().run()
    assert not at.exception
    built = at.session_state["adv-form-profile"]
    original = load_profile(example_profiles()["Illustrative County A"])
    assert built.teachers.rotation_rate_pct == 9.5
    assert built.model_copy(update={"teachers": original.teachers}).model_dump() == \
        original.model_dump()


def test_memo_is_drafted_edited_regenerated_and_exported(advisor_page):
    at = advisor_page
    at.button(key="adv-run").click().run()
    at.button(key="adv-draft-memo").click().run()
    assert not at.exception
    at.switch_page("views/memo.py").run()  # AppTest stays on the page it was told to
    memo = at.session_state["memo"]
    assert at.header[0].value.startswith("Suggestions on")
    # saved as a draft the moment it was drafted
    from assistant.memo.drafts import Viewer, open_draft_store

    store = open_draft_store(get_settings().data_dir)
    saved = store.open(at.session_state["memo-draft-id"], Viewer()).memo
    assert saved.to_json() == memo.to_json()
    areas = at.text_area
    assert len(areas) == len(memo.sections)

    areas[0].set_value("Our own summary of the gaps [1].").run()
    assert memo.sections[0].body == "Our own summary of the gaps [1]." and memo.sections[0].edited
    assert "Our own summary" in memo_to_markdown(memo)
    body = "\n".join(p.text for p in Document(io.BytesIO(memo_to_docx(memo))).paragraphs)
    assert "Our own summary of the gaps" in body
    assert len(at.get("download_button")) == 6  # PDF, DOCX and Markdown, top and bottom

    untouched = memo.sections[1].body
    at.button(key=f"memo-regen-{memo.sections[0].id}").click().run()
    assert not at.exception
    assert memo.sections[0].body != "Our own summary of the gaps [1]."
    assert not memo.sections[0].edited
    assert at.text_area[0].value == memo.sections[0].body
    assert memo.sections[1].body == untouched


def test_memo_page_without_a_memo_points_to_the_advisor(app):
    at = app.run()
    at.switch_page("views/memo.py").run()
    assert "No memo open" in at.info[0].value


# -- school files as officials have them -------------------------------------------------------

def _chinese_csv_without_equipment_name(tmp_path) -> bytes:
    from school_variants import chinese_csv

    lines = chinese_csv(tmp_path / "zh.csv").read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("教学仪器设备值（元）", "设备值")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _upload_schools(at, name: str, data: bytes, mime: str = "text/csv"):
    at.radio(key="adv-schools-source").set_value("upload").run()
    at.file_uploader(key="adv-schools-file").upload(name, data, mime).run()
    assert not at.exception, at.exception
    return at


def _cvs(advice) -> dict[tuple[str, str], float]:
    return {(c.indicator_id, c.level): c.cv for c in advice.diagnosis.schools.cvs}


def test_unrecognised_column_is_mapped_with_a_select_box_and_remembered(app, app_env, tmp_path):
    from assistant.advisor.column_memory import mapping_file
    from assistant.advisor.inputs import SchoolUpload, inspect_upload

    data = _chinese_csv_without_equipment_name(tmp_path)
    reading = inspect_upload(SchoolUpload("学校.csv", data))
    assert reading.missing == ["equipment_value_yuan"]
    mapping_file(app_env, reading.headers).unlink(missing_ok=True)
    key = f"adv-map-{reading.header_key}-equipment_value_yuan"

    at = _upload_schools(app.run().switch_page("views/advisor.py").run(), "学校.csv", data)
    box = at.selectbox(key=key)
    assert box.value is None and box.options == ["(not in my file)", "设备值"]
    found = at.dataframe[0].value
    assert dict(zip(found["Needed column"], found["Your column"]))["School"] == "学校名称"
    assert any("Still missing" in w.value for w in at.warning)
    at.button(key="adv-run").click().run()
    assert any("equipment_value_yuan" in e.value.replace("\\", "") for e in at.error)  # no guess
    assert "advisor-result" not in at.session_state

    box.set_value("设备值").run()
    assert not any("Still missing" in w.value for w in at.warning)
    found = at.dataframe[0].value
    row = found[found["Your column"] == "设备值"].iloc[0]
    assert row["How"] == "mapped by you"
    at.button(key="adv-run").click().run()
    assert not at.exception and not at.error
    advice = at.session_state["advisor-result"]
    english = advise(COUNTY_A, example_school_files()[0])
    for k, value in _cvs(english).items():
        assert _cvs(advice)[k] == pytest.approx(value, abs=1e-9, rel=0)
    assert advice.diagnosis.schools.source == "学校.csv"
    assert mapping_file(app_env, reading.headers).is_file()

    # The next upload with the same header starts from the remembered mapping.
    again = _upload_schools(app.run().switch_page("views/advisor.py").run(), "另一个.csv", data)
    assert again.selectbox(key=key).value == "设备值"
    assert not any("Still missing" in w.value for w in again.warning)


def test_workbook_sheet_is_picked_and_the_skips_are_shown(app, tmp_path):
    from school_variants import statistics_xlsx

    data = statistics_xlsx(tmp_path / "统计表.xlsx").read_bytes()
    at = _upload_schools(app.run().switch_page("views/advisor.py").run(), "统计表.xlsx", data,
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    sheet = at.selectbox(key="adv-schools-sheet")
    assert sheet.options == ["汇总", "学校明细"] and sheet.value == "学校明细"
    notes = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "row 26: totals row" in notes and "万元 × 10,000 → yuan" in notes
    at.button(key="adv-run").click().run()
    assert not at.exception and not at.error
    contributors = at.dataframe[-1].value
    assert "Column in your file" in contributors.columns
    assert set(contributors["Column in your file"]) <= {
        m.header for m in at.session_state["advisor-result"].diagnosis.schools.reading
        .matches.values()}

    sheet.set_value("汇总").run()  # the summary sheet has no school table
    assert any("Still missing" in w.value for w in at.warning)


def test_templates_are_offered_for_download(advisor_page):
    at = advisor_page
    at.radio(key="adv-schools-source").set_value("upload").run()
    keys = {b.proto.id for b in at.get("download_button")}
    assert len(keys) == 3
    at.radio(key="adv-template-lang").set_value("en").run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["XLSX template (with a notes sheet)", "CSV template",
                      "Notes for the CSV template"]


def _raw_keys_in(texts: list[str], keys: set[str]) -> list[str]:
    """The ids among ``keys`` that appear as words in ``texts`` ("low_rotation", "high_cv")."""
    return sorted(k for k in keys for text in texts
                  if re.search(rf"(?<![A-Za-z_]){re.escape(k)}(?![A-Za-z_])", text))


def test_chinese_page_names_problems_units_and_sources_in_chinese(advisor_page, app_engine):
    at = advisor_page
    at.selectbox(key="adv-example").set_value(load_profile(COUNTY_A).name).run()
    at.button(key="adv-run").click().run()
    at.radio(key="lang").set_value("zh").run()
    assert not at.exception, at.exception
    expected = advise(COUNTY_A, engine=app_engine, limit=12)
    keys = {g for m in expected.suggestions.measures for g in m.gaps}
    keys |= {f.id for f in expected.diagnosis.flags}
    assert any("_" in k for k in keys)  # the example's measures address flagged problems
    shown = [c.value for c in at.caption] + [m.value for m in at.markdown]
    shown += [e.label for e in at.expander]
    assert _raw_keys_in(shown, keys) == []
    addresses = [c.value for c in at.caption if c.value.startswith("针对")]
    assert addresses and all(re.search(r"[\u4e00-\u9fff]", c) for c in addresses), addresses

    table = at.dataframe[0].value
    units = [u for u in table.iloc[:, 3] if u]  # value, unit: the fourth column
    assert units and not [u for u in units if re.search(r"[A-Za-z]{3,}", str(u))], units

    basis = expected.suggestions.measures[0].citations[0]
    title_zh = app_engine.document(basis.doc_id).metadata.get("title_zh")
    assert title_zh and title_zh in at.expander(key="cite-m1-b-1").label
