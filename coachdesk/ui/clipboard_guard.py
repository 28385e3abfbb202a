"""Personal data copied out of CoachDesk does not linger on the clipboard.

Anything copied from the app (a CPR number, a name, a note) is cleared after 30
seconds, and at once when the vault locks, as long as the clipboard still holds what
CoachDesk put there: something the coach copied from another program is never touched.
(KeePassXC clears its clipboard the same way.)
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
        super().__init__(parent)
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._ours: str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(clear_after_ms)
        self.timer.timeout.connect(self.clear)
        self._clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        # ownsClipboard() is reliable on X11 and Windows only; a copy made while one of
        # our windows has the focus is ours on every platform.
        if self._clipboard.ownsClipboard() or QGuiApplication.focusWindow() is not None:
            # Copied inside CoachDesk: remember it and start the countdown.
            self._ours = self._clipboard.text()
            if self._ours:
                self.timer.start()
        else:
            self._ours = None
            self.timer.stop()

    def clear(self) -> None:
        """Empty the clipboard if it still holds what CoachDesk copied."""
        self.timer.stop()
        if self._ours is not None and self._clipboard.text() == self._ours:
            self._clipboard.clear()
        self._ours = None
