"""Resources loaded once per server process (``st.cache_resource``) and the first-start build."""

from __future__ import annotations

import streamlit as st

from assistant.app.i18n import t
from assistant.config import Settings, get_settings
from assistant.engine import Engine, open_engine


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    return open_engine()


def settings() -> Settings:
    return get_settings()


def ready_engine() -> Engine:
    """The engine, with the index built from the corpus (with a progress bar) on first start."""
    eng = engine()
    if eng.is_empty():
        bar = st.progress(0.0, text=t("building_index"))
        eng.ensure_index(progress=lambda done, total, label: bar.progress(
            min(done / max(total, 1), 1.0), text=f"{t('building_index')} {label}"))
        bar.empty()
    return eng


def progress_bar(label: str):
    """A progress callback for engine work, drawing a Streamlit progress bar."""
    bar = st.progress(0.0, text=label)

    def update(done: int, total: int, step: str) -> None:
        bar.progress(min(done / max(total, 1), 1.0), text=f"{label} {step}")

    return bar, update
