"""The Chroma server mode sends the auth token from settings.

Chroma 1.5's ``chroma run`` has no token check of its own, so the server is put behind a proxy
that requires ``Authorization: Bearer <token>`` (as a deployment would): with the token the
engine ingests and searches through it, without or with a wrong one it fails with a message
saying which setting to fix.
"""

from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.engine import Engine
from assistant.index.vector_store import StoreUnavailable
from reliability.servers import ChromaServer, TokenProxy, free_port

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chroma-auth")
    server = ChromaServer(folder)
    proxy = TokenProxy(server.port, TOKEN)
    yield proxy
    proxy.stop()
    server.stop()


def _settings(tmp_path, library, port: int, token: str | None) -> Settings:
    return Settings(data_dir=tmp_path / "data", corpus_dirs=[library], chroma_host="127.0.0.1",
                    chroma_port=port, chroma_auth_token=token, collection="auth-test")


def test_the_token_from_settings_is_sent_with_every_request(guarded, tmp_path, library,
                                                              monkeypatch):
    monkeypatch.setenv("ASSISTANT_CHROMA_AUTH_TOKEN", TOKEN)
    assert Settings().chroma_auth_token == TOKEN  # the environment variable reaches the setting
    guarded.seen.clear()
    engine = Engine(_settings(tmp_path, library, guarded.port, TOKEN))
    assert engine.ingest().ok
    hits = engine.search("teachers pay civil servants", k=2)
    assert hits[0].chunk.doc_id == "mini-law" and hits[0].dense_rank is not None
    assert guarded.seen and set(guarded.seen) == {f"Bearer {TOKEN}"}


@pytest.mark.parametrize("token, says", [(None, "set ASSISTANT_CHROMA_AUTH_TOKEN"),
                                         ("wrong", "was refused; check it")])
def test_a_missing_or_wrong_token_is_refused_with_what_to_set(guarded, tmp_path, library,
                                                              token, says):
    with pytest.raises(StoreUnavailable, match=says) as caught:
        Engine(_settings(tmp_path, library, guarded.port, token))
    assert f"127.0.0.1:{guarded.port}" in str(caught.value)


def test_an_unreachable_server_says_what_to_check(tmp_path, library):
    with pytest.raises(StoreUnavailable, match="ASSISTANT_CHROMA_HOST and ASSISTANT_CHROMA_PORT"):
        Engine(_settings(tmp_path, library, free_port(), TOKEN))
