"""The editor's remarks on how a fact was checked are not shown; the fact and any hedge that it is
unconfirmed stay (assistant.answer.editor_voice, applied to every answer by restated.once)."""

from assistant.answer.editor_voice import closed, plain, remarks
from assistant.answer.restated import once
from assistant.answer.types import Claim


def test_a_bracketed_remark_on_how_a_figure_was_checked_goes():
    assert plain("教学点按50人拨付经费（这条规则已在另一份通知中核实）。") == "教学点按50人拨付经费。"
    assert plain("县城教师补贴为300元（经某省实施文件核实），此后提高。") == "县城教师补贴为300元，此后提高。"
    assert plain("Each boarder adds ¥150 a year (confirmed through a provincial circular).") == \
        "Each boarder adds ¥150 a year."


def test_a_trailing_clause_or_predicate_saying_it_was_verified_goes():
    assert plain("小学每生每年500元；这些数字经某市的文件核实。") == "小学每生每年500元。"
    assert plain("寄宿生比例不低于70%（含走读）也已经核实。") == "寄宿生比例不低于70%（含走读）。"
    assert plain("Primary pupils get ¥500 a year; these figures are verified through a city circular.") == \
        "Primary pupils get ¥500 a year."


def test_a_hedge_that_a_fact_is_not_confirmed_stays():
    for text in ("据称比例为9:1（尚待核实）。", "The ratio is 9:1 (not verified in the sources).",
                 "该文件的文号在所读资料中尚未得到证实。"):
        assert plain(text) == text
        assert not remarks(text)


def test_a_chinese_sentence_is_closed_before_its_marker():
    assert closed("学校按100人核定 [1] 另加200元。 [2]") == "学校按100人核定。 [1] 另加200元。 [2]"
    assert closed("学校按100人核定 [1]\n\n另加200元 [2]") == "学校按100人核定。 [1]\n\n另加200元。 [2]"
    assert closed("- 依据：第十五条 [1]") == "- 依据：第十五条 [1]"  # a list line is the shape's
    assert closed("Schools get 100 [1] and more. [2]") == "Schools get 100 [1] and more. [2]"


def test_an_answer_loses_the_remark_and_its_claim_still_matches_the_text():
    body = "村小按100人核定经费（同样的规则已在某意见中核实） [1] 寄宿生另加200元。 [2]"
    claims = [Claim("村小按100人核定经费（同样的规则已在某意见中核实）", [1], "quote"),
              Claim("寄宿生另加200元。", [2], "quote")]
    text, kept = once(body, claims)
    assert "核实" not in text
    assert text.startswith("村小按100人核定经费。 [1]")
    assert all(f"{c.text} [{c.markers[0]}]" in text for c in kept)
    # a quote shortened is no longer verbatim: its figures are checked, not its wording
    assert kept[0].kind == "statement" and kept[1].kind == "quote"
