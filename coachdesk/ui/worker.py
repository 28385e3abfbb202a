"""Run one slow call (key derivation, vault create/open) off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """``Task(fn).start(on_done, on_failed)``: the callbacks run on the GUI thread."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(False)
        # (True, result) or (False, exception) once run: for a caller that waited for the
        # pool and cannot wait for the queued signal.
        self.outcome: tuple[bool, Any] | None = None

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # every failure goes back to the GUI as a message
            self.outcome = (False, exc)
            self.signals.failed.emit(exc)
        else:
            self.outcome = (True, result)
            self.signals.done.emit(result)

    def start(
        self,
        on_done: Callable[[Any], None],
        on_failed: Callable[[Any], None],
        pool: QThreadPool | None = None,
    ) -> None:
        """Run on ``pool`` (a dialog's own, so that closing it waits for its work only),
        else on the global pool."""
        self.signals.done.connect(on_done)
        self.signals.failed.connect(on_failed)
        (pool or QThreadPool.globalInstance()).start(self)
