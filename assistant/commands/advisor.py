"""advise: the district advisor from the command line (``memo`` is in commands/memo.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.citations import label as citation_label
from assistant.commands.common import engine_with_index, print_json
from assistant.translations import t

DEFAULT_LIMIT = 12
MARKS = {"met": "✓", "not_met": "✗", "unknown": "?"}  # a status as the terminal shows it


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "advise", help="diagnose a district profile against the standards and suggest measures")
    _common_arguments(p, profile_required=False)
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--template", type=Path, metavar="PATH",
                   help="write a school-file template instead (.xlsx with a notes sheet, or .csv "
                        "with PATH-notes.csv beside it), in the language of --lang")
    p.set_defaults(handler=advise)


def _common_arguments(p: argparse.ArgumentParser, profile_required: bool = True) -> None:
    p.add_argument("profile", type=Path, nargs=None if profile_required else "?",
                   help="district profile (YAML or JSON)")
    p.add_argument("--schools", type=Path, help="school-level data (CSV or XLSX)")
    p.add_argument("--sheet", metavar="NAME",
                   help="the workbook sheet to read (default: the one whose header names most "
                        "of the advisor's columns)")
    p.add_argument("--map", action="append", default=[], metavar="\"COLUMN=our_column\"",
                   help="read a column of the school file as one of ours, e.g. "
                        "--map \"设备值（万元）=equipment_value_yuan\" (repeat for several)")
    p.add_argument("--lang", choices=["en", "zh"], default="en",
                   help="language of the output (and of --template)")
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
    from assistant.advisor.school_headers import parse_mapping

    if args.profile is None:
        print("error: give a district profile (or --template PATH to write a school-file "
              "template)", file=sys.stderr)
        return None
    try:
        mapping = parse_mapping(args.map)
        profile = load_profile(args.profile)  # fail on a bad profile before loading the model
        schools = None
        if args.schools is not None:  # and on a bad school file
            from assistant.advisor import load_standards, read_school_file

            schools = read_school_file(args.schools, load_standards(), sheet=args.sheet,
                                       mapping=mapping)
        return advise(profile, schools, engine=_engine(), limit=args.limit)
    except (ProfileError, SchoolDataError, StandardsError, MeasuresError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _write_template(path: Path, lang: str) -> int:
    from assistant.advisor import load_standards
    from assistant.advisor.school_templates import write_template

    try:
        written = write_template(path, load_standards(), lang)
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for file in written:
        print(f"template written to {file}")
    return 0


def advise(args: argparse.Namespace) -> int:
    if args.template is not None:
        return _write_template(args.template, args.lang)
    advice = run_advice(args)
    if advice is None:
        return 2
    if args.json:
        print_json(advice.to_json())
    else:
        _print_advice(advice, args.lang)
    return 0


def _print_advice(advice, lang: str) -> None:
    from assistant.advisor.tables import status_rows

    d = advice.diagnosis
    print(d.profile.name + (t("cli.illustrative", lang) if d.profile.illustrative else ""))
    print()
    print(t("cli.indicator", lang))
    for r in status_rows(d.indicators + d.government, lang):
        cv = f"  CV {r.cv} / {r.cv_limit} {MARKS[r.cv_status]}" if r.has_cv else ""
        print(f"  {MARKS[r.status]} {r.indicator} [{r.level}]: {r.value} ({r.requirement}){cv}")
    if d.flags:
        print()
        print(t("cli.problems", lang))
        for flag in d.flags:
            print(f"  - {flag.label(lang)} ({flag.severity}): {flag.evidence[lang]}")
    if d.schools is not None and d.schools.reading is not None:
        print()
        print(t("cli.school_file", lang, source=d.schools.source))
        for line in d.schools.reading.notes(lang):
            print(f"  - {line}")
    if d.schools is not None and d.schools.failing_schools():
        names = ", ".join(r.school.name for r in d.schools.failing_schools())
        print(f"\n{t('cli.failing_schools', lang)}: {names}")
    print()
    print(t("cli.measures", lang))
    if not advice.suggestions.measures:
        print("  (none with a cited basis)")
    for m in advice.suggestions.measures:
        print(f"  [{m.priority}] {m.title(lang)} — {m.spec.area}")
        for c in m.citations + m.precedents:
            print(f"      {citation_label(c)} ({c.doc_id})")

