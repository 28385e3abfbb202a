"""What the app does with an error nobody caught: tell the coach, keep working, leak nothing.

Without this hook, an exception in a Qt slot prints a traceback whose message can hold
personal data (SQLAlchemy puts statement parameters in its messages) and the coach sees
nothing. Here the coach gets a plain message box; stderr gets the frames only (file,
line, function), never the exception's message. The failures that are not bugs (a full
disk, an I/O error, a damaged database) are told as what they are, with the same
classification as the command line's (errors.classify).
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from coachdesk.errors import DiskFull, StorageError, classify
from coachdesk.ui import plain
from coachdesk.ui.messages import error_text


def describe(exc: BaseException) -> str:
    known = classify(exc)
    if isinstance(known, DiskFull):
        return QCoreApplication.translate(
            "ErrorHook",
            "The disk is full, so the change could not be saved. Free some space "
            "on the disk and try again; what you saved before is safe in the vault.",
        )
    if isinstance(known, StorageError):
        return QCoreApplication.translate(
            "ErrorHook",
            "The disk could not be read or written (an input/output error). "
            "Check the disk or the network drive and try again; what you saved before is "
            "safe in the vault.",
        )
    if known is not None:
        return error_text(known)
    return QCoreApplication.translate(
        "ErrorHook",
        "Something went wrong in CoachDesk (%1). What you saved is safe in the "
        "vault, and open editors keep their text as drafts. If it happens again, tell your "
        "IT department what you were doing.",
    ).replace("%1", type(exc).__name__)


def frames_only(tb: TracebackType | None) -> str:
    return "".join(traceback.format_list(traceback.extract_tb(tb)))


def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if classify(exc) is None:
        # A bug: where it happened, for IT; the message (which may quote data) never.
        sys.stderr.write(f"CoachDesk error {kind.__name__} at:\n{frames_only(tb)}")
    if QApplication.instance() is not None:
        # Plain text: a message can hold a name or a path, and AutoText renders markup.
        plain.warning(
            QApplication.activeWindow(),
            QCoreApplication.translate("ErrorHook", "CoachDesk"),
            describe(exc),
        )


def _thread_hook(args: object) -> None:
    # A worker thread's error: frames only, like the main hook (no box from a thread).
    tb = getattr(args, "exc_traceback", None)
    kind = getattr(args, "exc_type", Exception)
    if issubclass(kind, SystemExit):
        return
    sys.stderr.write(f"CoachDesk error {kind.__name__} in a thread at:\n{frames_only(tb)}")


def install() -> None:
    import threading

    from PySide6.QtCore import QTimer

    from coachdesk.log_policy import quiet_logging

    sys.excepthook = hook
    threading.excepthook = _thread_hook
    # Once the loop runs (importing logging is not worth delaying the first paint for);
    # nothing touches the vault before that.
    QTimer.singleShot(0, quiet_logging)
