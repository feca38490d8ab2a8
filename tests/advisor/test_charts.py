"""Charts of a diagnosis and their PNG export."""

from __future__ import annotations

from assistant.advisor.charts import (
    chart_png,
    cv_chart,
    diagnosis_charts,
    indicator_chart,
    urban_rural_chart,
)
from assistant.advisor.diagnosis import diagnose
from assistant.advisor.profile import load_profile

from .conftest import EXAMPLE_PROFILES


def test_charts_carry_values_and_thresholds(standards):
    diagnosis = diagnose(load_profile(EXAMPLE_PROFILES[0]), standards)
    spec = cv_chart(diagnosis).to_dict()
    rows = next(iter(spec["datasets"].values()))
    known = [s for s in diagnosis.indicators if s.cv is not None]
    assert sorted((r["cv"], r["limit"]) for r in rows) == sorted(
        (s.cv, s.cv_threshold) for s in known)
    bars = next(iter(indicator_chart(diagnosis).to_dict()["datasets"].values()))
    assert len(bars) == sum(1 for s in diagnosis.indicators if s.value is not None)


def test_png_export(standards):
    diagnosis = diagnose(load_profile(EXAMPLE_PROFILES[0]), standards)
    charts = diagnosis_charts(diagnosis)
    assert set(charts) == {"indicators", "cv", "urban_rural"}
    png = chart_png(charts["cv"])
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_no_data_no_chart(standards):
    diagnosis = diagnose(load_profile({"name": "Empty"}), standards)
    assert indicator_chart(diagnosis) is None
    assert cv_chart(diagnosis) is None
    assert urban_rural_chart(diagnosis) is None
    assert diagnosis_charts(diagnosis) == {}
