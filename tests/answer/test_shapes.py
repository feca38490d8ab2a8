"""Answers shaped by the kind of question (issue: answers an official can use)."""

from __future__ import annotations

import re

import pytest

from assistant.advisor.measures import load_measures, rank_by_weights
from assistant.answer.intent import classify, corpus_case_names
from assistant.answer.suggest import NAMED_PROBLEM, _relevance
from assistant.config import DEFAULT_CORPUS_DIR
from assistant.evaluation.readability import assess
from assistant.language import cjk_count

from .answer_support import assert_grounded


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.。])\s+(?=[A-Z\u4e00-\u9fff])", text.strip(), maxsplit=1)[0]


def _opening(text: str) -> str:
    """The answer's first paragraph: what a reader sees before any list or table."""
    return text.split("\n\n")[0]


def test_who_is_responsible_leads_with_the_duty_and_lists_the_others(ask):
    result = ask("Which level of government has to help rural teachers with housing?")
    assert result.kind == "responsible" and result.route == "responsible"
    assert_grounded(result)
    assert "Art. 28" in _first_sentence(result.text), result.text
    items = [line for line in result.text.splitlines() if line.startswith("- ")]
    assert len(items) >= 1 and all(re.search(r"\[\d+\]$", item) for item in items)
    # a duty about the same teachers but not their housing answers another question
    assert all("hous" in item.lower() for item in items), result.text


def test_who_keeps_to_national_law_and_not_to_the_askers_level(ask):
    result = ask("Who is responsible for making sure teachers' pay in our county is not lower "
                 "than local civil servants' pay?")
    assert "Compulsory Education Law Art. 31" in _first_sentence(result.text), result.text
    assert "Zhejiang" not in result.text  # a province's rule, not asked about


def test_explain_gives_a_thesis_then_numbered_causes(ask):
    result = ask("Why do rural schools keep losing their best teachers?")
    assert result.route == "explain"
    assert_grounded(result)
    numbered = [line for line in result.text.splitlines() if re.match(r"\d\. ", line)]
    assert len(numbered) >= 2
    assert not re.match(r"\d\. ", result.text.strip())  # the thesis comes first


def test_suggest_ranks_measures_with_the_advisors_ranking(ask, corpus_engine, corpus_settings):
    question = ("Many children of migrant workers in our county town cannot get a place in a "
                "public school. What should the county do?")
    result = ask(question)
    assert result.route == "suggest"
    assert_grounded(result)
    shown = re.findall(r"^\d\. \*\*(.+?)\*\*", result.text, re.MULTILINE)
    assert len(shown) >= 2
    # the answer first: the opening sentence names the measures, in the order they follow
    opening = _first_sentence(result.text).lower()
    positions = [opening.find(name.lower()[1:]) for name in shown]
    assert -1 not in positions and positions == sorted(positions), (opening, shown)
    summary_marks = re.search(r"\.\s((?:\[\d+\])+)", result.text).group(1)
    marks = re.findall(r"\d+", summary_marks)
    assert len(marks) == len(set(marks)), summary_marks  # each source once
    # a basis note's unconfirmed 文号 carries its mark, as in the reference list
    assert "国发〔2016〕40号 (document number unconfirmed)" in result.text
    assert "国发〔2016〕40号 (" not in result.text.replace(
        "国发〔2016〕40号 (document number unconfirmed)", "")
    # the same order the district advisor's ranking gives for the problems the question names
    from assistant.answer.context import Context
    from assistant.answer.shapes import draft_for

    intent = classify(question, corpus_case_names(DEFAULT_CORPUS_DIR))
    assert "migrant_children_access" in intent.problems
    specs = load_measures()
    draft = draft_for(Context.build(corpus_engine, corpus_settings, question, None))
    ranked = rank_by_weights({p: NAMED_PROBLEM for p in intent.problems}, specs,
                             _relevance(draft, specs)[0])
    names = [spec.name for spec, _, _ in ranked]
    assert [names.index(name) for name in shown] == sorted(names.index(n) for n in shown)
    assert all(name in names[:len(shown) + 3] for name in shown)


def test_a_case_question_gives_the_record_and_what_is_not_said(ask):
    result = ask("What did Nanzhang County do?")
    assert result.route == "case"
    assert_grounded(result)
    assert "What the sources do not say" in result.text
    assert {c.doc_id for c in result.citations} == {"case-nanzhang-county"}


@pytest.mark.parametrize("question,doc_type", [
    ("农村教师的住房，教师法要求哪级政府提供方便？", "law"),
    ("乡村教师支持计划对乡村教师的待遇提出了什么要求？", "policy"),
    ("杭州名校集团化办学是怎么做的？", "case"),
])
def test_a_chinese_question_is_answered_from_chinese_text_with_chinese_citations(
        ask, question, doc_type):
    result = ask(question)
    assert not result.abstained
    assert_grounded(result)
    said = [c for c in result.claims if c.kind in ("quote", "statement")]
    assert said and all(cjk_count(c.text) > len(c.text) / 3 for c in said), result.text
    assert all(cjk_count(c.title) for c in result.citations)
    of_type = [c for c in result.citations if c.doc_type == doc_type]
    assert of_type, [c.doc_type for c in result.citations]
    # the passage opened is the document's Chinese body, not its English text
    assert any(cjk_count(c.text) > len(c.text) / 3 for c in of_type)


QUESTIONS = [
    "What does the Compulsory Education Law require county governments to do about weak schools?",
    "Why did the focus of balance policy shift from buildings to teachers?",
    "Compare Baoqing County and District L.",
    "Large classes are a problem in our town schools. Which measures work?",
    "为什么城乡义务教育发展不均衡？",
    "比较宝清县和L区。",
    "我们县随迁子女入学难，县政府应该怎么办？",
    "省级政府在义务教育经费上承担什么责任？",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_answers_keep_the_rendering_rules(ask, question):
    result = ask(question)
    assert not result.abstained
    signs = assess(result.text, result.language, [])
    assert signs.id_leaks == [] and signs.dangling == [] and signs.repeated == [], signs
    assert not signs.language_mismatch


def test_a_chinese_request_for_measures_opens_in_chinese_and_lists_the_measures(ask):
    # the opening is one sentence for the asker (tests/answer/test_suggest_opening.py), in Chinese
    result = ask("县城学校大班额严重，县里该怎么办？")
    assert result.route == "suggest"
    shown = re.findall(r"^\d\. \*\*(.+?)\*\*", result.text, re.MULTILINE)
    opening = result.text.split("\n\n")[0]
    assert len(shown) >= 2 and "。" in opening and not re.search(r"[A-Za-z]{4,}", opening), opening


def test_a_question_about_legal_duties_lists_duties_of_laws(ask):
    result = ask("县教育局在推进均衡发展上有哪些法定职责？")
    assert result.route == "responsible"
    lines = [line for line in result.text.split("参考资料")[0].splitlines() if line.strip()]
    duties = [lines[0]] + [line for line in lines if line.startswith("- ")]
    assert len(duties) >= 3 and all("《义务教育法》" in d or "《教师法》" in d or "条例" in d for d in duties), \
        result.text


def test_a_figure_from_the_standards_is_stated_before_its_table(ask):
    result = ask("What level of public satisfaction does a county need in the balance evaluations?")
    assert result.route == "standards-table"
    first = result.text.strip().splitlines()[0]
    assert "85" in first and not first.startswith("|") and re.search(r"\[\d+\]$", first), first


def test_an_explain_thesis_is_a_cause_about_the_subject_asked(ask):
    result = ask("How did the old key-school system widen the gap between town and village "
                 "schools?")
    assert result.route == "explain"
    assert "key-school" in _first_sentence(result.text).lower(), result.text


def test_two_standards_compared_open_with_a_contrast_the_sources_state(without_comparisons, ask):
    result = ask("How is quality balance different from basic balance?")
    assert result.route == "compare"
    assert_grounded(result)
    opening = _first_sentence(result.text).lower()
    assert "basic balance" in opening and "quality balance" in opening, opening
    for row in (line for line in result.text.splitlines() if line.startswith("| ")):
        cells = [c.strip().lower() for c in row.strip("|").split("|")]
        if len(cells) == 3 and cells[1] and cells[1] != "quality balance":
            # each column speaks of its own side only
            assert "basic balance" not in cells[1] and "quality balance" not in cells[2], row


def test_two_cases_are_compared_under_their_own_names_and_places(ask):
    result = ask("成都和嘉善在教师交流轮岗上有什么不同做法？")
    assert result.route == "compare"
    assert_grounded(result)
    header = next(line for line in result.text.splitlines() if line.startswith("| |"))
    # the two cases named are answered from their comparison (corpus/knowledge/comparisons.yaml),
    # in the order the question names them, each under its own name
    assert re.fullmatch(r"\|\|成都\|嘉善[^|]*\|", header.replace(" ", "")), header
    # the row of the aspect asked (teachers), not the case template's "措施"
    teachers = next(line for line in result.text.splitlines()
                    if line.startswith("| ") and re.search("师资|教师", line.split("|")[1]))
    # Jiashan's own measure (not Ningbo's or Fujian's) in its cell
    cell = teachers.split("|")[3]
    assert "嘉善" in cell, teachers


def test_what_a_case_did_is_answered_first_even_when_the_sources_do_not_list_it(ask):
    result = ask("宝清县在推进城乡义务教育均衡方面做了什么？")
    assert result.route == "case"
    first = result.text.split("。")[0]
    assert "措施" in first, result.text  # what it did, or that its measures are not listed


def test_a_definition_question_is_answered_by_the_meaning_before_any_threshold_table(ask):
    result = ask("差异系数是什么意思？")
    assert result.route in ("glossary", "definition"), result.route
    first = result.text.split("。")[0]  # the meaning: a dispersion (标准差 or 离散程度) over a mean
    assert ("标准差" in first or "离散" in first) and "除以" in first, result.text


def test_suggest_ranks_the_measure_a_question_describes_in_its_own_words(ask):
    # "公用经费不够" in "村小和教学点" is what the 100-pupil funding floor is for; the question names
    # no article and no measure by its title
    result = ask("村小和教学点学生少，公用经费根本不够用，县里该怎么解决？")
    assert result.route == "suggest"
    assert_grounded(result)
    shown = re.findall(r"^\d\. \*\*(.+?)\*\*", result.text, re.MULTILINE)
    assert any("按100人核定公用经费" in name for name in shown[:2]), shown


def _table_columns(text: str) -> list[list[str]]:
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    return [[c.strip() for c in row.strip().strip("|").split("|")][1:] for row in rows[1:]]


@pytest.mark.parametrize("question, docs", [
    ("How do the Teachers Law and the Compulsory Education Law differ on teacher pay?",
     ("law-teachers", "law-compulsory-education")),
    ("教育法和义务教育法对教育经费的增长各有什么要求？", ("law-education", "law-compulsory-education")),
    (("How did the 2013 weak-school improvement programme differ from the 2018 guidance on small "
      "and boarding schools?"),
     ("pol-2013-weak-schools-improvement", "pol-2018-small-and-boarding-schools")),
])
def test_two_documents_compared_fill_each_column_from_that_document_alone(without_comparisons, ask, question, docs):
    result = ask(question)
    assert result.route == "compare"
    assert_grounded(result)
    for cells in _table_columns(result.text):  # a table only when a side has more to say
        assert "—" not in cells, cells  # an empty cell would read as "this document is silent"
        for cell, doc in zip(cells, docs):
            for marker in re.findall(r"\[(\d+)\]", cell):
                assert result.citations[int(marker) - 1].doc_id == doc, (cell, doc)
    # the opening gives each document's own answer, the first document's first
    opening = _opening(result.text)
    if opening.startswith("**"):  # a statement that contrasts the two leads
        opening = result.text.split("\n\n")[1]
    cited = [result.citations[int(m) - 1].doc_id for m in re.findall(r"\[(\d+)\]", opening)]
    assert cited[:1] == [docs[0]] and docs[1] in cited, (opening, cited)


@pytest.mark.parametrize("question", [
    "《教师法》和《义务教育法》对教师平均工资的规定有什么不同？",
    "How do the Teachers Law and the Compulsory Education Law differ on teachers' pay?",
])
def test_after_the_key_difference_each_document_says_its_own_rule(without_comparisons, ask, question):
    result = ask(question)
    assert result.text.startswith(("**Key difference:**", "**关键区别：**")), result.text
    bullets = [line for line in result.text.splitlines() if line.startswith("- **")]
    assert len(bullets) == 2, result.text
    for line, doc in zip(bullets, ("law-teachers", "law-compulsory-education")):
        cited = {result.citations[int(m) - 1].doc_id for m in re.findall(r"\[(\d+)\]", line)}
        assert cited == {doc}, line
        # what the document requires, in its own article: a duty, not a reason
        assert re.search(r"must|应当|要求", line), line


def test_two_laws_on_the_same_rule_are_both_quoted_not_merged_as_a_repeat(ask):
    result = ask("Compare the Education Law and the Compulsory Education Law on how fast "
                 "education appropriations must grow.")
    opening = _opening(result.text)
    assert "Art. 56" in opening and "Art. 42" in opening, opening


def test_a_look_up_for_a_figure_leads_with_the_figure_not_an_article_number(ask):
    # "Art. 16" is a number, but it answers no "how often"
    result = ask("How often must a county supervision body carry out a comprehensive inspection "
                 "of each school?")
    assert result.route == "lookup"
    assert "3 to 5 years" in _first_sentence(result.text), result.text


def test_a_look_up_adds_no_sentence_that_gives_nothing_asked_for(ask):
    result = ask("How often must a county supervision body carry out a comprehensive inspection "
                 "of each school?")
    body = result.text.split("\n\n**")[0]
    # the team of three inspectors (Art. 16) and the powers of inspection (Art. 12) are true and
    # near, but give no frequency
    assert "Art. 16" not in body and "Art. 12" not in body, body


def test_a_request_to_move_long_serving_principals_gets_the_principal_measure_first(ask):
    result = ask("Several of our principals have run the same schools for fifteen years. "
                 "What should the county do?")
    assert result.route == "suggest"
    shown = re.findall(r"^\d\. \*\*(.+?)\*\*", result.text, re.MULTILINE)
    assert shown and "principal" in shown[0].lower(), shown


def test_suggest_reads_a_chinese_compound_as_its_parts(ask):
    # "体育场地" is in the catalogue only as 体育运动场地: the sports-ground measure must still fit
    result = ask("城区学校体育场地太小又没地扩建，县里该怎么办？")
    assert result.route == "suggest"
    shown = re.findall(r"^\d\. \*\*(.+?)\*\*", result.text, re.MULTILINE)
    assert any("体育运动场地" in name for name in shown[:2]), shown


def test_an_english_question_about_a_chinese_term_is_answered_in_english(ask):
    result = ask("What does 县管校聘 mean?")
    assert result.language == "en"
    assert result.text.lstrip("\"“").startswith("County manages, schools hire"), result.text[:200]


def test_what_a_body_means_by_a_term_is_a_definition_question(ask):
    result = ask("What does the State Council mean by a small-scale rural school?")
    assert result.route == "glossary"
    assert "fewer than 100 pupils" in _first_sentence(result.text), result.text


@pytest.mark.parametrize("question, place", [
    ("成都青羊区的名校集团是怎么办的？效果如何？", "青羊区"),
    ("What did Qingyang District in Chengdu do with school groups?", "Qingyang District"),
])
def test_a_district_inside_a_case_leads_and_the_rest_is_said_to_be_the_whole_cases(ask, question,
                                                                                    place):
    result = ask(question)
    assert result.route == "case"
    paragraphs = result.text.split("\n\n")
    assert place in paragraphs[0], paragraphs[0]
    assert place in paragraphs[1] and ("成都" in paragraphs[1] or "Chengdu" in paragraphs[1])
    # the city's figures come after the reader is told they are the city's
    assert "23.4%" not in paragraphs[0]


def test_a_measures_legal_basis_cites_the_article_its_note_names(ask):
    from assistant.article_numbers import article_numbers

    checked = 0
    for question in (("Our town schools are overcrowded because new housing estates were built "
                      "without schools. What should the county do?"),
                     "我们县乡村学校留不住教师，县里该怎么办？"):
        checked += _checked_bases(ask(question), article_numbers)
    assert checked


def _checked_bases(result, article_numbers) -> int:
    assert result.route == "suggest"
    checked = 0
    for line in result.text.splitlines():
        if not line.strip().startswith(("- Basis:", "- 依据：")):
            continue
        named = article_numbers(line)
        for marker in re.findall(r"\[(\d+)\]", line):
            citation = result.citations[int(marker) - 1]
            if citation.doc_type in ("law", "regulation") and citation.article:
                # the reference opens an article the basis line names, never a neighbour
                assert article_numbers(citation.article) & named, (line, citation.article)
                checked += 1
    return checked


def test_a_look_up_about_a_named_place_answers_from_its_record_with_the_document_asked(ask):
    result = ask("陕西省提出哪一年全省所有县实现义务教育基本均衡？是哪个文件定的？")
    first = _first_sentence(result.text)
    assert "陕政发〔2016〕28号" in first, result.text  # the document asked for, in the lead
    assert result.citations[0].doc_id == "case-shaanxi-targets"


def test_why_about_a_named_case_is_answered_from_that_case(ask):
    result = ask("L区那篇论文认为政府在城乡义务教育均衡发展中为什么会出现责任缺位？")
    assert result.route == "explain"
    assert_grounded(result)
    assert {c.doc_id for c in result.citations} == {"case-district-l"}, result.citations
    assert len([line for line in result.text.splitlines() if re.match(r"\d\. ", line)]) >= 2


def test_a_national_question_is_not_led_by_one_provinces_figures(ask):
    result = ask("What per-student public-funding benchmark did the 2015 unified urban–rural "
                 "funding mechanism set, and how much extra does a boarder get?")
    assert "Yunnan" not in _opening(result.text), result.text


def test_a_case_asked_about_generally_opens_with_what_it_did(ask):
    result = ask("Tell me about Shaanxi's push for basic balance.")
    assert result.route == "case"
    assert "75%" in _first_sentence(result.text), result.text  # its targets, not a lesson


def test_the_problems_a_case_ran_into_are_its_results_not_its_starting_problem(ask):
    result = ask("What difficulties did Hengnan County's school alliances run into?")
    assert result.route == "case"
    assert "workload" in _first_sentence(result.text).lower(), result.text


def test_a_case_of_several_places_opens_with_the_place_asked(ask):
    # the Jiashan–Ningbo record also names Shenyang and Fujian in passing
    result = ask("嘉善县的教师交流是怎么做的？")
    assert result.route == "case"
    assert "嘉善" in result.text.split("。")[0], result.text


def test_a_case_asked_for_its_story_opens_with_its_setting(ask):
    result = ask("杭州名校集团化办学的来龙去脉是怎样的？")
    assert result.route == "case"
    first = result.text.split("**")[0]
    assert "措施" not in first and "杭州" in first, result.text


def test_a_suggestion_asked_for_risks_says_the_risk_in_its_opening_once(ask):
    result = ask("县里打算把几所农村初中撤并到镇上，应注意哪些风险？")
    assert result.route == "suggest"
    opening = _opening(result.text)
    assert "主要风险：" in opening, result.text
    risk = opening.split("主要风险：")[1].split("。")[0]
    assert result.text.count(risk) == 1, result.text  # not repeated in the measure's lines
    assert not assess(result.text, "zh", []).repeated


def test_a_suggestion_asked_for_rules_and_risks_says_the_rule_first(ask):
    result = ask("Our county will close some village schools. What should the county consider about rules and risks?")
    assert result.route == "suggest"
    opening = _opening(result.text)
    assert "The main risk: " in opening, result.text
    # (a closure the county will make opens with what a closure requires: the rule, then the risk)
    assert opening.index("General Office") < opening.index("The main risk: "), opening


def test_a_suggestion_asked_what_other_places_did_gives_a_precedents_record(ask):
    result = ask("Rotated teachers lose heart in village schools. What have other counties done?")
    assert result.route == "suggest"
    opening = _opening(result.text)
    # the first measure with a precedent: that case's own documented measure, cited to the case
    assert re.search(r"\b(19|20)\d\d\b", opening) and ("Jiashan" in opening or "Chengdu" in opening
                                                      or "Ningbo" in opening), opening


def test_a_case_asked_who_is_responsible_opens_with_the_responsible_actor(ask):
    result = ask("宝清县那篇论文认为谁是城乡义务教育均衡的责任主体？")
    assert result.route == "case"
    assert "责任主体" in result.text.split("。")[0], result.text


def test_an_indicator_code_is_a_leak_next_to_chinese_characters_too():
    from assistant.answer.rules import ID_LEAK

    assert ID_LEAK.search("走教对提升R3的作用有限")
    assert ID_LEAK.search("lifts R3 a little")
    assert not ID_LEAK.search("a PR3 form") and not ID_LEAK.search("R30 square metres")


def test_a_duty_two_levels_share_names_both_in_the_first_sentence(ask):
    result = ask("农村教师的住房问题，法律上要求哪级政府来管？")
    assert "县、乡两级" in _first_sentence(result.text), result.text


def test_a_question_naming_two_levels_gets_a_duty_of_each_first(ask):
    result = ask("省级政府和县级政府在义务教育经费保障上各负什么责任？")
    assert result.route == "responsible"
    opening = _opening(result.text)
    assert "省" in opening and "县级人民政府" in opening, result.text
    assert_grounded(result)


def test_the_duty_naming_what_is_asked_leads_whatever_area_a_verb_suggests(ask):
    # "pay" reads as the teachers' area; the duty that names free textbooks is a funding duty
    result = ask("Who must pay for free textbooks in compulsory education?")
    assert "textbook" in _first_sentence(result.text).lower(), result.text


def test_an_actors_own_statutory_duties_are_listed_when_asked(ask):
    result = ask("县教育局在推进均衡发展上有哪些法定职责？")
    body = result.text.split("参考资料")[0]
    for article in ("第三十二条", "第二十六条", "第十三条"):
        assert article in body, result.text


@pytest.mark.parametrize("question,areas", [
    ("What are the seven areas of government responsibility for balanced urban-rural education?",
     ["planning", "funding", "teachers", "supervision"]),
    ("政府推进城乡义务教育均衡发展有哪些责任领域？", ["规划布局", "经费保障", "师资配置", "督导问责"]),
])
def test_a_question_for_the_responsibility_areas_is_answered_by_the_areas(ask, question, areas):
    result = ask(question)
    first = _first_sentence(result.text)
    assert all(area in first for area in areas), result.text
    assert_grounded(result)


def test_a_duty_naming_both_levels_asked_about_opens_their_division(ask):
    # Art. 7 states the division in one sentence: 省级人民政府统筹规划实施、县级人民政府为主管理
    result = ask("省级政府和县级政府在义务教育上的职责是怎么分工的？")
    first = _first_sentence(result.text)
    assert "第七条" in first and "省级" in first and "县级" in first, result.text


def test_a_duty_question_describing_a_problem_gets_the_duties_filed_under_it(ask):
    # the question's words ("rotates very few teachers") are not the duties' words; their
    # subjects name the problem (low_rotation)
    result = ask("Our county rotates very few teachers between schools. What are we required to do?")
    assert result.route == "responsible", result.route
    assert "10%" in result.text and "Art. 32" in result.text, result.text


def test_what_a_level_has_to_do_is_what_it_must_do_not_what_it_may(ask):
    result = ask("What does the provincial government have to do in funding compulsory education?")
    assert result.kind == "responsible"
    opening = _opening(result.text)
    assert "Art. 44" in opening and " may " not in opening


def test_a_duty_of_all_levels_leads_when_it_fits_the_question_best(ask):
    # Art. 31 binds "governments"; the county's own duties follow it
    result = ask("Our teachers earn less than civil servants. What does the county government "
                 "have to do?")
    assert "Art. 31" in _opening(result.text)


def test_a_term_given_in_both_languages_is_defined_from_the_glossary(ask):
    result = ask('What does "county manages, schools hire" (县管校聘) mean in practice?')
    assert result.route == "glossary"
    assert "system person" in _opening(result.text)


def test_a_named_cases_why_opens_with_its_problem_not_its_setting(ask):
    result = ask("Why did Pingyuan County's relocation of rural pupils to the county town cause "
                 "trouble?")
    opening = _opening(result.text)
    assert result.kind == "explain"
    # the national wave and the 2012 brake on it are its setting
    assert not any(year in opening for year in ("2001", "2012", "56.43"))


def test_a_statute_names_its_subject_through_its_filed_subjects(ask):
    # Art. 12 never says 随迁子女 / "migrant children"; the statement is filed under them (a
    # reader's question, session 7: the 85 % indicator of a standard led instead)
    result = ask("Who is responsible for making sure children of migrant workers get a public "
                 "school place?")
    assert "Art. 12" in _opening(result.text)


def test_of_equally_strong_articles_the_one_holding_more_of_the_question_leads(ask):
    # all the bureau's statutory duties are law articles and read alike to the embedding; the
    # one that holds 均衡 answers a question about balance (session 7's reader: Art. 26 led)
    result = ask("县教育局在促进学校之间均衡方面有哪些法定职责？")
    assert "第三十二条" in _opening(result.text)


def test_the_measure_for_the_indicator_named_is_among_the_first_two(ask):
    # (session 7's reader: none of the four measures added ground area)
    result = ask("Our county's primary-school CV for sports ground area per student is 0.62. What "
                 "should we do to get under the quality-balance threshold?")
    assert result.kind == "suggest"
    # (the opening says whether 0.62 passes; the measures follow as a numbered list)
    first_two = re.findall(r"^\d+\. \*\*(.+?)\*\*", result.text, re.MULTILINE)[:2]
    assert any("sports" in measure.lower() for measure in first_two)


def test_a_case_asked_how_and_with_what_effect_opens_with_what_it_did(ask):
    result = ask("嘉善县的教师交流是怎么做的？效果怎么样？")
    opening = _opening(result.text)
    assert "双向" in opening and "没有说明" not in opening


def test_a_finding_from_our_commentary_on_an_article_is_not_cited_as_the_article(ask):
    result = ask("Why do poor counties struggle to pay teachers as much as civil servants?")
    laws = [c for c in result.citations if c.doc_type == "law"]
    commentary = [c for c in laws if "our commentary" in c.locator]
    assert commentary, [c.locator for c in laws]
    assert all(c.article is None for c in commentary)


def test_a_case_comparison_does_not_open_mid_story(ask):
    # session 7's second reader: "第三阶段，杭州…" opened the answer
    result = ask("杭州的名校集团化办学和成都的城乡互动发展联盟有什么不同？")
    opening = _opening(result.text)
    assert "第三阶段" not in opening and "杭州" in opening


def test_a_thinly_documented_case_is_answered_briefly_without_the_template(ask):
    # Nanzhang: named in a thesis, no measure of its own on record
    result = ask("What has Nanzhang County done about balanced compulsory education?")
    assert result.route == "case"
    assert_grounded(result)
    first = _first_sentence(result.text)
    assert "Nanzhang" in first and "measure" in first.lower(), result.text
    body = result.text.split("**References**")[0]
    for header in ("**Problem**", "**Measures**", "**Documented results**", "**Context**"):
        assert header not in body, result.text
    assert "What the sources do not say" in body
    assert body.count("**Lessons**") <= 1 and not re.search(r"Article \d+", body), body


def test_a_thin_cases_lesson_is_not_the_national_rules_or_an_unconfirmed_description(ask):
    result = ask("宝清县在推进城乡义务教育均衡方面做了什么？")
    lessons = result.text.split("**经验启示**")[1].split("**")[0] if "**经验启示**" in result.text else ""
    assert "尚待核实" not in lessons and "据称" not in lessons, result.text


def test_a_documented_cases_record_keeps_its_sections(ask):
    result = ask("How did Hangzhou run schools in groups?")
    assert result.route == "case"
    assert "**Documented results**" in result.text or "**Context**" in result.text, result.text


def test_a_case_asked_what_it_did_and_what_came_of_it_opens_with_both(ask):
    result = ask("What did Cangyuan County do with its delivery classrooms, and what came of it?")
    assert result.route == "case"
    opening = _opening(result.text)
    assert "delivery classroom" in opening and "No results" in opening, opening
    # the Measures section does not hold the national framework in place of the county's measure
    measures = result.text.split("**Measures**")[1].split("**")[0] if "**Measures**" in result.text else ""
    assert "名师课堂" not in measures, result.text


def test_a_statement_that_records_an_absence_is_told_from_one_that_records_a_measure():
    from assistant.answer.shapes.case import _NOT_DOCUMENTED

    assert _NOT_DOCUMENTED.search("no Nanzhang measure is documented in our sources.")
    assert _NOT_DOCUMENTED.search("but the abstract neither lists the measures nor reports that")
    assert not _NOT_DOCUMENTED.search("Cangyuan County's documented measure is the dual-teacher "
                                      "delivery classroom")
    assert not _NOT_DOCUMENTED.search("The one documented measure in Pingyuan County is the "
                                      "relocation of rural junior-high pupils")


def test_a_case_with_one_documented_measure_keeps_its_record():
    from types import SimpleNamespace

    from assistant.answer.shapes.case import records_nothing, thinly_documented

    def found(text, aspect="measures"):
        return SimpleNamespace(statement=SimpleNamespace(text=text, aspect=aspect))

    one = found("The one documented measure in Pingyuan County is the relocation of pupils into the "
                "county town; how the county financed new places is not documented.")
    none = found("The thesis names Nanzhang County, but its abstract does not say which measures "
                 "it took, and no Nanzhang measure is documented in our sources.")
    assert not records_nothing(one) and records_nothing(none)
    assert not thinly_documented([one, none]) and thinly_documented([none])
    assert not thinly_documented([found("No results are documented.", "results")])
