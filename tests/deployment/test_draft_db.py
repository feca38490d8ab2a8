"""Memo drafts in the database (``DatabaseDraftStore``) on SQLite and PostgreSQL: the same
promises as the file store (versions, the newest 20 kept, restore, owners), charts stored once,
and two stores on one database (two replicas) that see each other's saves at once."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from assistant.index.database import draft_charts, draft_versions, open_database
from assistant.memo.collect import topic_memo
from assistant.memo.draft_db import DatabaseDraftStore
from assistant.memo.drafts import (
    MAX_VERSIONS,
    DraftNotFound,
    DraftStore,
    FileDraftStore,
    Viewer,
    open_draft_store,
)

ME = Viewer()
ALICE, BOB = Viewer("alice@example.org"), Viewer("bob@example.org")
ADMIN = Viewer("root@example.org", admin=True)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def store(database_url, tmp_path) -> DatabaseDraftStore:
    store = open_draft_store(tmp_path / "data", database_url)
    assert isinstance(store, DatabaseDraftStore) and isinstance(store, DraftStore)
    return store


def count(store: DatabaseDraftStore, table: sa.Table, draft_id: str) -> int:
    with store.database.connect() as db:
        return db.execute(sa.select(sa.func.count()).select_from(table)
                          .where(table.c.draft_id == draft_id)).scalar()


def test_without_a_database_url_drafts_stay_files(tmp_path):
    assert isinstance(open_draft_store(tmp_path), FileDraftStore)
    assert isinstance(open_draft_store(tmp_path, None), FileDraftStore)


def test_a_memo_round_trips_with_its_charts_stored_once(store):
    memo = topic_memo("rotation 轮岗", "zh")
    memo.charts = {"cv": PNG, "same": PNG, "other": PNG[::-1]}
    info = store.create(memo, ME, note="first")
    back = store.open(info.id, ME).memo
    assert back.to_json() == memo.to_json() and back.charts == memo.charts
    assert info.lang == "zh" and info.kind == "topic" and info.version == 1
    assert info.title == memo.title and info.owner == ME.owner
    store.save(info.id, back, ME)
    assert count(store, draft_charts, info.id) == 2  # two distinct images, kept once each
    back.charts = {"cv": PNG}
    store.save(info.id, back, ME)
    assert store.open(info.id, ME).memo.charts == {"cv": PNG}
    assert store.open(info.id, ME, version=1).memo.charts == memo.charts


def test_every_save_is_a_version_the_newest_20_kept_and_any_restorable(store):
    memo = topic_memo("rotation")
    info = store.create(memo, ME)
    for n in range(2, 26):
        memo.edit_section("summary", f"Summary {n}")
        assert store.save(info.id, memo, ME).version == n
    versions = store.versions(info.id, ME)
    assert [v.number for v in versions] == list(range(25, 25 - MAX_VERSIONS, -1))
    assert count(store, draft_versions, info.id) == MAX_VERSIONS
    old = store.open(info.id, ME, version=10)
    assert old.memo.section("summary").body == "Summary 10" and old.info.version == 10
    with pytest.raises(DraftNotFound):
        store.open(info.id, ME, version=2)  # pruned

    assert store.restore(info.id, 10, ME).version == 26
    assert store.open(info.id, ME).memo.section("summary").body == "Summary 10"
    assert store.versions(info.id, ME)[0].note == "restored:10"


def test_duplicate_delete_and_listing_newest_first(store):
    first = store.create(topic_memo("funding", "zh"), ME)
    copy = store.duplicate(first.id, ME)
    assert copy.id != first.id and copy.title.endswith("（副本）") and copy.version == 1
    assert {d.id for d in store.list(ME).drafts} == {copy.id, first.id}
    store.delete(first.id, ME)
    assert [d.id for d in store.list(ME).drafts] == [copy.id]
    assert count(store, draft_versions, first.id) == 0
    with pytest.raises(DraftNotFound):
        store.open(first.id, ME)


def test_drafts_are_kept_apart_per_owner_and_an_admin_sees_all(store):
    mine = store.create(topic_memo("alice"), ALICE)
    theirs = store.create(topic_memo("bob"), BOB)
    assert [d.id for d in store.list(ALICE).drafts] == [mine.id]
    assert {d.id for d in store.list(ADMIN).drafts} == {mine.id, theirs.id}
    for action in (lambda: store.open(mine.id, BOB),
                   lambda: store.save(mine.id, topic_memo("x"), BOB),
                   lambda: store.versions(mine.id, BOB),
                   lambda: store.restore(mine.id, 1, BOB),
                   lambda: store.duplicate(mine.id, BOB),
                   lambda: store.delete(mine.id, BOB)):
        with pytest.raises(DraftNotFound, match="of yours"):
            action()
    assert store.open(mine.id, ALICE).info.version == 1
    assert store.save(mine.id, topic_memo("edited by admin"), ADMIN).owner == ALICE.owner
    for bad in ("../drafts", "nope-0000", "", "A/B"):
        with pytest.raises(DraftNotFound):
            store.open(bad, ME)


def test_two_replicas_saving_one_draft_at_once_each_get_a_version(database_url):
    # Two stores with their own connection pools stand for two replicas on other hosts.
    from assistant.index.database import create_engine
    from assistant.index.migrations import upgrade

    replicas = []
    for _ in range(2):
        engine = create_engine(database_url)
        upgrade(engine)
        replicas.append(DatabaseDraftStore(engine))
    a, b = replicas
    info = a.create(topic_memo("shared"), ME)
    assert [d.id for d in b.list(ME).drafts] == [info.id]  # seen by the other at once
    errors: list[BaseException] = []

    def edit(store: DatabaseDraftStore, who: str) -> None:
        try:
            for n in range(6):
                memo = store.open(info.id, ME).memo
                memo.edit_section("summary", f"{who} {n}")
                store.save(info.id, memo, ME, note=who)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=edit, args=(s, w)) for s, w in ((a, "a"), (b, "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    numbers = [v.number for v in a.versions(info.id, ME)]
    assert numbers == list(range(13, 0, -1))  # 1 + 12 saves, none lost, none twice
    assert sorted(v.note for v in b.versions(info.id, ME)) == [""] + ["a"] * 6 + ["b"] * 6
    newest = b.open(info.id, ME)
    assert newest.info.version == 13
    assert newest.memo.section("summary").body.startswith(a.versions(info.id, ME)[0].note)
    for store in replicas:
        store.database.dispose()


def test_the_draft_store_shares_the_catalogs_database(database_url, tmp_path):
    from assistant.index.catalog import Catalog

    catalog = Catalog(tmp_path / "unused.sqlite", database_url)
    store = open_draft_store(tmp_path, database_url)
    assert store.database is catalog.database is open_database(database_url)
