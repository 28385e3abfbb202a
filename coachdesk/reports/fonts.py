"""The PDFs' font: DejaVu Sans Condensed (about Helvetica's width), shipped with the app
and embedded (as a subset) in each PDF.

The PDF standard fonts (Helvetica) only cover WinAnsi: a participant named Łukasz,
Şahin or Nguyễn would print as black boxes. DejaVu covers Latin, Greek, Cyrillic and
Vietnamese, and its licence allows redistribution (coachdesk/resources/DejaVu-LICENSE.txt).
Nothing is fetched: the files are part of the package.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from coachdesk.resources import resource_path

REGULAR = "CoachDeskSans"
BOLD = "CoachDeskSans-Bold"

_lock = threading.Lock()
_done = False
_cmap: frozenset[int] = frozenset()

# What a character the font lacks prints as: the Unicode replacement character, which
# DejaVu has. Without this an emoji in a note printed as an empty box that looked like
# a real mark; now it is visibly something that could not be shown.
MISSING = "\ufffd"


def register() -> None:
    """Register the two faces with reportlab once per process (thread-safe)."""
    global _done
    with _lock:
        if _done:
            return
        pdfmetrics.registerFont(TTFont(REGULAR, str(resource_path("DejaVuSansCondensed.ttf"))))
        pdfmetrics.registerFont(TTFont(BOLD, str(resource_path("DejaVuSansCondensed-Bold.ttf"))))
        # <b> in Paragraph markup picks the bold face.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        global _cmap
        _cmap = frozenset(pdfmetrics.getFont(REGULAR).face.charToGlyph)
        _done = True


def printable(text: str) -> str:
    """``text`` with every character the font cannot draw replaced by MISSING."""
    register()
    if all(ord(ch) in _cmap or ch in "\n\r\t" for ch in text):
        return text
    return "".join(ch if ord(ch) in _cmap or ch in "\n\r\t" else MISSING for ch in text)
