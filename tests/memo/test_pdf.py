"""PDF export of memos, read back with Debian's poppler-utils: the Chinese memo from the command
line holds its text and references (unconfirmed 文号 marked) with the CJK font embedded; the
English one has its headings, tables, charts and page numbers; the first page is rendered to
docs/screenshots/memo-pdf-zh.png. Also ``assistant memo list|show|export`` over the draft store.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from tests_support import EXAMPLES

from assistant.cli import main
from assistant.config import get_settings
from assistant.memo import build_memo, load_template
from assistant.memo.collect import topic_memo
from assistant.memo.drafts import Viewer, open_draft_store
from assistant.memo.pdf import PdfFontMissing, find_fonts, memo_to_pdf

COUNTY_A = EXAMPLES / "illustrative-county-a.yaml"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: install Debian's poppler-utils "
                    "(scripts/run-tests.sh does this)")
    return found


def pdf_text(path: Path, title: str | None = None) -> str:
    """The PDF's text; with ``title``, without the running header and the page footers."""
    text = subprocess.run([_tool("pdftotext"), "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    if title is None:
        return text
    return "\n".join(line for line in text.splitlines()
                     if line.strip() != title and not re.fullmatch(
                         r"\s*(Page \d+ of \d+|第 \d+ 页，共 \d+ 页)\s*", line))


def squeeze(text: str) -> str:
    """Text without whitespace: PDF lines break inside Chinese phrases and long titles."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def cli_index(corpus_engine, corpus_settings, monkeypatch):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(corpus_settings.data_dir))
    get_settings.cache_clear()
    yield corpus_settings.data_dir
    get_settings.cache_clear()


def test_the_command_line_writes_a_chinese_pdf_with_the_memo_text_and_references(
        cli_index, capsys, tmp_path):
    out = tmp_path / "memo.pdf"
    assert main(["memo", str(COUNTY_A), "--out", str(out), "--lang", "zh"]) == 0
    printed = capsys.readouterr().out
    assert "memo written" in printed
    draft_id = re.search(r"saved as draft (\S+)\)", printed).group(1)
    memo = open_draft_store(cli_index).open(draft_id, Viewer(admin=True)).memo
    assert out.read_bytes().startswith(b"%PDF-")

    text = squeeze(pdf_text(out, memo.title))
    assert squeeze(memo.title) in text
    headings = load_template("zh")["headings"]
    for section in memo.sections:
        assert squeeze(section.heading) in text
    assert headings["references"] in text
    summary = memo.section("summary").body.split("\n\n")[-1]
    assert squeeze(summary.split("。")[0]) in text  # the memo's own Chinese text
    assert memo.references.items
    for ref in memo.references.items:
        assert squeeze(f"[{ref.number}]{ref.line('zh')}") in text
    unconfirmed = [r for r in memo.references.items if "doc_number" in r.unconfirmed]
    if unconfirmed:
        assert "文号待核实" in text
    assert "第 1 页，共" in pdf_text(out)  # page numbers

    fonts = subprocess.run([_tool("pdffonts"), str(out)], check=True, capture_output=True,
                           text=True).stdout
    cjk = [line for line in fonts.splitlines() if "WenQuanYi" in line]
    assert cjk and " yes yes yes " in cjk[0]  # embedded, subset, with a Unicode map

    # page 1 as the README shows it
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / "memo-pdf-zh"
    subprocess.run([_tool("pdftoppm"), "-png", "-r", "80", "-f", "1", "-l", "1",
                    "-singlefile", str(out), str(target)], check=True)
    png = target.with_suffix(".png")
    assert png.stat().st_size > 20_000
    from PIL import Image

    with Image.open(png) as image:
        assert image.width < image.height  # a portrait A4 page
        assert len(image.convert("L").getcolors(256 * 256) or []) > 50  # text, not a blank page

    # the stored draft exports to the same PDF text
    again = tmp_path / "again.pdf"
    assert main(["memo", "export", draft_id, "--out", str(again)]) == 0
    assert squeeze(pdf_text(again, memo.title)) == text


def test_an_english_pdf_has_headings_tables_charts_references_and_page_numbers(
        example_advice, corpus_engine, tmp_path):
    from tests_support import EXAMPLE_PROFILES

    advice = example_advice[EXAMPLE_PROFILES[0].name]
    memo = build_memo(advice.diagnosis, advice.suggestions, corpus_engine, "en",
                      date="2026-01-15")
    out = tmp_path / "memo.pdf"
    memo_to_pdf(memo, out)
    raw = pdf_text(out)
    text = squeeze(pdf_text(out, memo.title))
    for section in memo.sections:
        assert squeeze(section.heading) in text
    columns = load_template("en")["table_columns"]["resource"]
    assert squeeze("".join(columns[:3])) in text  # the diagnosis table's header row
    for ref in memo.references.items:
        assert squeeze(f"[{ref.number}]{ref.line('en')}") in text
    pages = int(re.search(r"Page 1 of (\d+)", raw).group(1))
    assert pages > 2 and f"Page {pages} of {pages}" in raw
    images = subprocess.run([_tool("pdfimages"), "-list", str(out)], check=True,
                            capture_output=True, text=True).stdout.splitlines()[2:]
    assert len([line for line in images if " image " in line]) == len(memo.charts) > 0
    assert "**" not in raw and "[[" not in raw  # Markdown markers became formatting


def test_a_topic_memo_prints_without_a_district(tmp_path):
    memo = topic_memo("乡村教师交流轮岗", "zh")
    memo.edit_section("findings", "### 发现\n\n- **工资**：不低于公务员。\n- 交流--轮岗__比例")
    text = squeeze(pdf_text(Path(memo_to_pdf(memo, tmp_path / "t.pdf") and tmp_path / "t.pdf")))
    assert squeeze(memo.title) in text
    assert "工资：不低于公务员。" in text
    assert "交流--轮岗__比例" in text  # fpdf2's own markers are printed as they are


def test_missing_fonts_are_named_with_the_package_to_install(monkeypatch, tmp_path, capsys,
                                                            cli_index):
    from assistant.memo import pdf

    monkeypatch.setattr(pdf, "FONT_DIRS", (tmp_path,))
    monkeypatch.delenv(pdf.CJK_FONT_ENV, raising=False)
    with pytest.raises(PdfFontMissing, match="fonts-dejavu-core and fonts-wqy-microhei"):
        find_fonts()
    assert main(["memo", str(COUNTY_A), "--out", str(tmp_path / "m.pdf"), "--no-save"]) == 1
    assert "fonts-wqy-microhei" in capsys.readouterr().err
    assert not (tmp_path / "m.pdf").exists()


def test_memo_list_show_and_export_reach_the_draft_store(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    try:
        store = open_draft_store(tmp_path / "data")
        alice = store.create(topic_memo("rotation"), Viewer("alice"))
        memo = topic_memo("布局", "zh")
        memo.edit_section("summary", "县级政府统筹布局。")
        other = store.create(memo, Viewer("bob"))
        (tmp_path / "data" / "drafts" / "20200101-bad").mkdir()
        (tmp_path / "data" / "drafts" / "20200101-bad" / "v000001.json").write_text("{")

        assert main(["memo", "list", "--json"]) == 0
        captured = capsys.readouterr()
        listed = json.loads(captured.out)
        assert {d["id"] for d in listed["drafts"]} == {alice.id, other.id}
        assert "20200101-bad" in captured.err and listed["damaged"]
        assert main(["memo", "list", "--owner", "bob"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert len(lines) == 1 and lines[0].startswith(other.id)

        assert main(["memo", "show", other.id]) == 0
        assert "县级政府统筹布局。" in capsys.readouterr().out
        assert main(["memo", "show", other.id, "--version", "1", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["draft"]["owner"] == "bob"

        for suffix in (".pdf", ".docx", ".md"):
            out = tmp_path / f"out{suffix}"
            assert main(["memo", "export", other.id, "--out", str(out)]) == 0
            assert out.stat().st_size > 0
        assert "县级政府统筹布局。" in squeeze(pdf_text(tmp_path / "out.pdf"))

        assert main(["memo", "show", "no-such-draft"]) == 2
        assert "no draft" in capsys.readouterr().err
        assert main(["memo", "export", other.id]) == 2  # --out missing
        assert main(["memo", "export", other.id, "--out", str(tmp_path / "x.odt")]) == 2
    finally:
        get_settings.cache_clear()
