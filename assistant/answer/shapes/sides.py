"""What the comparison shapes share: naming a side, its opening, table cells, the key difference."""

from __future__ import annotations

import re

from assistant.answer.shapes.draft import SUBJECT_SPAN, Draft
from assistant.answer.terms import content_terms
from assistant.knowledge.index import Found


def cell(line: str | None) -> str:
    return (line or "—").replace("|", "/").replace("\n", " ")


LEAD_ASPECTS = ("measures", "problem", "context")  # what a comparison opens with, in order


def leading(found: list[Found], side: str | None = None) -> Found | None:
    """A side's opening statement: what it did, else its problem, else its setting; of those,
    one whose subject is the side asked about ("成都的城乡互动发展联盟", not a district of it
    that the question's other side happens to resemble), and one that does not open mid-story
    ("第三阶段，…")."""
    # a statement that opens mid-story never opens while another of any lead aspect can
    whole = [f for f in found if not mid_story(f)]
    for pool in (whole, found):
        for aspect in LEAD_ASPECTS:
            of_aspect = [f for f in pool if f.statement.aspect == aspect]
            if of_aspect:
                return min(of_aspect, key=lambda f: side is not None and not _subject(side, f))
    return None


def mid_story(found: Found) -> bool:
    """Whether a statement opens mid-story ("第三阶段，…"): it cannot open an answer."""
    return bool(_MID_STORY.match(found.statement.text_zh)
                or _MID_STORY_EN.match(found.statement.text))


# an opening that leans on a story told elsewhere: "第三阶段，…", "In phase 2 of …"
_MID_STORY = re.compile(r"^(第[一二三四五六七八九十\d]+(阶段|步|期)|此后|随后|后来)")
_MID_STORY_EN = re.compile(r"^(in|during) (phase|stage) \d|^(later|then|afterwards)\b", re.IGNORECASE)


def contrast(draft: Draft, leads: list[Found | None]) -> str:
    """The two sides' opening statements as one paragraph, the second set against the first."""
    said = [draft.say(f, again=n > 0) for n, f in enumerate(leads) if f is not None]
    said = [s for s in said if s]
    if len(said) < 2:
        return " ".join(said)
    joint = "相比之下，" if draft.language == "zh" else ""
    return f"{said[0]} {joint}{said[1]}"


def key_difference(draft: Draft, a: str, b: str, avoid: tuple[str, ...] = ()) -> str | None:
    """A comparison finding that names both sides, if the analysis has one, and names none of
    ``avoid`` (a finding on Taishan and Nanzhang is no key difference of District L and Taishan,
    nor a three-way comparison the key of a two-way one); of several, one that states a
    contrast."""
    terms = content_terms(f"{a} {b}")
    fitting = []
    for found in draft.search(terms, kinds=("finding",), limit=40):
        if found.statement.aspect != "comparison":
            continue  # only an analysis that compares the two says what the difference is
        body = f"{found.statement.text} {found.statement.text_zh}".lower()
        # ... and is about them: one of the two is its subject, not a third thing that merely
        # mentions both ("the District L thesis draws on Taishan and Nanzhang, while …")
        if names_side(a, body) and names_side(b, body) and any(
                _subject(side, found) for side in (a, b)):
            if _compares_another(found, body, avoid):
                continue  # a key difference is about exactly the sides asked
            # a key states a difference ("…, whereas …"), not only what both share
            fitting.append((not CONTRAST.search(found.statement.text), found))
    for _, found in sorted(fitting, key=lambda pair: pair[0]):  # stable: search order kept
        if (said := draft.say(found)):
            return said
    return None


# a subject that names a document about a place ("District L thesis") is not the place compared
_ABOUT_A_PLACE = re.compile(r"\b(?:thesis|abstract|study|report)\b|论文|报告", re.IGNORECASE)


def _compares_another(found: Found, body: str, others: tuple[str, ...]) -> bool:
    """Whether a comparison finding sets a third case against the two asked: that case is one of
    its subjects (the Taishan–Nanzhang finding, whose source thesis on District L is no side of
    it, is not about District L); by its text when it lists no subjects."""
    subjects = [s.lower() for s in found.statement.subjects if not _ABOUT_A_PLACE.search(s)]
    if not found.statement.subjects:
        return any(names_side(other, body) for other in others)
    return any(names_side(other, subject) for other in others for subject in subjects)


ZH_SUBJECT_SPAN = 20  # Chinese says in 20 characters what English says in 60


def _subject(side: str, found: Found) -> bool:
    """Whether ``side`` is the statement's subject: named at the head of its English text or
    of its Chinese one (whichever language the side is written in)."""
    statement = found.statement
    return names_side(side, statement.text[:SUBJECT_SPAN].lower()) or \
        names_side(side, statement.text_zh[:ZH_SUBJECT_SPAN].lower())


def names_side(side: str, text: str) -> bool:
    # a year or a document's number names a side as much as its words ("国发〔2015〕67号")
    words = [w for w in re.findall(r"[a-z]{3,}|[\u4e00-\u9fff]{2,}|\d{2,}", side.lower())
             if w not in ("county", "district", "city", "the", "and")]
    if not words:
        # a name made only of such words and a letter ("District L", "L区"): the name itself
        name = " ".join(side.lower().split())
        return bool(re.search(r"[a-z\u4e00-\u9fff]", name)) and \
            re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", text) is not None
    return all(w in text for w in words)


# Words that say what kind of thing a side is, not which: "the Jiangsu county benchmark" is named
# by a statement on "the Jiangsu-style standard", "国家要求" by one on 国家…不低于95%.
KIND_WORDS = re.compile(r"^(?:benchmarks?|standards?|requirements?|rules?|targets?|thresholds?|"
                        r"norms?|levels?|one|ones)$|^(?:标准|要求|规定|高标准|目标|门槛)$")


def names_side_loosely(side: str, text: str) -> bool:
    """Whether ``text`` names ``side`` by the words that tell it apart: its words less those that
    only say what kind of thing it is, and in Chinese its content terms (a side written as one
    run, "江苏那个县的优质均衡高标准"), of which at least half must be there."""
    text = text.lower()
    words = [w for w in re.findall(r"[a-z]{3,}|\d{2,}", side.lower())
             if w not in ("county", "district", "city", "the", "and") and not KIND_WORDS.match(w)]
    if not re.search(r"[\u4e00-\u9fff]", side):
        return bool(words) and all(w in text for w in words)
    if names_side(side, text):
        return True
    terms = [t.text for t in content_terms(side) if re.search(r"[\u4e00-\u9fff]", t.text)
             and not KIND_WORDS.match(t.text)]
    if not terms:
        return False
    held = sum(1 for term in terms if term in text)
    # a short name ("基本均衡", "国家要求") by all its terms, a long one by half of them and its
    # first, which says whose it is ("江苏" of 江苏那个县的优质均衡高标准)
    enough = len(terms) if len(terms) < 3 else (len(terms) + 1) // 2
    return all(w in text for w in words) and held >= enough and terms[0] in text


CONTRAST = re.compile(r"\b(while|whereas|but|than|instead|unlike|only|rather|against)\b|而|则|相比|"
                       r"不同于|只|不再|改为", re.IGNORECASE)


# A figure that is no year, no article and no document number: "0.65", "99%", "6 of 7".
_FIGURE = re.compile(r"(?<![\d〔第])(?:\d+(?:\.\d+)?\s*(?:%|％|元|yuan|m²|平方米|人|pupils?|of \d+)|"
                     r"\d+\.\d+|¥\s?[\d,]+)(?![\d号条〕])")


def figures(text: str) -> int:
    """How many distinct figures ``text`` states (years, articles and 文号 are not figures)."""
    return len(figure_set(text))


def figure_set(text: str) -> set[str]:
    """The distinct figures ``text`` states, written alike ("31,600元" and "31600元" are one)."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    return {m.group(0).replace(" ", "") for m in _FIGURE.finditer(text)}


def two_sided(text: str) -> bool:
    """Whether a contrast gives a figure on each side of its turn ("0.65 …, whereas … 0.50"), not
    only on one ("0.50 …, whereas basic balance used an average")."""
    # any turn will do: a single 则 may be part of a word (规则)
    return any(figures(text[:turn.start()]) > 0 and figures(text[turn.end():]) > 0
               for turn in CONTRAST.finditer(text))


DEFINED_SPAN = 12  # ... and defines it when it names it this early (its subject)


def about(side: str, found: Found, language: str, span: int = SUBJECT_SPAN) -> bool:
    """Whether the statement is about ``side`` (names it within ``span`` characters of its
    start), not only mentions it: a "what it is" cell must describe its own side."""
    head = found.statement.in_language(language)[:span].lower()
    return names_side(side, head) or names_side(side, found.statement.text[:span].lower())


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]
