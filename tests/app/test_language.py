"""The English / 中文 switch, and that every label exists in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.app.i18n import LABELS

APP_DIR = Path(__file__).resolve().parents[2] / "assistant" / "app"
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_switching_to_chinese_relabels_the_shell_and_the_pages(app):
    at = app.run()
    at.radio(key="lang").set_value("zh").run()
    assert not at.exception
    assert at.title[0].value == LABELS["app_title"][1]
    assert any(info.value == LABELS["mode_offline"][1] for info in at.info)
    assert at.chat_input[0].proto.placeholder == LABELS["ask_placeholder"][1]
    assert at.expander[0].label == LABELS["examples"][1]
    # Chinese example questions come first
    first_example = next(b for b in at.button if b.key and b.key.startswith("example-"))
    assert CJK.search(first_example.label)

    at.switch_page("views/library.py").run()
    assert not at.exception
    headings = [s.value for s in at.subheader]
    assert LABELS["library_search"][1] in headings and LABELS["library_documents"][1] in headings
    table = at.dataframe[0].value
    assert list(table.columns)[:3] == [LABELS["col_id"][1], LABELS["col_title"][1],
                                       LABELS["col_type"][1]]
    assert "法律" in set(table[LABELS["col_type"][1]])

    at.switch_page("views/cases.py").run()
    assert [s.value for s in at.subheader][:1] == [LABELS["cases_read"][1]]
    assert all(CJK.search(str(title)) for title in at.dataframe[0].value[LABELS["col_title"][1]])

    at.radio(key="lang").set_value("en").run()
    assert at.subheader[0].value == LABELS["cases_read"][0]


def test_every_label_used_by_the_app_exists_in_both_languages():
    used: set[str] = set()
    for path in APP_DIR.rglob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+)["']""", path.read_text(encoding="utf-8")))
        used |= {f"role_{r}" for r in ("admin", "user")} if "role_" in path.read_text() else set()
    assert used, "no labels found: the pattern no longer matches the code"
    missing = sorted(used - set(LABELS))
    assert not missing, f"labels used but not defined: {missing}"
    for key, (english, chinese) in LABELS.items():
        assert english.strip() and chinese.strip(), key
        assert CJK.search(chinese), f"{key}: the Chinese label has no Chinese"
        placeholders = lambda s: sorted(re.findall(r"{(\\w+)}", s))
        assert placeholders(english) == placeholders(chinese), key
