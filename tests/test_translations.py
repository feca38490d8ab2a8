"""The one translation table: both catalogues hold the same keys with the same placeholders, and
``t()`` reads them (with English where a language leaves a text out)."""

from __future__ import annotations

import re

import pytest

from assistant import translations
from assistant.translations import catalogue, t

PLACEHOLDER = re.compile(r"{(\w+)}")
ONE_LANGUAGE = {"app_field"}  # the advisor form's Chinese field names (English is the form's own)


def _flat(tree, prefix=""):
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from _flat(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(tree, list):
        for number, value in enumerate(tree):
            yield from _flat(value, f"{prefix}[{number}]")
    else:
        yield prefix, "" if tree is None else str(tree)


def test_both_catalogues_have_the_same_keys_and_no_placeholder_the_code_does_not_fill():
    english = dict(_flat({k: v for k, v in catalogue("en").items() if k not in ONE_LANGUAGE}))
    chinese = dict(_flat({k: v for k, v in catalogue("zh").items() if k not in ONE_LANGUAGE}))
    assert sorted(set(english) ^ set(chinese)) == []
    for key, text in english.items():
        # a translation may leave a value out ("（单位）" is not said in Chinese), never add one
        assert set(PLACEHOLDER.findall(chinese[key])) <= set(PLACEHOLDER.findall(text)), key


def test_t_fills_placeholders_and_falls_back_to_english():
    assert t("answer.measures_first_step", "zh", name="甲") == "首先：甲；其余措施依次列在下面。"
    assert t("answer.english_fallback", "en") == ""   # left empty in English on purpose
    assert t("flag.low_rotation", "fr") == t("flag.low_rotation", "en")
    assert translations.label("unit", "m² per pupil", "zh") == "平方米/生"
    assert translations.label("unit", "an unknown unit", "zh") == "an unknown unit"
    with pytest.raises(KeyError):
        t("app.no_such_label", "en")


def test_every_flag_and_unit_the_advisor_uses_is_in_chinese(standards):
    from assistant.advisor.diagnosis import FLAG_LABELS

    units = {i.unit for s in standards for i in s.indicators.values()}
    missing = sorted(u for u in units if translations.lookup(f"unit.{u}", "zh") in (None, u)
                     and re.search(r"[A-Za-z]", u))
    assert missing == []
    assert all(re.search(r"[\u4e00-\u9fff]", labels["zh"]) for labels in FLAG_LABELS.values())
