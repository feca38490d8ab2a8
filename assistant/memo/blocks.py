"""The Markdown subset a memo section's body is written in — paragraphs, ``- `` bullets and
``### `` subheadings — read once into blocks that each exporter (DOCX, PDF) lays out its way."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

BlockKind = Literal["paragraph", "heading", "bullet"]
BULLETS = ("- ", "* ", "• ")


def body_blocks(body: str) -> Iterator[tuple[BlockKind, list[str]]]:
    """``(kind, lines)`` in order: a paragraph's lines (the exporter joins them; Chinese needs
    no space between), or the one line of a heading or bullet without its marker."""
    lines: list[str] = []
    for raw in body.splitlines():
        line = raw.strip()
        if line and not line.startswith("### ") and not line.startswith(BULLETS):
            lines.append(line)
            continue
        if lines:
            yield "paragraph", lines
            lines = []
        if line.startswith("### "):
            yield "heading", [line[4:].strip()]
        elif line:
            yield "bullet", [line[2:].strip()]
    if lines:
        yield "paragraph", lines
