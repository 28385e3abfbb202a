"""Text for a terminal: user data is shown, never obeyed.

A ref, a name or a path from an imported file or the vault can hold escape sequences
(ESC [2J clears the screen, OSC 8 makes links, OSC 52 writes the clipboard), line
breaks that forge a second line of output, bidi overrides (U+202E) that show text in
another order than it is, or lone surrogates that cannot even be encoded. Every line
the CLI prints goes through ``safe``, which shows those characters as escapes.
"""

from __future__ import annotations

import re

# C0 controls (also tab and line feed: one message is one line), DEL, C1 controls,
# the line and paragraph separators, the bidi marks, embeddings, overrides and
# isolates, and the surrogate code points (not characters: UTF-8 cannot encode them).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(m: re.Match[str]) -> str:
    cp = ord(m.group())
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}"


def safe(text: str) -> str:
    """``text`` with every control, separator, bidi and surrogate code point escaped."""
    return _UNSAFE.sub(_escape, text)
