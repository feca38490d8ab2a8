"""Cases page (AppTest): browse with filters, read one, compare two or three side by side."""

from __future__ import annotations

from assistant.cases import CASE_SECTIONS, list_cases


def test_browse_filter_and_compare_cases(app, app_engine):
    at = app.run()
    at.switch_page("views/cases.py").run()
    assert not at.exception
    every = list_cases(app_engine)
    table = at.dataframe[0].value
    assert list(table.iloc[:, 0]) == [c.doc_id for c in every]

    at.selectbox(key="case-area").set_value("teachers").run()
    expected = [c.doc_id for c in list_cases(app_engine, area="teachers")]
    assert 0 < len(expected) < len(every)
    assert list(at.dataframe[0].value.iloc[:, 0]) == expected

    # read one: its text is shown in full
    first = expected[0]
    at.selectbox(key="case-read").set_value(first).run()
    assert at.text[0].value == app_engine.document_text(first).strip()

    # compare two: one row per standard case section, one column per case
    at.multiselect(key="case-compare").set_value(expected[:2]).run()
    assert not at.exception
    frame = at.dataframe[1].value
    assert len(frame) == len(CASE_SECTIONS)
    assert frame.shape[1] == 3
    assert list(frame.iloc[:, 0]) == list(CASE_SECTIONS)


def test_region_filter_with_no_match_says_so(app):
    at = app.run()
    at.switch_page("views/cases.py").run()
    at.text_input(key="case-region").set_value("Atlantis-no-such-place").run()
    assert at.info[0].value == "No case matches these filters."
