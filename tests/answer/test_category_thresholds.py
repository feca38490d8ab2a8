"""Thresholds that define categories (large and super-large classes): every category a question
names is shown, and each reads as what it defines ("56 or more = large class")."""

from __future__ import annotations

from assistant.answer.standards_table import named_indicators


class _Indicator:
    def __init__(self, ident: str, name: str, name_zh: str):
        self.id, self.name, self.name_zh = ident, name, name_zh


LARGE = _Indicator("large", "Large class threshold (classes of this size or more)", "大班额（56人及以上）")
SUPER = _Indicator("super", "Super-large class threshold (classes of this size or more)",
                   "超大班额（66人及以上）")


def test_a_longer_name_hides_the_shorter_one_it_holds():
    both = [LARGE, SUPER]
    assert named_indicators('What counts as a "large class" and a "super-large class"?', both) \
        == {"large", "super"}
    assert named_indicators("What is a super-large class?", both) == {"super"}
    assert named_indicators("超大班额是多少人？", both) == {"super"}
    assert named_indicators("大班额和超大班额分别是多少人？", both) == {"large", "super"}


def test_both_categories_named_are_given_as_what_they_define(ask):
    result = ask('How many pupils in a class count as a "large class" and a "super-large class"?')
    first = result.text.split("\n\n")[0]
    assert "56 or more" in first and "66 or more" in first, result.text
    assert "below 66" not in result.text, result.text
    result = ask("大班额和超大班额分别是多少人？")
    first = result.text.split("\n\n")[0]
    assert "56人及以上为大班额" in first and "66人及以上为超大班额" in first, result.text


def test_the_definition_is_said_once(ask):
    # the lead says what each threshold defines: the table's title and the source sentence
    # that says the same are not said again around it
    from assistant.evaluation.readability import repeated

    result = ask("一个班多少人算大班额？超过多少人算超大班额？")
    assert result.route == "standards-table"
    assert repeated(result.text) == [], result.text
