"""District profiles: examples load, errors name the field and the unit, thresholds come from the
standards files."""

from __future__ import annotations

import json

import pytest
import yaml

from assistant.advisor.profile import (
    RESOURCE_INDICATOR_UNITS,
    DistrictProfile,
    ProfileError,
    field_unit,
    load_profile,
)
from assistant.advisor.standards import StandardsError, load_standards

from .conftest import EXAMPLE_PROFILES, FIXTURES


@pytest.mark.parametrize("path", EXAMPLE_PROFILES, ids=lambda p: p.stem)
def test_example_profiles_load_and_say_they_are_illustrative(path):
    profile = load_profile(path)
    assert profile.name
    assert profile.illustrative is True


def test_there_are_example_profiles():
    assert len(EXAMPLE_PROFILES) >= 3


def test_only_the_name_is_required():
    assert load_profile({"name": "Somewhere"}).indicators.primary.known() == {}
    with pytest.raises(ProfileError, match="name: required"):
        load_profile({"level": "county"})


def test_validation_errors_name_the_field_and_the_unit():
    with pytest.raises(ProfileError) as caught:
        load_profile(FIXTURES / "profile-bad-units.yaml")
    problems = caught.value.problems
    by_field = {p.split(":", 1)[0]: p for p in problems}
    assert set(by_field) == {"teachers.rotation_rate_pct",
                             "indicators.primary.building_area_per_pupil",
                             "cv.junior", "schools.small_school"}
    assert "≤ 100" in by_field["teachers.rotation_rate_pct"]
    assert "percent" in by_field["teachers.rotation_rate_pct"]
    assert "m² per pupil" in by_field["indicators.primary.building_area_per_pupil"]
    assert "'4.9 m2'" in by_field["indicators.primary.building_area_per_pupil"]
    assert "sports_area_per_pupil" in by_field["cv.junior"]
    assert "not a percent" in by_field["cv.junior"]
    assert "unknown field" in by_field["schools.small_school"]
    assert "profile-bad-units.yaml" in str(caught.value)


def test_broken_yaml_and_missing_files_are_reported():
    with pytest.raises(ProfileError, match="not valid YAML"):
        load_profile(FIXTURES / "profile-bad-yaml.yaml")
    with pytest.raises(ProfileError, match="file not found"):
        load_profile(FIXTURES / "no-such-profile.yaml")


def test_json_profiles_load(tmp_path):
    data = yaml.safe_load((FIXTURES / "profile-full.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_profile(path) == DistrictProfile.model_validate(data)


def test_profile_indicators_are_the_resource_indicators_of_the_yaml(standards):
    resource = {i.id: i.unit for i in standards.resource_indicators()}
    assert resource == RESOURCE_INDICATOR_UNITS
    for indicator_id, unit in resource.items():
        assert field_unit(("indicators", "junior", indicator_id)) == unit


def test_a_bad_standards_file_names_the_file_and_the_indicator(tmp_path):
    (tmp_path / "broken.yaml").write_text(
        "standard: broken\nindicators:\n  - id: some_indicator\n    primary: 1\n"
        "    junior: 1\n    comparison: '=>'\n", encoding="utf-8")
    with pytest.raises(StandardsError, match=r"broken\.yaml.*some_indicator.*comparison"):
        load_standards(tmp_path)
