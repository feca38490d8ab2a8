"""What the app hands the advisor: uploaded profile and school files (bytes with a name), the
profile form's values, and the illustrative examples in corpus/examples/. The files go through
the same loaders as the command line (``load_profile``, ``load_schools``), so every check and
error message is the same; errors name the uploaded file, not a temporary path."""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from assistant.advisor.profile import (
    RESOURCE_INDICATOR_UNITS,
    DistrictProfile,
    ProfileError,
    field_unit,
    load_profile,
)
from assistant.advisor.school_files import SCHOOL_SUFFIXES
from assistant.advisor.schools import SchoolDataError
from assistant.config import DEFAULT_CORPUS_DIR

if TYPE_CHECKING:
    from assistant.advisor import Advice
    from assistant.advisor.school_headers import TableReading
    from assistant.engine import Engine

EXAMPLES_DIR = DEFAULT_CORPUS_DIR / "examples"
PROFILE_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class SchoolUpload:
    """An uploaded school file and how to read it: the sheet, the user's column mapping
    ({their column: our column}) and the header it was made for (to remember it by)."""

    name: str
    data: bytes
    sheet: str | None = None
    mapping: dict[str, str] = dataclasses.field(default_factory=dict)
    headers: tuple[str, ...] = ()


def example_profiles(folder: Path = EXAMPLES_DIR) -> dict[str, Path]:
    """The example profiles by district name (all illustrative), in file order."""
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.y*ml")):
        try:
            found[load_profile(path).name] = path
        except ProfileError:
            continue  # a broken example is the corpus tests' business, not the app's
    return found


def example_school_files(folder: Path = EXAMPLES_DIR) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SCHOOL_SUFFIXES)


def _stored(name: str, data: bytes, suffixes: tuple[str, ...], error) -> tuple[Path, Path]:
    """Write an upload into a fresh temporary folder under a safe name; returns (folder, file)."""
    from assistant.library import safe_file_name

    clean = safe_file_name(name)
    if Path(clean).suffix.lower() not in suffixes:
        raise error(name, f"unsupported file type '{Path(clean).suffix or '(none)'}'; use "
                          f"{', '.join(suffixes)}")
    folder = Path(tempfile.mkdtemp(prefix="edubalance-upload-"))
    path = folder / clean
    path.write_bytes(data)
    return folder, path


def _remove(folder: Path) -> None:
    for item in folder.iterdir():
        item.unlink(missing_ok=True)
    folder.rmdir()


def profile_from_upload(name: str, data: bytes) -> DistrictProfile:
    """Validate an uploaded YAML or JSON profile; ProfileError names ``name`` and the fields."""
    folder, path = _stored(name, data, PROFILE_SUFFIXES, lambda n, m: ProfileError(n, [m]))
    try:
        return load_profile(path)
    except ProfileError as exc:
        raise ProfileError(name, exc.problems) from None
    finally:
        _remove(folder)


def _school_error(name: str, message: str) -> SchoolDataError:
    from assistant.advisor.schools import CellProblem

    return SchoolDataError(name, [CellProblem(None, None, "", message)])


def inspect_upload(upload: SchoolUpload) -> TableReading:
    """How an uploaded school file reads (sheet, header, columns, skips) before its values are
    checked; SchoolDataError names the upload."""
    from assistant.advisor.schools import inspect_school_file
    from assistant.advisor.standards import load_standards

    folder, path = _stored(upload.name, upload.data, SCHOOL_SUFFIXES, _school_error)
    try:
        return inspect_school_file(path, load_standards(), sheet=upload.sheet,
                                   mapping=upload.mapping)
    except SchoolDataError as exc:
        raise SchoolDataError(upload.name, exc.problems) from None
    finally:
        _remove(folder)


def advise_with_schools(profile: DistrictProfile,
                        schools: Path | SchoolUpload | tuple[str, bytes] | None, *,
                        engine: Engine | None, limit: int | None = None,
                        memory_dir: Path | None = None) -> Advice:
    """``advise`` with the school file given as a path or as an upload. After a diagnosis from
    an upload read with a column mapping, the mapping is remembered under ``memory_dir`` (the
    data directory) for the next file with the same header."""
    from assistant.advisor import advise
    from assistant.advisor.column_memory import remember_mapping

    if schools is None or isinstance(schools, Path):
        return advise(profile, schools, engine=engine, limit=limit)
    upload = schools if isinstance(schools, SchoolUpload) else SchoolUpload(*schools)
    folder, path = _stored(upload.name, upload.data, SCHOOL_SUFFIXES, _school_error)
    try:
        advice = advise(profile, path, engine=engine, limit=limit, sheet=upload.sheet,
                        mapping=upload.mapping, source=upload.name)
    except SchoolDataError as exc:
        raise SchoolDataError(upload.name, exc.problems) from None
    finally:
        _remove(folder)
    if memory_dir is not None and upload.mapping and upload.headers:
        remember_mapping(memory_dir, upload.headers, upload.mapping)
    return advice


# -- the profile form ----------------------------------------------------------------------------

@dataclass(frozen=True)
class FormField:
    """One input of the profile form: ``path`` is where the value goes in the profile."""

    path: tuple[str, ...]
    label: str
    unit: str | None
    kind: str                      # number | integer | text | choice | flag
    choices: tuple[str, ...] = ()


# Groups of the form in order; the resource indicators (per level) and the free-text problems are
# separate inputs (a table and a text area).
FORM_GROUPS = ("district", "schools", "pupils", "class_size", "teachers", "funding", "equity")


def form_fields() -> dict[str, list[FormField]]:
    """The form, derived from the profile schema (labels are the field descriptions, units come
    from the schema), so the form cannot drift from what the profile accepts."""
    groups: dict[str, list[FormField]] = {"district": []}
    for name, info in DistrictProfile.model_fields.items():
        model = _model(info.annotation)
        if model is None:
            if name in ("name", "illustrative", "level", "province", "urbanisation_rate_pct",
                        "fiscal_capacity", "years_since_basic_balance"):
                groups["district"].append(_field((name,), info))
            continue
        if name in FORM_GROUPS:
            groups[name] = [field for sub, sub_info in model.model_fields.items()
                            for field in _fields((name, sub), sub_info)]
    return {group: groups[group] for group in FORM_GROUPS if groups.get(group)}


def _fields(path: tuple[str, ...], info) -> list[FormField]:
    model = _model(info.annotation)
    if model is None:
        return [_field(path, info)]
    return [field for sub, sub_info in model.model_fields.items()
            for field in _fields((*path, sub), sub_info)]


def _field(path: tuple[str, ...], info) -> FormField:
    annotation = str(info.annotation)
    literal = getattr(info.annotation, "__args__", ())
    choices = tuple(a for arg in literal for a in getattr(arg, "__args__", ()) if isinstance(a, str))
    if choices:
        kind = "choice"
    elif "bool" in annotation:
        kind = "flag"
    elif "int" in annotation and "float" not in annotation:
        kind = "integer"
    elif "float" in annotation:
        kind = "number"
    else:
        kind = "text"
    label = info.description or path[-1].replace("_", " ")
    return FormField(path, label, field_unit(path), kind, choices)


def _model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def indicator_ids() -> list[str]:
    return list(RESOURCE_INDICATOR_UNITS)


# Parts of a profile the form does not show; kept from the profile the form started from.
NOT_IN_FORM = ("cv", "urban_rural", "notes")


def profile_from_form(values: dict[tuple[str, ...], Any],
                      indicators: dict[str, dict[str, float | None]] | None = None,
                      problems: list[str] | None = None,
                      base: DistrictProfile | None = None) -> DistrictProfile:
    """Build and validate a profile from the form: ``values`` by field path (empty inputs as
    None are left out), ``indicators`` as {level: {indicator id: value}}; ``base`` (the example
    or upload the form started from) supplies the parts the form does not show."""
    kept = base.model_dump(exclude_none=True, include=set(NOT_IN_FORM)) if base else {}
    data: dict[str, Any] = {k: v for k, v in kept.items() if v}
    for path, value in values.items():
        if value is None or value == "":
            continue
        node = data
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    for level, row in (indicators or {}).items():
        known = {k: v for k, v in row.items() if v is not None}
        if known:
            data.setdefault("indicators", {})[level] = known
    if problems:
        data["problems"] = [p.strip() for p in problems if p.strip()]
    return load_profile(data)


def form_values(profile: DistrictProfile) -> tuple[dict[tuple[str, ...], Any],
                                                   dict[str, dict[str, float | None]]]:
    """The form's values for an existing profile (to start the form from an example)."""
    dumped = profile.model_dump()
    values: dict[tuple[str, ...], Any] = {}
    for fields in form_fields().values():
        for field in fields:
            node: Any = dumped
            for part in field.path:
                node = node.get(part) if isinstance(node, dict) else None
            values[field.path] = node
    indicators = {level: {i: dumped["indicators"][level].get(i) for i in indicator_ids()}
                  for level in ("primary", "junior")}
    return values, indicators
