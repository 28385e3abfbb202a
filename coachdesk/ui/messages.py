"""The coach's language for errors that come from below the GUI.

core/ and store/ know nothing of Qt: their errors carry a code and parameters
(coachdesk/errors.py), and a record's errors a field path (core/problems.FieldError).
Their texts are in the catalogue, one data file per language (core/texts.py); this
module only picks the UI language and names a field by its label ("Goal 2, text"),
never by its JSON path. Nothing here matches or rewrites sentences.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from coachdesk import errors
from coachdesk.core import texts
from coachdesk.core.problems import FieldError


def ui_lang() -> str:
    """The catalogue language that matches the UI's (the translator installed by app.py
    sets the default QLocale): Danish or English."""
    return "da" if QLocale().language() == QLocale.Language.Danish else "en"


def error_text(exc: BaseException) -> str:
    """A CoachDeskError's sentence in the UI language. Anything else goes through the
    error boundary's classifier (error_hook.describe): the text of a database error
    quotes the statement's parameters (personal data), so it is never shown."""
    if isinstance(exc, errors.CoachDeskError):
        return exc.text(ui_lang())
    from coachdesk.ui.error_hook import describe

    return describe(exc)


def field_label(path: str, lang: str | None = None, *, capital: bool = True) -> str:
    """A record path as the coach reads it: ``goals[1].text`` -> "Goal 2, text" (the
    catalogue's section "field" names each part; a list index counts from 1)."""
    lang = lang or ui_lang()
    parts: list[str] = []
    for segment in path.removeprefix("$").strip(".").split("."):
        if not segment:
            continue
        name, _, index = segment.partition("[")
        word = texts.lookup("field", name, lang) or name.replace("_", " ")
        if index.rstrip("]").isdigit():
            word += f" {int(index.rstrip(']')) + 1}"
        parts.append(word)
    label = ", ".join(parts)
    return label[:1].upper() + label[1:] if capital else label


def field_text(error: str) -> str:
    """The problem of one record error without its path (shown beside its field)."""
    if isinstance(error, FieldError):
        return error.text(ui_lang())
    return error  # a plain sentence (not from core/records): shown as it is


def field_error(error: str) -> str:
    """One record error for a list under a form: "Goal 2, text: This field is required."
    in the UI language."""
    if isinstance(error, FieldError):
        label = field_label(error.path)
        text = error.text(ui_lang())
        return f"{label}: {text}" if label else text
    return error
