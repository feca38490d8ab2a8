"""A conversation of questions and cited answers, exported as Markdown with a reference list."""

from __future__ import annotations

from datetime import datetime

from assistant.citations import label, renumber
from assistant.documents import Citation


def conversation_markdown(turns: list[tuple[str, str, list[Citation]]], title: str = "EduBalance Advisor") -> str:
    """``turns`` are (question, answer text with markers [n], citations). Markers are renumbered
    into one reference list for the whole conversation, so each source appears once."""
    references: list[Citation] = []
    index: dict[str, int] = {}
    lines = [f"# {title}", "", f"_Exported {datetime.now().strftime('%Y-%m-%d %H:%M')}_", ""]
    for number, (question, text, citations) in enumerate(turns, start=1):
        mapping: dict[int, int] = {}
        for marker, citation in enumerate(citations, start=1):
            if citation.chunk_id not in index:
                references.append(citation)
                index[citation.chunk_id] = len(references)
            mapping[marker] = index[citation.chunk_id]
        renumbered = renumber(text, mapping)
        lines += [f"## Q{number}. {question}", "", renumbered.strip(), ""]
    if references:
        lines += ["## References", ""]
        for number, citation in enumerate(references, start=1):
            lines.append(f"[{number}] {label(citation, full=True, sep=' — ')}. "
                         f"Passage: “{_short(citation.text)}”")
    return "\n".join(lines).rstrip() + "\n"


def _short(text: str, limit: int = 240) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rstrip() + "…"
