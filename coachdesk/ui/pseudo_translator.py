"""Pseudo-localisation: every string about 40% longer and accented, to find clipped text.

``COACHDESK_PSEUDO=1 coachdesk`` shows "[Ŝàvé ţĥé ŝéŝŝîöñ ~~~~]" for "Save the session":
text that is cut off, hard-coded (not through tr()) or assembled from pieces stands out
at a glance, long before a real translation exists. Placeholders (%1, %n, {name}), HTML
tags, entities and the &-accelerator letter are kept as they are, so the app still works.
"""

from __future__ import annotations

import math
import os
import re

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

ENV = "COACHDESK_PSEUDO"

# A letter with a similar accented form; unlisted characters stay as they are.
_ACCENTS = str.maketrans(
    "abcdeghijklnorstuwyzABCDEGHIJKLNORSTUWYZ",
    "àƀçđéĝĥîĵķĺñöŕŝţûŵýžÀƁÇĐÉĜĤÎĴĶĹÑÖŔŜŢÛŴÝŽ",
)
# Pieces that must survive unchanged: placeholders, tags, entities, "&&", "&X".
_KEEP = re.compile(r"%L?\d+|%n|\{\w*\}|<[^>]*>|&\w+;|&&|&.", re.DOTALL)
# Qt's own contexts (QDialogButtonBox, QShortcut, ...) are Qt's business, not ours.
_QT_CONTEXT = re.compile(r"^Q[A-Z]")
GROWTH = 0.4


def accent(text: str) -> str:
    """The letters accented; placeholders, tags, entities and accelerators kept."""
    out, pos = [], 0
    for m in _KEEP.finditer(text):
        out.append(text[pos : m.start()].translate(_ACCENTS))
        out.append(m.group())
        pos = m.end()
    out.append(text[pos:].translate(_ACCENTS))
    return "".join(out)


def pseudo(text: str) -> str:
    """``text`` accented and padded to about 140% of its length, in brackets."""
    if not text.strip():
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    core = text.strip()
    pad = "~" * max(1, math.ceil(len(core) * GROWTH) - 3)
    if core.startswith("<"):
        # Rich text must still start with a tag, or Qt would show the markup itself.
        return lead + accent(core) + " " + pad + trail
    return f"{lead}[{accent(core)} {pad}]{trail}"


class PseudoTranslator(QTranslator):
    """Pseudo-translates every string of CoachDesk's own contexts."""

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if not source_text or _QT_CONTEXT.match(context or ""):
            return None  # a null string: Qt asks the next translator
        return pseudo(source_text)

    def isEmpty(self) -> bool:
        # Without a .qm file Qt would consider this translator empty and skip it.
        return False


def install_if_requested(app: QCoreApplication, parent: QObject | None = None) -> bool:
    """Install the pseudo translator (searched first) when COACHDESK_PSEUDO=1."""
    if os.environ.get(ENV) != "1":
        return False
    translator = PseudoTranslator(parent or app)
    app.installTranslator(translator)
    return True
