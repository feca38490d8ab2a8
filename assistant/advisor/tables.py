"""The diagnosis as tables, built once for every reader of it: the app shows the rows as data
frames, the memo as its tables and gap list, the command line as lines, the charts as bars. Each
row holds the cells already in the reader's language and format; a reader only names the columns
and the status words its own way (the app "✓ met", the memo "met" / "达标", the CLI "✓")."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.advisor.diagnosis import COMPARISON_SYMBOLS, Diagnosis, IndicatorStatus, fmt

STATUS_KEYS = {True: "met", False: "not_met", None: "unknown"}


@dataclass(frozen=True)
class StatusRow:
    """One indicator at one level against its standard."""

    indicator: str        # the indicator's name in the reader's language
    level: str            # primary | junior | all
    value: str            # formatted; "—" when not known
    unit: str             # in the reader's language
    requirement: str      # "≥ 4.2"; "—" without a threshold
    status: str           # met | not_met | unknown
    cv: str               # the between-school CV (3 decimals); "—" when not known
    cv_limit: str
    cv_status: str        # met | not_met | unknown
    has_cv: bool
    source: str           # the document the threshold comes from
    of: IndicatorStatus   # the figures behind the row (the charts draw them)


@dataclass(frozen=True)
class GapRow:
    """Rural against urban schools for one indicator."""

    indicator: str
    level: str | None     # primary | junior; None for both levels together
    urban: str
    rural: str
    rural_pct: str        # rural as % of urban, no decimals
    source: str           # profile | schools
    rural_pct_value: float | None


def requirement(status: IndicatorStatus) -> str:
    """The threshold with its comparison ("≥ 4.2"), or "—" when the standard gives none."""
    if status.threshold is None:
        return "—"
    return f"{COMPARISON_SYMBOLS.get(status.comparison, status.comparison)} {fmt(status.threshold)}"


def status_rows(statuses: list[IndicatorStatus], lang: str = "en") -> list[StatusRow]:
    """The rows of the resource table (``diagnosis.indicators``) or the government table
    (``diagnosis.government``)."""
    return [StatusRow(indicator=s.label(lang), level=s.level, value=fmt(s.value),
                      unit=s.unit_label(lang), requirement=requirement(s),
                      status=STATUS_KEYS[s.met], cv=fmt(s.cv, 3), cv_limit=fmt(s.cv_threshold),
                      cv_status=STATUS_KEYS[s.cv_met], has_cv=s.cv is not None, source=s.source,
                      of=s)
            for s in statuses]


def gap_rows(diagnosis: Diagnosis, lang: str = "en") -> list[GapRow]:
    """The urban–rural gaps, each indicator named as in the resource table."""
    names = {s.id: s.label(lang) for s in diagnosis.indicators}
    return [GapRow(indicator=names.get(g.indicator_id, g.indicator_id), level=g.level,
                   urban=fmt(g.urban), rural=fmt(g.rural), rural_pct=fmt(g.rural_pct_of_urban, 0),
                   source=g.source, rural_pct_value=g.rural_pct_of_urban)
            for g in diagnosis.gaps]
