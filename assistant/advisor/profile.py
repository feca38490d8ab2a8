"""The district profile: what an official tells the advisor about a county or district.

Everything but ``name`` is optional, because officials rarely have every figure; the diagnosis
marks what it cannot judge as *unknown*. Every numeric field carries its unit (``unit`` in the
field's JSON schema) so that forms can show it and validation errors can name it.
"""

from __future__ import annotations

import json
import reprlib
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

# The seven resource indicators of the 2017 quality-balance measures; a test checks that these
# names match the resource ids of corpus/standards/quality-balance-2017.yaml.
RESOURCE_INDICATOR_UNITS: dict[str, str] = {
    "qualified_teachers_per_100": "teachers per 100 pupils",
    "key_teachers_per_100": "teachers per 100 pupils",
    "pe_arts_teachers_per_100": "teachers per 100 pupils",
    "building_area_per_pupil": "m² per pupil",
    "sports_area_per_pupil": "m² per pupil",
    "equipment_value_per_pupil": "yuan per pupil",
    "multimedia_classrooms_per_100": "classrooms per 100 pupils",
}
CV_UNIT = "coefficient of variation (a ratio such as 0.45, not a percent)"


def _number(unit: str, description: str, *, ge: float = 0, le: float | None = None) -> Any:
    return Field(None, ge=ge, le=le, description=description, json_schema_extra={"unit": unit})


def _count(description: str) -> Any:
    return Field(None, ge=0, description=description, json_schema_extra={"unit": "count"})


def _percent(description: str, le: float = 100) -> Any:
    return _number("percent (0-100)" if le == 100 else "percent", description, le=le)


class _Part(BaseModel):
    # Unknown keys are errors: a misspelt field would otherwise be silently ignored. Infinity and
    # NaN (YAML .inf/.nan) pass a "≥ 0" bound, so they are refused outright.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _no_yes_no_numbers(cls, value: Any, info: ValidationInfo) -> Any:
        """YAML reads yes/no/true/false as booleans, which pydantic would take as 1 and 0."""
        annotation = cls.model_fields[info.field_name].annotation
        # pydantic reports a ValueError from a validator as a field error; a TypeError escapes.
        if get_origin(annotation) is dict and isinstance(value, dict):
            if float in get_args(annotation):
                for key, item in value.items():
                    if isinstance(item, bool):
                        raise ValueError(f"{key}: expected a number, got {item!r}")  # noqa: TRY004
        elif isinstance(value, bool) and _is_number_type(annotation):
            raise ValueError(f"expected a number, got {value!r} (yes/no/true/false are not "
                             "numbers)")
        return value


def _is_number_type(annotation: Any) -> bool:
    return annotation in (int, float) or (get_origin(annotation) is not dict and any(
        arg in (int, float) for arg in get_args(annotation)))


class SchoolCounts(_Part):
    urban_primary: int | None = _count("urban primary schools")
    rural_primary: int | None = _count("rural primary schools")
    urban_junior: int | None = _count("urban junior secondary schools")
    rural_junior: int | None = _count("rural junior secondary schools")
    small_schools: int | None = _count("rural small-scale schools (fewer than 100 pupils)")
    boarding_schools: int | None = _count("boarding schools")

    def rural_total(self) -> int | None:
        parts = [self.rural_primary, self.rural_junior]
        return None if all(p is None for p in parts) else sum(p or 0 for p in parts)

    def urban_total(self) -> int | None:
        parts = [self.urban_primary, self.urban_junior]
        return None if all(p is None for p in parts) else sum(p or 0 for p in parts)


class PupilCounts(_Part):
    urban: int | None = Field(None, ge=0, description="pupils in urban schools",
                              json_schema_extra={"unit": "pupils"})
    rural: int | None = Field(None, ge=0, description="pupils in rural schools",
                              json_schema_extra={"unit": "pupils"})


class ClassSize(_Part):
    share_over_56_pct: float | None = _percent("classes of 56 or more pupils (大班额)")
    share_over_66_pct: float | None = _percent("classes of 66 or more pupils (超大班额)")


class TeacherFacts(_Part):
    rotation_rate_pct: float | None = _percent("eligible teachers rotating per year")
    key_teacher_share_of_rotation_pct: float | None = _percent(
        "key teachers as a share of rotating teachers")
    pay_vs_civil_servants_pct: float | None = _number(
        "percent of the local civil-servant average", "average teacher pay", le=500)


class IndicatorValues(_Part):
    """Values of the seven resource indicators (county average, or one group of schools)."""

    qualified_teachers_per_100: float | None = _number(
        RESOURCE_INDICATOR_UNITS["qualified_teachers_per_100"],
        "teachers with higher-than-required qualification")
    key_teachers_per_100: float | None = _number(
        RESOURCE_INDICATOR_UNITS["key_teachers_per_100"], "county-level or higher key teachers")
    pe_arts_teachers_per_100: float | None = _number(
        RESOURCE_INDICATOR_UNITS["pe_arts_teachers_per_100"], "PE and arts specialist teachers")
    building_area_per_pupil: float | None = _number(
        RESOURCE_INDICATOR_UNITS["building_area_per_pupil"], "teaching and auxiliary building area")
    sports_area_per_pupil: float | None = _number(
        RESOURCE_INDICATOR_UNITS["sports_area_per_pupil"], "sports ground and hall area")
    equipment_value_per_pupil: float | None = _number(
        RESOURCE_INDICATOR_UNITS["equipment_value_per_pupil"], "teaching equipment value")
    multimedia_classrooms_per_100: float | None = _number(
        RESOURCE_INDICATOR_UNITS["multimedia_classrooms_per_100"],
        "networked multimedia classrooms")

    def known(self) -> dict[str, float]:
        return {k: v for k, v in self.model_dump().items() if v is not None}


class LevelIndicators(_Part):
    primary: IndicatorValues = Field(default_factory=IndicatorValues)
    junior: IndicatorValues = Field(default_factory=IndicatorValues)


class LevelCVs(_Part):
    """Between-school CVs per resource indicator, when the district knows them."""

    primary: dict[str, float] = Field(default_factory=dict, json_schema_extra={"unit": CV_UNIT})
    junior: dict[str, float] = Field(default_factory=dict, json_schema_extra={"unit": CV_UNIT})

    @field_validator("primary", "junior")
    @classmethod
    def _known_ids_and_ratios(cls, value: dict[str, float]) -> dict[str, float]:
        for key, cv in value.items():
            if key not in RESOURCE_INDICATOR_UNITS:
                raise ValueError(f"unknown indicator id {key!r}; use one of "
                                 f"{', '.join(RESOURCE_INDICATOR_UNITS)}")
            if cv < 0 or cv > 5:
                raise ValueError(f"{key}: {cv:g} is out of range 0-5")
        return value


class UrbanRural(_Part):
    urban: IndicatorValues = Field(default_factory=IndicatorValues)
    rural: IndicatorValues = Field(default_factory=IndicatorValues)


class PerLevelYuan(_Part):
    primary: float | None = _number("yuan per pupil per year", "per-pupil public funds, primary")
    junior: float | None = _number("yuan per pupil per year", "per-pupil public funds, junior")


class Funding(_Part):
    per_pupil_public_funds_yuan: PerLevelYuan = Field(default_factory=PerLevelYuan)
    rural_budget_share_pct: float | None = _percent(
        "share of the compulsory-education budget reaching rural schools")


class Equity(_Part):
    left_behind_share_pct: float | None = _percent("pupils who are left-behind children")
    migrant_share_pct: float | None = _percent("pupils who are migrant children")
    migrant_in_public_schools_pct: float | None = _percent(
        "migrant children in public schools or government-purchased places")


class DistrictProfile(_Part):
    """A county or district as described by its officials (schema: corpus/README.md)."""

    name: str = Field(min_length=1, description="name of the county or district")
    illustrative: bool = Field(False, description="true for made-up example data")
    level: Literal["district", "county"] | None = None
    province: str | None = None
    urbanisation_rate_pct: float | None = _percent("residents living in towns")
    fiscal_capacity: Literal["low", "medium", "high"] | None = None
    years_since_basic_balance: int | None = Field(
        None, ge=0, le=100, description="years since national basic-balance recognition",
        json_schema_extra={"unit": "years"})
    schools: SchoolCounts = Field(default_factory=SchoolCounts)
    pupils: PupilCounts = Field(default_factory=PupilCounts)
    class_size: ClassSize = Field(default_factory=ClassSize)
    teachers: TeacherFacts = Field(default_factory=TeacherFacts)
    indicators: LevelIndicators = Field(default_factory=LevelIndicators)
    cv: LevelCVs = Field(default_factory=LevelCVs)
    urban_rural: UrbanRural = Field(default_factory=UrbanRural)
    funding: Funding = Field(default_factory=Funding)
    equity: Equity = Field(default_factory=Equity)
    problems: list[str] = Field(default_factory=list,
                                description="problems in the district's words")
    notes: str | None = Field(None, description="free notes (sources of the figures, caveats)")

    def rural_pupil_share_pct(self) -> float | None:
        urban, rural = self.pupils.urban, self.pupils.rural
        if urban is None or rural is None or urban + rural == 0:
            return None
        return 100.0 * rural / (urban + rural)


MAX_PROFILE_BYTES = 1024 * 1024
MISSING_FILE = "file not found; give the path of a profile YAML or JSON file (see corpus/examples/)"
NOT_A_MAPPING = "expected a mapping of fields (name: ..., schools: ...) at the top level"


class ProfileError(ValueError):
    """A profile that cannot be read or validated; ``problems`` lists one message per field."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


def load_profile(source: str | Path | dict[str, Any]) -> DistrictProfile:
    """Read and validate a profile from a YAML or JSON file, or from a dict (the app's form)."""
    if isinstance(source, dict):
        return validate_profile(source, "profile")
    path = Path(source)
    if not path.is_file():
        raise ProfileError(str(path), [MISSING_FILE])
    if path.stat().st_size > MAX_PROFILE_BYTES:
        raise ProfileError(str(path), [(f"the file is {path.stat().st_size // 1024} KB; a profile "
                                        "is a short YAML or JSON file (at most "
                                        f"{MAX_PROFILE_BYTES // 1024} KB): check it is the right "
                                        "file")])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProfileError(str(path), [(f"not UTF-8 text (byte {exc.start}); save the profile "
                                        "as UTF-8 YAML or JSON")]) from exc
    is_json = path.suffix.lower() == ".json"
    try:
        data = json.loads(text) if is_json else yaml.safe_load(text)
    except (yaml.YAMLError, json.JSONDecodeError, RecursionError) as exc:
        kind = "JSON" if is_json else "YAML"
        detail = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise ProfileError(str(path), [f"not valid {kind}: {detail}"]) from exc
    if not isinstance(data, dict):
        raise ProfileError(str(path), [NOT_A_MAPPING])
    return validate_profile(data, str(path))


def validate_profile(data: dict[str, Any], source: str = "profile") -> DistrictProfile:
    try:
        return DistrictProfile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(source, [_describe(error) for error in exc.errors()]) from exc


def field_unit(location: tuple[str | int, ...]) -> str | None:
    """The unit of the profile field at ``location`` (e.g. ("teachers", "rotation_rate_pct"))."""
    model: Any = DistrictProfile
    unit = None
    for part in location:
        fields = getattr(model, "model_fields", None)
        if not fields or part not in fields:
            if model is IndicatorValues or part in RESOURCE_INDICATOR_UNITS:
                return RESOURCE_INDICATOR_UNITS.get(str(part), unit)
            return unit
        info = fields[part]
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        unit = extra.get("unit", unit)
        model = _model_of(info.annotation)
    return unit


def _model_of(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _describe(error: dict[str, Any]) -> str:
    """One line per problem: the field's dotted path, what is wrong and the unit expected."""
    location = tuple(error["loc"])
    where = ".".join(str(p) for p in location) or "profile"
    unit = field_unit(location)
    in_unit = f" in {unit}" if unit else ""
    kind, got, ctx = error["type"], _Shown(error.get("input")), error.get("ctx") or {}
    if kind == "extra_forbidden":
        return f"{where}: unknown field; check the spelling against the profile schema"
    if kind == "missing":
        return f"{where}: required field is missing"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"):
        whole = " whole" if kind.startswith("int") else ""
        return f"{where}: expected a{whole} number{in_unit}; got {got!r}"
    bounds = {"greater_than_equal": ("≥", "ge"), "less_than_equal": ("≤", "le"),
              "greater_than": (">", "gt"), "less_than": ("<", "lt")}
    if kind in bounds:
        sign, key = bounds[kind]
        limit = ctx.get(key)
        limit = f"{limit:g}" if isinstance(limit, (int, float)) else limit
        return f"{where}: must be {sign} {limit}{in_unit}; got {got!r}"
    message = error["msg"].removeprefix("Value error, ")
    expected = f" (expected unit: {unit})" if unit else ""
    if kind == "value_error":  # our validators already quote the value
        return f"{where}: {message}{expected}"
    return f"{where}: {message}{expected}; got {got!r}"


_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxother, _SHORT.maxlist, _SHORT.maxdict = 2, 60, 60, 4, 4


class _Shown:
    """An input value quoted in a message: short, however big or deeply nested it is."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __repr__(self) -> str:
        return _SHORT.repr(self.value)
