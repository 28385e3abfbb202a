"""Idle auto-lock: an application-wide event filter restarts a timer on any input.

The filter is installed only while the lock is armed (the vault open). It is a Python
call for every event of every object in the app; installed from the start, it also made
Qt wrap its internal objects for Python at the first paint (about 35 ms of the unlock
screen's start-up went to creating their enum types).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride,
})


class IdleLock(QObject):
    """Emits ``idle`` after ``minutes`` without keyboard, mouse or touch input."""

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self._filtering = False
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))

    def start(self) -> None:
        """Arm the lock: from now on, ``minutes`` without input emit ``idle``."""
        app = QCoreApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
        self._filtering = False

    @property
    def armed(self) -> bool:
        return self._filtering and self.timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self.timer.isActive():
            self.timer.start()
        return False
