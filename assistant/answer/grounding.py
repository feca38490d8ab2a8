"""The steps the offline and the LLM answers share: retrieve passages per language and judge
the evidence; abstain, naming the nearest sources, when it is too thin."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answer.context import Context
from assistant.answer.evidence import assess
from assistant.answer.messages import text
from assistant.answer.statement_cite import localized
from assistant.answer.types import Answer, Evidence
from assistant.citations import label
from assistant.documents import Citation, Hit

PASSAGES = 10   # retrieved per passage language
NEAREST = 3     # sources shown when abstaining


@dataclass
class Retrieval:
    by_language: dict[str, list[Hit]]
    evidence: Evidence

    @property
    def hits(self) -> list[Hit]:
        """All passages, best first within each language, the answer's language first."""
        return [h for hits in self.by_language.values() for h in hits]


def retrieve(ctx: Context) -> Retrieval:
    """Passages per language the answer may quote; English is always searched, since the dense
    similarity the abstention uses comes from English passages."""
    languages = list(dict.fromkeys([*ctx.answer_languages, "en"]))
    by_language = {lang: ctx.search(k=PASSAGES, languages=[lang]) for lang in languages}
    evidence = assess(ctx.terms, ctx.stats, list(by_language.values()),
                      [e.en for e in ctx.glossary], ctx.language)
    return Retrieval(by_language, evidence)


def abstain(base: Answer, hits: list[Hit]) -> Answer:
    """Say the corpus does not cover the question and list the nearest sources (no markers:
    nothing is claimed from them)."""
    nearest: list[Citation] = []
    seen: set[str] = set()
    for hit in sorted(hits, key=lambda h: h.score, reverse=True):
        if hit.chunk.doc_id not in seen:
            seen.add(hit.chunk.doc_id)
            nearest.append(Citation.from_hit(hit))
        if len(nearest) == NEAREST:
            break
    lines = [text("abstain", base.language)]
    if base.language == "zh":
        nearest = [localized(c, c_meta, "zh") for c, c_meta in
                   ((c, _hit_metadata(hits, c.chunk_id)) for c in nearest)]
    if nearest:
        lines.append(text("nearest", base.language))
        lines.append("\n".join(
            f"{n}. {label(c, base.language, sep=' — ')}"
            for n, c in enumerate(nearest, start=1)))
    base.text = "\n\n".join(lines)
    base.abstained, base.route, base.nearest = True, "abstain", nearest
    base.citations, base.claims = [], []
    return base


def _hit_metadata(hits: list[Hit], chunk_id: str) -> dict:
    return next((h.chunk.metadata for h in hits if h.chunk.chunk_id == chunk_id), {})
