"""What the app hands the advisor (assistant.advisor.inputs): uploads by name and bytes, the
profile form, the examples."""

from __future__ import annotations

import pytest

from assistant.advisor import ProfileError, SchoolDataError, load_profile
from assistant.advisor.inputs import (
    advise_with_schools,
    example_profiles,
    example_school_files,
    form_fields,
    form_values,
    profile_from_form,
    profile_from_upload,
)
from assistant.advisor.profile import DistrictProfile


def test_every_example_round_trips_through_the_form():
    examples = example_profiles()
    assert examples and all(load_profile(p).illustrative for p in examples.values())
    for path in examples.values():
        original = load_profile(path)
        values, indicators = form_values(original)
        rebuilt = profile_from_form(values, indicators, original.problems, base=original)
        assert rebuilt.model_dump() == original.model_dump()


def test_form_covers_every_simple_field_of_the_profile():
    paths = {f.path for fields in form_fields().values() for f in fields}
    assert ("name",) in paths and ("teachers", "rotation_rate_pct") in paths
    assert ("funding", "per_pupil_public_funds_yuan", "junior") in paths
    for name in DistrictProfile.model_fields:
        if name in ("indicators", "cv", "urban_rural", "problems", "notes"):
            continue  # a table, kept from the base profile, or a text area
        assert any(p[0] == name for p in paths), name


def test_form_errors_name_the_field_and_unit():
    with pytest.raises(ProfileError) as error:
        profile_from_form({("name",): "X", ("class_size", "share_over_56_pct"): 140.0})
    assert "class_size.share_over_56_pct" in str(error.value) and "percent" in str(error.value)
    with pytest.raises(ProfileError, match="name"):
        profile_from_form({("name",): None})


def test_uploaded_profile_errors_name_the_upload_not_a_temporary_file():
    profile = profile_from_upload("county.json", b'{"name": "County J", "illustrative": true}')
    assert profile.name == "County J"
    with pytest.raises(ProfileError) as error:
        profile_from_upload("../../evil county.yaml", b"name: [unclosed\n")
    assert error.value.source == "../../evil county.yaml" and "tmp" not in str(error.value)
    with pytest.raises(ProfileError, match="unsupported file type"):
        profile_from_upload("county.exe", b"name: X\n")


def test_school_upload_gives_the_same_advice_as_the_file(tmp_path):
    profile = load_profile(next(iter(example_profiles().values())))
    path = example_school_files()[0]
    by_path = advise_with_schools(profile, path, engine=None)
    by_upload = advise_with_schools(profile, (path.name, path.read_bytes()), engine=None)
    assert by_upload.diagnosis.to_json()["schools"]["cv"] == by_path.diagnosis.to_json()["schools"]["cv"]

    broken = path.read_text(encoding="utf-8").splitlines()
    broken[2] = broken[2].replace(broken[2].split(",")[3], "many", 1)
    with pytest.raises(SchoolDataError) as error:
        advise_with_schools(profile, ("my schools.csv", "\n".join(broken).encode()), engine=None)
    assert str(error.value).startswith("my schools.csv") and "row 3, column 'pupils'" in str(error.value)
