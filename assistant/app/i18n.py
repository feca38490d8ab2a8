"""The app's words: ``t(key)`` reads ``app.<key>`` from the one translation table
(``assistant/translations``) in the session's language.

A test checks that every ``t("...")`` key used by the app exists there with both languages."""

from __future__ import annotations

import streamlit as st

from assistant import translations

LANGUAGES = translations.LANGUAGES


def _pairs(namespace: str) -> dict[str, tuple[str, str]]:
    return {key: (texts["en"], texts["zh"]) for key, texts in translations.labels(namespace).items()}


# Views of the catalogue, as (English, Chinese) pairs (tests compare page text with them).
LABELS: dict[str, tuple[str, str]] = _pairs("app")


def language() -> str:
    lang = st.session_state.get("lang", "en")
    return lang if lang in LANGUAGES else "en"


def t(key: str, **values: object) -> str:
    """The app label ``key`` in the session's language (``app.*`` in the catalogue)."""
    return translations.t(f"app.{key}", language(), **values)


def value_label(value: str) -> str:
    """The label of a metadata value (document type, level, topic…); unknown values as they are."""
    return translations.label("value", value, language())


def field_label_zh(path: str) -> str | None:
    """The Chinese name of an advisor form field (``schools.urban_primary``), if it has one."""
    return translations.lookup(f"app_field.{path}", "zh")
