"""What an answer is: text with inline markers, the citations they point to, and how it was made."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.citations import label
from assistant.documents import Citation

ROUTES = ("compare", "compare-passages", "suggest", "explain", "case", "responsible", "glossary",
          "standards-table", "definition", "lookup", "extractive", "llm", "abstain")


@dataclass
class Claim:
    """One statement of the answer and the markers that vouch for it.

    ``kind`` says how to check it: ``quote`` (the sentence occurs verbatim in the cited passage),
    ``table-row`` (every number of the row occurs in the cited passage), ``generated`` (written by
    an LLM: only the markers can be checked), ``verdict`` (the asker's own figure judged against a
    threshold of the standards data: the threshold is in the cited passage, the figure and the
    margin are the asker's and their difference)."""

    text: str
    markers: list[int]
    kind: str = "quote"

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "markers": list(self.markers), "kind": self.kind}


@dataclass
class Evidence:
    """The signals the abstention decision used (see ``assistant.answer.evidence``)."""

    best_dense: float | None
    coverage: float
    vocabulary: float
    glossary_terms: list[str]
    score: float
    threshold: float

    @property
    def sufficient(self) -> bool:
        return self.score >= self.threshold

    def to_json(self) -> dict[str, Any]:
        return {"best_dense": None if self.best_dense is None else round(self.best_dense, 4),
                "coverage": round(self.coverage, 4), "vocabulary": round(self.vocabulary, 4),
                "glossary_terms": list(self.glossary_terms), "score": round(self.score, 4),
                "threshold": self.threshold, "sufficient": self.sufficient}


@dataclass
class Answer:
    """A grounded answer. Marker ``[n]`` in ``text`` refers to ``citations[n-1]``."""

    question: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    route: str = "extractive"
    kind: str = ""                      # what the question asks (assistant.answer.intent)
    language: str = "en"
    notice: str | None = None
    resolved_question: str = ""
    nearest: list[Citation] = field(default_factory=list)
    flagged_sentences: list[str] = field(default_factory=list)
    invalid_markers: list[int] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    evidence: Evidence | None = None

    def citation(self, marker: int) -> Citation | None:
        return self.citations[marker - 1] if 1 <= marker <= len(self.citations) else None

    def reference_lines(self) -> list[str]:
        """One line per citation: "[n] title, issuer, number, date — article or section"."""
        return [f"[{n}] {label(c, self.language, full=True, sep=' — ')}"
                for n, c in enumerate(self.citations, start=1)]

    def to_markdown(self) -> str:
        """The answer as a Markdown block: notice, text, flagged sentences, references."""
        return self.render(plain=False)

    def render(self, *, plain: bool) -> str:
        """Notice, text, flagged sentences and references, as Markdown (the app, exports) or as
        plain text for a terminal (``plain``: no quote or bold marks)."""
        zh = self.language == "zh"
        parts = []
        if self.notice:
            parts.append(f"Note: {self.notice}" if plain else f"> {self.notice}")
        parts.append(self.text)
        if self.flagged_sentences:
            heading = "未附有效出处的句子：" if zh else "Sentences without a valid citation:"
            bullet = "  ! " if plain else "- "
            parts.append(heading + "\n" + "\n".join(f"{bullet}{s}" for s in self.flagged_sentences))
        if self.citations:
            heading = "参考资料" if zh else "References"
            if plain:
                parts.append(heading + "\n" + "\n".join(self.reference_lines()))
            else:
                parts.append(f"**{heading}**\n\n" + "\n".join(f"{line}  " for line in
                                                              self.reference_lines()))
        return "\n\n".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "resolved_question": self.resolved_question,
            "answer": self.text,
            "route": self.route,
            "kind": self.kind,
            "language": self.language,
            "abstained": self.abstained,
            "notice": self.notice,
            "citations": [_citation_json(n, c, self.language)
                          for n, c in enumerate(self.citations, start=1)],
            "nearest": [_citation_json(n, c, self.language)
                        for n, c in enumerate(self.nearest, start=1)],
            "claims": [claim.to_json() for claim in self.claims],
            "flagged_sentences": list(self.flagged_sentences),
            "invalid_markers": list(self.invalid_markers),
            "evidence": None if self.evidence is None else self.evidence.to_json(),
        }


def _citation_json(marker: int, citation: Citation, language: str = "en") -> dict[str, Any]:
    data = citation.to_json()
    data.update(marker=marker, locator=citation.locator, reference=citation.reference(language),
                score=round(float(citation.score), 6))
    return data
