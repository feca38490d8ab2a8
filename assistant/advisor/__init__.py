"""The district advisor: profile → (school data) → diagnosis against the standards → cited
measures. ``advise`` runs the whole chain; the CLI and the app call it and render the result.

    profile.py    the district profile (pydantic) and its loader
    standards.py  thresholds from corpus/standards/*.yaml
    columns.py    the school file's vocabulary: our columns, their Chinese/English aliases, units
    school_files.py   the cells of a CSV or of an XLSX's sheets (cached formulas, merged cells)
    school_headers.py the header (title rows, two-row headers, units, mapping) and skipped rows
    schools.py    school rows checked and converted, per-pupil values, the enrolment-weighted CV
    column_memory.py  column mappings the app remembers per header
    school_templates.py  the school-file templates (CSV/XLSX, English/Chinese)
    diagnosis.py  met / not met / unknown, urban–rural gaps, problem flags, areas
    measures.py   ranking corpus/measures.yaml and citing each measure's basis
    charts.py     Altair charts of a diagnosis, PNG export
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.advisor.diagnosis import Diagnosis, diagnose
from assistant.advisor.measures import MeasureSpec, Suggestions, load_measures, suggest_measures
from assistant.advisor.profile import DistrictProfile, ProfileError, load_profile
from assistant.advisor.schools import (
    SchoolDataError,
    SchoolFile,
    analyse_schools,
    load_schools,
    read_school_file,
)
from assistant.advisor.standards import Standards, StandardsError, load_standards

if TYPE_CHECKING:
    from assistant.engine import Engine

__all__ = ["Advice", "DistrictProfile", "ProfileError", "SchoolDataError", "StandardsError",
           "advise", "diagnose", "load_profile", "load_schools", "load_standards",
           "read_school_file"]


@dataclass
class Advice:
    diagnosis: Diagnosis
    suggestions: Suggestions

    def to_json(self) -> dict[str, Any]:
        """The diagnosis with the measures and the measures dropped (and why), as JSON."""
        data = self.diagnosis.to_json()
        data["measures"] = [m.to_json() for m in self.suggestions.measures]
        data["dropped_measures"] = [{"id": i, "reason": r} for i, r in self.suggestions.dropped]
        return data


def advise(profile: DistrictProfile | str | Path | dict[str, Any],
           schools: str | Path | SchoolFile | None = None, *, engine: Engine | None = None,
           standards: Standards | None = None, measures: list[MeasureSpec] | None = None,
           limit: int | None = None, sheet: str | None = None,
           mapping: dict[str, str] | None = None, source: str | None = None) -> Advice:
    """Diagnose a district and suggest cited measures. Without an engine the diagnosis is
    complete but no measure is suggested (a measure is never shown without its cited basis).
    ``schools`` is a path (read with ``sheet`` and ``mapping``, see ``read_school_file``) or a
    file already read; ``source`` is the name the diagnosis gives it (default: its path)."""
    if not isinstance(profile, DistrictProfile):
        profile = load_profile(profile)
    standards = standards or load_standards()
    analysis = None
    if schools is not None:
        read = schools if isinstance(schools, SchoolFile) else \
            read_school_file(schools, standards, sheet=sheet, mapping=mapping)
        analysis = analyse_schools(read.schools, standards, source or read.source, read.reading)
    diagnosis = diagnose(profile, standards, analysis)
    if engine is None:
        return Advice(diagnosis, Suggestions(measures=[], dropped=[]))
    specs = measures if measures is not None else load_measures()
    return Advice(diagnosis, suggest_measures(diagnosis, engine, specs, limit=limit))
