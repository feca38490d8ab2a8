"""School-level data: read a CSV or XLSX of schools, compute per-pupil indicator values, the
enrolment-weighted between-school CV of each indicator and the per-school rule.

The CV follows the official template (corpus/standards/std-coefficient-of-variation-method.md):

    X_i = R_i / P_i                       per-pupil value of school i
    X̄   = Σ R_i / Σ P_i                   pooled county mean (not the mean of the X_i)
    S   = sqrt( Σ (P_i / P) · (X_i − X̄)² )   with P = Σ P_i
    CV  = S / X̄

computed separately for primary and junior schools. Each school's term (P_i/P)(X_i − X̄)² is its
contribution to the weighted variance: the schools with the largest terms raise the CV most.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.advisor.columns import ID_COLUMNS, LEVEL_VALUES, LOCATION_VALUES, school_column
from assistant.advisor.school_files import SchoolFileError, Sheet, Workbook, read_workbook
from assistant.advisor.school_headers import TableReading, read_table
from assistant.advisor.standards import QUALITY_BALANCE, SCHOOL_LEVELS, Indicator, Standards

__all__ = ["ID_COLUMNS", "CellProblem", "School", "SchoolAnalysis", "SchoolDataError",
           "SchoolFile", "analyse_schools", "inspect_school_file", "load_schools",
           "parse_school_rows", "read_school_file", "required_columns", "weighted_cv"]

# Used only while quality-balance-2017.yaml does not carry the cutoff itself (key
# ``min_pupils_in_scope``): the 2017 measures exclude teaching points under 50 pupils (S11).
_FALLBACK_MIN_PUPILS = 50
_FORMULA_START = ("=", "+", "@")
_MAX_LISTED_PROBLEMS = 30


@dataclass(frozen=True)
class School:
    """One row of the school file."""

    name: str
    level: str          # primary | junior
    location: str       # urban | rural
    pupils: int
    resources: dict[str, float]  # column values in our units (teachers, m², yuan, classrooms)
    row: int            # spreadsheet row number (as the spreadsheet numbers it)


@dataclass(frozen=True)
class CellProblem:
    row: int | None
    column: str | None
    value: str
    problem: str

    def __str__(self) -> str:
        where = ", ".join(p for p in (f"row {self.row}" if self.row else "",
                                      f"column {self.column!r}" if self.column else "") if p)
        shown = f" (value {self.value!r})" if self.value else ""
        return f"{where}: {self.problem}{shown}" if where else f"{self.problem}{shown}"


class SchoolDataError(ValueError):
    """A school file with problems; ``problems`` has one entry per bad cell, row or column."""

    def __init__(self, source: str, problems: list[CellProblem]) -> None:
        self.source = source
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems[:_MAX_LISTED_PROBLEMS])
        more = len(problems) - _MAX_LISTED_PROBLEMS
        tail = f"\n  … and {more} more" if more > 0 else ""
        super().__init__(f"{source}: {len(problems)} problem(s) in the school data; correct them "
                         f"and load the file again:\n{listed}{tail}")


@dataclass
class SchoolFile:
    """The schools of a file and how they were read (header, columns, conversions, skips)."""

    source: str
    schools: list[School]
    reading: TableReading


# -- reading -----------------------------------------------------------------------------------

def required_columns(standards: Standards) -> list[str]:
    return list(ID_COLUMNS) + [i.school_column for i in standards.resource_indicators()
                               if i.school_column]


def load_schools(path: str | Path, standards: Standards, *, sheet: str | None = None,
                 mapping: dict[str, str] | None = None) -> list[School]:
    """Read a ``.csv`` or ``.xlsx`` school file; raises SchoolDataError naming rows and columns."""
    return read_school_file(path, standards, sheet=sheet, mapping=mapping).schools


def read_school_file(path: str | Path, standards: Standards, *, sheet: str | None = None,
                     mapping: dict[str, str] | None = None) -> SchoolFile:
    """The schools of ``path`` and the reading they came from. ``sheet`` picks a workbook's sheet
    (default: the one whose header names most of our columns); ``mapping`` names the user's
    columns that are not recognised ({their header: our column})."""
    book = _workbook(path)
    chosen, reading = _reading(book, standards, sheet, mapping)
    return SchoolFile(str(path), schools_from_table(reading, str(path), chosen.uncalculated),
                      reading)


def inspect_school_file(path: str | Path, standards: Standards, *, sheet: str | None = None,
                        mapping: dict[str, str] | None = None) -> TableReading:
    """The header, columns and skips of ``path`` without checking its values: what the app
    shows before the user maps the columns it did not recognise."""
    return _reading(_workbook(path), standards, sheet, mapping)[1]


def _workbook(path: str | Path) -> Workbook:
    try:
        return read_workbook(path)
    except SchoolFileError as exc:
        raise SchoolDataError(str(path), [CellProblem(None, None, "", str(exc))]) from exc


def _reading(book: Workbook, standards: Standards, sheet: str | None,
             mapping: dict[str, str] | None) -> tuple[Sheet, TableReading]:
    wanted = required_columns(standards)
    if sheet is not None:
        try:
            candidates = [book.sheet(sheet)]
        except SchoolFileError as exc:
            raise SchoolDataError(book.source, [CellProblem(None, None, "", str(exc))]) from exc
    else:
        candidates = book.sheets
    best: tuple[Sheet, TableReading] | None = None
    for candidate in candidates:
        reading = read_table(candidate.rows, wanted, mapping)
        if best is None or len(reading.matches) > len(best[1].matches):
            best = (candidate, reading)
    assert best is not None  # a workbook has at least one sheet
    best[1].sheet, best[1].sheets = best[0].name, book.sheet_names
    return best


def parse_school_rows(rows: Sequence[Sequence[object]], standards: Standards,
                      source: str = "school data") -> list[School]:
    """Validate rows (a header, perhaps below a title, then the schools) into schools."""
    return schools_from_table(read_table(rows, required_columns(standards)), source)


def schools_from_table(reading: TableReading, source: str,
                       uncalculated: set[tuple[int, int]] | frozenset = frozenset()
                       ) -> list[School]:
    """Check every cell of the school rows and convert them to our units; SchoolDataError
    lists every problem with its row and the column as the file names it."""
    if not reading.header_rows:
        raise SchoolDataError(source, [CellProblem(None, None, "", "the file is empty")])
    header_row = reading.header_rows[-1]
    problems = [CellProblem(header_row, p.header or p.column, "", p.problem)
                for p in reading.problems]
    problems += [CellProblem(header_row, c, "", _missing(c, reading.unused))
                 for c in reading.missing
                 if not any(p.column == c for p in reading.problems)]
    if problems:
        raise SchoolDataError(source, problems)
    matches = reading.matches
    resource_columns = reading.wanted[len(ID_COLUMNS):]
    schools: list[School] = []
    for number, row in reading.rows:
        named = {c: reading.header_of(c) for c in matches}
        cells = {c: (row[m.position] if m.position < len(row) else "") for c, m in matches.items()}
        before = len(problems)
        for column, value in cells.items():
            if (number, matches[column].position + 1) in uncalculated:
                problems.append(CellProblem(number, named[column], "", (
                    "formula without a calculated value; open the file in Excel or WPS and save "
                    "it, or enter the plain value")))
                cells[column] = _CHECKED
            elif isinstance(value, str) and value.strip().startswith(_FORMULA_START):
                problems.append(CellProblem(number, named[column], value.strip(),
                                            "formula or formula-like text; enter the plain value"))
                cells[column] = _CHECKED  # reported once; the other cells are still checked
        name = "" if cells["school"] is _CHECKED else _cell_text(cells["school"])
        if not name and cells["school"] is not _CHECKED:
            problems.append(CellProblem(number, named["school"], "", "empty school name"))
        level = LEVEL_VALUES.get(_cell_text(cells["level"]).lower())
        if level is None and cells["level"] is not _CHECKED:
            problems.append(CellProblem(number, named["level"], _cell_text(cells["level"]),
                                        "level must be primary or junior (小学 / 初中)"))
        location = LOCATION_VALUES.get(_cell_text(cells["location"]).lower())
        if location is None and cells["location"] is not _CHECKED:
            problems.append(CellProblem(number, named["location"], _cell_text(cells["location"]),
                                        "location must be urban or rural (城区 / 乡村)"))
        pupils = _number(cells["pupils"], number, named["pupils"], problems)
        if pupils is not None:
            if pupils == 0:
                problems.append(CellProblem(number, named["pupils"], "0", "zero pupils: per-pupil "
                                            "values are undefined; give the enrolment or remove "
                                            "the row"))
            elif pupils != int(pupils):
                problems.append(CellProblem(number, named["pupils"], f"{pupils:g}",
                                            "pupils must be a whole number"))
        resources = {c: _number(cells[c], number, named[c], problems) for c in resource_columns}
        if len(problems) == before:
            schools.append(School(name=name, level=level or "", location=location or "",
                                  pupils=int(pupils or 0),
                                  resources={c: float(v or 0) * matches[c].factor
                                             for c, v in resources.items()},
                                  row=number))
    if problems:
        raise SchoolDataError(source, problems)
    if not schools:
        raise SchoolDataError(source, [CellProblem(None, None, "",
                                                   "no school rows under the header")])
    return schools


def _missing(column: str, unused: list[str]) -> str:
    spec = school_column(column)
    unit = f", {spec.unit_en} / {spec.unit_zh}" if spec.unit_en else ""
    others = (f"; columns of the file not recognised: {', '.join(repr(h) for h in unused)}"
              if unused else "")
    return (f"missing column: no column of the header is {spec.label_en} / {spec.label_zh}"
            f"{unit}; add it, or map one of your columns to it "
            f"(--map \"YOUR COLUMN={column}\", or the select boxes in the app){others}")


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_CHECKED = object()  # marks a cell already reported as a formula


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number(value: object, row: int, column: str, problems: list[CellProblem]) -> float | None:
    if value is _CHECKED:
        return None
    if isinstance(value, bool):
        problems.append(CellProblem(row, column, str(value), "expected a number"))
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif _blank(value):
        problems.append(CellProblem(row, column, "", "empty value; enter a number (0 if none)"))
        return None
    else:
        text = str(value).strip().replace(",", "")  # thousands separators
        try:
            number = float(text)
        except ValueError:
            problems.append(CellProblem(row, column, str(value).strip(),
                                        "not a number; enter digits only (no units or notes)"))
            return None
    if not math.isfinite(number):
        problems.append(CellProblem(row, column, str(value), "not a finite number"))
        return None
    if number < 0:
        problems.append(CellProblem(row, column, f"{number:g}", "negative value; counts, areas and "
                                                                "values cannot be below 0"))
        return None
    return number


# -- the coefficient of variation --------------------------------------------------------------

@dataclass(frozen=True)
class WeightedCV:
    mean: float                      # pooled mean Σ R / Σ P (per pupil, unscaled)
    sd: float                        # S
    cv: float | None                 # S / mean; None when the mean is 0
    weighted_sq_devs: tuple[float, ...]  # (P_i/P)(X_i − X̄)², in input order; they sum to S²


def weighted_cv(pupils: Sequence[float], resources: Sequence[float]) -> WeightedCV:
    """Enrolment-weighted CV of per-pupil values R_i / P_i (see the module docstring)."""
    if len(pupils) != len(resources) or not pupils:
        raise ValueError("need one resource amount per school and at least one school")
    if any(p <= 0 for p in pupils):
        raise ValueError("every school needs a positive number of pupils")
    total = float(sum(pupils))
    mean = float(sum(resources)) / total
    terms = tuple((p / total) * (r / p - mean) ** 2 for p, r in zip(pupils, resources))
    sd = math.sqrt(sum(terms))
    return WeightedCV(mean=mean, sd=sd, cv=sd / mean if mean > 0 else None, weighted_sq_devs=terms)


# -- analysis ----------------------------------------------------------------------------------

@dataclass
class SchoolResult:
    school: School
    in_scope: bool
    values: dict[str, float] = field(default_factory=dict)      # indicator id -> value in its unit
    met: dict[str, bool] = field(default_factory=dict)
    share_of_requirement: dict[str, float] = field(default_factory=dict)
    indicators_met: int = 0
    passes_rule: bool | None = None  # None for schools outside the scope


@dataclass(frozen=True)
class CVContribution:
    school: str
    row: int
    pupils: int
    value: float               # the school's value in the indicator's unit
    deviation: float           # value − pooled mean, in the indicator's unit
    weighted_sq_dev: float     # (P_i/P)(X_i − X̄)² in the indicator's unit squared
    share: float               # of the weighted variance (0-1)


@dataclass
class IndicatorCV:
    indicator_id: str
    level: str
    schools: int
    pupils: int
    mean: float | None         # pooled mean in the indicator's unit
    sd: float | None
    cv: float | None
    threshold: float | None
    met: bool | None
    contributions: list[CVContribution]  # largest first


@dataclass
class SchoolAnalysis:
    source: str
    min_pupils: float
    required_met: float | None
    min_share: float | None
    results: list[SchoolResult]
    cvs: list[IndicatorCV]
    pooled: dict[str, dict[str, float]]                # level -> indicator -> pooled value
    by_location: dict[str, dict[str, dict[str, float]]]  # level -> location -> indicator -> value
    reading: TableReading | None = None  # how the file was read (None for rows given in code)
    # indicator id -> the column it is computed from, as the user's file names it
    indicator_columns: dict[str, str] = field(default_factory=dict)

    def cv_for(self, indicator_id: str, level: str) -> IndicatorCV | None:
        return next((c for c in self.cvs if c.indicator_id == indicator_id and c.level == level),
                    None)

    @property
    def excluded(self) -> list[School]:
        return [r.school for r in self.results if not r.in_scope]

    def failing_schools(self, level: str | None = None) -> list[SchoolResult]:
        return [r for r in self.results if r.passes_rule is False
                and (level is None or r.school.level == level)]

    def levels(self) -> list[str]:
        return [lvl for lvl in SCHOOL_LEVELS if any(r.in_scope and r.school.level == lvl
                                             for r in self.results)]


def min_pupils_in_scope(standards: Standards) -> float:
    """Smallest enrolment counted in the 2017 resource indicators (smaller teaching points are
    excluded)."""
    value = standards.standard(QUALITY_BALANCE).extra.get("min_pupils_in_scope")
    return float(value) if isinstance(value, (int, float)) else _FALLBACK_MIN_PUPILS


def analyse_schools(schools: Iterable[School], standards: Standards,
                    source: str = "school data", reading: TableReading | None = None
                    ) -> SchoolAnalysis:
    """Per-school values and rule, CVs and pooled values per level, for the schools in scope."""
    indicators = standards.resource_indicators()
    cv_rule = standards.get(QUALITY_BALANCE, "cv_each_indicator")
    count_rule = standards.find(QUALITY_BALANCE, "school_indicators_met")
    share_rule = standards.find(QUALITY_BALANCE, "school_min_share_of_requirement")
    cutoff = min_pupils_in_scope(standards)
    results = [_school_result(s, indicators, count_rule, share_rule, cutoff) for s in schools]

    cvs: list[IndicatorCV] = []
    pooled: dict[str, dict[str, float]] = {}
    by_location: dict[str, dict[str, dict[str, float]]] = {}
    for level in SCHOOL_LEVELS:
        group = [r.school for r in results if r.in_scope and r.school.level == level]
        if not group:
            continue
        pooled[level] = {i.id: _pooled(group, i) for i in indicators}
        by_location[level] = {loc: {i.id: _pooled(members, i) for i in indicators}
                               for loc in ("urban", "rural")
                               if (members := [s for s in group if s.location == loc])}
        for indicator in indicators:
            cvs.append(_indicator_cv(group, indicator, level, cv_rule))
    return SchoolAnalysis(
        source=source, min_pupils=cutoff,
        required_met=count_rule.threshold("primary") if count_rule else None,
        min_share=share_rule.threshold("primary") if share_rule else None,
        results=results, cvs=cvs, pooled=pooled, by_location=by_location, reading=reading,
        indicator_columns={i.id: reading.header_of(i.school_column) if reading
                           else i.school_column for i in indicators if i.school_column})


def _value(school: School, indicator: Indicator) -> float:
    return school.resources[indicator.school_column] / school.pupils * indicator.per_pupils


def _pooled(group: list[School], indicator: Indicator) -> float:
    pupils = sum(s.pupils for s in group)
    return sum(s.resources[indicator.school_column] for s in group) / pupils * indicator.per_pupils


def _school_result(school: School, indicators: list[Indicator], count_rule: Indicator | None,
                   share_rule: Indicator | None, cutoff: float) -> SchoolResult:
    result = SchoolResult(school=school, in_scope=school.pupils >= cutoff)
    for indicator in indicators:
        value = _value(school, indicator)
        result.values[indicator.id] = value
        threshold = indicator.threshold(school.level)
        met = indicator.meets(value, school.level)
        if met is not None:
            result.met[indicator.id] = met
        if threshold:
            result.share_of_requirement[indicator.id] = value / threshold
    result.indicators_met = sum(result.met.values())
    if result.in_scope and count_rule is not None:
        enough = count_rule.meets(result.indicators_met, school.level)
        rest_ok = True
        if share_rule is not None:
            rest_ok = all(share_rule.meets(result.share_of_requirement.get(i, 0.0), school.level)
                          is not False
                          for i, ok in result.met.items() if not ok)
        result.passes_rule = bool(enough) and rest_ok
    return result


def _indicator_cv(group: list[School], indicator: Indicator, level: str,
                  cv_rule: Indicator) -> IndicatorCV:
    pupils = [s.pupils for s in group]
    amounts = [s.resources[indicator.school_column] for s in group]
    result = weighted_cv(pupils, amounts)
    scale = indicator.per_pupils
    variance = sum(result.weighted_sq_devs)
    mean = result.mean * scale
    contributions = sorted(
        (CVContribution(school=s.name, row=s.row, pupils=s.pupils, value=_value(s, indicator),
                        deviation=_value(s, indicator) - mean,
                        weighted_sq_dev=term * scale * scale,
                        share=term / variance if variance > 0 else 0.0)
         for s, term in zip(group, result.weighted_sq_devs)),
        key=lambda c: c.weighted_sq_dev, reverse=True)
    return IndicatorCV(indicator_id=indicator.id, level=level, schools=len(group),
                       pupils=sum(pupils), mean=mean, sd=result.sd * scale, cv=result.cv,
                       threshold=cv_rule.threshold(level), met=cv_rule.meets(result.cv, level),
                       contributions=contributions)
