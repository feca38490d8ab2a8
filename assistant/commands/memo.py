"""memo: draft a suggestion memo from a district profile, and reach the stored drafts.

    assistant memo PROFILE --out memo.docx|.md|.pdf [--lang zh]   draft, save as a draft, export
    assistant memo list [--json] [--owner NAME]                  the stored drafts
    assistant memo show ID [--version N] [--json]                one draft as Markdown (or JSON)
    assistant memo export ID --out memo.pdf [--version N]        one draft to PDF, DOCX or Markdown

The command line is the operator's: it sees every draft, whoever owns it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.commands.common import engine_with_index, print_json

DRAFT_ACTIONS = ("list", "show", "export")
FORMATS = (".pdf", ".docx", ".md")


def register(subparsers) -> None:
    from assistant.commands.advisor import DEFAULT_LIMIT

    p = subparsers.add_parser(
        "memo", help="draft a suggestion memo (PDF, DOCX or Markdown); list, show and export "
                     "the stored drafts",
        description="assistant memo PROFILE --out FILE | list | show ID | export ID --out FILE")
    p.add_argument("profile", metavar="PROFILE|list|show|export",
                   help="a district profile (YAML or JSON), or a draft action")
    p.add_argument("draft", nargs="?", metavar="ID", help="draft id (show, export)")
    p.add_argument("--out", type=Path,
                   help="output file: .pdf, .docx or .md (charts then go to a folder beside it)")
    p.add_argument("--schools", type=Path, help="school-level data (CSV or XLSX)")
    # read the school file as `advise` does (the same sheet choice and column mapping)
    p.add_argument("--sheet", metavar="NAME", help="the workbook sheet to read")
    p.add_argument("--map", action="append", default=[], metavar="\"COLUMN=our_column\"",
                   help="read a column of the school file as one of ours (repeat for several)")
    p.add_argument("--lang", choices=["en", "zh"], default="en")
    p.add_argument("--limit", type=int, default=DEFAULT_LIMIT,
                   help=f"most measures to suggest (default {DEFAULT_LIMIT})")
    p.add_argument("--addressee", help="whom the memo is for (default: the district government)")
    p.add_argument("--date", help="memo date (default: today)")
    p.add_argument("--no-charts", action="store_true", help="leave the charts out")
    p.add_argument("--no-save", action="store_true",
                   help="do not keep the drafted memo in the draft store")
    p.add_argument("--version", type=int, help="a kept version of the draft (show, export)")
    p.add_argument("--owner", help="list only this owner's drafts")
    p.add_argument("--json", action="store_true", help="JSON output (list, show)")
    p.set_defaults(handler=memo)


def memo(args: argparse.Namespace) -> int:
    action = args.profile
    if action in DRAFT_ACTIONS:
        return {"list": _list, "show": _show, "export": _export}[action](args)
    if args.draft:
        print(f"error: unexpected argument {args.draft!r}; draft actions are "
              f"{', '.join(DRAFT_ACTIONS)}", file=sys.stderr)
        return 2
    return _from_profile(args)


def _store():
    from assistant.config import get_settings
    from assistant.memo.drafts import open_draft_store

    return open_draft_store(get_settings().data_dir, get_settings().database_url)


def _operator():
    from assistant.memo.drafts import Viewer

    return Viewer(admin=True)


def _check_out(out: Path | None) -> str | None:
    """The output suffix, or None after printing why ``out`` will not do."""
    if out is None:
        print("error: --out FILE is required (.pdf, .docx or .md)", file=sys.stderr)
        return None
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        print(f"error: --out must end in .pdf, .docx or .md, not {out.name}", file=sys.stderr)
        return None
    return suffix


def write_memo(document, out: Path) -> None:
    """Write ``document`` in the format ``out``'s suffix names."""
    from assistant.memo import memo_to_docx, memo_to_markdown

    out.parent.mkdir(parents=True, exist_ok=True)
    suffix = out.suffix.lower()
    if suffix == ".md":
        images = out.with_name(f"{out.stem}-charts") if document.charts else None
        out.write_text(memo_to_markdown(document, images), encoding="utf-8")
    elif suffix == ".pdf":
        from assistant.memo.pdf import memo_to_pdf

        memo_to_pdf(document, out)
    else:
        memo_to_docx(document, out)


def _from_profile(args: argparse.Namespace) -> int:
    from assistant.commands.advisor import run_advice
    from assistant.memo import build_memo
    from assistant.memo.drafts import DraftError
    from assistant.memo.pdf import PdfFontMissing, find_fonts

    if _check_out(args.out) is None:
        return 2
    if args.out.suffix.lower() == ".pdf":
        try:
            find_fonts()  # before the diagnosis: say at once what is missing
        except PdfFontMissing as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    advice = run_advice(args)
    if advice is None:
        return 2
    document = build_memo(advice.diagnosis, advice.suggestions, engine_with_index(), args.lang,
                          addressee=args.addressee, date=args.date,
                          with_charts=not args.no_charts)
    write_memo(document, args.out)
    saved = ""
    if not args.no_save:
        try:
            info = _store().create(document, _operator(), note="cli")
            saved = f"; saved as draft {info.id}"
        except DraftError as exc:  # the file is written: say the draft was not kept
            print(f"warning: the memo was not kept as a draft: {exc}", file=sys.stderr)
    print(f"memo written to {args.out} ({len(advice.suggestions.measures)} measures, "
          f"{len(document.references.items)} references{saved})")
    return 0


def _list(args: argparse.Namespace) -> int:
    listing = _store().list(_operator())
    drafts = [d for d in listing.drafts if args.owner is None or d.owner == args.owner]
    for damaged in listing.damaged:
        print(f"warning: damaged draft file skipped: {damaged}", file=sys.stderr)
    if args.json:
        print_json({"drafts": [d.to_json() for d in drafts],
                    "damaged": [{"path": str(d.path), "reason": d.reason}
                                for d in listing.damaged]})
        return 0
    if not drafts:
        print("no drafts")
    for d in drafts:
        district = d.district or "—"
        print(f"{d.id}  {d.updated_date}  {d.lang}  v{d.version}  {d.owner}  {district}  "
              f"{d.title}")
    return 0


def _open(args: argparse.Namespace):
    from assistant.memo.drafts import DraftError

    if not args.draft:
        print(f"error: `assistant memo {args.profile}` needs a draft id (see `assistant memo "
              "list`)", file=sys.stderr)
        return None
    try:
        return _store().open(args.draft, _operator(), args.version)
    except DraftError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _show(args: argparse.Namespace) -> int:
    from assistant.memo import memo_to_markdown

    draft = _open(args)
    if draft is None:
        return 2
    if args.json:
        print_json({"draft": draft.info.to_json(), "memo": draft.memo.to_json()})
    else:
        sys.stdout.write(memo_to_markdown(draft.memo))
    return 0


def _export(args: argparse.Namespace) -> int:
    from assistant.memo.pdf import PdfFontMissing

    if _check_out(args.out) is None:
        return 2
    draft = _open(args)
    if draft is None:
        return 2
    try:
        write_memo(draft.memo, args.out)
    except PdfFontMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"draft {draft.info.id} (version {draft.info.version if args.version is None else args.version}) "
          f"written to {args.out}")
    return 0
