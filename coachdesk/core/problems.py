"""What is wrong with a value, as a code and parameters rather than a sentence.

core/ checks values (records, dates, CPR numbers, answers) without knowing who shows
the result: the importer prints it in a terminal, a form shows it under a field in
Danish. So a check says *which* rule failed (``code``) and with what (``params``); the
sentence is the catalogue's (core/texts.py, section "error"), in the reader's language.

``FieldError`` is one error of a record: its JSON path plus a problem. It is a ``str``
(``"$.name: This field is required."``, the English text) so that lists of them print,
join and compare as before; the GUI reads ``path``, ``code`` and ``params`` instead and
shows the field's label (ui/messages.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coachdesk.core import texts


def render(code: str, lang: str, params: Mapping[str, object] | None = None) -> str:
    return texts.text("error", code, lang, params)


class Problem(ValueError):
    """A value failed a rule: ``code`` and ``params`` say which and why. ``str()`` is the
    English text. ``index`` is the 0-based position of a bad list entry, if any."""

    def __init__(self, code: str, /, index: int | None = None, **params: Any) -> None:
        self.code = code
        self.params = {k: str(v) for k, v in params.items()}
        self.index = index
        super().__init__(render(code, "en", self.params))

    def text(self, lang: str) -> str:
        return render(self.code, lang, self.params)


class FieldError(str):
    """One error of a record: ``path`` (as in docs/format.md) and its problem."""

    path: str
    code: str
    params: dict[str, str]

    def __new__(
        cls, path: str, code: str, params: Mapping[str, object] | None = None
    ) -> FieldError:
        clean = {k: str(v) for k, v in (params or {}).items()}
        self = super().__new__(cls, f"{path}: {render(code, 'en', clean)}")
        self.path = path
        self.code = code
        self.params = clean
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (FieldError, (self.path, self.code, self.params))

    def text(self, lang: str) -> str:
        """The problem alone (without the path) in ``lang``."""
        return render(self.code, lang, self.params)

    def at(self, path: str) -> FieldError:
        """The same problem under another path (a record checked inside a file)."""
        return FieldError(path, self.code, self.params)
