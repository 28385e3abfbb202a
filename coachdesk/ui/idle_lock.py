"""Idle auto-lock: input to any of the app's windows restarts a timer; silence locks.

Keyboard, mouse and touch input reach a window (QWindow) before any widget in it, so
the lock watches windows, not the application: an application-wide event filter is a
Python call for every event of every object (timers, paints, layouts of each widget),
and it made Qt wrap its internal objects for Python. Measured here, that filter cost
45 ms of the first paint after unlock and about a quarter of opening a participant.
The windows are watched only while the lock is armed (the vault open): every window
open then, and each window that gets the focus later (a dialog, say).

Input only notes the time (``clock``, monotonic); the timer fires at the earliest moment
the lock could be due and ``check`` then locks, or waits for the rest. A test passes a
fake clock and calls ``check`` itself: no test waits in real time for a lock.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from shiboken6 import isValid

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    """Emits ``idle`` after ``minutes`` without keyboard, mouse or touch input."""

    idle = Signal()

    def __init__(
        self,
        minutes: float,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.clock = clock  # seconds, monotonic
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self._windows: list[QWindow] = []
        self._armed = False  # watching windows
        self._started = False  # between start() and stop()
        self._interval_ms = 1
        self._last_input = clock()
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        self._interval_ms = max(1, int(minutes * 60_000))
        if self.timer.isActive():
            self.timer.start(self._remaining_ms())

    def _remaining_ms(self) -> int:
        idle_ms = (self.clock() - self._last_input) * 1000
        return max(0, math.ceil(self._interval_ms - idle_ms))

    def check(self) -> None:
        """The timer's deadline: emit ``idle`` if there was no input for the whole
        interval, else wait for the rest of it."""
        if not self._started:
            return
        remaining = self._remaining_ms()
        if remaining <= 0:
            self.timer.stop()
            self.idle.emit()
        else:
            self.timer.start(remaining)

    def _input(self) -> None:
        self._last_input = self.clock()

    def start(self) -> None:
        """Arm the lock: from now on, ``minutes`` without input emit ``idle``."""
        app = QGuiApplication.instance()
        if app is not None and not self._armed:
            assert isinstance(app, QGuiApplication)
            app.focusWindowChanged.connect(self._watch)
            for window in app.topLevelWindows():
                self._watch(window)
            self._armed = True
        self._started = True
        self._input()
        self.timer.start(self._interval_ms)

    def stop(self) -> None:
        self._started = False
        self.timer.stop()
        app = QGuiApplication.instance()
        if app is not None and self._armed:
            assert isinstance(app, QGuiApplication)
            app.focusWindowChanged.disconnect(self._watch)
        for window in self._windows:
            if isValid(window):
                window.removeEventFilter(self)
        self._windows = []
        self._armed = False

    @property
    def armed(self) -> bool:
        return self._armed and self.timer.isActive()

    def watched_windows(self) -> list[QWindow]:
        """The windows whose input keeps the app unlocked (for tests and diagnostics)."""
        self._windows = [w for w in self._windows if isValid(w)]
        return list(self._windows)

    def _watch(self, window: QWindow | None) -> None:
        if window is None or not isValid(window):
            return
        self._windows = [w for w in self._windows if isValid(w)]
        if window not in self._windows:
            window.installEventFilter(self)
            self._windows.append(window)
        if self.timer.isActive():
            self._input()  # a window got the focus: that is activity too

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self.timer.isActive():
            self._input()
        return False
