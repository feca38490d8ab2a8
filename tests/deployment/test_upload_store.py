"""The upload store's records (``assistant/index/upload_store.py``) on SQLite and PostgreSQL:
every stored file has its SHA-256 in the catalog, uploads of one name from many writers at once
never share a file or a record, and a file changed behind the catalog's back is named."""

from __future__ import annotations

import functools
import hashlib
import threading
from types import SimpleNamespace

from assistant.config import Settings
from assistant.index.catalog import Catalog
from assistant.index.upload_store import damaged_uploads, store_upload, upload_records
from assistant.library import save_upload


def test_uploads_of_one_name_at_once_each_keep_their_bytes_and_hash(database_url, tmp_path):
    settings = Settings(data_dir=tmp_path / "data", upload_dir=tmp_path / "store")
    # Two catalogs on one database stand for two replicas (with the part of Engine that
    # save_upload uses: store_upload).
    catalogs = [Catalog(tmp_path / "unused.sqlite", database_url) for _ in range(2)]
    replicas = [SimpleNamespace(settings=settings, catalog=catalog,
                                store_upload=functools.partial(store_upload, catalog))
                for catalog in catalogs]
    contents = [f"# Notice {n}\n\nCounty {n} rotates teachers.\n".encode() for n in range(8)]
    stored: list = []
    errors: list[BaseException] = []

    def upload(number: int) -> None:
        try:
            stored.append(save_upload(replicas[number % 2], "notice.md", contents[number]))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=upload, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert len({p.name for p in stored}) == 8  # one file per distinct content
    assert sorted(p.read_bytes() for p in stored) == sorted(contents)
    records = upload_records(replicas[0].catalog)
    assert {name: digest for name, (digest, _) in records.items()} == \
        {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in stored}
    assert damaged_uploads(replicas[1].catalog, settings.uploads_dir) == {}

    # the bytes of the file holding the name again reuse it; a file changed behind the
    # catalog's back is named
    base = settings.uploads_dir / "notice.md"
    assert save_upload(replicas[1], "notice.md", base.read_bytes()) == base
    assert len(list(settings.uploads_dir.iterdir())) == 8
    changed = stored[0]
    changed.write_bytes(changed.read_bytes() + b"tampered")
    found = damaged_uploads(replicas[0].catalog, settings.uploads_dir)
    assert list(found) == [changed] and "differs from the one uploaded" in found[changed]
    for replica in replicas:
        replica.catalog.close()
