"""Certainty as data: a document number our sources do not confirm is listed in the front matter's
`unconfirmed` and marked wherever a 文号 is shown — citation references, the CLI's JSON, memo
references, the library and the source panel."""

import re
from types import SimpleNamespace

import pytest

from assistant.config import DEFAULT_CORPUS_DIR as CORPUS
from assistant.corpus import CorpusDocument, load_documents, validate_document
from assistant.documents import Citation, Hit
from assistant.ingest.pipeline import content_hash, prepare
from assistant.library import library_entries
from assistant.memo.model import References

UNCONFIRMED = ["国办发〔2012〕48号", "教基一〔2013〕10号", "教科信〔2020〕3号", "国发〔2001〕21号",
               "国发〔2005〕43号", "国发〔2015〕67号", "国发〔2016〕40号"]
CONFIRMED = ["教督〔2017〕6号", "国发〔2012〕48号", "教师〔2014〕4号"]
DOCUMENTS = load_documents(CORPUS)[0]
BY_NUMBER = {str(d.metadata["doc_number"]): d for d in DOCUMENTS if d.metadata.get("doc_number")}


def first_chunk(number: str):
    path = BY_NUMBER[number].path
    data = path.read_bytes()
    return prepare(path, data, content_hash(data, ""), "corpus", 200).chunks[0]


@pytest.mark.parametrize("number", UNCONFIRMED)
def test_an_unconfirmed_number_is_marked_in_citations_json_and_memos(number):
    assert BY_NUMBER[number].metadata["unconfirmed"] == ["doc_number"]
    chunk = first_chunk(number)
    citation = Citation.from_chunk(chunk)
    assert citation.unconfirmed == ("doc_number",)
    assert f"{number} (document number unconfirmed)" in citation.reference()
    assert f"{number}（文号待核实）" in citation.reference("zh")
    assert citation.to_json()["number_label"] == f"{number} (document number unconfirmed)"
    assert Hit(chunk, 1.0).to_json()["unconfirmed"] == ["doc_number"]
    reference = References().add(citation)
    assert f"{number}（文号待核实）" in reference.line("zh")
    assert f"{number} (document number unconfirmed)" in reference.line("en")


@pytest.mark.parametrize("number", CONFIRMED)
def test_a_confirmed_number_is_shown_as_it_is(number):
    citation = Citation.from_chunk(first_chunk(number))
    assert citation.unconfirmed == ()
    assert number in citation.reference() and "unconfirmed" not in citation.reference()
    assert citation.number_label("zh") == number
    assert "待核实" not in References().add(citation).line("zh")


def test_exactly_the_numbers_the_certainty_notes_doubt_are_listed():
    doubted = set()
    for doc in DOCUMENTS:
        number = str(doc.metadata.get("doc_number") or "")
        certainty = str(doc.metadata.get("certainty", ""))
        if number and re.search(re.escape(number) + r"[^.;]*?(?:from memory|not confirmed)", certainty):
            doubted.add(number)
    listed = {number for number, doc in BY_NUMBER.items()
              if "doc_number" in (doc.metadata.get("unconfirmed") or [])}
    assert doubted == listed == set(UNCONFIRMED)


def test_the_library_shows_the_mark():
    rows = [SimpleNamespace(doc_id=d.id, metadata=d.metadata, origin="corpus", n_chunks=1,
                            source_path=str(d.path)) for d in DOCUMENTS]
    engine = SimpleNamespace(documents=lambda: rows)  # what library_entries asks of Engine
    labels = {e.doc_number: e.number_label("zh") for e in library_entries(engine) if e.doc_number}
    assert labels["国发〔2015〕67号"] == "国发〔2015〕67号（文号待核实）"
    assert labels["教督〔2017〕6号"] == "教督〔2017〕6号"


def test_the_source_panel_shows_the_mark():
    from streamlit.testing.v1 import AppTest

    from assistant.app.render import escape_markdown

    def panel():
        from assistant.app.render import citation_header
        from assistant.documents import Citation

        citation_header(Citation(doc_id="d", chunk_id="d:0", title="T", text="x",
                                 doc_number="国发〔2015〕67号", unconfirmed=("doc_number",)))

    at = AppTest.from_function(panel).run()
    assert not at.exception
    label = escape_markdown("国发〔2015〕67号 (document number unconfirmed)")
    assert any(label in c.value for c in at.caption)


def problems_with(**changes):
    doc = BY_NUMBER["教科信〔2020〕3号"]
    meta = {**doc.metadata, **changes}
    meta = {k: v for k, v in meta.items() if v is not None}
    return [(p.field, p.message) for p in
            validate_document(CorpusDocument(doc.path, meta, doc.body), CORPUS)]


def test_unconfirmed_must_list_front_matter_fields_that_the_document_fills_in():
    assert problems_with() == []
    assert any("non-empty list" in m for _, m in problems_with(unconfirmed="doc_number"))
    assert any("not a front-matter field" in m for _, m in problems_with(unconfirmed=["doc_numbr"]))
    assert any("not a front-matter field" in m for _, m in problems_with(unconfirmed=["sources"]))
    assert any("has no value" in m for _, m in problems_with(unconfirmed=["doc_number"],
                                                              doc_number=None))
    fields = [f for f, m in problems_with(certainty="Nothing is in doubt.") if "教科信" in m]
    assert fields == ["certainty"]


def test_memos_mark_unconfirmed_numbers_in_basis_notes_too():
    from assistant.documents import mark_unconfirmed_numbers
    from assistant.memo.build import _unconfirmed_numbers

    rows = [SimpleNamespace(doc_id=d.id, metadata=d.metadata) for d in DOCUMENTS]
    numbers = _unconfirmed_numbers(SimpleNamespace(documents=lambda: rows))
    assert numbers == set(UNCONFIRMED)
    note = "国发〔2016〕40号: eliminate classes of 56 or more pupils; 教督〔2017〕6号 class sizes"
    assert mark_unconfirmed_numbers(note, numbers) == (
        "国发〔2016〕40号 (document number unconfirmed): eliminate classes of 56 or more pupils; "
        "教督〔2017〕6号 class sizes")
    assert mark_unconfirmed_numbers("国发〔2016〕40号：消除大班额", numbers, "zh") == (
        "国发〔2016〕40号（文号待核实）：消除大班额")
    hedged = "number reportedly 教科信〔2020〕3号, unconfirmed"  # prose that already says so
    assert mark_unconfirmed_numbers(hedged, numbers) == hedged


def test_an_unknown_front_matter_field_is_named():
    # a misspelt `unconfirmed` would otherwise drop the mark without a word
    assert [field for field, _ in problems_with(unconfirmd=["doc_number"])] == ["unconfirmd"]
