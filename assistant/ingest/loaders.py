"""Loaders: Markdown (YAML front matter), plain text, PDF, DOCX and HTML become ``LoadedDocument``s.

Every loader returns Markdown-like text (headings as ``#`` lines) so that one chunker serves all
formats, and raises ``IngestError`` with a reason a user can act on.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.documents import LoadedDocument
from assistant.ingest.errors import IngestError

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def load_file(path: Path, data: bytes | None = None) -> LoadedDocument:
    """Load one file by its suffix. ``data`` may carry the bytes already read."""
    suffix = path.suffix.lower()
    loader = _LOADERS.get(suffix)
    if loader is None:
        raise IngestError(str(path), f"unsupported file type '{suffix}'; use one of "
                          + ", ".join(SUPPORTED_SUFFIXES))
    raw = path.read_bytes() if data is None else data
    if not raw.strip():
        raise IngestError(str(path), "the file is empty; nothing to index — check that it is the "
                          "file you meant")
    try:
        document = loader(path, raw)
    except IngestError:
        raise
    except RecursionError as exc:
        raise IngestError(str(path), "the file is nested too deeply to read; it may be damaged or "
                          "crafted — re-save it from the program that made it") from exc
    except Exception as exc:  # parsers raise many types for damaged files
        raise IngestError(str(path), f"the file could not be read ({exc.__class__.__name__}: "
                          f"{str(exc)[:200]}); it may be damaged — re-save it and try again") from exc
    if not document.text.strip():
        raise IngestError(str(path), "no text could be extracted from the file")
    document.metadata.setdefault("source_name", path.name)
    document.metadata.setdefault("format", suffix.lstrip("."))
    return document


def decode_text(path: Path, raw: bytes) -> str:
    """Decode text bytes: BOMs first (UTF-8, UTF-16), then UTF-8, then GB18030 or Big5, then
    detection. Binary content is refused rather than indexed as garbage."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(str(path), f"the file starts with a {encoding.upper()} byte-order "
                                  f"mark but is not valid {encoding.upper()} ({exc.reason} at byte "
                                  f"{exc.start}); re-save it as UTF-8") from exc
    if b"\x00" in raw[:4096]:
        utf16 = _try_utf16_without_bom(raw)
        if utf16 is not None:
            return utf16
        raise IngestError(str(path), "the file looks binary, not text; check that it is the file "
                          "you meant and that its name ends in the right type")
    try:
        text = raw.decode("utf-8")
        if _looks_like_text(text):
            return text
    except UnicodeDecodeError:
        pass
    share, chinese = _legacy_chinese(raw)
    if chinese is not None and share >= 0.8:
        return chinese
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is not None and _looks_like_text(str(best)):
        return str(best)
    if chinese is not None:
        return chinese
    raise IngestError(str(path), "could not detect the text encoding; save it as UTF-8 and retry")


def _legacy_chinese(raw: bytes) -> tuple[float, str | None]:
    """(share of common Chinese characters, text) of the better of GB18030 and Big5 (cp950).
    GB18030 decodes almost any byte string, Big5 included (as nonsense), so both are tried and
    the decoding made of common Chinese characters wins."""
    best: tuple[float, str | None] | None = None
    for encoding in ("gb18030", "cp950"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_like_text(text):
            continue
        share = _common_chinese_share(text)
        if best is None or share > best[0]:
            best = (share, text)
    return best if best is not None else (0.0, None)


def _common_chinese_share(text: str) -> float:
    chars = [ch for ch in text[:20000] if ord(ch) > 127 and not ch.isspace()]
    return sum(_is_common_chinese(ch) for ch in chars) / len(chars) if chars else 1.0


@lru_cache(maxsize=65536)
def _is_common_chinese(ch: str) -> bool:
    """In the frequent-character level of GB2312 (rows B0-D7) or Big5 (A440-C67E), or their
    punctuation rows: mis-decoded text is mostly rare characters, kana and box drawing."""
    for encoding, frequent, punctuation in (("gb2312", range(0xB0, 0xD8), (0xA1, 0xA3)),
                                            ("big5", range(0xA4, 0xC7), (0xA1, 0xA2, 0xA3))):
        try:
            code = ch.encode(encoding)
        except UnicodeEncodeError:
            continue
        if len(code) == 2 and (code[0] in frequent or code[0] in punctuation):
            return True
    return False


def _try_utf16_without_bom(raw: bytes) -> str | None:
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    return None


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(sample) < 0.01


def load_markdown(path: Path, raw: bytes) -> LoadedDocument:
    text = decode_text(path, raw)
    metadata: dict = {}
    if text.startswith("---"):
        match = _FRONT_MATTER.match(text)
        if match is None:
            raise IngestError(str(path), "front matter starts with '---' but has no closing '---' "
                              "line; close it or remove it")
        try:
            parsed = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError as exc:
            where = getattr(exc, "problem_mark", None)
            line = f" at line {where.line + 2}" if where is not None else ""
            raise IngestError(str(path), f"front matter is not valid YAML{line}: "
                              f"{getattr(exc, 'problem', exc)}; fix the YAML between the '---' lines")
        if not isinstance(parsed, dict):
            raise IngestError(str(path), "front matter must be a mapping of field: value lines")
        metadata = {str(k): _plain(v) for k, v in parsed.items()}
        # Blank out the front matter rather than cut it, so offsets stay those of the file.
        text = " " * match.end() + text[match.end():]
    return LoadedDocument(str(path), text, metadata)


def _plain(value: object) -> object:
    """YAML dates become ISO strings so metadata stays JSON-serialisable."""
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[union-attr]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def load_text(path: Path, raw: bytes) -> LoadedDocument:
    return LoadedDocument(str(path), decode_text(path, raw))


def load_pdf(path: Path, raw: bytes) -> LoadedDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not raw.lstrip().startswith(b"%PDF"):
        raise IngestError(str(path), "not a PDF file (no %PDF header); it may be damaged or "
                          "mislabelled")
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise IngestError(str(path), "the PDF is password-protected; save an "
                                      "unprotected copy and upload that")
            except IngestError:
                raise
            except Exception as exc:  # pypdf raises several types for unsupported encryption
                raise IngestError(str(path), "the PDF is encrypted; save an unprotected copy") from exc
        pieces: list[str] = []
        pages: list[tuple[int, int, int]] = []
        offset = 0
        for number, page in enumerate(reader.pages, start=1):
            page_text = (page.extract_text() or "").strip()
            piece = page_text + "\n\n"
            pages.append((number, offset, offset + len(piece)))
            pieces.append(piece)
            offset += len(piece)
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(str(path), f"the PDF could not be read ({exc.__class__.__name__}: {exc});"
                          " it may be truncated or damaged") from exc
    text = "".join(pieces)
    if not text.strip():
        raise IngestError(str(path), "the PDF has no text layer; it may be a scan — run OCR on it "
                          "first and upload the result")
    title = (reader.metadata.title if reader.metadata else None) or None
    return LoadedDocument(str(path), text, {"title": title} if title else {}, pages)


def load_docx(path: Path, raw: bytes) -> LoadedDocument:
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise IngestError(str(path), "not a valid DOCX file (a DOCX is a zip archive); re-save it "
                          "from Word as .docx")
    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises several unrelated types for damaged files
        raise IngestError(str(path), f"the DOCX could not be read ({exc}); re-save it from "
                          "Word") from exc
    lines: list[str] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        level = _heading_level(style)
        lines.append(("#" * level + " " + text) if level else text)
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells]
            if any(cells):
                lines.append(" | ".join(cells))
    metadata = {}
    if document.core_properties.title:
        metadata["title"] = document.core_properties.title
    return LoadedDocument(str(path), "\n\n".join(lines), metadata)


def _heading_level(style: str) -> int:
    match = re.match(r"(?:Heading|标题)\s*(\d)", style)
    if match:
        return min(int(match.group(1)), 6)
    return 1 if style == "Title" else 0


def load_html(path: Path, raw: bytes) -> LoadedDocument:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode_text(path, raw), "html.parser")
    title = soup.title.get_text(strip=True) if soup.title else None
    for hidden in soup(["script", "style", "noscript", "template", "head", "svg", "iframe"]):
        hidden.decompose()
    lines: list[str] = []
    for element in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th",
                                  "pre", "blockquote", "dt", "dd"]):
        if element.find_parent(["p", "li", "td", "th", "pre", "blockquote", "dd"]) is not None:
            continue  # its text is already in the enclosing block
        text = " ".join(element.get_text(" ", strip=True).split())
        if not text:
            continue
        if element.name[0] == "h" and element.name[1:].isdigit():
            text = "#" * int(element.name[1]) + " " + text
        lines.append(text)
    if not lines:  # a page of bare text without block elements
        lines = [" ".join(soup.get_text(" ", strip=True).split())]
    return LoadedDocument(str(path), "\n\n".join(lines), {"title": title} if title else {})


_LOADERS: dict[str, Callable[[Path, bytes], LoadedDocument]] = {
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".txt": load_text,
    ".pdf": load_pdf,
    ".docx": load_docx,
    ".html": load_html,
    ".htm": load_html,
}
