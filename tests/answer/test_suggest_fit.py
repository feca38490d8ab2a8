"""Suggest answers fitted to the asker's situation: each stated problem gets a measure, in the
question's order; a stated constraint ranks measures that respect it first and drops those that
go against it; a problem no measure addresses is said to have none."""

from __future__ import annotations

import re

from assistant.advisor.measures import CONSTRAINT_FIT, MeasureSpec, load_measures, rank_by_weights
from assistant.answer.intent import classify, constraints_in, problems_in_order

from .answer_support import assert_grounded


def _spec(id_: str, addresses=("high_cv",), suits=(), unsuited=()) -> MeasureSpec:
    return MeasureSpec(id=id_, name=id_, name_zh=id_, area="funding", addresses=addresses,
                       description="Something to do.", description_zh="", policy_basis=("x",),
                       suits=suits, unsuited=unsuited)


def test_a_stated_constraint_drops_unsuited_measures_and_ranks_suited_ones_up():
    specs = [_spec("spend-more", unsuited=("money_tight",)), _spec("plain"),
             _spec("reallocate", suits=("money_tight",))]
    weights = {"high_cv": 2.0}
    # without the constraint: catalogue order among equals; the advisor's ranking is unchanged
    assert [s.id for s, _, _ in rank_by_weights(weights, specs)] == \
        ["spend-more", "plain", "reallocate"]
    ranked = rank_by_weights(weights, specs, constraints=("money_tight",))
    assert [s.id for s, _, _ in ranked] == ["reallocate", "plain"]
    assert ranked[0][1] == 2.0 + CONSTRAINT_FIT


def test_constraints_and_problems_are_read_from_the_question_in_its_order():
    assert constraints_in("我县财政比较紧张，城乡学校经费差距大，怎么办？") == ("money_tight",)
    assert constraints_in("Villagers oppose the closure of their school. What should we do?") \
        == ("keep_schools_open",)
    assert constraints_in("How should the county close village schools?") == ()
    question = "村小教师老化严重，而且教师编制紧张，怎么办？"
    problems = classify(question).problems
    assert problems_in_order(question, problems)[:2] == ("ageing_teachers", "teacher_posts_tight")


def test_the_catalogue_marks_the_measures_a_tight_budget_or_kept_schools_rule_out():
    specs = {s.id: s for s in load_measures()}
    assert "money_tight" in specs["per-pupil-funds-above-benchmark"].unsuited
    assert "keep_schools_open" in specs["managed-junior-consolidation"].unsuited
    assert "keep_schools_open" in specs["keep-necessary-rural-schools"].suits


def _shown(text: str) -> list[str]:
    return re.findall(r"^\d\. \*\*(.+?)\*\*", text, re.MULTILINE)


def _specs_shown(text: str, language: str) -> list[MeasureSpec]:
    by_title = {s.title(language): s for s in load_measures()}
    return [by_title[name] for name in _shown(text)]


def test_every_stated_problem_gets_a_measure_in_the_order_asked(ask):
    result = ask("村小教师年龄偏大、青黄不接，县里教师编制又不够，应该怎么办？")
    assert result.route == "suggest"
    assert_grounded(result)
    shown = _specs_shown(result.text, "zh")
    ageing = next(n for n, s in enumerate(shown) if "ageing_teachers" in s.addresses)
    posts = next(n for n, s in enumerate(shown) if "teacher_posts_tight" in s.addresses)
    assert ageing == 0 and posts <= 1, [s.id for s in shown]
    assert "浙江" not in result.text.split("\n\n")[0]  # no province's own law for an unnamed place


def test_a_county_short_of_money_is_not_told_to_spend_above_the_benchmark(ask):
    result = ask("Our county has little money, and village schools get far less per pupil than "
                 "town schools. How can we narrow the gap?")
    assert result.route == "suggest"
    shown = _specs_shown(result.text, "en")
    assert shown and "money_tight" in shown[0].suits, [s.id for s in shown]
    assert all("money_tight" not in s.unsuited for s in shown)


def test_parents_opposing_closure_get_no_consolidation_measure(ask):
    result = ask("Parents are against merging our shrinking village schools. What should the "
                 "county do?")
    assert result.route == "suggest"
    shown = _specs_shown(result.text, "en")
    assert shown and "keep_schools_open" in shown[0].suits, [s.id for s in shown]
    assert all("keep_schools_open" not in s.unsuited for s in shown)


def test_a_problem_no_measure_addresses_is_said_to_have_none(ask):
    result = ask("我县寄宿制学校缺心理健康教师，该怎么办？")
    assert result.route == "suggest"
    opening = result.text.split("\n\n")[0]
    assert "没有提出针对心理健康教育教师配备的措施" in opening, opening


def test_words_that_state_a_constraint_are_not_a_problem_asked_about():
    from assistant.answer.intent import stated_problems

    # "财政困难" is the constraint; the problem asked about is the missing PE/arts teachers
    question = "我县财政困难，村小的音体美老师严重不足，有什么低成本的办法？"
    assert "low_rural_funding_share" not in stated_problems(question)
    assert "pe_arts_teachers_per_100" in stated_problems(question)
    # a funding gap named outside the constraint is still a problem
    assert "low_rural_funding_share" in stated_problems("县财政紧张，城乡生均经费差距大，怎么办？")
    assert constraints_in("Villages refuse to let their last primary schools close. What now?") \
        == ("keep_schools_open",)
