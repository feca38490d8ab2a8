"""Said once, named once: a case answer names its place in full once, later sentences by its short
form ("the county", 该县); a comparison's column gives a rule once and points to rows where they
are; a suggest answer's Basis lines do not repeat one another."""

from __future__ import annotations

import re

from assistant.answer.restated import sentences
from assistant.answer.shapes.case import _opener, short_form, shortened
from assistant.evaluation.readability import repeated

CANGYUAN = ("沧源县", "沧源", "Cangyuan County", "Cangyuan")


def test_the_short_form_is_the_kind_of_place_its_names_give():
    assert short_form(CANGYUAN, "en") == "the county"
    assert short_form(CANGYUAN, "zh") == "该县"
    assert short_form(("青羊区", "青羊", "Qingyang District"), "zh") == "该区"
    assert short_form(("District L", "L区"), "en") == "the district"
    assert short_form(("Chengdu",), "en") is None  # no kind known: the name stays
    # a bare name ("浙江", "Chengdu") is short already: a sentence opening with it stays
    assert _opener(("浙江",), "zh") is None and _opener(("Chengdu", "成都"), "en") is None


def test_a_sentence_opening_with_the_full_name_opens_with_the_short_form():
    en, zh = _opener(CANGYUAN, "en"), _opener(CANGYUAN, "zh")
    assert shortened("Cangyuan County's documented measure is the delivery classroom. [2]", en,
                     "the county") == "The county's documented measure is the delivery classroom. [2]"
    assert shortened("Cangyuan County (沧源县), Yunnan, with its dual-teacher classroom, is the "
                     "documented example.", en, "the county") == \
        "The county, with its dual-teacher classroom, is the documented example."
    assert shortened("沧源县有记载的做法是\"双师\"专递课堂。", zh, "该县") == "该县有记载的做法是\"双师\"专递课堂。"
    assert shortened("云南省沧源县的课堂。", zh, "该县") == "该县的课堂。"
    # the meaning is kept: a sentence that does not open with the place is left as it is
    for sentence in ("How Cangyuan County divides the work is not documented.",
                     "Yunnan Province, where Cangyuan County lies, set ¥600 per pupil.",
                     "Cangyuanese teachers share the lesson."):
        assert shortened(sentence, en, "the county") == sentence
    # a name that is not the sentence's subject alone, or that modifies another, stays
    for sentence in ("The Cangyuan County thesis treats the county as responsible.",
                     "Cangyuan County and Ningbo paired their teachers.",
                     "Cangyuan County is a county in Yunnan.",
                     "Cangyuan County Delivery Classroom began in 2020."):
        assert shortened(sentence, en, "the county") == sentence
    assert shortened("沧源县和宁波先行探索。", zh, "该县") == "沧源县和宁波先行探索。"
    assert shortened("沧源县学位论文认为……", zh, "该县") == "沧源县学位论文认为……"
    assert shortened("沧源县所在的云南省", zh, "该县") == "该县所在的云南省"
    assert shortened("现有资料没有描述沧源县本地的学科缺口。", zh, "该县") == "现有资料没有描述沧源县本地的学科缺口。"


def _openings(text: str, name: str) -> int:
    body = [line for line in text.split("\n\n") if not line.startswith(("|", "**References", "**参考"))]
    found = 0
    for paragraph in body:
        paragraph = re.sub(r"^\*\*[^*]{1,40}\*\*\s*", "", paragraph)
        found += sum(s.startswith(name) for s in sentences(paragraph))
    return found


def test_a_case_answer_names_its_place_in_full_once(ask):
    for question, name, short in (
            ("沧源县的专递课堂是怎么做的？效果如何？", "沧源县", "该县"),
            ("How does Cangyuan County run its dual-teacher classroom, and what came of it?",
             "Cangyuan County", "The county")):
        result = ask(question)
        assert result.route == "case", result.route
        assert _openings(result.text, name) <= 1, result.text
        assert short in result.text, result.text
        # every claim is still in the text with its markers (the renamed ones too)
        for claim in result.claims:
            marks = "".join(f"[{m}]" for m in claim.markers)
            assert f"{claim.text} {marks}" in result.text, claim.text


def _rows(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in text.splitlines() if line.startswith("|") and not line.startswith("|---")][1:]


def test_a_cell_points_to_a_row_above_or_below_where_it_is(ask):
    for question in (("How does Chengdu's urban-rural interactive alliance approach differ from "
                      "Hangzhou's school-group model?"),
                     "基本均衡和优质均衡对学校办学条件达标的要求有什么不同？"):
        rows = _rows(ask(question).text)
        labels = [row[0] for row in rows]
        for i, row in enumerate(rows):
            for cell in row[1:]:
                pointer = re.fullmatch(r"see “(.+)” (above|below)|见(上|下)文“(.+)”一行", cell)
                if not pointer:
                    continue
                label = pointer.group(1) or pointer.group(4)
                below = pointer.group(2) == "below" or pointer.group(3) == "下"
                assert (labels.index(label) > i) == below, (cell, labels)


def test_a_column_gives_a_rule_of_one_passage_once_and_the_indicator_values(ask):
    text = ask("基本均衡和优质均衡对学校办学条件达标的要求有什么不同？").text
    quality = [row[2] for row in _rows(text)]
    # the per-school rule (6 of 7, all seven to be safe) is in the standard's row, and the
    # county's duty from the same passage points to it; the doubt stays in its own row
    assert sum("6项" in cell for cell in quality) <= 2, text
    assert any(cell.startswith("见上文") for cell in quality), text
    assert "2,500" in text or "2500" in text, text


def test_a_suggest_answer_repeats_no_basis_line(ask):
    text = ask("乡镇寄宿制学校宿舍挤、没有生活老师，寄宿条件差，有什么办法改善？").text
    assert repeated(text) == [], text


def test_a_place_in_apposition_goes_with_its_commas():
    en = _opener(CANGYUAN, "en")
    assert shortened("Cangyuan County, Yunnan, runs a delivery classroom.", en, "the county") == \
        "The county runs a delivery classroom."


def test_a_provision_an_earlier_basis_line_named_is_pointed_to_not_named_again():
    from assistant.answer.suggest import basis_named_once

    named: dict[str, int] = {}
    first = "《义务教育法》第十七条；国办发〔2018〕27号；国办发〔2018〕82号"
    assert basis_named_once(first, named, 1, "zh") == first
    # a provision with a gloss of its own says what it says for this measure: it stays
    assert basis_named_once("国办发〔2018〕27号（据称包含宿管的配备）；《义务教育法》第十七条", named, 2, "zh") == \
        "国办发〔2018〕27号（据称包含宿管的配备）；另见第1项的依据"
    assert basis_named_once("Compulsory Education Law Art. 44", {"Compulsory Education Law Art. 44": 3},
                            4, "en") == "see also measure 3's basis"


def test_a_rule_defined_like_a_glossary_entry_is_said_rule_first():
    from assistant.answer.rule_phrasing import as_rule

    assert as_rule("Teacher pay parity (不低于当地公务员) is the rule of the Compulsory Education Law "
                   "(Art. 31) that teachers' average pay may not be lower than that of civil servants.") == \
        ("The rule of the Compulsory Education Law (Art. 31) on teacher pay parity (不低于当地公务员) is "
         "that teachers' average pay may not be lower than that of civil servants.")
    assert as_rule("The CV of every indicator (每项指标校际差异系数) is the 2017 quality-balance rule that "
                   "each CV be at most 0.50.") == \
        "The 2017 quality-balance rule on the CV of every indicator (每项指标校际差异系数) is that each CV be at most 0.50."
    plain = "Quality balance (优质均衡) is the second stage of county-level evaluation."
    assert as_rule(plain) == plain


def test_a_look_up_says_the_rule_first_and_a_definition_keeps_the_term_first(ask):
    looked_up = ask("Which article of the Compulsory Education Law sets the teacher pay floor "
                    "relative to civil servants?")
    # the law's own statement of the rule leads ("which article" is answered by the law), or a
    # definition turned rule-first: either way the rule and its article, not the term, come first
    lead = looked_up.text.split("[1]")[0]
    assert "Art. 31" in lead and not lead.startswith("Teacher pay parity"), looked_up.text
    defined = ask("What is teacher pay parity?")
    assert defined.text.startswith("Teacher pay parity ("), defined.text


def test_urban_rural_is_no_place_within_a_case():
    from assistant.answer.shapes.case import _place_within

    for question in ("成都的城乡教育一体化有哪些经验可以借鉴？", "成都的城乡教育综合改革试验区是怎么搞的？"):
        assert _place_within(question, ("成都", "成都市", "Chengdu"), []) is None
