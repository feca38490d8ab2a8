"""advise: the district advisor from the command line (``memo`` is in commands/memo.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.commands.common import engine_with_index, print_json

DEFAULT_LIMIT = 12


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "advise", help="diagnose a district profile against the standards and suggest measures")
    _common_arguments(p)
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.set_defaults(handler=advise)


def _common_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("profile", type=Path, help="district profile (YAML or JSON)")
    p.add_argument("--schools", type=Path, help="school-level data (CSV or XLSX)")
    p.add_argument("--lang", choices=["en", "zh"], default="en")
    p.add_argument("--limit", type=int, default=DEFAULT_LIMIT,
                   help=f"most measures to suggest (default {DEFAULT_LIMIT})")


def _engine():
    return engine_with_index()


def run_advice(args: argparse.Namespace):
    """The advice, or None after printing an error the user can act on."""
    from assistant.advisor import (
        ProfileError,
        SchoolDataError,
        StandardsError,
        advise,
        load_profile,
    )
    from assistant.advisor.measures import MeasuresError

    try:
        profile = load_profile(args.profile)  # fail on a bad profile before loading the model
        return advise(profile, args.schools, engine=_engine(), limit=args.limit)
    except (ProfileError, SchoolDataError, StandardsError, MeasuresError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def advise(args: argparse.Namespace) -> int:
    advice = run_advice(args)
    if advice is None:
        return 2
    if args.json:
        print_json(advice.to_json())
    else:
        _print_advice(advice, args.lang)
    return 0


def _print_advice(advice, lang: str) -> None:
    from assistant.advisor.diagnosis import COMPARISON_SYMBOLS, fmt

    d = advice.diagnosis
    zh = lang == "zh"
    print(f"{d.profile.name}{' (illustrative)' if d.profile.illustrative and not zh else ''}"
          f"{'（示例）' if d.profile.illustrative and zh else ''}")
    print()
    print("指标 / Indicator" if zh else "Indicator")
    for s in d.indicators + d.government:
        cv = f"  CV {fmt(s.cv, 3)} / {fmt(s.cv_threshold)} {_mark(s.cv_met)}" if s.cv is not None \
            else ""
        print(f"  {_mark(s.met)} {s.label(lang)} [{s.level}]: {fmt(s.value)} "
              f"({COMPARISON_SYMBOLS[s.comparison]} {fmt(s.threshold)}){cv}")
    if d.flags:
        print()
        print("问题" if zh else "Problems")
        for flag in d.flags:
            print(f"  - {flag.label(lang)} ({flag.severity}): {flag.evidence[lang]}")
    if d.schools is not None and d.schools.failing_schools():
        names = ", ".join(r.school.name for r in d.schools.failing_schools())
        label = "未达到每校标准的学校" if zh else "Schools failing the per-school rule"
        print(f"\n{label}: {names}")
    print()
    print("措施" if zh else "Measures")
    if not advice.suggestions.measures:
        print("  (none with a cited basis)")
    for m in advice.suggestions.measures:
        print(f"  [{m.priority}] {m.title(lang)} — {m.spec.area}")
        for c in m.citations + m.precedents:
            print(f"      {c.title}{' · ' + c.locator if c.locator else ''} ({c.doc_id})")


def _mark(met: bool | None) -> str:
    return {True: "✓", False: "✗", None: "?"}[met]
