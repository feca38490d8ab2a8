"""The enrolment-weighted CV against hand-computed values, the scope cutoff and the per-school
rule."""

from __future__ import annotations

import csv
import math

import pytest

from assistant.advisor.schools import (
    ID_COLUMNS,
    analyse_schools,
    load_schools,
    min_pupils_in_scope,
    parse_school_rows,
    required_columns,
    weighted_cv,
)
from assistant.advisor.standards import QUALITY_BALANCE

from .conftest import EXAMPLE_SCHOOLS

WORKED_PUPILS = [45, 37, 89, 76, 55]
WORKED_BOOKS = [279, 137, 935, 160, 402]


def test_worked_example_reproduces_the_official_figures():
    # std-coefficient-of-variation-method: mean 6.334, Σ weighted sq. deviations 10.653,
    # S = 3.264, CV = 0.515.
    result = weighted_cv(WORKED_PUPILS, WORKED_BOOKS)
    assert result.mean == pytest.approx(6.334, abs=5e-4)
    assert sum(result.weighted_sq_devs) == pytest.approx(10.653, abs=5e-4)
    assert result.sd == pytest.approx(3.264, abs=5e-4)
    assert result.cv == pytest.approx(0.515, abs=5e-4)


def test_worked_example_contributions_single_out_schools_3_and_4():
    # The method note: schools 3 and 4 contribute 9.63 of the 10.653.
    terms = weighted_cv(WORKED_PUPILS, WORKED_BOOKS).weighted_sq_devs
    assert terms[2] + terms[3] == pytest.approx(9.63, abs=5e-3)
    assert sorted(range(5), key=lambda i: -terms[i])[:2] == [2, 3]


def test_worked_example_is_not_the_unweighted_cv():
    # Same data, unweighted population CV = 0.489 (the note's "common mistake").
    values = [b / p for b, p in zip(WORKED_BOOKS, WORKED_PUPILS)]
    mean = sum(values) / len(values)
    unweighted = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) / mean
    assert unweighted == pytest.approx(0.489, abs=5e-4)
    assert weighted_cv(WORKED_PUPILS, WORKED_BOOKS).cv != pytest.approx(unweighted, abs=1e-3)


def test_second_case_computed_by_hand():
    # Two schools: 100 pupils / 200 units (2 per pupil) and 300 pupils / 300 units (1 per pupil).
    # Pooled mean = 500 / 400 = 1.25; weights 1/4 and 3/4; deviations +0.75 and −0.25.
    # Σ w (x − mean)² = 0.25·0.5625 + 0.75·0.0625 = 0.1875 = 3/16, so S = √3 / 4 and
    # CV = (√3 / 4) / 1.25 = √3 / 5 ≈ 0.34641.
    result = weighted_cv([100, 300], [200, 300])
    assert result.mean == pytest.approx(1.25)
    assert result.weighted_sq_devs == pytest.approx((0.140625, 0.046875))
    assert result.cv == pytest.approx(math.sqrt(3) / 5)


def test_corpus_illustration_adding_books_to_school_4():
    # The method note: 160 → 260 books at school 4 gives mean 6.666 and CV 0.429.
    books = list(WORKED_BOOKS)
    books[3] += 100
    result = weighted_cv(WORKED_PUPILS, books)
    assert result.mean == pytest.approx(6.666, abs=5e-4)
    assert result.cv == pytest.approx(0.429, abs=5e-4)


def test_equal_schools_have_zero_cv_and_no_resource_gives_no_cv():
    assert weighted_cv([100, 250, 400], [200, 500, 800]).cv == pytest.approx(0.0)
    assert weighted_cv([100, 200], [0, 0]).cv is None


def test_weighted_cv_rejects_schools_without_pupils():
    with pytest.raises(ValueError):
        weighted_cv([100, 0], [10, 5])


# -- school tables built from the thresholds in the YAML ---------------------------------------

def _row(standards, name, level, pupils, factors, location="rural"):
    """A school whose value of each indicator is ``factor × threshold`` (default 1.2)."""
    row = {"school": name, "level": level, "location": location, "pupils": pupils}
    for indicator in standards.resource_indicators():
        factor = factors.get(indicator.id, 1.2)
        value = factor * indicator.threshold(level)
        row[indicator.school_column] = value * pupils / indicator.per_pupils
    return row


def _rows(standards, schools):
    header = required_columns(standards)
    return [header] + [[school[c] for c in header] for school in schools]


def test_teaching_points_under_the_cutoff_are_left_out(standards):
    cutoff = int(min_pupils_in_scope(standards))
    ids = [i.id for i in standards.resource_indicators()]
    big = _row(standards, "Big", "primary", 600, {})
    small_a = _row(standards, "Small A", "primary", 120, {ids[0]: 0.5})
    # An extreme teaching point: it would dominate nothing if excluded, much if included.
    point = _row(standards, "Point", "primary", cutoff - 1, {i: 9.0 for i in ids})
    at_cutoff = _row(standards, "At cutoff", "primary", cutoff, {ids[0]: 3.0})
    analysis = analyse_schools(parse_school_rows(_rows(standards, [big, small_a, point,
                                                                    at_cutoff]), standards),
                               standards)
    assert [s.name for s in analysis.excluded] == ["Point"]
    first = standards.resource_indicators()[0]
    cv = analysis.cv_for(first.id, "primary")
    included = [big, small_a, at_cutoff]
    expected = weighted_cv([s["pupils"] for s in included],
                           [s[first.school_column] for s in included])
    assert cv.schools == 3
    assert cv.cv == pytest.approx(expected.cv)
    point_result = next(r for r in analysis.results if r.school.name == "Point")
    assert point_result.passes_rule is None


def test_per_school_rule_uses_the_yaml_thresholds(standards):
    needed = standards.get(QUALITY_BALANCE, "school_indicators_met").threshold("primary")
    share = standards.get(QUALITY_BALANCE, "school_min_share_of_requirement").threshold("primary")
    ids = [i.id for i in standards.resource_indicators()]
    unmet_allowed = len(ids) - int(needed)
    assert unmet_allowed >= 1, "the rule allows at least one unmet indicator"
    just_above = {i: (share + 1) / 2 for i in ids[:unmet_allowed]}   # between share and 100%
    just_below = {i: share * 0.9 for i in ids[:unmet_allowed]}       # under the share
    too_many = {i: 0.95 for i in ids[:unmet_allowed + 1]}
    schools = [_row(standards, "All met", "junior", 500, {}),
               _row(standards, "Rest above share", "junior", 500, just_above),
               _row(standards, "Rest below share", "junior", 500, just_below),
               _row(standards, "Too many unmet", "junior", 500, too_many)]
    analysis = analyse_schools(parse_school_rows(_rows(standards, schools), standards), standards)
    verdict = {r.school.name: (r.indicators_met, r.passes_rule) for r in analysis.results}
    assert verdict["All met"] == (len(ids), True)
    assert verdict["Rest above share"] == (int(needed), True)
    assert verdict["Rest below share"] == (int(needed), False)
    assert verdict["Too many unmet"] == (int(needed) - 1, False)


def test_contributions_explain_the_variance(standards):
    schools = [_row(standards, "A", "primary", 900, {}),
               _row(standards, "B", "primary", 300, {"building_area_per_pupil": 0.4}),
               _row(standards, "C", "primary", 200, {"building_area_per_pupil": 1.1})]
    analysis = analyse_schools(parse_school_rows(_rows(standards, schools), standards), standards)
    cv = analysis.cv_for("building_area_per_pupil", "primary")
    assert sum(c.share for c in cv.contributions) == pytest.approx(1.0)
    assert sum(c.weighted_sq_dev for c in cv.contributions) == pytest.approx(cv.sd ** 2)
    assert cv.contributions[0].school == "B"  # the school furthest below the mean
    assert cv.contributions[0].deviation < 0


# -- the illustrative school file ----------------------------------------------------------------

def _csv_schools():
    with EXAMPLE_SCHOOLS.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_example_file_cvs_match_a_direct_computation(standards):
    """Every CV of the example file, recomputed here with plain loops from the CSV and the YAML."""
    cutoff = min_pupils_in_scope(standards)
    limit = standards.get(QUALITY_BALANCE, "cv_each_indicator")
    analysis = analyse_schools(load_schools(EXAMPLE_SCHOOLS, standards), standards)
    rows = _csv_schools()
    for level in ("primary", "junior"):
        group = [r for r in rows if r["level"] == level and float(r["pupils"]) >= cutoff]
        total = sum(float(r["pupils"]) for r in group)
        for indicator in standards.resource_indicators():
            amounts = [float(r[indicator.school_column]) for r in group]
            mean = sum(amounts) / total
            variance = sum(float(r["pupils"]) / total * (a / float(r["pupils"]) - mean) ** 2
                           for r, a in zip(group, amounts))
            expected = math.sqrt(variance) / mean
            found = analysis.cv_for(indicator.id, level)
            assert found.cv == pytest.approx(expected), (indicator.id, level)
            assert found.mean == pytest.approx(mean * indicator.per_pupils)
            assert found.met == (expected <= limit.threshold(level))
            assert found.schools == len(group)


def test_example_file_per_school_verdicts_match_a_direct_computation(standards):
    needed = standards.get(QUALITY_BALANCE, "school_indicators_met").threshold("primary")
    share = standards.get(QUALITY_BALANCE, "school_min_share_of_requirement").threshold("primary")
    cutoff = min_pupils_in_scope(standards)
    analysis = analyse_schools(load_schools(EXAMPLE_SCHOOLS, standards), standards)
    by_name = {r.school.name: r for r in analysis.results}
    for row in _csv_schools():
        pupils = float(row["pupils"])
        shares = [float(row[i.school_column]) / pupils * i.per_pupils / i.threshold(row["level"])
                  for i in standards.resource_indicators()]
        met = sum(s >= 1 for s in shares)
        expected = None if pupils < cutoff else (
            met >= needed and all(s >= share for s in shares if s < 1))
        assert by_name[row["school"]].indicators_met == met
        assert by_name[row["school"]].passes_rule is expected, row["school"]


def test_example_file_columns_are_the_documented_ones(standards):
    with EXAMPLE_SCHOOLS.open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header[:len(ID_COLUMNS)] == list(ID_COLUMNS)
    assert set(required_columns(standards)) <= set(header)
