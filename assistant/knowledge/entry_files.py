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
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return [], [("file", f"not readable YAML: {exc}")]
    entries = data.get(key, ()) if isinstance(data, dict) else None
    entries = [] if entries is None else entries
    if not isinstance(entries, list):
        return [], [(key, f"the file must hold `{key}:`, a list")]
    loaded: list[E] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        item, problem = parse(entry)
        if item is None:
            problems.append((str(position), problem))
        elif item.id in seen:
            problems.append((item.id, "the id is used twice"))
        else:
            seen.add(item.id)
            loaded.append(item)
    return loaded, problems


def strings(value: Any) -> tuple[str, ...]:
    """A phrase or list of phrases as a tuple, whitespace normalised, empty ones dropped."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(" ".join(str(v).split()) for v in value if str(v).strip())
