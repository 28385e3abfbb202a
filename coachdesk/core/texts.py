"""The Qt-free layers' text catalogue: one data file per language, not Python.

Errors (coachdesk/errors.py), the reports' wording (reports/strings.py) and the PSS-10
chart's labels are looked up here by section and key in ``coachdesk/i18n/texts.<lang>.json``,
so a translator edits data. The GUI's own strings stay in Qt Linguist (i18n/*.ts).

A text is a ``str.format`` template with named placeholders (``{folder}``); both
languages have the same keys and the same placeholders (tests/test_texts_catalogue.py).
Standard library only, like the rest of core/: the CLI, the reports and the store read it
without Qt.
"""

from __future__ import annotations

import json
import string
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path

LANGS = ("da", "en")
DEFAULT_LANG = "da"

Catalogue = dict[str, dict[str, str]]


def catalogue_path(lang: str) -> Path:
    """The data file of ``lang``; a PyInstaller build unpacks it under sys._MEIPASS
    (packaging/coachdesk.spec copies coachdesk/i18n/texts.*.json)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    base = (
        Path(frozen_root) / "coachdesk"
        if frozen_root is not None
        else Path(__file__).resolve().parent.parent
    )
    return base / "i18n" / f"texts.{lang}.json"


@cache
def catalogue(lang: str) -> Catalogue:
    """All sections of ``lang`` (section -> key -> template). Read once."""
    if lang not in LANGS:
        raise ValueError(f"no catalogue for language {lang!r}")
    with catalogue_path(lang).open(encoding="utf-8") as f:
        data = json.load(f)
    return {section: dict(entries) for section, entries in data.items()}


def check_lang(lang: str | None) -> str:
    """A known language: Danish unless English is asked for."""
    return lang if lang in LANGS else DEFAULT_LANG


def lookup(section: str, key: str, lang: str) -> str | None:
    """The template, or None when the key is not in the catalogue."""
    return catalogue(check_lang(lang)).get(section, {}).get(key)


def placeholders(template: str) -> frozenset[str]:
    """The names of ``{name}`` fields in a template."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


class Term:
    """A word used inside a sentence (a parameter such as "passphrase"), written in the
    sentence's language: section "term" of the catalogue."""

    def __init__(self, key: str) -> None:
        self.key = key

    def text(self, lang: str) -> str:
        return text("term", self.key, lang)

    def __str__(self) -> str:
        return self.text("en")


class _Keep(dict[str, object]):
    """Missing parameters print as their placeholder: a gap never raises KeyError while
    an error message is being shown."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, params: Mapping[str, object]) -> str:
    """The template with its ``{name}`` fields filled in."""
    if not params and "{" not in template:
        return template
    return string.Formatter().vformat(template, (), _Keep(params))


def text(section: str, key: str, lang: str, params: Mapping[str, object] | None = None) -> str:
    """The text of ``key`` in ``lang``, filled in; an unknown key is returned as itself
    (a missing translation never hides what happened)."""
    template = lookup(section, key, lang)
    if template is None:
        template = lookup(section, key, "en") or key
    return fill(template, params or {})
