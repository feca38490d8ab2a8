"""Chinese text as shown has no stray ASCII space. The rule (Chinese typesetting as our answers
use it): a space may stand only between two Latin letters, digits or Latin punctuation ("PISA
2018", "Art. 32"); never next to a Chinese character or Chinese (full-width) punctuation — "县 级",
"。 下一句" and "按 2016年" are all wrong. YAML folding puts a space at each line break of a
``>-`` block; loading takes it out (``statements.join_chinese``, ``measures._text``), and this
test holds every Chinese text a reader sees to the rule."""

from __future__ import annotations

import re

from assistant.advisor.measures import load_measures
from assistant.config import DEFAULT_CORPUS_DIR
from assistant.knowledge.statements import load_statements

_CHINESE = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
STRAY = re.compile(rf"(?<={_CHINESE}) +| +(?={_CHINESE})")


def _stray(text: str) -> list[str]:
    return [text[max(0, m.start() - 6):m.end() + 6] for m in STRAY.finditer(text)]


def test_the_rule_finds_a_stray_space_and_allows_one_between_latin_words():
    assert _stray("县 级人民政府")
    assert _stray("保障机制。 因此")
    assert _stray("按 2016年的基准定额")
    assert not _stray("PISA 2018的结果；Art. 32规定")


def test_no_chinese_statement_has_a_stray_space():
    statements, problems = load_statements(DEFAULT_CORPUS_DIR)
    assert not problems
    stray = {s.id: _stray(s.text_zh) for s in statements if _stray(s.text_zh)}
    assert not stray, stray


def test_no_chinese_measure_text_has_a_stray_space():
    measures = load_measures(DEFAULT_CORPUS_DIR / "measures.yaml")
    stray = {m.id: _stray(m.description_zh) for m in measures if _stray(m.description_zh)}
    assert not stray, stray
