"""What the app does with an error nobody caught: tell the coach, keep working, leak nothing.

Without this hook, an exception in a Qt slot prints a traceback whose message can hold
personal data (SQLAlchemy puts statement parameters in its messages) and the coach sees
nothing. Here the coach gets a plain message box; stderr gets the frames only (file,
line, function), never the exception's message.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from coachdesk.errors import CoachDeskError
from coachdesk.ui.messages import error_text


def describe(exc: BaseException) -> str:
    if isinstance(exc, CoachDeskError):
        return error_text(exc)
    return QCoreApplication.translate(
        "ErrorHook", "Something went wrong in CoachDesk (%1). What you saved is safe in the "
        "vault, and open editors keep their text as drafts. If it happens again, tell your "
        "IT department what you were doing.").replace("%1", type(exc).__name__)


def frames_only(tb: TracebackType | None) -> str:
    return "".join(traceback.format_list(traceback.extract_tb(tb)))


def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if not isinstance(exc, CoachDeskError):
        sys.stderr.write(f"CoachDesk error {kind.__name__} at:\n{frames_only(tb)}")
    if QApplication.instance() is not None:
        QMessageBox.warning(QApplication.activeWindow(),
                            QCoreApplication.translate("ErrorHook", "CoachDesk"), describe(exc))


def install() -> None:
    sys.excepthook = hook
