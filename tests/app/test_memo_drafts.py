"""The memo workbench in the app (AppTest): drafts saved on creation and on every edit, listed,
reopened from the URL, versioned and restored; answers added from Ask with their citations
merged into the memo's references; drafts kept apart per user; a failed save said on the page
with the text kept; a damaged draft file reported by name."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.config import get_settings
from assistant.memo.drafts import Viewer, open_draft_store

APP = str(Path(__file__).resolve().parents[2] / "assistant" / "app" / "main.py")
CV_QUESTION = "How is the between-school coefficient of variation calculated?"

LAW_QUESTION = ("What does the Compulsory Education Law require county governments to do about "
                "weak schools?")
MEMO_MARKER = re.compile(r"\[(\d+)(?:[,，][^\]]*)?\]")


@pytest.fixture
def drafts(app_env):
    """An empty draft store in the app's data directory (the copied index is shared)."""
    folder = app_env / "drafts"
    shutil.rmtree(folder, ignore_errors=True)
    yield open_draft_store(app_env)
    shutil.rmtree(folder, ignore_errors=True)


def _memo_page(at):
    at.switch_page("views/memo.py").run()
    assert not at.exception, at.exception
    return at


def _start_topic_memo(at, topic: str):
    _memo_page(at)
    at.text_input(key="memo-new-topic").input(topic)
    at.button(key="memo-new-start").click().run()
    assert not at.exception, at.exception
    return at


def _ask(at, question: str):
    at.switch_page("views/ask.py").run()
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return [turn for turn in at.session_state["chat"] if turn["role"] == "assistant"][-1]


def _open_add_to_memo(at, key: str):
    """Open an "Add to memo" popover, as a click on it does (its form is built only while it is
    open; the open state is the popover's session state)."""
    at.session_state[f"{key}-popover"] = True
    at.run()
    assert not at.exception, at.exception
    return at


def _add_answer(at, number: int, target: str, section: str | None = None):
    """Press "Add to memo" under the ``number``-th chat turn (0-based over all turns)."""
    key = f"ask-add-{number}"
    _open_add_to_memo(at, key)
    at.selectbox(key=f"{key}-target").set_value(target).run()
    if section is not None:
        at.selectbox(key=f"{key}-section-{target}").set_value(section).run()
    at.button(key=f"{key}-add").click().run()
    assert not at.exception, at.exception
    return at


def _section_markers(body: str) -> list[int]:
    return [int(m.group(1)) for m in MEMO_MARKER.finditer(body)]


def test_a_new_memo_is_saved_at_once_and_every_edit_is_a_version_that_can_be_restored(
        app, drafts):
    at = _start_topic_memo(app.run(), "teacher rotation")
    listing = drafts.list(Viewer(admin=True))
    assert [d.title for d in listing.drafts] == ["Notes on teacher rotation"]
    draft = listing.drafts[0]
    assert draft.version == 1 and draft.kind == "topic" and draft.district == ""
    assert at.query_params["draft"] == draft.id  # a reload reopens it
    assert at.header[0].value == "Notes on teacher rotation"

    first = at.text_area[0]
    first.set_value("First summary.").run()
    at.text_area[0].set_value("Second summary.").run()
    assert not at.exception
    versions = drafts.versions(draft.id, Viewer())
    assert [v.number for v in versions] == [3, 2, 1]
    assert drafts.open(draft.id, Viewer()).memo.sections[0].body == "Second summary."
    assert any("version 3" in c.value for c in at.caption)

    # restore version 2: its text comes back and is saved as version 4
    at.selectbox(key="memo-version-pick").set_value(2).run()
    at.button(key="memo-restore").click().run()
    assert not at.exception
    assert at.text_area[0].value == "First summary."
    assert drafts.open(draft.id, Viewer()).memo.sections[0].body == "First summary."
    assert [v.number for v in drafts.versions(draft.id, Viewer())] == [4, 3, 2, 1]
    assert any("Version 2 restored" in s.value for s in at.success)


def test_a_draft_reopens_from_the_url_in_a_new_session(app, drafts):
    at = _start_topic_memo(app.run(), "small schools")
    at.text_area[1].set_value("Our findings, kept.").run()
    draft_id = at.query_params["draft"]

    fresh = AppTest.from_file(APP, default_timeout=120)  # a new browser session: nothing in it
    fresh.query_params["draft"] = draft_id
    fresh.run()
    fresh = _memo_page(fresh)
    assert fresh.header[0].value == "Notes on small schools"
    assert fresh.text_area[1].value == "Our findings, kept."


def test_drafts_are_listed_duplicated_and_deleted_with_confirmation(app, drafts):
    at = _start_topic_memo(app.run(), "funding")
    original = at.query_params["draft"]
    at.button(key="memo-duplicate").click().run()
    assert not at.exception
    titles = sorted(d.title for d in drafts.list(Viewer()).drafts)
    assert titles == ["Notes on funding", "Notes on funding (copy)"]
    table = at.dataframe[0].value
    assert sorted(table["Title"]) == titles
    assert {"Title", "District", "Date", "Language"} <= set(table.columns)

    at.selectbox(key="memo-pick").set_value(original).run()
    at.button(key="memo-delete").click().run()
    assert any("cannot be undone" in w.value for w in at.warning)
    assert len(drafts.list(Viewer()).drafts) == 2  # nothing deleted before the confirmation
    at.button(key="memo-delete-no").click().run()
    assert len(drafts.list(Viewer()).drafts) == 2
    at.button(key="memo-delete").click().run()
    at.button(key="memo-delete-yes").click().run()
    assert not at.exception
    assert [d.title for d in drafts.list(Viewer()).drafts] == ["Notes on funding (copy)"]


def test_an_answer_added_from_ask_appears_with_its_citations_renumbered_and_merged(app, drafts):
    at = app.run()
    first = _ask(at, CV_QUESTION)
    assert first["citations"]
    at = _add_answer(at, 1, "__new__")
    listing = drafts.list(Viewer()).drafts
    assert len(listing) == 1
    memo = drafts.open(listing[0].id, Viewer()).memo
    findings = memo.section("findings")
    assert f"### {CV_QUESTION}" in findings.body
    # the answer's markers now point at the memo's reference list, numbered from 1 in order
    used = _section_markers(findings.body)
    assert used and used[0] == 1
    cited_docs = {c.doc_id for c in first["citations"]}
    assert {r.doc_id for r in memo.references.items} == cited_docs
    assert len(memo.references.items) == len(cited_docs)
    assert max(used) == len(memo.references.items)

    # a second answer into the same draft: shared documents keep their number, new ones follow
    second = _ask(at, LAW_QUESTION)
    before = {r.doc_id: r.number for r in memo.references.items}
    at = _add_answer(at, 3, listing[0].id, section="findings")
    memo = drafts.open(listing[0].id, Viewer()).memo
    doc_ids = [r.doc_id for r in memo.references.items]
    assert len(doc_ids) == len(set(doc_ids))  # no duplicate references
    assert set(doc_ids) == cited_docs | {c.doc_id for c in second["citations"]}
    assert [r.number for r in memo.references.items] == list(range(1, len(doc_ids) + 1))
    for doc_id, number in before.items():
        assert memo.references.items[number - 1].doc_id == doc_id
    added = memo.section("findings").body.split(f"### {LAW_QUESTION}")[1]
    numbers = {r.doc_id: r.number for r in memo.references.items}
    from assistant.answer.markers import by_first_use
    from assistant.citations import MARKER

    text, citations, _ = by_first_use(second["text"], second["citations"], [])
    expected = [numbers[citations[int(m.group(1)) - 1].doc_id] for m in MARKER.finditer(text)]
    assert _section_markers(added) == expected
    # the memo page shows it, with its references
    at = _memo_page(at)
    assert any(LAW_QUESTION in area.value for area in at.text_area)
    refs = [m.value for m in at.markdown if re.match(r"^\d+\\\. ", m.value)]
    assert len(refs) == len(doc_ids)


def test_two_users_see_only_their_own_drafts_and_an_admin_sees_all(app, drafts, monkeypatch):
    monkeypatch.setenv("ASSISTANT_APP_PASSWORD", "reader-pw")
    monkeypatch.setenv("ASSISTANT_ADMIN_PASSWORD", "admin-pw")
    get_settings.cache_clear()

    def signed_in(name: str, password: str):
        at = AppTest.from_file(APP, default_timeout=120).run()
        at.text_input(key="login-main-name").input(name)
        at.text_input(key="login-main-password").input(password)
        next(b for b in at.button if b.label == "Sign in").click().run()
        assert not at.exception and at.title[0].value == "EduBalance Advisor"
        return at

    alice = _start_topic_memo(signed_in("Alice", "reader-pw"), "alice's topic")
    alice_id = alice.query_params["draft"]
    bob = _start_topic_memo(signed_in("Bob", "reader-pw"), "bob's topic")

    owners = {d.title: d.owner for d in drafts.list(Viewer(admin=True)).drafts}
    assert owners == {"Notes on alice's topic": "alice", "Notes on bob's topic": "bob"}
    bob = _memo_page(bob)
    assert "Drafts (1)" in [e.label for e in bob.expander]
    assert list(bob.dataframe[0].value["Title"]) == ["Notes on bob's topic"]

    # bob cannot open alice's draft even with its id in the URL
    snoop = signed_in("Bob", "reader-pw")
    snoop.query_params["draft"] = alice_id
    snoop = _memo_page(snoop)
    assert any("no draft" in e.value for e in snoop.error)
    assert not snoop.header or snoop.header[0].value != "Notes on alice's topic"

    admin = _memo_page(signed_in("", "admin-pw"))
    titles = set(admin.dataframe[0].value["Title"])
    assert titles == {"Notes on alice's topic", "Notes on bob's topic"}
    assert "Owner" in admin.dataframe[0].value.columns


def test_a_failed_save_is_said_on_the_page_and_the_text_stays_in_the_editor(
        app, drafts, monkeypatch):
    at = _start_topic_memo(app.run(), "supervision")
    draft_id = at.query_params["draft"]
    import assistant.memo.drafts as drafts_module

    real_write = drafts_module._atomic_write

    def disk_full(path, data):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(drafts_module, "_atomic_write", disk_full)
    at.text_area[0].set_value("Text that must not be lost.").run()
    assert not at.exception
    assert any("could not be saved" in e.value and "No space left" in e.value for e in at.error)
    assert at.text_area[0].value == "Text that must not be lost."
    assert drafts.versions(draft_id, Viewer()) and len(drafts.versions(draft_id, Viewer())) == 1

    at.run()  # another run of the page keeps the unsaved text and the message
    assert at.text_area[0].value == "Text that must not be lost."
    assert any("could not be saved" in e.value for e in at.error)

    monkeypatch.setattr(drafts_module, "_atomic_write", real_write)
    at.button(key="memo-retry-save").click().run()
    assert not at.exception
    assert not any("could not be saved" in e.value for e in at.error)
    assert drafts.open(draft_id, Viewer()).memo.sections[0].body == "Text that must not be lost."


def test_a_damaged_draft_file_is_reported_by_name_and_skipped(app, drafts):
    at = _start_topic_memo(app.run(), "layout")
    draft_id = at.query_params["draft"]
    broken = drafts.root / "20200101-broken"
    broken.mkdir(parents=True)
    (broken / "v000001.json").write_text("{not json", encoding="utf-8")
    at = _memo_page(at)
    warnings = [w.value for w in at.warning]
    assert any(str(broken / "v000001.json") in w for w in warnings), warnings
    assert list(at.dataframe[0].value["Title"]) == ["Notes on layout"]
    assert at.query_params["draft"] == draft_id


def test_a_case_added_from_cases_is_summarised_with_its_citations(app, app_engine, drafts):
    from assistant.cases import list_cases

    case = list_cases(app_engine, area="teachers")[0]
    at = app.run()
    at.switch_page("views/cases.py").run()
    at.selectbox(key="case-read").set_value(case.doc_id).run()
    key = f"case-add-{case.doc_id}"
    _open_add_to_memo(at, key)
    at.selectbox(key=f"{key}-target").set_value("__new__").run()
    at.text_input(key=f"{key}-topic").input("teacher exchange")
    at.button(key=f"{key}-add").click().run()
    assert not at.exception, at.exception
    assert any("Added to “Notes on teacher exchange”" in s.value for s in at.success)

    memo = drafts.open(drafts.list(Viewer()).drafts[0].id, Viewer()).memo
    body = memo.section("cases").body
    assert f"### Case: {case.title}" in body
    assert "**Context**" in body and "**Measures**" in body
    assert [r.doc_id for r in memo.references.items] == [case.doc_id]
    assert set(_section_markers(body)) == {1}


def test_after_adding_to_a_new_memo_the_next_add_goes_to_the_same_memo(app, drafts):
    at = app.run()
    _ask(at, CV_QUESTION)
    at = _add_answer(at, 1, "__new__")
    created = drafts.list(Viewer()).drafts
    assert len(created) == 1
    assert at.selectbox(key="ask-add-1-target").value == created[0].id
    at.button(key="ask-add-1-add").click().run()  # the same answer again, to the same memo
    assert not at.exception
    listing = drafts.list(Viewer()).drafts
    assert [d.id for d in listing] == [created[0].id] and listing[0].version == 2
    assert not at.warning  # no widget-state warning from the moved default


def test_the_add_to_memo_form_is_built_only_when_its_popover_is_open(app, drafts):
    at = app.run()
    _ask(at, CV_QUESTION)
    _ask(at, LAW_QUESTION)
    keys = {w.key for w in at.selectbox} | {w.key for w in at.button}
    assert not {k for k in keys if k and k.startswith("ask-add-")}  # closed: no form, no lists
    _open_add_to_memo(at, "ask-add-1")
    keys = {w.key for w in at.selectbox} | {w.key for w in at.button}
    assert {"ask-add-1-target", "ask-add-1-add"} <= keys
    assert not {k for k in keys if k and k.startswith("ask-add-3")}  # the other stays closed
    at.session_state["ask-add-1-popover"] = False
    at.run()
    assert "ask-add-1-target" not in {w.key for w in at.selectbox}
