"""The diagnosis tables, built once (advisor/tables.py): each row says what the diagnosis says,
in the reader's language, and the memo's tables are these rows."""

from __future__ import annotations

import re

from tests_support import EXAMPLE_PROFILES

from assistant.advisor.diagnosis import COMPARISON_SYMBOLS, diagnose, fmt
from assistant.advisor.profile import load_profile
from assistant.advisor.tables import gap_rows, requirement, status_rows


def _diagnoses(standards):
    return [diagnose(load_profile(path), standards) for path in EXAMPLE_PROFILES]


def test_rows_follow_the_diagnosis(standards):
    for d in _diagnoses(standards):
        rows = status_rows(d.indicators, "en")
        assert [r.indicator for r in rows] == [s.name for s in d.indicators]
        for row, s in zip(rows, d.indicators, strict=True):
            assert row.value == fmt(s.value) and row.cv == fmt(s.cv, 3)
            assert row.status == {True: "met", False: "not_met", None: "unknown"}[s.met]
            assert row.requirement == ("—" if s.threshold is None else
                                       f"{COMPARISON_SYMBOLS[s.comparison]} {fmt(s.threshold)}")
        gaps = gap_rows(d, "en")
        assert [g.rural_pct_value for g in gaps] == [g.rural_pct_of_urban for g in d.gaps]


def test_chinese_rows_name_indicators_and_units_in_chinese(standards):
    d = _diagnoses(standards)[0]
    rows = status_rows(d.indicators, "zh")
    assert rows and all(re.search(r"[\u4e00-\u9fff]", r.indicator) for r in rows)
    assert not [r.unit for r in rows if re.search(r"[A-Za-z]{3,}", r.unit)]


def test_a_missing_threshold_is_a_dash_not_a_comparison(standards):
    s = _diagnoses(standards)[0].indicators[0]
    assert requirement(s.__class__(**{**s.__dict__, "threshold": None})) == "—"


def test_the_memo_tables_are_the_rows(example_advice, corpus_engine):
    from assistant.memo import build_memo

    advice = example_advice[EXAMPLE_PROFILES[0].name]
    memo = build_memo(advice.diagnosis, advice.suggestions, corpus_engine, "en",
                      date="2026-01-15")
    table = memo.section("situation").tables[0]
    rows = status_rows(advice.diagnosis.indicators, "en")
    assert [r[0] for r in table.rows] == [r.indicator for r in rows]
    assert [(r[2], r[3], r[5]) for r in table.rows] == [(r.value, r.requirement, r.cv)
                                                         for r in rows]
