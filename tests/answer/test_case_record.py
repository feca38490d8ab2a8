"""A case answer holds the asked place's own record: what it did before what came of it, its
sections only its own statements (the record's other places under a label of their own), and for
a place the sources barely document, what is not documented first."""

from __future__ import annotations

import re

import yaml

from assistant.config import DEFAULT_CORPUS_DIR

from .answer_support import assert_grounded

_OTHERS_ZH = re.compile(r"宁波|沈阳|福建|重庆|成都")


def _aspects() -> dict[str, str]:
    """Each case statement's text (both languages) → its aspect."""
    data = yaml.safe_load((DEFAULT_CORPUS_DIR / "knowledge" / "cases.yaml").read_text("utf-8"))
    by_text = {}
    for statement in data["statements"]:
        for key in ("text", "text_zh"):
            by_text[" ".join(statement[key].split())] = statement["aspect"]
    return by_text


def _sections(text: str) -> dict[str, str]:
    """Paragraphs by their bold heading ("" for the opening)."""
    sections = {}
    for paragraph in text.split("\n\n"):
        match = re.match(r"\*\*(.+?)\*\*\s*(.*)", paragraph, re.DOTALL)
        if match:
            sections[match.group(1)] = match.group(2)
        else:
            sections.setdefault("", paragraph)
    return sections


def test_how_did_a_place_do_it_and_with_what_effect_opens_with_a_measure(ask):
    aspects = _aspects()
    for question in ("成都是怎么推进城乡教育一体化的？效果如何？",
                     "How did Chengdu close the urban–rural gap, and what were the results?"):
        result = ask(question)
        assert result.route == "case", result.route
        first, second = result.claims[0].text, result.claims[1].text
        assert aspects.get(" ".join(first.split())) == "measures", result.text
        assert aspects.get(" ".join(second.split())) == "results", result.text
        assert_grounded(result)


def test_a_section_under_the_place_asked_holds_only_that_places_statements(ask):
    result = ask("嘉善县在城乡义务教育一体化方面做了什么？效果如何？")
    sections = _sections(result.text)
    other = sections.pop("同一资料记载的其他地方", "")
    for heading, body in sections.items():
        for sentence in re.split(r"(?<=\])\s*", body):
            if _OTHERS_ZH.search(sentence):
                assert "嘉善" in sentence, (heading, sentence)
    assert "宁波" in other or "福建" in other or "沈阳" in other, result.text
    assert "嘉善" in result.text.split("。")[0]
    assert_grounded(result)


def test_a_thinly_documented_place_says_first_what_is_not_documented(ask):
    for question in ("南漳县在义务教育均衡上有什么经验可以学？",
                     "What lessons does Taishan District offer?"):
        result = ask(question)
        first = result.claims[0].text
        assert re.search(r"没有说明|无资料|没有任何|not documented|does not say", first), first
        # not a national rule in place of the place's own record
        assert not re.search(r"第[一二三四五六七八九十]+条|Article \d+", first), first
        assert_grounded(result)


def test_the_side_the_sources_hold_is_said_from_its_own_record(ask):
    # a place the sources lack beside a case: the case's own record, not another city's text
    result = ask("海淀区和衡南县推进均衡发展的做法有什么不同？")
    opening = result.text.split("\n\n")[0]
    assert "海淀区" in opening and "与衡南县比较" in opening, opening
    said = [c.text for c in result.claims]
    assert said and all("衡南" in s for s in said), said
    assert not any("成都" in s for s in said), said
