"""Export a memo to PDF (fpdf2) from the same model as DOCX and Markdown: title block, numbered
headings, the section text (paragraphs, bullets, subheadings, bold), tables, charts with
captions, the reference list (unconfirmed 文号 marked) and page numbers.

Fonts are embedded (subset): DejaVu Serif for Latin text and WenQuanYi Micro Hei for Chinese,
from Debian's fonts-dejavu-core and fonts-wqy-microhei (scripts/setup.sh installs them). Every
glyph DejaVu lacks (all of CJK) falls back to the Chinese font, so English and Chinese memos,
and Chinese titles inside English ones, print alike.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from assistant.language import has_cjk
from assistant.memo.blocks import body_blocks
from assistant.memo.model import Memo, MemoTable

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/wqy"),
             Path("/usr/share/fonts/truetype"), Path("/usr/share/fonts"))
LATIN_FILES = {"": "DejaVuSerif.ttf", "B": "DejaVuSerif-Bold.ttf", "I": "DejaVuSerif-Italic.ttf",
               "BI": "DejaVuSerif-BoldItalic.ttf"}
CJK_FILES = ("wqy-microhei.ttc", "wqy-zenhei.ttc")
CJK_FONT_ENV = "ASSISTANT_PDF_CJK_FONT"   # a .ttf/.ttc with Chinese glyphs, to override
PAGE_LABEL = {"en": "Page {n} of {total}", "zh": "第 {n} 页，共 {total} 页"}
ACCENT = (31, 73, 125)     # headings and rules: a dark blue
MUTED = (110, 110, 110)
BODY_PT, SMALL_PT = 10.5, 8.5


class PdfFontMissing(RuntimeError):
    """The fonts PDF export embeds are not installed; the message says what to install."""


@dataclass(frozen=True)
class PdfFonts:
    latin: dict[str, Path]   # style ("", "B", "I", "BI") → file
    cjk: Path


def find_fonts() -> PdfFonts:
    """The installed fonts to embed, or ``PdfFontMissing`` naming the Debian packages."""
    latin: dict[str, Path] = {}
    for style, name in LATIN_FILES.items():
        found = _find(name)
        if found is not None:
            latin[style] = found
    override = os.environ.get(CJK_FONT_ENV)
    cjk = Path(override) if override and Path(override).is_file() else None
    cjk = cjk or next((p for p in map(_find, CJK_FILES) if p is not None), None)
    if "" not in latin or cjk is None:
        missing = [name for name, ok in (("fonts-dejavu-core", "" in latin),
                                         ("fonts-wqy-microhei", cjk is not None)) if not ok]
        raise PdfFontMissing(
            "PDF export embeds DejaVu Serif and WenQuanYi Micro Hei, which are not installed: "
            f"install Debian's {' and '.join(missing)} (scripts/setup.sh does; or set "
            f"{CJK_FONT_ENV} to a font file with Chinese glyphs)")
    latin.setdefault("B", latin[""])
    latin.setdefault("I", latin[""])
    latin.setdefault("BI", latin["B"])
    return PdfFonts(latin, cjk)


def _find(name: str) -> Path | None:
    for folder in FONT_DIRS:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def memo_to_pdf(memo: Memo, path: Path | None = None) -> bytes:
    """The memo as PDF bytes; also written to ``path`` when given."""
    from assistant.memo.export import memo_labels

    document = _MemoPdf(memo, find_fonts())
    labels = memo_labels(memo)
    document.title_block(labels)
    figure = 0
    for section in memo.sections:
        document.heading(section.heading, level=1)
        for kind, item in section.blocks():
            if kind == "text":
                document.body(item)
            elif kind == "table":
                document.table_block(item)
            elif item in memo.charts:
                figure += 1
                caption = f"{labels['figure']} {figure}. {memo.chart_captions.get(item, item)}"
                document.chart(memo.charts[item], caption)
    document.references(memo)
    data = bytes(document.output())
    if path is not None:
        Path(path).write_bytes(data)
    return data


class _MemoPdf(FPDF):
    def __init__(self, memo: Memo, fonts: PdfFonts) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.memo = memo
        self.zh = memo.lang == "zh"
        self.set_margins(22, 20, 22)
        self.set_auto_page_break(True, margin=20)
        for style, file in fonts.latin.items():
            self.add_font("memo", style, str(file))
        self.add_font("cjk", "", str(fonts.cjk))
        self.set_fallback_fonts(["cjk"], exact_match=False)
        self.set_title(memo.title)
        self.set_author(memo.author)
        self.set_lang("zh-CN" if self.zh else "en")
        self.set_creator("EduBalance Advisor")
        self.add_page()
        self.set_font("memo", size=BODY_PT)

    @property
    def wrap(self) -> str:
        # Chinese has no spaces to break at: break between any two characters.
        return "CHAR" if self.zh else "WORD"

    @property
    def align(self) -> str:
        # Justified English reads as print; Chinese lines are full anyway, and justifying a
        # character-wrapped line would stretch the spaces of any English in it.
        return "L" if self.zh else "J"

    # Running header (from page 2) and footer (every page).
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("memo", size=SMALL_PT - 0.5)
        self.set_text_color(*MUTED)
        self.cell(0, 5, _shorten(self.memo.title, 110), align="L")
        self.ln(6)
        self.set_draw_color(*MUTED)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(0, 0, 0)
        self.set_font("memo", size=BODY_PT)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("memo", size=SMALL_PT)
        self.set_text_color(*MUTED)
        label = PAGE_LABEL["zh" if self.zh else "en"].format(n=self.page_no(),
                                                             total=self.str_alias_nb_pages)
        self.cell(0, 6, label, align="C")
        self.set_text_color(0, 0, 0)

    # Blocks.
    def title_block(self, labels: dict) -> None:
        self.set_text_color(*ACCENT)
        self.set_font("memo", "B", 17)
        self._bold_cjk(lambda: self.multi_cell(0, 8.5, self.memo.title, wrapmode=self.wrap,
                                               align="L", new_x="LMARGIN", new_y="NEXT"))
        self.ln(3)
        self.set_text_color(0, 0, 0)
        colon = "：" if self.zh else ": "
        for key, value in (("to", self.memo.addressee), ("date", self.memo.date),
                           ("from", self.memo.author)):
            if not value:
                continue
            self.set_font("memo", "B", BODY_PT)
            self.cell(self.get_string_width(labels[key] + colon) + 1, 6, labels[key] + colon)
            self.set_font("memo", "", BODY_PT)
            self.multi_cell(0, 6, value, wrapmode=self.wrap, align="L", new_x="LMARGIN",
                            new_y="NEXT")
        self.ln(2)
        self.rule(0.6)
        self.ln(4)

    def rule(self, width: float = 0.3) -> None:
        self.set_draw_color(*ACCENT)
        self.set_line_width(width)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())

    def heading(self, text: str, level: int) -> None:
        size = 13.5 if level == 1 else 11.5
        if self.will_page_break(size + 18):  # keep a heading with the lines after it
            self.add_page()
        self.ln(4 if level == 1 else 2)
        self.set_text_color(*ACCENT)
        self.set_font("memo", "B", size)
        self._bold_cjk(lambda: self.multi_cell(0, size * 0.55, text, wrapmode=self.wrap,
                                               align="L", new_x="LMARGIN", new_y="NEXT"))
        if level == 1:
            self.ln(0.8)
            self.rule(0.3)
        self.ln(2.5 if level == 1 else 1.5)
        self.set_text_color(0, 0, 0)
        self.set_font("memo", "", BODY_PT)

    def _bold_cjk(self, draw) -> None:
        """Chinese glyphs come from a font with one weight: stroke their outline for bold."""
        if not self.zh:
            draw()
            return
        with self.local_context(text_mode="FILL_STROKE", line_width=0.18,
                                draw_color=self.text_color):
            draw()

    def body(self, text: str) -> None:
        """Paragraphs, ``- `` bullets and ``### `` subheadings of the memo's Markdown subset."""
        for kind, lines in body_blocks(text):
            if kind == "heading":
                self.heading(lines[0], level=2)
            elif kind == "bullet":
                self.bullet(lines[0])
            else:
                self.paragraph("".join(lines) if self.zh else " ".join(lines))

    def paragraph(self, text: str) -> None:
        self.set_font("memo", "", BODY_PT)
        self.multi_cell(0, 5.6, _fpdf_markdown(text), markdown=True, wrapmode=self.wrap,
                        align=self.align, new_x="LMARGIN", new_y="NEXT")
        self.ln(2.2)

    def bullet(self, text: str) -> None:
        self.set_font("memo", "", BODY_PT)
        indent = 6
        self.set_x(self.l_margin + 1.5)
        self.cell(indent - 1.5, 5.6, "•")
        self.multi_cell(self.w - self.r_margin - self.get_x(), 5.6, _fpdf_markdown(text),
                        markdown=True, wrapmode=self.wrap, align=self.align, new_x="LMARGIN",
                        new_y="NEXT")
        self.ln(1.2)

    def table_block(self, table: MemoTable) -> None:
        if table.caption:
            if self.will_page_break(20):
                self.add_page()
            self.set_font("memo", "I", SMALL_PT + 0.5)
            self.set_text_color(*MUTED)
            self.multi_cell(0, 5, table.caption, wrapmode=self.wrap, new_x="LMARGIN",
                            new_y="NEXT")
            self.set_text_color(0, 0, 0)
            self.ln(1)
        columns = len(table.columns)
        size = SMALL_PT if columns <= 5 else SMALL_PT - 1
        self.set_font("memo", "", size)
        self.set_draw_color(170, 170, 170)
        self.set_line_width(0.15)
        heading_style = FontFace(emphasis="BOLD", color=ACCENT, fill_color=(232, 238, 246))
        with self.table(col_widths=self._column_widths(table, padding=1.2), text_align="LEFT",
                        line_height=size * 0.5, padding=1.2, wrapmode=self.wrap,
                        headings_style=heading_style, first_row_as_headings=True) as grid:
            for values in [table.columns, *table.rows]:
                row = grid.row()
                for value in (list(values) + [""] * columns)[:columns]:
                    row.cell(str(value))
        self.ln(3)
        self.set_font("memo", "", BODY_PT)

    def _column_widths(self, table: MemoTable, padding: float) -> tuple[float, ...]:
        """Each column as wide as its longest cell (long text columns capped), then the widest
        columns shrunk (or the widest widened) until the table fills the text width."""
        spare = 2 * padding + 1.5
        natural = []
        for i, title in enumerate(table.columns):
            cells = [str(r[i]) for r in table.rows if i < len(r)]
            widest = max([self.get_string_width(c) for c in cells] or [0])
            # a heading may wrap at its words, but no narrower than its longest word
            title = str(title)
            words = [title[:4]] if has_cjk(title) else title.split() or [""]
            heading = max(self.get_string_width(w) for w in words) * 1.1
            natural.append(min(max(widest, heading) + spare, 80.0))
        total = sum(natural)
        if total <= self.epw:
            widest = natural.index(max(natural))
            natural[widest] += self.epw - total
            return tuple(natural)
        widths = sorted(natural, reverse=True)
        excess = total - self.epw
        # lower the tallest columns to a common cap until the excess is gone
        for k in range(1, len(widths) + 1):
            cap = (sum(widths[:k]) - excess) / k
            if k == len(widths) or cap >= widths[k]:
                return tuple(min(w, cap) for w in natural)
        return tuple(natural)

    def chart(self, png: bytes, caption: str) -> None:
        from PIL import Image

        with Image.open(io.BytesIO(png)) as image:
            ratio = image.height / image.width
        width = min(150.0, self.epw)
        height = width * ratio
        if self.will_page_break(height + 12):
            self.add_page()
        self.image(io.BytesIO(png), x=self.l_margin + (self.epw - width) / 2, w=width)
        self.ln(1)
        self.set_font("memo", "I", SMALL_PT + 0.5)
        self.set_text_color(*MUTED)
        self.multi_cell(0, 5, caption, align="C", wrapmode=self.wrap, new_x="LMARGIN",
                        new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(3)

    def references(self, memo: Memo) -> None:
        self.heading(memo.reference_heading, level=1)
        self.set_font("memo", "", SMALL_PT + 1)
        hang = 9
        for ref in memo.references.items:
            lines = self.multi_cell(self.epw - hang, 5, ref.line(memo.lang), wrapmode=self.wrap,
                                    dry_run=True, output="LINES")
            if self.will_page_break(5 * len(lines)):  # a reference is never split over pages
                self.add_page()
            self.set_x(self.l_margin)
            self.cell(hang, 5, f"[{ref.number}]")
            self.multi_cell(self.epw - hang, 5, ref.line(memo.lang), wrapmode=self.wrap,
                            align="L", new_x="LMARGIN", new_y="NEXT")
            self.ln(1.3)


_ITALIC = re.compile(r"(?<![*\w])\*(?!\*)(.+?)(?<!\*)\*(?![*\w])")


def _fpdf_markdown(text: str) -> str:
    """The memo's ``**bold**`` and ``*italic*`` in fpdf2's markers (``**``, ``__``), with
    fpdf2's other markers (``--`` underline, a literal ``__``) escaped."""
    text = text.replace("\\", "\\\\").replace("--", "\\--").replace("__", "\\__")
    return _ITALIC.sub(r"__\1__", text)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
