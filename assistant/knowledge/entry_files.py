"""Knowledge files that list entries referring to statements (explanations, comparisons): read
the list, parse each entry, and report what could not be read."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # an entry's id: lower-case letters, digits and hyphens


class _Entry(Protocol):
    id: str


E = TypeVar("E", bound=_Entry)


def load_entries(path: Path, key: str, parse: Callable[[Any], tuple[E | None, str]]
                 ) -> tuple[list[E], list[tuple[str, str]]]:
    """The entries listed under ``key`` in ``path`` (none when the file is absent, or the key has
    no entry yet) and those that could not be read, as (id or position, problem)."""
    if not path.is_file():
        return [], []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return [], [("file", f"not readable text: {exc}")]
    problems: list[tuple[str, str]] = []
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        # one entry's slip must not cost the others: read the entries one by one
        data, problems = _entry_by_entry(text, key, exc)
    entries = data.get(key, ()) if isinstance(data, dict) else None
    entries = [] if entries is None else entries
    if not isinstance(entries, list):
        return [], [(key, f"the file must hold `{key}:`, a list")]
    loaded: list[E] = []
    seen: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        try:
            item, problem = parse(entry)
        except (AttributeError, TypeError, ValueError) as exc:  # a field of the wrong type
            where = entry.get("id") if isinstance(entry, dict) else None
            item, problem = None, f"{where or 'entry'}: a field has the wrong type ({exc})"
        if item is None:
            problems.append((str(position), problem))
        elif item.id in seen:
            problems.append((item.id, "the id is used twice"))
        else:
            seen.add(item.id)
            loaded.append(item)
    return loaded, problems


_ITEM = re.compile(r"^(?P<indent> *)- ")
_ID_LINE = re.compile(r"^\s*-?\s*id:\s*(?P<id>\S+)")


def _entry_by_entry(text: str, key: str, error: yaml.YAMLError
                    ) -> tuple[dict, list[tuple[str, str]]]:
    """The file read one list entry at a time (after a YAML error in the whole): the entries
    that parse, and for each that does not its id, the line of the error and the error."""
    lines = text.splitlines()
    head = next((n for n, line in enumerate(lines) if line.startswith(f"{key}:")), None)
    if head is None:
        return {}, [("file", f"not readable YAML: {error}")]
    starts = []
    indent = None
    for n in range(head + 1, len(lines)):
        m = _ITEM.match(lines[n])
        if m and (indent is None or len(m.group("indent")) == indent):
            indent = len(m.group("indent"))
            starts.append(n)
    entries, problems = [], []
    for start, end in zip(starts, [*starts[1:], len(lines)]):
        chunk = "\n".join(lines[start:end])
        try:
            parsed = yaml.safe_load(chunk)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = start + 1 + (mark.line if mark is not None else 0)
            found = _ID_LINE.match(lines[start])
            where = found.group("id") if found else f"line {start + 1}"
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            problems.append((where, f"{where}: not readable YAML at line {line}: {problem}"))
            continue
        entries += parsed if isinstance(parsed, list) else [parsed]
    return {key: entries}, problems


def strings(value: Any) -> tuple[str, ...]:
    """A phrase or list of phrases as a tuple, whitespace normalised, empty ones dropped."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(" ".join(str(v).split()) for v in value if str(v).strip())
