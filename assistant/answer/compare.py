""""Compare A and B" / "A与B比较": each side found and quoted in its own section."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.context import Context
from assistant.answer.extractive import candidates
from assistant.answer.messages import text
from assistant.answer.render import CitationList, render_sentences
from assistant.answer.scoring import Scored, select_mmr
from assistant.answer.terms import content_terms, matches
from assistant.answer.types import Claim
from assistant.documents import Chunk
from assistant.index.tokenizer import tokenize

_END = r"\s*[?？.。!！]*\s*$"
_CONTRACTED = re.compile(r"\b(what|how|where|who)'s\b", re.IGNORECASE)
_EN = [
    re.compile(r"^\s*compare\s+(?P<focus>.+?)\s+(?:in|of|between)\s+(?P<a>.+?)\s+(?:and|with|to|"
               r"versus|vs\.?)\s+(?P<b>.+?)" + _END, re.IGNORECASE),
    re.compile(r"^\s*compare\s+(?P<a>.+?)\s+(?:and|with|to|versus|vs\.?)\s+(?P<b>.+?)" + _END,
               re.IGNORECASE),
    re.compile(r"^\s*(?:what\s+(?:is|are)\s+)?(?:the\s+)?(?:main\s+)?differences?\s+between\s+"
               r"(?P<a>.+?)\s+and\s+(?P<b>.+?)" + _END, re.IGNORECASE),
    re.compile(r"^\s*how\s+(?:does|do|did)\s+(?P<a>.+?)\s+differ\s+from\s+(?P<b>.+?)" + _END,
               re.IGNORECASE),
    re.compile(r"^\s*(?P<a>[^,;]+?)\s+(?:vs\.?|versus)\s+(?P<b>.+?)" + _END, re.IGNORECASE),
]
_ZH = [
    re.compile(r"^\s*(?:请)?(?:比较|对比)(?:一下)?(?P<a>.+?)(?:和|与|同|跟|及)(?P<b>.+?)" + _END),
    # (a second question may follow: "……有什么区别？各补多少钱？")
    re.compile(r"^\s*(?P<a>.+?)(?:和|与|同|跟)(?P<b>.+?)(?:有)?(?:什么|哪些|何)?(?:(?:区别|差异|差别|"
               r"不同|异同)(?:在哪(?:里|儿)?)?|(?:到底)?差在哪(?:里|儿)?)\s*(?:[?？。!！].*)?$"),
    re.compile(r"^\s*(?P<a>.+?)(?:和|与|同|跟)(?P<b>.+?)(?:的)?(?:比较|对比)" + _END),
    # "A和B是一回事吗？各补多少？": whether two things are one, then what is asked of each
    re.compile(r"^\s*(?P<a>.+?)(?:和|与|同|跟)(?P<b>.+?)是(?:不是)?(?:一回事|一样|同一)"),
    # "A比B高在哪里": how one exceeds the other
    re.compile(r"^\s*(?P<a>.+?)比(?!例|较|重|率)(?P<b>.+?)(?:更)?(?:高|低|严|宽|多|少|强|好|大|小)(?:在哪|出|了?什么|多少)"),
]
# Where the second side ends and the aspect compared begins.
_EN_FOCUS = re.compile(r"\s+(?:on|in terms of|regarding|with respect to|for|about)\s+",
                       re.IGNORECASE)
_ZH_FOCUS = re.compile(r"(?:在|的|关于|方面)")
PER_SIDE = 3


@dataclass
class Sides:
    a: str
    b: str
    focus: str = ""


def parse(question: str) -> Sides | None:
    """The two things a comparison question names, and the aspect if it names one."""
    question = _CONTRACTED.sub(lambda m: f"{m.group(1)} is", question)
    for pattern in _EN:
        if (m := pattern.match(question)):
            b, focus = _split_focus(m.group("b"), _EN_FOCUS)
            focus = m.groupdict().get("focus") or focus
            return _clean(Sides(m.group("a"), b, focus or ""))
    for pattern in _ZH:
        if (m := pattern.match(question)):
            b, focus = _split_focus(m.group("b"), _ZH_FOCUS)
            return _clean(Sides(m.group("a"), b, focus))
    return None


def _split_focus(side: str, pattern: re.Pattern) -> tuple[str, str]:
    parts = pattern.split(side, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 and parts[0].strip() else (side, "")


# Words around a side's name that belong to the question, not to the name: "compare what the
# Education Law and the Compulsory Education Law say", "82号对不足100人学校的规定".
_LEADING = re.compile(r"^(?:what|how|whether|the)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"\s+(?:says?|said|do|does|did|requires?|provides?|sets?|compare[sd]?)$",
                       re.IGNORECASE)
_ZH_ASPECT = re.compile(r"(?<=.{2})(?:对|在|关于)")


def _clean(sides: Sides) -> Sides | None:
    strip = " \t\"'“”‘’「」《》"
    a, b = sides.a.strip(strip), sides.b.strip(strip)
    b = re.sub(r"(?:相比|相较|比较起来)[，,]?$", "", b)  # "A和B相比，差别在哪里"
    focus = sides.focus
    # "B: what does each one cover" / "B — on funding": what follows is the aspect asked
    parts = re.split(r"\s*(?:[:：]|\s[—–-]\s)\s*", b, maxsplit=1)
    if len(parts) == 2 and parts[0].strip():
        b, focus = parts[0], f"{focus} {parts[1]}".strip()
    # "B in indicators, thresholds and …" / "B in terms of funding": the aspects asked
    parts = re.split(r"\s+(?:in terms of|with regard to|with respect to|regarding|as regards|"
                     r"in|on)\s+(?=\w+(?:,|\s+and\b))", b, maxsplit=1, flags=re.IGNORECASE)
    if len(parts) == 2 and parts[0].strip() and not re.search(r"[\u4e00-\u9fff]", b):
        b, focus = parts[0], f"{focus} {parts[1]}".strip()
    for _ in range(2):
        a, b = _LEADING.sub("", a), _LEADING.sub("", b)
        a, b = _TRAILING.sub("", a), _TRAILING.sub("", b)
    # "B对X的规定": X is what is compared, B the side
    parts = _ZH_ASPECT.split(b, maxsplit=1)
    if len(parts) == 2 and re.search(r"[\u4e00-\u9fff]", b):
        b, focus = parts[0], f"{parts[1]}{focus}"
    a, b, focus = _shared_aspect(a, b, focus)
    if not a or not b or a.lower() == b.lower():
        return None
    return Sides(a, b, focus.strip(strip + "，,？?。 "))


def _shared_aspect(a: str, b: str, focus: str) -> tuple[str, str, str]:
    """The aspect both sides share is what is compared, not part of either name: "the CV limits
    of basic balance and quality balance" compares basic and quality balance on their CV limits,
    "the 2012 basic-balance CV limits and the 2017 quality-balance limits" on their limits."""
    if re.search(r"[\u4e00-\u9fff]", a + b):
        return a, b, focus
    head = re.match(r"^(?P<aspect>.+?)\s+of\s+(?P<side>.+)$", a, re.IGNORECASE)
    if head and not re.search(r"\bof\b", b, re.IGNORECASE) and len(head.group("side").split()) <= 4:
        return head.group("side"), b, f"{head.group('aspect')} {focus}".strip()
    a_words, b_words = a.split(), b.split()
    if (len(a_words) > 1 and len(b_words) > 1 and _ASPECT.fullmatch(a_words[-1])
            and _ASPECT.fullmatch(b_words[-1])):
        return (" ".join(a_words[:-1]), " ".join(b_words[:-1]),
                f"{b_words[-1]} {focus}".strip())
    return a, b, focus


# What a comparison may ask of both sides ("… CV limits and … limits"); never part of a name
_ASPECT = re.compile(r"limits?|rules?|requirements?|thresholds?|targets?|figures|rates?|ratios?|"
                     r"floors?|caps?|ceilings?", re.IGNORECASE)


def compose(ctx: Context, sides: Sides) -> tuple[str, CitationList, list[Claim]]:
    """Two sections, one per side, each quoting the passages that speak of that side."""
    cites = CitationList()
    claims: list[Claim] = []
    parts: list[str] = []
    used: set[tuple[str, int]] = set()
    for side in (sides.a, sides.b):
        parts.append(f"**{side}**")
        chosen, chunks = _side(ctx, side, sides.focus, used)
        if not chosen:
            parts.append(text("compare_missing", ctx.language))
            continue
        parts.append(render_sentences(chosen, chunks, cites, ctx.language, lead=False,
                                      headings=False, claims=claims))
    return "\n\n".join(parts), cites, claims


def _side(ctx: Context, side: str, focus: str, used: set[tuple[str, int]]
          ) -> tuple[list[Scored], list[Chunk]]:
    side_terms = content_terms(side)
    query = f"{side} {focus}".strip()
    terms = content_terms(query)
    for language in ctx.answer_languages:
        hits = ctx.search(query, k=8, languages=[language])
        scored, chunks = candidates(ctx, hits, [language], terms=terms)
        scored = [s for s in scored if _about(s, chunks[s.sentence.passage], side_terms)
                  and (chunks[s.sentence.passage].chunk_id, s.sentence.start) not in used]
        chosen = select_mmr(scored, PER_SIDE)
        if chosen:
            used.update((chunks[s.sentence.passage].chunk_id, s.sentence.start) for s in chosen)
            return chosen, chunks
    return [], []


def _about(item: Scored, chunk: Chunk, side_terms) -> bool:
    """The sentence names the side, or its document does (a case about that place)."""
    meta = chunk.metadata
    label = " ".join(str(meta.get(k) or "") for k in ("title", "title_zh", "region")) + \
        " " + chunk.doc_id.replace("-", " ")
    label_tokens = set(tokenize(label))
    named = [t for t in side_terms if matches(t, item.sentence.text, item.tokens)
             or matches(t, label, label_tokens)]
    return bool(side_terms) and len(named) >= max(1, (len(side_terms) + 1) // 2)
