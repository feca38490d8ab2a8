"""The prompt files in ``prompts/``: loading, filling placeholders, delimiting passages as data."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from assistant.config import REPO_ROOT
from assistant.documents import Citation

PROMPTS_DIR = REPO_ROOT / "prompts"
_SECTION = re.compile(r"^## (System|User)\s*$", re.MULTILINE)
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
LANGUAGE_NAMES = {"en": "English", "zh": "Chinese (简体中文)"}


class PromptError(ValueError):
    """A prompt file that is missing, lacks a section or a value for a placeholder."""


@dataclass(frozen=True)
class Prompt:
    name: str
    system: str
    user: str

    def render(self, **values: str) -> tuple[str, str]:
        """(system, user) with every ``{{name}}`` replaced; a missing value is an error."""
        def fill(template: str) -> str:
            def value(match: re.Match) -> str:
                key = match.group(1)
                if key not in values:
                    raise PromptError(f"prompts/{self.name}.md needs a value for {{{{{key}}}}}")
                return str(values[key])

            return _PLACEHOLDER.sub(value, template)

        return fill(self.system), fill(self.user)


def load(name: str, directory: Path = PROMPTS_DIR) -> Prompt:
    path = directory / f"{name}.md"
    if not path.is_file():
        raise PromptError(f"prompt file {path} not found")
    text = path.read_text(encoding="utf-8")
    parts = _SECTION.split(text)
    sections = {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    missing = [s for s in ("System", "User") if not sections.get(s)]
    if missing:
        raise PromptError(f"{path}: missing section(s) {', '.join('## ' + m for m in missing)}")
    return Prompt(name, sections["System"], sections["User"])


def format_passages(citations: Sequence[Citation]) -> str:
    """Passages as data: one ``<passage id="n" …>`` element each. ``<``, ``>`` and ``&`` in the
    text and attributes are escaped, so no passage can close its element or the block."""
    blocks = []
    for number, citation in enumerate(citations, start=1):
        attributes = {"id": str(number), "doc": citation.doc_id, "title": citation.title,
                      "type": citation.doc_type or "", "number": citation.doc_number or "",
                      "date": citation.date or "", "where": citation.locator}
        head = " ".join(f'{key}="{escape(value, quote=True)}"' for key, value in attributes.items()
                        if value)
        blocks.append(f"<passage {head}>\n{escape(citation.text, quote=False)}\n</passage>")
    return "\n".join(blocks)


def format_history(history: Sequence[tuple[str, str]], limit: int = 6) -> str:
    turns = [(role, text) for role, text in history if text.strip()][-limit:]
    return "\n".join(f"{'User' if role == 'user' else 'Assistant'}: "
                     f"{escape(' '.join(text.split()), quote=False)}" for role, text in turns)


def language_name(language: str) -> str:
    return LANGUAGE_NAMES.get(language, "English")
