"""Who-questions open with the actor asked about (the main level, the supervising body, a named
level's role or its own steps, the duty on the very thing asked about) and say what follows a
failure when the question asks."""

from __future__ import annotations

from .answer_support import assert_grounded


def _opening(text: str) -> str:
    return text.split("\n\n")[0]


def test_who_mainly_of_three_levels_opens_with_the_main_level_and_its_article(ask):
    result = ask("Who is mainly responsible for running compulsory education in China — the county, "
                 "the province or the central government?")
    assert_grounded(result)
    first = _opening(result.text).split(". [")[0]
    assert first.startswith("County governments") and "Art. 7" in first, result.text


def test_who_mainly_in_chinese_opens_with_the_county_and_the_division(ask):
    result = ask("义务教育主要由哪一级政府负责管理——县、省还是中央？")
    assert_grounded(result)
    opening = _opening(result.text)
    assert opening.startswith("县级人民政府") and "第七条" in opening, result.text
    assert "统筹规划实施" in opening, result.text


def test_who_holds_a_county_accountable_names_the_supervisor_then_the_sanctions(ask):
    result = ask("If a county fails to meet its balanced-development targets, who holds it "
                 "accountable and what consequences can follow?")
    assert_grounded(result)
    opening = _opening(result.text)
    assert "supervision" in opening and "Art. 8" in opening, result.text
    sanctions = result.text.split("sanctions):")[1]
    assert sum(f"Art. {n})" in sanctions or f"Art. {n}," in sanctions for n in (9, 51, 52, 53)) >= 2, \
        result.text


def test_the_duty_on_the_thing_asked_about_leads(ask):
    housing = ask("A new housing estate in our county town was finished without a primary school. "
                  "Whose duty was it to plan the school?")
    assert "Art. 15" in _opening(housing.text), housing.text
    rotation = ask("Who is responsible for rotating principals and teachers between schools inside "
                   "a county, and on what legal basis?")
    assert "rotation" in _opening(rotation.text) and "Art. 32" in _opening(rotation.text), \
        rotation.text


def test_a_levels_responsibilities_asked_broadly_open_with_its_role_in_the_division(ask):
    result = ask("在推进城乡义务教育均衡发展中，省级人民政府承担哪些责任？")
    assert_grounded(result)
    opening = _opening(result.text)
    assert "统筹规划实施" in opening and "第七条" in opening, result.text
    # a question on one area keeps that area's duty first (Art. 44 for funding)
    funding = ask("What is the province legally responsible for when poorer counties cannot fund "
                  "their schools adequately?")
    assert "Art. 44" in _opening(funding.text), funding.text


def test_a_named_level_asked_about_a_procedure_gets_its_own_steps(ask):
    result = ask("作为省教育厅，我们在县域义务教育督导评估和认定中具体要承担哪些职责？")
    assert_grounded(result)
    opening = _opening(result.text)
    assert opening.startswith("省级") and "省级评估" in opening, result.text


def test_who_pursues_a_county_in_chinese_names_the_higher_government_and_the_sanction(ask):
    # "由谁来追究" asks who acts on the failure: Art. 52 names the higher government and says
    # what it does (the supervisor only finds the failure; see test_who_sanctions.py)
    result = ask("县政府没有按规定均衡安排义务教育经费，由谁来追究？会受到什么处理？")
    assert_grounded(result)
    opening = _opening(result.text)
    assert "第五十二条" in opening and "上级人民政府" in opening and "责令限期改正" in opening, \
        result.text


def test_who_mainly_among_levels_named_shortly_still_gets_the_division(ask):
    # "the centre" is the central level; the division answers even when another statement
    # shares more of the question's words
    result = ask("Who mainly runs compulsory education — the county, the province or the centre?")
    assert_grounded(result)
    first = _opening(result.text).split(". [")[0]
    assert first.startswith("County governments") and "Art. 7" in first, result.text
