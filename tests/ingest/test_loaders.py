import io
from pathlib import Path

import pytest

from assistant.ingest.errors import IngestError
from assistant.ingest.loaders import load_file


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_markdown_front_matter_becomes_metadata_and_offsets_are_kept(tmp_path):
    text = "---\nid: doc-1\ntitle: A title\ndate: 2014-08-13\ntopics: [teachers]\n---\n# Heading\nBody.\n"
    doc = load_file(write(tmp_path, "a.md", text.encode()))
    assert doc.metadata["id"] == "doc-1"
    assert doc.metadata["date"] == "2014-08-13"  # YAML date turned into an ISO string
    assert doc.metadata["topics"] == ["teachers"]
    assert "id: doc-1" not in doc.text
    assert doc.text.index("# Heading") == text.index("# Heading")


@pytest.mark.parametrize("front", ["---\ntitle: [unclosed\n---\nbody", "---\ntitle: x\nbody without end"])
def test_broken_front_matter_is_a_clear_error(tmp_path, front):
    with pytest.raises(IngestError) as info:
        load_file(write(tmp_path, "broken.md", front.encode()))
    assert "front matter" in info.value.reason


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_text_encodings_are_detected(tmp_path, encoding):
    content = "第三十二条 县级人民政府教育行政部门应当均衡配置本行政区域内学校师资力量。Teachers rotate."
    doc = load_file(write(tmp_path, f"t-{encoding}.txt", content.encode(encoding)))
    assert doc.text.strip() == content


def test_binary_bytes_named_txt_are_refused(tmp_path):
    with pytest.raises(IngestError) as info:
        load_file(write(tmp_path, "binary.txt", bytes(range(256)) * 50))
    assert "binary" in info.value.reason


def test_empty_file_is_refused(tmp_path):
    with pytest.raises(IngestError) as info:
        load_file(write(tmp_path, "empty.md", b"  \n"))
    assert "empty" in info.value.reason


def test_random_bytes_named_pdf_are_refused(tmp_path):
    with pytest.raises(IngestError) as info:
        load_file(write(tmp_path, "random.pdf", bytes(range(256)) * 10))
    assert "PDF" in info.value.reason


def make_pdf(pages: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 10, text)
    return bytes(pdf.output())


def test_pdf_pages_are_kept(tmp_path):
    data = make_pdf(["First page about funding.", "Second page about teacher rotation."])
    doc = load_file(write(tmp_path, "two.pdf", data))
    assert [page for page, _, _ in doc.pages] == [1, 2]
    assert doc.page_at(doc.text.index("teacher rotation")) == 2
    assert doc.page_at(doc.text.index("funding")) == 1


def test_truncated_pdf_is_a_clear_error(tmp_path):
    data = make_pdf(["Some text " * 50])
    with pytest.raises(IngestError) as info:
        load_file(write(tmp_path, "cut.pdf", data[: len(data) // 3]))
    assert "two.pdf" not in info.value.reason and info.value.path.endswith("cut.pdf")


def test_pdf_without_text_layer_says_it_may_be_a_scan(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    with pytest.raises(IngestError) as info:
        load_file(write(tmp_path, "scan.pdf", bytes(pdf.output())))
    assert "scan" in info.value.reason


def test_docx_headings_are_kept(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Rotation rules", level=1)
    document.add_paragraph("Counties rotate at least 10% of eligible teachers each year.")
    document.add_heading("Funding", level=2)
    document.add_paragraph("县级预算向农村学校倾斜。")
    buffer = io.BytesIO()
    document.save(buffer)
    doc = load_file(write(tmp_path, "notice.docx", buffer.getvalue()))
    assert "# Rotation rules" in doc.text
    assert "## Funding" in doc.text
    assert "县级预算向农村学校倾斜" in doc.text


def test_docx_that_is_not_a_zip_is_refused(tmp_path):
    with pytest.raises(IngestError) as info:
        load_file(write(tmp_path, "fake.docx", b"this is plain text, not a zip archive"))
    assert "zip" in info.value.reason


def test_html_keeps_visible_text_only(tmp_path):
    html = """<html><head><title>Notice</title><style>p {color: red}</style>
    <script>alert('x')</script></head><body><h1>Provincial notice</h1>
    <p>Counties shall <b>rotate</b> teachers.</p><ul><li>Item one</li></ul>
    <div hidden><script>document.write('evil')</script></div></body></html>"""
    doc = load_file(write(tmp_path, "notice.html", html.encode()))
    assert "# Provincial notice" in doc.text
    assert "Counties shall rotate teachers." in doc.text
    assert "Item one" in doc.text
    assert "alert" not in doc.text and "color: red" not in doc.text and "evil" not in doc.text
    assert doc.metadata["title"] == "Notice"


def test_unsupported_suffix_is_refused(tmp_path):
    with pytest.raises(IngestError) as info:
        load_file(write(tmp_path, "sheet.xls", b"data"))
    assert "unsupported" in info.value.reason
