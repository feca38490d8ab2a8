"""Resources loaded once per server process (``st.cache_resource``) and the first-start build.

Start-up budget: the first page must show within 3 s of ``assistant serve``. Opening the engine
(Chroma, catalog, glossary) runs in a background thread started by the first script run, so the
page's frame draws while it loads; the embedding model (``import sentence_transformers`` alone
takes ~5 s) is never loaded by a first render: ``warm_up`` loads it in the background after the
first page is out, and the engine would otherwise load it lazily on the first search.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

import streamlit as st

from assistant.app.i18n import t
from assistant.auth import AccessPolicy
from assistant.config import Settings, get_settings

if TYPE_CHECKING:  # the engine module imports Chroma: not at import time of the app
    from assistant.engine import Engine

log = logging.getLogger(__name__)


def settings() -> Settings:
    return get_settings()


@st.cache_resource(show_spinner=False)
def _engine_future() -> Future:
    future: Future = Future()

    def run() -> None:
        try:
            from assistant.engine import open_engine

            future.set_result(open_engine(get_settings()))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for the engine
            future.set_exception(exc)

    threading.Thread(target=run, name="edubalance-open-engine", daemon=True).start()
    return future


def start_engine() -> None:
    """Begin opening the engine in the background (idempotent)."""
    _engine_future()


def engine() -> Engine:
    future = _engine_future()
    if not future.done():
        with st.spinner(t("opening_index")):
            future.result()
    try:
        return future.result()
    except Exception:
        _engine_future.clear()  # let the next run try again after, e.g., a fixed setting
        raise


def ready_engine() -> Engine:
    """The engine, with the index built from the corpus (with a progress bar) on first start."""
    eng = engine()
    if eng.is_empty():
        bar, update = progress_bar(t("building_index"))
        eng.ensure_index(progress=update)
        bar.empty()
    return eng


def regions(eng: Engine) -> list[str]:
    """The regions of the indexed documents, read once per index version for every session."""
    return _regions(str(settings().data_dir), eng.version())


@st.cache_data(show_spinner=False, max_entries=8)
def _regions(data_dir: str, version: int) -> list[str]:
    return engine().regions()


def document_text(eng: Engine, doc_id: str) -> str | None:
    """A document's text for the source panel, kept per index version and shared by sessions
    (the panel is redrawn on every run while it is open)."""
    return _document_text(str(settings().data_dir), eng.version(), doc_id)


@st.cache_resource(show_spinner=False, max_entries=64)
def _document_text(data_dir: str, version: int, doc_id: str) -> str | None:
    return engine().document_text(doc_id)


def warm_up() -> None:
    """Load the embedding model, the keyword index and the Chinese tokenizer in the background
    once the first page is out, so the first question does not pay for them (nothing is
    embedded: sentence vectors come with the index). Not under AppTest:
    a test process may exit while torch is still importing in that thread, which aborts it."""
    from streamlit import config  # looked up per call: AppTest patches config.get_option

    if not config.get_option("global.appTest"):
        _warm_up_thread()


@st.cache_resource(show_spinner=False)
def _warm_up_thread() -> threading.Thread:

    def run() -> None:
        try:
            eng = _engine_future().result()
            if eng.is_empty():
                return  # the first-start build loads everything anyway
            from assistant.warm import load_for_answers

            load_for_answers(eng)  # loading only: the sentence vectors came with the index
            # What is loaded now lives as long as the process: keep it out of the collector's
            # full passes, which otherwise walk half a million objects (0.4-0.7 s each).
            gc.freeze()
        except Exception:  # warming is an optimisation: a failure shows up on real use instead
            log.exception("warm-up failed")

    thread = threading.Thread(target=run, name="edubalance-warm-up", daemon=True)
    thread.start()
    return thread


def access_policy() -> AccessPolicy:
    return AccessPolicy.from_settings(settings(), secrets())


def secrets() -> dict[str, Any]:
    """``.streamlit/secrets.toml`` as a dict; empty when there is none."""
    if not _secrets_file_may_exist():
        return {}
    try:
        if st.secrets.load_if_toml_exists():
            return st.secrets.to_dict()
    except Exception:  # a malformed secrets file: Streamlit logs it; run as if absent
        log.warning("could not read .streamlit/secrets.toml", exc_info=True)
    return {}


def _secrets_file_may_exist() -> bool:
    """Whether a secrets file or folder is there (or AppTest hands secrets in). Without one,
    Streamlit looks for the files again on every call, under a lock shared by every session:
    a few stat calls here save that on each script run."""
    import os

    from streamlit import config

    if config.get_option("global.appTest"):
        return True
    return any(os.path.exists(path) for path in config.get_option("secrets.files"))


def progress_bar(label: str) -> tuple[Any, Callable[[int, int, str], None]]:
    """A progress callback for engine work, drawing a Streamlit progress bar."""
    bar = st.progress(0.0, text=label)

    def update(done: int, total: int, step: str) -> None:
        bar.progress(min(done / max(total, 1), 1.0), text=f"{label} {step}")

    return bar, update


def draft_store():
    """Where memo drafts are kept (``assistant.memo.drafts``; files under the data directory)."""
    return _draft_store(str(settings().data_dir), settings().database_url)


@st.cache_resource(show_spinner=False)
def _draft_store(data_dir: str, database_url: str | None = None):
    # One per process and data directory: the store keeps the version files it has parsed.
    from pathlib import Path

    from assistant.memo.drafts import open_draft_store

    return open_draft_store(Path(data_dir), database_url)


def viewer():
    """Who is asking for drafts: the signed-in identity; an admin sees every draft."""
    from assistant.app import login
    from assistant.auth import ADMIN
    from assistant.memo.drafts import Viewer

    return Viewer(owner=login.owner(access_policy()), admin=login.role() == ADMIN)
