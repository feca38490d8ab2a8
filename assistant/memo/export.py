"""Export a memo to Markdown or to Word (python-docx: real headings, tables, embedded charts and a
reference list; Chinese text gets an East Asian font so that Word renders it)."""

from __future__ import annotations

import io
import re
from pathlib import Path

from assistant.memo.blocks import body_blocks
from assistant.memo.model import Memo, MemoTable

# Fonts named in the document; Word substitutes when one is missing, but a named East Asian font
# is what makes it pick a CJK face at all.
LATIN_FONT = "Calibri"
CJK_BODY_FONT = "SimSun"        # 宋体
CJK_HEADING_FONT = "SimHei"     # 黑体
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<!\*)\*(?!\*)(.+?)(?<!\*)\*(?!\*)")


def memo_labels(memo: Memo) -> dict:
    """The memo's fixed words (To, Date, From, Figure…) in its language."""
    from assistant.memo.build import load_template

    return load_template(memo.lang)["labels"]


# -- Markdown ----------------------------------------------------------------------------------

def memo_to_markdown(memo: Memo, image_dir: Path | None = None) -> str:
    """The memo as Markdown. Charts are written as PNG files into ``image_dir`` and linked when
    it is given; otherwise they are left out."""
    labels = memo_labels(memo)
    out = [f"# {memo.title}", "",
           f"**{labels['to']}:** {memo.addressee}  ",
           f"**{labels['date']}:** {memo.date}  ",
           f"**{labels['from']}:** {memo.author}", ""]
    for section in memo.sections:
        out += [f"## {section.heading}", ""]
        for kind, item in section.blocks():
            if kind == "text":
                out += [item, ""]
            elif kind == "table":
                out += _markdown_table(item) + [""]
            elif image_dir is not None and item in memo.charts:
                image_dir.mkdir(parents=True, exist_ok=True)
                (image_dir / f"{item}.png").write_bytes(memo.charts[item])
                caption = memo.chart_captions.get(item, item)
                out += [f"![{caption}]({image_dir.name}/{item}.png)", ""]
    out += [f"## {memo.reference_heading}", ""]
    out += [f"{ref.number}. {ref.line(memo.lang)}" for ref in memo.references.items]
    return "\n".join(out).rstrip() + "\n"


def _markdown_table(table: MemoTable) -> list[str]:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"

    caption = [f"*{table.caption}*", ""] if table.caption else []  # an answer's table has none
    return caption + [row(table.columns), "|" + "|".join("---" for _ in table.columns) + "|"] \
        + [row(r) for r in table.rows]


# -- Word --------------------------------------------------------------------------------------

def memo_to_docx(memo: Memo, path: Path | None = None) -> bytes:
    """The memo as a .docx file (bytes); also written to ``path`` when given."""
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    _set_fonts(doc, memo.lang)
    doc.core_properties.title = memo.title
    doc.core_properties.author = memo.author
    labels = memo_labels(memo)
    doc.add_heading(memo.title, level=0)
    for key, value in (("to", memo.addressee), ("date", memo.date), ("from", memo.author)):
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{labels[key]}: ").bold = True
        paragraph.add_run(value)
    figure = 0
    for section in memo.sections:
        doc.add_heading(section.heading, level=1)
        for kind, item in section.blocks():
            if kind == "text":
                _add_body(doc, item)
            elif kind == "table":
                _add_table(doc, item)
            elif item in memo.charts:
                figure += 1
                doc.add_picture(io.BytesIO(memo.charts[item]), width=Cm(16))
                caption = doc.add_paragraph(f"{labels['figure']} {figure}. "
                                            f"{memo.chart_captions.get(item, item)}")
                caption.runs[0].italic = True
    doc.add_heading(memo.reference_heading, level=1)
    for ref in memo.references.items:
        paragraph = doc.add_paragraph(f"[{ref.number}] {ref.line(memo.lang)}")
        paragraph.paragraph_format.left_indent = Cm(0.8)
        paragraph.paragraph_format.first_line_indent = Cm(-0.8)
        paragraph.paragraph_format.space_after = Pt(3)
    buffer = io.BytesIO()
    doc.save(buffer)
    data = buffer.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data


def _set_fonts(doc, lang: str) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet",
                 "Caption"):
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        style.font.name = LATIN_FONT
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.insert(0, fonts)
        # A theme font attribute overrides an explicit one, so drop it.
        for attribute in ("w:eastAsiaTheme", "w:asciiTheme", "w:hAnsiTheme"):
            fonts.attrib.pop(qn(attribute), None)
        cjk = CJK_BODY_FONT if name in ("Normal", "List Bullet", "Caption") else CJK_HEADING_FONT
        fonts.set(qn("w:eastAsia"), cjk)
        fonts.set(qn("w:ascii"), LATIN_FONT)
        fonts.set(qn("w:hAnsi"), LATIN_FONT)
        if lang == "zh":
            language = rpr.find(qn("w:lang"))
            if language is None:
                language = rpr.makeelement(qn("w:lang"), {})
                rpr.append(language)
            language.set(qn("w:eastAsia"), "zh-CN")
    doc.styles["Normal"].font.size = Pt(11)


def _add_body(doc, body: str) -> None:
    """Paragraphs, ``- `` bullets and ``### `` subheadings of the Markdown subset."""
    for kind, lines in body_blocks(body):
        if kind == "heading":
            doc.add_heading(lines[0], level=2)
        elif kind == "bullet":
            _add_runs(doc.add_paragraph(style="List Bullet"), lines[0])
        else:
            _add_runs(doc.add_paragraph(), " ".join(lines))


def _add_runs(paragraph, text: str) -> None:
    """Text with ``**bold**`` and ``*italic*`` spans as formatted runs."""
    position = 0
    spans = sorted([(m.start(), m.end(), m.group(1), "bold") for m in _BOLD.finditer(text)]
                   + [(m.start(), m.end(), m.group(1), "italic") for m in _ITALIC.finditer(text)
                      if not any(b.start() <= m.start() < b.end() for b in _BOLD.finditer(text))])
    for start, end, inner, kind in spans:
        if start < position:
            continue
        if start > position:
            paragraph.add_run(text[position:start])
        run = paragraph.add_run(inner)
        setattr(run, kind, True)
        position = end
    if position < len(text):
        paragraph.add_run(text[position:])


def _add_table(doc, table: MemoTable) -> None:
    if table.caption:
        caption = doc.add_paragraph()
        caption.add_run(table.caption).italic = True
    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    for cell, title in zip(grid.rows[0].cells, table.columns):
        cell.text = ""
        cell.paragraphs[0].add_run(str(title)).bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = str(value)
    doc.add_paragraph()
