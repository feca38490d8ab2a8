"""The national thresholds, read from ``corpus/standards/*.yaml`` (never written into code).

Each YAML file is one standard (``standard: quality-balance-2017``) with a list of indicators;
the format is described in corpus/README.md, "Standards data".
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.config import DEFAULT_CORPUS_DIR

SCHOOL_LEVELS = ("primary", "junior")  # 小学, 初中 (government levels: assistant.vocabulary)
QUALITY_BALANCE = "quality-balance-2017"
BASIC_BALANCE = "basic-balance-2012"
CLASS_SIZE = "class-size-targets"

_COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt,
}


class StandardsError(ValueError):
    """A standards file that is missing or malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Indicator:
    """One threshold of one standard, for primary and junior schools."""

    id: str
    standard: str
    group: str
    name: str
    name_zh: str
    unit: str
    primary: float | None
    junior: float | None
    comparison: str
    source: str
    certainty: str = "verified"
    school_column: str | None = None
    per_pupils: float = 1
    deadline: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def threshold(self, level: str) -> float | None:
        if level not in SCHOOL_LEVELS:
            raise ValueError(f"level must be one of {SCHOOL_LEVELS}, not {level!r}")
        return self.primary if level == "primary" else self.junior

    def meets(self, value: float | None, level: str) -> bool | None:
        """True or False against this level's threshold; None when either side is unknown."""
        threshold = self.threshold(level)
        if value is None or threshold is None:
            return None
        return _COMPARISONS[self.comparison](value, threshold)

    def label(self, lang: str = "en") -> str:
        return self.name_zh if lang == "zh" and self.name_zh else self.name


@dataclass
class Standard:
    standard: str
    source_doc: str
    title: str
    title_zh: str
    indicators: dict[str, Indicator]
    path: Path
    extra: dict[str, Any] = field(default_factory=dict)


class Standards:
    """All standards files of a corpus, looked up by (standard, indicator id)."""

    def __init__(self, standards: dict[str, Standard]) -> None:
        self.standards = standards

    def __iter__(self) -> Iterator[Standard]:
        return iter(self.standards.values())

    def standard(self, name: str) -> Standard:
        try:
            return self.standards[name]
        except KeyError:
            raise StandardsError(f"no standards file {name}.yaml (have: "
                                 f"{', '.join(sorted(self.standards)) or 'none'})") from None

    def get(self, standard: str, indicator_id: str) -> Indicator:
        found = self.standard(standard).indicators.get(indicator_id)
        if found is None:
            raise StandardsError(f"{standard}.yaml has no indicator {indicator_id!r}")
        return found

    def find(self, standard: str, indicator_id: str) -> Indicator | None:
        std = self.standards.get(standard)
        return std.indicators.get(indicator_id) if std else None

    def group(self, standard: str, group: str) -> list[Indicator]:
        return [i for i in self.standard(standard).indicators.values() if i.group == group]

    def resource_indicators(self) -> list[Indicator]:
        """The per-school resource indicators of quality balance, in file order."""
        return self.group(QUALITY_BALANCE, "resource")


def default_standards_dir() -> Path:
    return DEFAULT_CORPUS_DIR / "standards"


def load_standards(directory: Path | None = None) -> Standards:
    """Read every ``*.yaml`` in ``directory`` (default: corpus/standards)."""
    directory = Path(directory or default_standards_dir())
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise StandardsError(f"no standards files (*.yaml) in {directory}")
    standards: dict[str, Standard] = {}
    for path in files:
        std = _read_standard(path)
        standards[std.standard] = std
    return Standards(standards)


_KNOWN_KEYS = {"id", "group", "name", "name_zh", "unit", "primary", "junior", "comparison",
               "source", "certainty", "school_column", "per_pupils", "deadline"}


def _read_standard(path: Path) -> Standard:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise StandardsError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise StandardsError(f"{path}: expected a mapping with an 'indicators' list")
    name = str(data.get("standard") or path.stem)
    indicators: dict[str, Indicator] = {}
    for number, item in enumerate(data["indicators"], start=1):
        where = f"{path}, indicator {number}"
        if not isinstance(item, dict) or not item.get("id"):
            raise StandardsError(f"{where}: every indicator needs an 'id'")
        where = f"{path}, indicator {item['id']!r}"
        comparison = str(item.get("comparison", ""))
        if comparison not in _COMPARISONS:
            raise StandardsError(f"{where}: comparison must be one of {list(_COMPARISONS)}, "
                                 f"not {comparison!r}")
        for level in SCHOOL_LEVELS:
            value = item.get(level)
            if value is not None and not isinstance(value, (int, float)):
                raise StandardsError(f"{where}: {level} must be a number or null, not {value!r}")
        if item.get("group") == "resource" and not item.get("school_column"):
            raise StandardsError(f"{where}: resource indicators need a 'school_column'")
        indicators[item["id"]] = Indicator(
            id=item["id"], standard=name, group=str(item.get("group", "")),
            name=str(item.get("name", item["id"])), name_zh=str(item.get("name_zh", "")),
            unit=str(item.get("unit", "")), primary=item.get("primary"), junior=item.get("junior"),
            comparison=comparison, source=str(item.get("source") or data.get("source_doc", "")),
            certainty=str(item.get("certainty", "verified")),
            school_column=item.get("school_column"), per_pupils=float(item.get("per_pupils", 1)),
            deadline=None if item.get("deadline") is None else str(item["deadline"]),
            extra={k: v for k, v in item.items() if k not in _KNOWN_KEYS})
    extra = {k: v for k, v in data.items()
             if k not in {"standard", "source_doc", "title", "title_zh", "indicators"}}
    return Standard(standard=name, source_doc=str(data.get("source_doc", "")),
                    title=str(data.get("title", name)), title_zh=str(data.get("title_zh", "")),
                    indicators=indicators, path=path, extra=extra)
