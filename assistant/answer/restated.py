"""Facts said once: a sentence, list item or table cell whose facts the answer has already stated
is left out, whichever shape wrote it.

What a sentence asserts is read as its *facts*: its figures (numbers normalised across languages:
0.50 = 0.5, "56人" = "56 pupils" = 56, "10 %" = "10%"), its article numbers (Art. 15 = 第十五条) and
文号, and its content words (the index's tokens, either language). A sentence restates the answer
so far when

    every figure, article and 文号 it holds is stated earlier, and
        it holds a figure and ≥ FACT_WORDS of its content words are in one or two earlier
        sentences, or
        ≥ PLAIN_WORDS of its content words are in one earlier sentence (articles and 文号 say
        where a rule is, not the rule).

A sentence that adds a figure, an article or more than NEW_WORDS words of its own stays. ``prune`` applies the
rule to an answer's Markdown (the first sentence always stays; a table cell that only restates is
shortened to what it adds or emptied, a row left empty goes; a heading with nothing under it goes;
a sentence the next one leans on — "This …", "该…" — stays; a list item stays: lists are the
shapes' structure, each duty with its article, each step with its actor, each measure). The evaluation counts what slips
through with ``restatements`` (assistant.evaluation.readability).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.editor_voice import closed, plain
from assistant.answer.rules import DANGLING_EN, DANGLING_ZH
from assistant.answer.terms import token_set
from assistant.answer.types import Claim
from assistant.article_numbers import article_numbers

FACT_WORDS = 0.6    # a sentence whose figures were all said: share of its words said before
PLAIN_WORDS = 0.75  # a sentence with no figure: share of its words in one earlier sentence
MIN_WORDS = 4       # a sentence with fewer content words says too little to judge
NEW_WORDS = 4       # a sentence with more content words of its own than this adds a claim
OWN_SHARE = 0.25    # ... or with more than this share of its content words its own

_MARKER = re.compile(r"\s*\[\d{1,3}\]")
_EMPHASIS = re.compile(r"\*\*|__|`")
_DOC_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,8})\s*[〔\[(（]\s*(\d{4})\s*[〕\])）]\s*(\d{1,4})\s*号")
_ARTICLE = re.compile(r"\b(?:Articles?|Arts?\.)\s*\d{1,3}(?:\s*(?:,|and|&|or|[–—-]|to)\s*\d{1,3})*"
                      r"|第[一二三四五六七八九十百零〇两\d]{1,6}条")
_TITLE = re.compile(r"《[^》]{1,80}》")   # a document's name says whose rule it is, not the rule
# "(Compulsory Education Law Art. 32)", "（教师〔2014〕4号）": where a claim is from, not the claim
_CITED = re.compile(r"[（(][^()（）]*(?:\bArt(?:icle)?s?\.?\s*\d|第[一二三四五六七八九十百零〇两\d]+条|〔\d{4}〕)"
                    r"[^()（）]*[)）]")
_GLOSS = re.compile(r"[（(]\s*[\u4e00-\u9fff][^()（）]{0,30}[)）]")  # "(骨干教师)" in English text
_GAP = re.compile(r"\b(?:not (?:documented|stated|say|said|describe\w*|verified)|no \w+ (?:is|are) documented|do not|does not)\b"
                  r"|未载明|未说明|没有说明|没有任何|未记载|不详|资料没有|并未说明|未能核实|无法核实|未见记载", re.IGNORECASE)
_FILLER = frozenset({"need", "needs", "least", "both", "each", "must", "shall", "also", "per",
                     "use", "uses", "one", "two", "requir", "require", "required",
                     "须", "应", "应当", "必须", "要", "需", "需要"})
_NUMBER = re.compile(r"(?<![\d.])\d+(?:,\d{3})*(?:\.\d+)?")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# a date is one fact ("1 Jul 2016" = "2016年7月1日"), not a day that matches "1 year"
_DATE = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
                   r"|\b(?P<d2>\d{1,2})\s+(?P<m2>(?:" + "|".join(_MONTHS) + r")[a-z]*\.?)\s+(?P<y2>\d{4})\b",
                   re.IGNORECASE)


_NUMBERED = re.compile(r"\bNo\.\s*(\d{1,4})\b")


def _date(match: re.Match) -> str:
    if match.group("y"):
        return f"date:{match.group('y')}-{int(match.group('m'))}-{int(match.group('d'))}"
    month = _MONTHS.index(match.group("m2")[:3].lower()) + 1
    return f"date:{match.group('y2')}-{month}-{int(match.group('d2'))}"
# a sentence ends at 。！？ or . ! ? (a closing quote after it), with its markers: "… county. [1] The"
_END = re.compile(r"(?:[。！？][”\"」）)]?|[.!?][\"”')）]?)(?:\s*\[\d{1,3}\])*"
                  r"(?:\s+(?=[A-Z\"“(*\u4e00-\u9fff《「])|(?<=[。！？\]”」])(?=[^\s\[]))")


@dataclass(frozen=True)
class Facts:
    """What a sentence asserts, for comparison with what was said before."""

    figures: frozenset[str]
    words: frozenset[str]
    gap: bool = False   # it says what the sources do not say: no restatement of a positive claim

    @property
    def judged(self) -> bool:
        return len(self.words) >= MIN_WORDS


def figure(number: str) -> str:
    """A number as one form in both languages: no thousands commas, no trailing decimal zeros."""
    number = number.replace(",", "")
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    return number or "0"


def facts(text: str) -> Facts:
    """The figures, articles, 文号 and content words of a sentence (markers and emphasis off)."""
    body = _EMPHASIS.sub("", _MARKER.sub("", text or ""))
    figures = {f"doc:{m.group(2)}-{m.group(3)}" for m in _DOC_NUMBER.finditer(body)}
    figures |= {f"art:{n}" for n in article_numbers(body)}
    rest = _ARTICLE.sub(" ", _DOC_NUMBER.sub(" ", body))
    figures |= {_date(m) for m in _DATE.finditer(rest)}
    # "the 2020 Central No. 1 Document": a document's number, not the quantity 1
    figures |= {f"no:{n}" for n in _NUMBERED.findall(rest)}
    figures |= {figure(n) for n in _NUMBER.findall(_NUMBERED.sub(" ", _DATE.sub(" ", rest)))}
    wording = _CITED.sub(" ", _TITLE.sub(" ", body))
    if len(re.findall(r"[A-Za-z]", wording)) > len(re.findall(r"[\u4e00-\u9fff]", wording)):
        wording = _GLOSS.sub(" ", wording)  # an English sentence's Chinese gloss repeats its words
    words = frozenset(w for w in token_set(wording)
                      if not re.fullmatch(r"[\d.,%]+", w) and w not in _FILLER)
    return Facts(frozenset(figures), words, bool(_GAP.search(body)))


def restates(new: Facts, earlier: list[Facts]) -> bool:
    """Whether a sentence with ``new`` facts says nothing the ``earlier`` sentences did not."""
    earlier = [e for e in earlier if e.gap == new.gap]
    if not new.judged or not earlier:
        return False
    said_figures = frozenset().union(*(e.figures for e in earlier))
    if not new.figures <= said_figures:
        return False  # a figure, article or 文号 not said before: something new
    if any(":" not in f for f in new.figures):
        # its words were said together: in one or two earlier sentences, not scattered over a
        # long answer whose vocabulary covers anything on the subject
        return any(_said(new, a.words | b.words, FACT_WORDS)
                   for i, a in enumerate(earlier) for b in earlier[i:])
    # an article or 文号 alone is where a rule is, not the rule (a second duty of Art. 8): a
    # sentence without quantities restates only what one earlier sentence said
    return any(_said(new, e.words, PLAIN_WORDS) for e in earlier)


COVERED_WORDS = 0.5  # an earlier sentence's figures all said again, in this share of its words


def covers(new: Facts, other: Facts) -> bool:
    """Whether ``new`` says all of ``other``'s figures again (two or more), in half of its words:
    ``other`` adds nothing ``new`` does not say (the evaluation's count of restatements, and the
    comparison shapes' choice between two contrasts, make this one judgement)."""
    numbers = {f for f in other.figures if ":" not in f}
    return (len(numbers) >= 2 and numbers <= new.figures and new.gap == other.gap and
            len(new.words & other.words) / max(1, len(new.words)) >= COVERED_WORDS)


def _said(new: Facts, words: frozenset[str], share: float) -> bool:
    """Whether ``words`` hold ``share`` of the sentence's words and all but NEW_WORDS of them."""
    held = len(new.words & words)
    own = new.words - words
    # jieba gives a compound and its parts (行政部门, 行政, 部门): a word is counted once
    own = {w for w in own if not any(w != other and w in other for other in own)}
    # a short duty differs from the last by a few words ("… and tilt it toward weak schools")
    return held / len(new.words) >= share and len(own) <= min(NEW_WORDS, OWN_SHARE * len(new.words))


def sentences(text: str) -> list[str]:
    """A paragraph's sentences, each with its markers."""
    found, start = [], 0
    for match in _END.finditer(text):
        found.append(text[start:match.end()])
        start = match.end()
    found.append(text[start:])
    return [s.strip() for s in found if s.strip()]


_COUNTED = re.compile(r"^(?:[一二三四五六七八九十]是|首先|其次|第[一二三四五六七八九十][，,]|"
                      r"(?:First|Second|Third|Fourth)(?:ly)?\b)")


def counted(sentence: str) -> bool:
    """Whether a sentence is one of an enumeration ("一是…", "First, …"): leaving it out would
    leave "二是" without "一是"."""
    return bool(_COUNTED.match(_EMPHASIS.sub("", sentence).strip()))


def leans_back(sentence: str) -> bool:
    """Whether a sentence leans on the one before it ("This …", "该…", "上述…")."""
    body = _EMPHASIS.sub("", sentence).lstrip("-*+• ").strip()
    body = re.sub(r"^\d+[.)]\s*", "", body)
    return bool(DANGLING_EN.match(body) or DANGLING_ZH.match(body))


# -- pruning an answer --------------------------------------------------------------------------

_LABEL = re.compile(r"^(\*\*[^*]{1,40}\*\*[:：]?\s*)")          # "**Context** …" a paragraph's label
_ITEM = re.compile(r"^(\s*(?:[-*+•]|\d+[.)])\s+)")              # "- …", "2. …"
_HEADING = re.compile(r"^\s*(?:\*\*[^*]{1,200}\*\*|[^.。!?！？\[|]{1,60}[:：])\s*$")
_EMPTY_CELL = "—"


class _Said:
    """The facts stated so far, in reading order."""

    def __init__(self) -> None:
        self.facts: list[Facts] = []

    def keep(self, sentence: str) -> bool:
        """Whether ``sentence`` adds something (and, if so, remember what it says)."""
        found = facts(sentence)
        if restates(found, self.facts):
            return False
        self.facts.append(found)
        return True


def once(body: str, claims: list[Claim]) -> tuple[str, list[Claim]]:
    """An answer with its restatements left out (``prune``), and the claims of what stays: a
    claim whose words were in the answer and are no longer goes with them (the markers it alone
    used then point nowhere and are dropped when the markers are numbered). The editor's remarks
    on how a fact was checked go first (``editor_voice.plain``); a quote they are taken out of
    is no longer verbatim and is checked as a statement (its figures are its passage's)."""
    body, claims = _plain(body, claims)
    pruned = prune(body)
    if pruned == body:
        return body, claims
    kept = [c for c in claims if _claim_text(c) not in body or _claim_text(c) in pruned]
    return pruned, kept


def _plain(body: str, claims: list[Claim]) -> tuple[str, list[Claim]]:
    shown = closed(plain(body))
    if shown == body:
        return body, claims
    kept = []
    for claim in claims:
        text = closed(plain(claim.text))
        if f"{text}。 " in shown and f"{text} [" not in shown:
            text += "。"  # closed in the answer before its marker
        if text != claim.text:
            claim = Claim(text, claim.markers, "statement" if claim.kind == "quote" else claim.kind)
        kept.append(claim)
    return shown, kept


def _claim_text(claim: Claim) -> str:
    return claim.text.strip().removesuffix("|").strip()


def prune(body: str) -> str:
    """``body`` (an answer's Markdown) with every sentence, list item or table cell that restates
    what came before left out; the first sentence always stays."""
    said = _Said()
    blocks = [b for b in re.split(r"\n\s*\n", body or "")]
    out: list[str] = []
    for block in blocks:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].lstrip().startswith("|"):
            table = _table(lines, said)
            if table:
                out.append(table)
            continue
        kept_lines = []
        for unit in _units(lines):
            if _HEADING.match(unit[0]):
                kept_lines.append(unit[0])
                continue
            if _ITEM.match(unit[0]):
                # a list is the answer's structure (each duty with its article, each step with
                # its actor, each document's own rule after the key difference): its items stay
                for line in unit:
                    said.facts += [facts(s) for s in sentences(unnumbered(line))]
                kept_lines += unit
                continue
            kept = _line(unit[0], said, first=not out and not kept_lines)
            for line in unit[1:]:
                said.facts += [facts(s) for s in sentences(unnumbered(line))]
            kept_lines += ([kept] if kept else []) + unit[1:]
        out.append("\n".join(kept_lines))
    return "\n\n".join(_without_orphan_headings(b for b in out if b.strip()))


def is_heading(line: str) -> bool:
    """A line that names what follows ("**Law**", "The main causes:") and asserts nothing."""
    return bool(_HEADING.match(line))


def unlabelled(line: str) -> str:
    """A paragraph line without its bold label ("**Context** …" → "…"); a list item as it is
    (its bold words are its content: a measure's title)."""
    if _ITEM.match(line):
        return line
    match = _LABEL.match(line)
    return line[match.end(1):] if match else line


def unnumbered(line: str) -> str:
    """A line without its list marker: the "1." of "1. **Build housing** …" numbers the item, it
    is not a figure the item states (read as a sentence of its own, it would make every later
    "1 year" a figure said before)."""
    match = _ITEM.match(line)
    return line[match.end(1):] if match else line


def _units(lines: list[str]) -> list[list[str]]:
    """Lines with the indented lines under them ("1. measure" with its "   - Basis: …")."""
    units: list[list[str]] = []
    for line in lines:
        if units and line[:1].isspace() and _ITEM.match(line):
            units[-1].append(line)
        else:
            units.append([line])
    return units


def _line(line: str, said: _Said, first: bool) -> str:
    """A paragraph line or list item with its restating sentences left out ('' if none stays)."""
    prefix = ""
    for pattern in (_ITEM, _LABEL):
        match = pattern.match(line[len(prefix):])
        if match:
            prefix += match.group(1)
    parts = sentences(line[len(prefix):])
    kept: list[str] = []
    for i, sentence in enumerate(parts):
        lean = (i + 1 < len(parts) and leans_back(parts[i + 1])) or counted(sentence)
        if (first and not kept) or lean or said.keep(sentence):
            if (first and not kept) or lean:
                said.facts.append(facts(sentence))
            kept.append(sentence)
    if len(kept) == len(parts):
        return line
    return prefix + joined(kept) if kept else ""


def joined(pieces: list[str]) -> str:
    """Sentences as one text again: a space after an English one or a marker, none between
    Chinese sentences."""
    text = ""
    for piece in pieces:
        text += piece if not text or text.endswith(("。", "！", "？", "”")) else f" {piece}"
    return text


def _table(lines: list[str], said: _Said) -> str:
    """A table with restating sentences left out of its cells; a row whose cells are all empty
    goes, and a table with no row left goes."""
    if len(lines) < 3:
        return "\n".join(lines)
    kept_lines = lines[:2]
    for line in lines[2:]:
        row = cells(line)
        new = [row[0]]
        for cell in row[1:]:
            parts = sentences(cell)
            kept = [s for s in parts if said.keep(s)]
            new.append(cell if len(kept) == len(parts) else joined(kept) if kept else _EMPTY_CELL)
        if new == row:
            kept_lines.append(line)
        elif not all(c == _EMPTY_CELL for c in new[1:]):
            kept_lines.append("| " + " | ".join(new) + " |")
        # else: every cell of the row was said above
    return "\n".join(kept_lines) if len(kept_lines) > 2 else ""


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _without_orphan_headings(blocks) -> list[str]:
    """Heading lines with no content under them before the next heading or the end go."""
    blocks = [b for b in blocks]
    flat: list[list[str]] = [b.split("\n") for b in blocks]
    result = []
    for i, lines in enumerate(flat):
        kept = []
        for j, line in enumerate(lines):
            if _HEADING.match(line):
                later = lines[j + 1:] + [x for block in flat[i + 1:] for x in block]
                following = next((x for x in later if x.strip()), None)
                if following is None or _HEADING.match(following):
                    continue
            kept.append(line)
        if kept:
            result.append("\n".join(kept))
    return result
