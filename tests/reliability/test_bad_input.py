"""Bad input: every file in tests/fixtures/bad gives an error naming the file (and row or field)
and what to do, nothing already indexed is lost, and search keeps answering."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from assistant import library
from assistant.advisor.profile import ProfileError, load_profile
from assistant.advisor.schools import SchoolDataError, load_schools
from assistant.advisor.standards import load_standards
from assistant.ingest.loaders import decode_text
from reliability.support import BAD, assert_stores_agree, counts

# file -> (words the reason must contain, words of which one must say what to do)
EXPECTED_FAILURES = {
    "empty.md": ("empty", ("check",)),
    "empty.txt": ("empty", ("check",)),
    "blank.txt": ("empty", ("check",)),
    "empty.pdf": ("empty", ("check",)),
    "truncated.pdf": ("truncated or damaged", ("damaged",)),
    "encrypted.pdf": ("password-protected", ("save an unprotected copy",)),
    "scanned.pdf": ("no text layer", ("run OCR",)),
    "not-a-zip.docx": ("not a valid DOCX", ("re-save",)),
    "binary.txt": ("binary", ("check",)),
    "broken-utf16-bom.txt": ("byte-order mark", ("re-save it as UTF-8",)),
    "front-matter-unclosed.md": ("front matter", ("close it",)),
    "front-matter-bad-yaml.md": ("not valid YAML at line 3", ("fix the YAML",)),
    "front-matter-list.md": ("front matter must be a mapping", ("field: value",)),
    "front-matter-bad-id.md": ("document id '../../etc/passwd'", ("may only contain",)),
}
READABLE = {"notice-gb18030.txt", "notice-big5.txt", "notice-utf16.txt",
            "notice-utf16le-nobom.txt"}


@pytest.fixture
def incoming(tmp_path) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name in [*EXPECTED_FAILURES, *READABLE]:
        shutil.copy(BAD / name, folder / name)
    return folder


def test_each_bad_file_is_reported_by_name_with_what_to_do(engine, incoming):
    before = counts(engine)
    law_chunks = [c.chunk_id for c in engine.document_chunks("mini-law")]

    report = engine.ingest([incoming], origin="upload")

    failures = {Path(r.path).name: r for r in report.failures}
    assert set(failures) == set(EXPECTED_FAILURES)
    for name, (must_say, actions) in EXPECTED_FAILURES.items():
        failure = failures[name]
        assert failure.path.endswith(name)
        assert must_say in failure.reason, (name, failure.reason)
        assert any(action in failure.reason for action in actions), (name, failure.reason)
    indexed = {Path(r.path).name for r in report.results if r.status == "indexed"}
    assert indexed == READABLE

    after = counts(engine)
    assert after.documents == before.documents + len(READABLE)
    assert [c.chunk_id for c in engine.document_chunks("mini-law")] == law_chunks
    assert_stores_agree(engine)
    hits = engine.search("rotation of principals and teachers between schools", k=3)
    assert hits[0].chunk.doc_id == "mini-law"


def test_big5_gb18030_and_utf16_are_decoded_and_found(engine, incoming):
    engine.ingest([incoming], origin="upload")
    by_name = {d.metadata.get("source_name"): d.doc_id for d in engine.documents()}
    big5 = engine.document_text(by_name["notice-big5.txt"])
    assert "縣級人民政府應當均衡配置" in big5
    for name in ("notice-gb18030.txt", "notice-utf16.txt", "notice-utf16le-nobom.txt"):
        assert "县级人民政府应当均衡配置" in engine.document_text(by_name[name])
    hits = engine.search("農村學校教師的平均工資", k=5)
    assert any(h.chunk.metadata.get("source_name") == "notice-big5.txt" for h in hits)


def test_big5_is_not_mistaken_for_gb18030():
    # GB18030 decodes Big5 bytes without error, into nonsense; the decoder must notice.
    text = "縣級人民政府應當保障農村教師工資，促進義務教育均衡發展。"
    assert decode_text(Path("notice.txt"), text.encode("big5")) == text
    assert decode_text(Path("notice.txt"), text.encode("gb18030")) == text
    simplified = "县级人民政府应当保障农村教师工资，促进义务教育均衡发展。"
    assert decode_text(Path("notice.txt"), simplified.encode("gb18030")) == simplified


def test_a_single_5mb_line_is_refused_with_a_limit_and_the_index_is_kept(engine, tmp_path):
    before = counts(engine)
    rng = random.Random(5)
    words = ["county", "teacher", "rural", "school", "budget", "pupil", "balanced", "education"]
    line = " ".join(rng.choice(words) for _ in range(800_000))[: 5 * 1024 * 1024]
    big = tmp_path / "one-line.txt"
    big.write_text(line)
    assert big.stat().st_size == 5 * 1024 * 1024 and "\n" not in line

    report = engine.ingest([big], origin="upload", prune=False)

    [failure] = report.failures
    assert failure.path == str(big.resolve())
    assert "passages, over the limit" in failure.reason and "split it" in failure.reason
    assert counts(engine) == before
    assert engine.search("teachers pay civil servants", k=1)[0].chunk.doc_id == "mini-law"


def test_upload_over_the_size_limit_is_refused_before_it_is_stored(engine, tmp_path):
    engine.settings.max_upload_mb = 1
    data = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10)
    with pytest.raises(library.UploadError, match=r"report\.pdf: 1\.0 MB is over the 1 MB limit.*"
                                                  r"ASSISTANT_MAX_UPLOAD_MB"):
        library.save_upload(engine, "report.pdf", data)
    uploads = engine.settings.uploads_dir
    assert not uploads.exists() or not any(uploads.iterdir())


def test_a_bad_upload_is_not_kept_and_loses_nothing(engine):
    before = counts(engine)
    path, report = library.ingest_upload(engine, "secret.pdf", (BAD / "encrypted.pdf").read_bytes())
    assert not report.ok and "password-protected" in report.failures[0].reason
    assert not path.exists()  # the uploads folder only holds searchable documents
    assert counts(engine) == before
    assert_stores_agree(engine)


# -- district profile ---------------------------------------------------------------------------

def test_profile_with_wrong_units_and_types_names_each_field():
    with pytest.raises(ProfileError) as caught:
        load_profile(BAD / "profile-wrong-types.yaml")
    error = caught.value
    assert error.source.endswith("profile-wrong-types.yaml")
    fields = {problem.split(":")[0] for problem in error.problems}
    assert fields == {"teachers.rotation_rate_pct", "teachers.pay_vs_civil_servants_pct",
                      "pupils.urban", "pupils.rural", "schools.rural_primary", "cv.primary",
                      "indicators.primary.building_area_per_pupil", "teacher"}
    text = "\n".join(error.problems)
    assert "expected a number in percent (0-100); got '15%'" in text
    assert "finite number" in text                       # .inf
    assert "yes/no/true/false are not numbers" in text   # rural: yes
    assert "expected a whole number in count; got 12.5" in text
    assert "out of range 0-5" in text and "not a percent" in text  # a CV of 45 given as percent
    assert "unknown field; check the spelling" in text


@pytest.mark.parametrize("name, says", [("profile-not-utf8.yaml", "save the profile as UTF-8"),
                                        ("profile-list.yaml", "expected a mapping")])
def test_unreadable_profiles_say_what_to_do(name, says):
    with pytest.raises(ProfileError, match=says) as caught:
        load_profile(BAD / name)
    assert caught.value.source.endswith(name)


# -- school tables ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def standards():
    return load_standards()


def _problems(path: Path, standards) -> set[tuple[int | None, str | None]]:
    with pytest.raises(SchoolDataError) as caught:
        load_schools(path, standards)
    assert caught.value.source == str(path)
    assert str(path) in str(caught.value) and "correct them and load the file again" in str(caught.value)
    return {(p.row, p.column) for p in caught.value.problems}


@pytest.mark.parametrize("name, expected", [
    ("schools-non-numeric.csv", {(3, "teachers_above_required_qualification"),
                                 (3, "building_area_m2")}),
    ("schools-negative.csv", {(3, "key_teachers")}),
    ("schools-empty-values.csv", {(3, "pe_arts_teachers"), (3, "equipment_value_yuan")}),
    ("schools-zero-pupils.csv", {(3, "pupils")}),
    ("schools-formulas.csv", {(3, "sports_area_m2"), (4, "school"), (5, "equipment_value_yuan")}),
])
def test_bad_school_cells_are_named_by_row_and_column(standards, name, expected):
    assert _problems(BAD / name, standards) == expected


def test_missing_school_columns_are_listed(standards):
    problems = _problems(BAD / "schools-missing-columns.csv", standards)
    assert {row for row, _ in problems} == {1}
    assert ("teachers_above_required_qualification") in {c for _, c in problems}
    assert (1, "key_teachers") not in problems


def test_extra_school_columns_are_ignored(standards):
    schools = load_schools(BAD / "schools-extra-columns.csv", standards)
    assert [s.name for s in schools] == ["Town Primary", "Village Primary", "River Junior"]


def test_binary_school_file_names_the_file(standards):
    with pytest.raises(SchoolDataError, match="cannot decode") as caught:
        load_schools(BAD / "schools-binary.csv", standards)
    assert caught.value.source.endswith("schools-binary.csv")


def test_nul_bytes_in_a_school_cell_are_a_cell_problem(standards):
    assert _problems(BAD / "schools-nul.csv", standards) == {(2, "multimedia_classrooms")}


def test_a_cell_too_big_for_csv_names_the_file(standards, tmp_path):
    path = tmp_path / "schools-huge-cell.csv"
    path.write_text((BAD / "schools-extra-columns.csv").read_text().splitlines()[0] + "\n"
                    + "x" * 200_000 + ",primary,urban,1,1,1,1,1,1,1,1\n")
    with pytest.raises(SchoolDataError, match="not a readable CSV file") as caught:
        load_schools(path, standards)
    assert caught.value.source == str(path)
