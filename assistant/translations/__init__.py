"""The one translation table: a catalogue per language (``en.yaml``, ``zh.yaml`` beside this file)
and one ``t()``. The app, the answers, the charts, the memo and the command line take their words
from here.

A key is ``namespace.name``: ``app.*`` (the app's labels), ``app_field.*`` (the advisor form's
Chinese field names), ``value.*`` (metadata values: document types, levels, statuses…),
``answer.*`` (what the answer composer writes itself), ``chart.*``, ``area.*`` (responsibility
areas), ``flag.*`` (diagnosed problems), ``unit.*`` (indicator units), ``cli.*``; ``memo`` holds
the memo template, read whole by ``catalogue(lang)["memo"]``. The name is everything after the
first dot, so it may hold dots and spaces ("app_field.schools.urban_primary", "unit.m² per pupil").
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

LANGUAGES = ("en", "zh")
HERE = Path(__file__).resolve().parent


@functools.cache
def catalogue(language: str) -> dict[str, Any]:
    """The whole catalogue of ``language`` (English for a language we do not have)."""
    code = language if language in LANGUAGES else "en"
    return yaml.safe_load((HERE / f"{code}.yaml").read_text(encoding="utf-8"))


def lookup(key: str, language: str) -> str | None:
    """The text of ``key`` in ``language``, else in English; None when neither has it (or both
    leave it empty)."""
    namespace, _, name = key.partition(".")
    for code in (language, "en"):
        text = catalogue(code).get(namespace, {}).get(name)
        if text:
            return str(text)
    return None


def t(key: str, language: str, **values: object) -> str:
    """The text of ``key`` for a reader of ``language``, its {placeholders} filled from
    ``values``; KeyError when the catalogue has no such key."""
    text = lookup(key, language)
    if text is None:
        if _known(key):
            return ""  # a text both languages leave empty on purpose
        raise KeyError(key)
    return text.format(**values) if values else text


def label(namespace: str, value: str, language: str) -> str:
    """The label of a value in ``namespace`` (a flag, an area, a unit, a document type…), or the
    value itself when the catalogue has none."""
    return lookup(f"{namespace}.{value}", language) or value


def labels(namespace: str) -> dict[str, dict[str, str]]:
    """Every entry of ``namespace`` as ``{name: {"en": …, "zh": …}}``, in the English catalogue's
    order (the order areas are listed in)."""
    names = list(catalogue("en").get(namespace, {}))
    for code in LANGUAGES:
        names += [n for n in catalogue(code).get(namespace, {}) if n not in names]
    return {name: {code: str(catalogue(code).get(namespace, {}).get(name) or "")
                   for code in LANGUAGES} for name in names}


def _known(key: str) -> bool:
    namespace, _, name = key.partition(".")
    return any(name in catalogue(code).get(namespace, {}) for code in LANGUAGES)
