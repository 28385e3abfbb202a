"""Run slow calls (key derivation, vault create/open, a report, an export) off the GUI
thread: ``Task`` for one call, ``Jobs`` for a window that starts several."""

from __future__ import annotations

import threading
import time
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
        self.finished = threading.Event()  # set when the call has returned or raised
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
        finally:
            self.finished.set()

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


class Jobs:
    """The background calls of one window (the export and cohort report dialogs): each
    runs as a ``Task``, its callback on the GUI thread; ``wait`` lets the window's own
    running calls finish before its widgets go away (not every task of the pool)."""

    def __init__(self) -> None:
        self._tasks: list[Task] = []

    def run(
        self, fn: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Any], None]
    ) -> None:
        task = Task(fn)
        self._tasks.append(task)

        def finish(cb: Callable[[Any], None]) -> Callable[[Any], None]:
            def inner(value: Any) -> None:
                if task in self._tasks:
                    self._tasks.remove(task)
                cb(value)

            return inner

        task.start(finish(done), finish(failed))

    def busy(self) -> bool:
        """True while a call started here has not reported back."""
        return bool(self._tasks)

    def wait(self, timeout_ms: int = 10_000) -> None:
        deadline = time.monotonic() + timeout_ms / 1000
        for task in list(self._tasks):
            task.finished.wait(max(0.0, deadline - time.monotonic()))
