"""The draft store (``assistant.memo.drafts``): memos round-trip, every save is a version (the
newest 20 kept), an earlier version can be restored, drafts are kept apart per owner, writes are
atomic, and a damaged file is reported by name and skipped."""

from __future__ import annotations

import json

import pytest
from tests_support import EXAMPLE_PROFILES

from assistant.documents import Citation
from assistant.memo import build_memo
from assistant.memo.collect import Excerpt, add_excerpt, topic_memo
from assistant.memo.drafts import (
    MAX_VERSIONS,
    DraftNotFound,
    DraftStore,
    FileDraftStore,
    Viewer,
    open_draft_store,
)

ME = Viewer()  # sign-in off: the installation owns every draft
ALICE, BOB = Viewer("alice@example.org"), Viewer("bob@example.org")
ADMIN = Viewer("root@example.org", admin=True)


@pytest.fixture
def store(tmp_path) -> FileDraftStore:
    return FileDraftStore(tmp_path / "drafts")


def _citation(doc: str, chunk: str, **extra) -> Citation:
    return Citation(doc_id=doc, chunk_id=chunk, title=f"Title of {doc}", text="passage", **extra)


def test_the_file_store_is_a_draft_store(tmp_path):
    assert isinstance(open_draft_store(tmp_path), DraftStore)
    assert open_draft_store(tmp_path).root == tmp_path / "drafts"


def test_a_district_memo_round_trips_with_tables_charts_and_references(
        example_advice, corpus_engine, store):
    advice = example_advice[EXAMPLE_PROFILES[0].name]
    memo = build_memo(advice.diagnosis, advice.suggestions, corpus_engine, "zh",
                      date="2026-01-15")
    info = store.create(memo, ME)
    back = store.open(info.id, ME).memo
    assert back.to_json() == memo.to_json()
    assert back.charts == memo.charts and back.charts
    assert [r.line("zh") for r in back.references.items] == \
        [r.line("zh") for r in memo.references.items]
    assert info.district == memo.district and info.lang == "zh" and info.kind == "district"
    # charts are stored once, beside the versions
    store.save(info.id, back, ME)
    assert len(list((store.root / info.id / "charts").glob("*.png"))) == len(memo.charts)


def test_every_save_is_a_version_the_newest_20_kept_and_any_restorable(store):
    memo = topic_memo("rotation")
    info = store.create(memo, ME)
    for n in range(2, 26):
        memo.edit_section("summary", f"Summary {n}")
        assert store.save(info.id, memo, ME).version == n
    versions = store.versions(info.id, ME)
    assert [v.number for v in versions] == list(range(25, 25 - MAX_VERSIONS, -1))
    assert len(list((store.root / info.id).glob("v*.json"))) == MAX_VERSIONS
    assert store.open(info.id, ME, version=10).memo.section("summary").body == "Summary 10"
    with pytest.raises(DraftNotFound):
        store.open(info.id, ME, version=2)  # pruned

    restored = store.restore(info.id, 10, ME)
    assert restored.version == 26
    assert store.open(info.id, ME).memo.section("summary").body == "Summary 10"
    assert store.versions(info.id, ME)[0].note == "restored:10"
    assert not list((store.root / info.id).glob(".*.json.*"))  # no temporary file left


def test_duplicate_and_delete(store):
    info = store.create(topic_memo("funding", "zh"), ME)
    copy = store.duplicate(info.id, ME)
    assert copy.id != info.id and copy.title.endswith("（副本）") and copy.version == 1
    store.delete(info.id, ME)
    assert [d.id for d in store.list(ME).drafts] == [copy.id]
    with pytest.raises(DraftNotFound):
        store.open(info.id, ME)


def test_drafts_are_kept_apart_per_owner_and_an_admin_sees_all(store):
    mine = store.create(topic_memo("alice"), ALICE)
    theirs = store.create(topic_memo("bob"), BOB)
    assert [d.id for d in store.list(ALICE).drafts] == [mine.id]
    assert [d.id for d in store.list(BOB).drafts] == [theirs.id]
    assert {d.id for d in store.list(ADMIN).drafts} == {mine.id, theirs.id}
    for action in (lambda: store.open(mine.id, BOB),
                   lambda: store.save(mine.id, topic_memo("x"), BOB),
                   lambda: store.versions(mine.id, BOB),
                   lambda: store.restore(mine.id, 1, BOB),
                   lambda: store.duplicate(mine.id, BOB),
                   lambda: store.delete(mine.id, BOB)):
        with pytest.raises(DraftNotFound):
            action()
    assert store.open(mine.id, ALICE).info.version == 1  # untouched
    # an admin may edit anyone's draft; it stays its owner's
    assert store.save(mine.id, topic_memo("edited by admin"), ADMIN).owner == ALICE.owner
    # a copy belongs to whoever made it
    assert store.duplicate(mine.id, ADMIN).owner == ADMIN.owner


def test_a_damaged_file_is_reported_by_name_and_skipped(store):
    good = store.create(topic_memo("good"), ME)
    edited = topic_memo("good")
    edited.edit_section("summary", "Second version.")
    store.save(good.id, edited, ME)
    newest = store.root / good.id / "v000002.json"
    newest.write_text('{"format": 1, "memo": {"title": "cut off', encoding="utf-8")
    wrong = store.root / "20200101-wrong"
    wrong.mkdir()
    (wrong / "v000001.json").write_text(json.dumps({"format": 1, "memo": {"lang": "en"}}))
    empty = store.root / "20200101-empty"
    empty.mkdir()

    listing = store.list(ME)
    reported = {str(d.path): d.reason for d in listing.damaged}
    assert str(newest) in reported
    assert "missing field" in reported[str(wrong / "v000001.json")]
    assert str(empty) in reported
    # the draft is listed from its newest readable version: nothing is dropped silently
    assert [(d.id, d.version) for d in listing.drafts] == [(good.id, 1)]
    assert store.open(good.id, ME).memo.section("summary").body != "Second version."
    # saving over a damaged newest version adds a version after it, never overwrites it
    assert store.save(good.id, edited, ME).version == 3
    assert newest.read_text(encoding="utf-8").startswith('{"format": 1, "memo": {"title": "cut')


def test_an_unknown_or_unsafe_id_is_not_found(store):
    store.create(topic_memo("x"), ME)
    for bad in ("../drafts", "nope-0000", "", "A/B"):
        with pytest.raises(DraftNotFound):
            store.open(bad, ME)


def test_added_excerpts_merge_references_without_duplicates():
    memo = topic_memo("teachers")
    law = _citation("law-a", "law-a#3", article="Article 31", doc_type="law",
                    doc_number="主席令第52号", unconfirmed=("doc_number",))
    policy, policy_other_passage = _citation("pol-b", "pol-b#1"), _citation("pol-b", "pol-b#7")
    add_excerpt(memo, "findings", Excerpt("Q1", "Pay [1]. Rotation [2].", [law, policy]))
    add_excerpt(memo, "findings", Excerpt("Q2", "Rotation again [1], pay [2].",
                                          [policy_other_passage, law]))
    body = memo.section("findings").body
    assert "Pay [1, Article 31]. Rotation [2]." in body
    assert "Rotation again [2], pay [1, Article 31]." in body
    assert [r.doc_id for r in memo.references.items] == ["law-a", "pol-b"]
    assert [p.chunk_id for p in memo.references.items[1].passages] == ["pol-b#1", "pol-b#7"]
    assert "主席令第52号 (document number unconfirmed)" in memo.references.items[0].line("en")


def test_a_markdown_table_in_an_answer_becomes_a_memo_table():
    memo = topic_memo("standards")
    text = ("Thresholds [1]:\n\n| Indicator | Primary | Junior |\n|---|---|---|\n"
            "| Teachers per 100 pupils | 4.2 [1] | 5.3 |\n")
    add_excerpt(memo, "findings", Excerpt("Q", text, [_citation("std-x", "std-x#1")]))
    section = memo.section("findings")
    assert "[[table 1]]" in section.body and "|" not in section.body
    assert section.tables[0].columns == ["Indicator", "Primary", "Junior"]
    assert section.tables[0].rows == [["Teachers per 100 pupils", "4.2 [1]", "5.3"]]
    assert [kind for kind, _ in section.blocks()] == ["text", "table"]
    from assistant.memo import memo_to_markdown

    markdown = memo_to_markdown(memo)
    assert "| Indicator | Primary | Junior |\n|---|---|---|" in markdown
    assert "\n**\n" not in markdown  # no empty caption


def test_a_case_summary_cites_its_sections_and_a_chinese_memo_reads_the_chinese_part(
        corpus_engine):
    from assistant.language import has_cjk
    from assistant.memo.collect import case_excerpt

    english = case_excerpt(corpus_engine, "case-baoqing-county", "en")
    assert english.heading.startswith("Case: Baoqing County")
    assert "**Context**:" in english.text and "**Lessons**:" in english.text
    assert english.citations and {c.doc_id for c in english.citations} == {"case-baoqing-county"}

    chinese = case_excerpt(corpus_engine, "case-baoqing-county", "zh")
    assert chinese.heading.startswith("案例：宝清县")
    first = chinese.text.splitlines()[0]
    assert first.startswith("- **背景**：") and has_cjk(first)
    assert "。 " not in chinese.text  # Chinese sentences run on
    assert "- " not in english.text.split("**Lessons**:")[1]  # list items flattened
    memo = topic_memo("宝清", "zh")
    add_excerpt(memo, "cases", chinese)
    assert memo.references.items[0].doc_id == "case-baoqing-county"
