"""The optional LLM mode: the same retrieval and abstention, a model writes the answer.

The model gets the passages as delimited data (``prompts/answer.md``); its reply is then checked:
markers that point to no passage sent are removed and reported, sentences without a valid marker
are flagged, and the markers are renumbered so that [n] is ``citations[n-1]``. If the endpoint
fails or times out the offline answer is returned with a notice saying so.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Protocol

from assistant.answer import prompts
from assistant.answer.context import Context
from assistant.answer.followup import History, resolve
from assistant.answer.grounding import Retrieval, abstain, retrieve
from assistant.answer.messages import text
from assistant.answer.terms import term_stats
from assistant.answer.types import Answer, Claim
from assistant.citations import MARKER, first_use, normalise_marker_groups, renumber
from assistant.config import Settings
from assistant.documents import Citation
from assistant.language import detect_language, split_sentences
from assistant.retrieval import SearchFilters

if TYPE_CHECKING:
    from assistant.engine import Engine

log = logging.getLogger(__name__)
REFUSAL = "INSUFFICIENT_SOURCES"
PASSAGES = 8


class Offline(Protocol):
    """The offline answer (``pipeline.answer_offline``), which the LLM path falls back to and
    starts from; passed in, so that this module does not import the pipeline that calls it."""

    def __call__(self, question: str, history: History | None = None,
                 filters: SearchFilters | None = None, *, engine: Engine, settings: Settings,
                 resolved: str | None = None, notice: str | None = None) -> Answer: ...


class LLMUnavailable(RuntimeError):
    """The endpoint could not be used; the message is short enough to show to the user."""


def chat_model(settings: Settings):
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(model=settings.llm_model, base_url=settings.llm_base_url,
                      api_key=settings.llm_api_key, timeout=settings.llm_timeout_s,
                      max_retries=0, temperature=0)


def complete(settings: Settings, system: str, user: str) -> str:
    """One chat completion; any failure becomes ``LLMUnavailable`` with a readable reason."""
    from langchain_core.messages import HumanMessage, SystemMessage

    from assistant.limits import RateLimited, llm_rate_limiter

    try:
        llm_rate_limiter(settings).acquire()
    except RateLimited as exc:  # over the per-minute budget: the offline answer takes over
        raise LLMUnavailable(str(exc)) from exc
    try:
        reply = chat_model(settings).invoke([SystemMessage(system), HumanMessage(user)])
    except Exception as exc:
        raise LLMUnavailable(_reason(exc, settings)) from exc
    content = reply.content if isinstance(reply.content, str) else str(reply.content)
    if not content.strip():
        raise LLMUnavailable("empty reply")
    return content.strip()


def _reason(exc: Exception, settings: Settings) -> str:
    import openai

    if isinstance(exc, openai.APITimeoutError):
        return f"no reply within {settings.llm_timeout_s:g} s"
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code} from {settings.llm_base_url}"
    if isinstance(exc, openai.APIConnectionError):
        return f"cannot connect to {settings.llm_base_url}"
    return f"{type(exc).__name__}: {str(exc)[:120]}"


def condense(settings: Settings, question: str, history: History) -> str:
    prompt = prompts.load("condense")
    system, user = prompt.render(history=prompts.format_history(history), question=question)
    standalone = complete(settings, system, user).splitlines()[0].strip()
    return standalone or question


def answer_with_llm(question: str, history: History | None, filters: SearchFilters | None, *,
                    engine: Engine, settings: Settings, offline: Offline) -> Answer:
    """The model's answer from the passages retrieved and the offline answer's statements, its
    markers checked (``checked``); the offline answer, with a notice, when the model fails."""
    language = detect_language(question)
    offline_resolved = resolve(question, history, term_stats(engine) if history else None)
    if not settings.llm_base_url:
        return offline(question, history, filters, engine=engine, settings=settings,
                       resolved=offline_resolved,
                       notice=text("llm_failed", language, reason="no endpoint configured "
                                   "(setting llm_base_url)"))
    try:
        has_history = any(role == "user" and t.strip() for role, t in history or [])
        resolved = condense(settings, question, history or []) if has_history else question
        ctx = Context.build(engine, settings, resolved, filters,
                            focus=question if resolved != question else None)
        if engine.is_empty():
            return offline(question, history, filters, engine=engine, settings=settings,
                           resolved=resolved)
        retrieval = retrieve(ctx)
        base = Answer(question=question, text="", language=ctx.language,
                      resolved_question=resolved, evidence=retrieval.evidence, route="llm")
        if not retrieval.evidence.sufficient:
            return abstain(base, retrieval.hits)
        # The offline answer's statements and shape are the model's starting point: the same
        # knowledge, checked against the passages it cites.
        draft = offline(resolved, None, filters, engine=engine, settings=settings,
                        resolved=resolved)
        passages = _passages(retrieval, draft.citations)
        system, user = prompts.load("answer").render(
            passages=prompts.format_passages(passages), question=resolved,
            kind=draft.kind or "lookup", statements=_statements(draft, passages),
            language=prompts.language_name(ctx.language))
        reply = complete(settings, system, user)
    except LLMUnavailable as exc:
        log.warning("LLM unavailable, answering offline: %s", exc)
        return offline(question, history, filters, engine=engine, settings=settings,
                       resolved=offline_resolved,
                       notice=text("llm_failed", language, reason=str(exc)))
    if REFUSAL in reply:
        return abstain(base, retrieval.hits)
    return checked(base, reply, passages)


def _passages(retrieval: Retrieval, first: list[Citation] | None = None) -> list[Citation]:
    """The passages the model sees: those the offline answer cites, then the retrieved ones, the
    answer's language first, then the others, in turn."""
    rankings = list(retrieval.by_language.values())
    chosen: list[Citation] = list(first or [])[:PASSAGES]
    seen: set[str] = {c.chunk_id for c in chosen}
    for rank in range(max((len(r) for r in rankings), default=0)):
        for hits in rankings:
            if rank < len(hits) and hits[rank].chunk.chunk_id not in seen:
                seen.add(hits[rank].chunk.chunk_id)
                chosen.append(Citation.from_hit(hits[rank]))
    return chosen[:PASSAGES + len(first or [])]


def _statements(draft: Answer, passages: list[Citation]) -> str:
    """The offline answer's claims as a list, each with the id of the passage sent that states
    it ("- County governments must … [2]")."""
    position = {c.chunk_id: n for n, c in enumerate(passages, start=1)}
    lines = []
    for claim in draft.claims:
        ids = [position[draft.citations[m - 1].chunk_id] for m in claim.markers
               if 1 <= m <= len(draft.citations) and draft.citations[m - 1].chunk_id in position]
        if ids:
            lines.append(f"- {claim.text} " + "".join(f"[{n}]" for n in ids))
    return "\n".join(lines) or "(none)"


def checked(base: Answer, reply: str, passages: list[Citation]) -> Answer:
    """The model's reply with its markers checked and renumbered (see the module docstring)."""
    reply = normalise_marker_groups(reply)
    order = first_use(reply, len(passages))
    invalid = list(dict.fromkeys(n for n in map(int, MARKER.findall(reply))
                                 if not 1 <= n <= len(passages)))
    cited = [passages[old - 1] for old in order]  # ``order`` is in first-use order
    body = renumber(reply, order, drop=True)
    claims, flagged = _claims(body)
    base.text, base.citations, base.claims = body.strip(), cited, claims
    base.flagged_sentences, base.invalid_markers = flagged, invalid
    notes = []
    if invalid:
        notes.append(text("llm_invalid", base.language,
                          markers=", ".join(f"[{n}]" for n in invalid)))
    if flagged:
        notes.append(text("llm_flagged", base.language, n=len(flagged)))
    base.notice = " ".join(notes) or None
    return base


def _claims(body: str) -> tuple[list[Claim], list[str]]:
    """Sentences of the reply with their markers; those with none are flagged."""
    claims: list[Claim] = []
    flagged: list[str] = []
    for line in body.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or re.fullmatch(r"[|\-:\s]+", stripped):
            continue
        pieces = [stripped] if stripped.startswith("|") else _sentences(stripped)
        for piece in pieces:
            markers = [int(n) for n in MARKER.findall(piece)]
            sentence = re.sub(r"\s+(?=[.!?。！？；;,，])", "", MARKER.sub("", piece)).strip(" -*|")
            if not sentence or not re.search(r"\w", sentence):
                continue
            if markers:
                claims.append(Claim(sentence, markers, "generated"))
            else:
                flagged.append(sentence)
    return claims, flagged


_MARKERS_AFTER_STOP = re.compile(r"([.!?。！？；;])((?:\s*\[\d{1,3}\])+)")


def _sentences(line: str) -> list[str]:
    """Sentences of a line, each with its markers: "… budgets. [3] Next" is read as
    "… budgets [3]." and "Next", so a marker belongs to the sentence it follows."""
    moved = _MARKERS_AFTER_STOP.sub(lambda m: m.group(2) + m.group(1), line)
    return [moved[start:end] for start, end in split_sentences(moved)]
